"""A resource page as a browser sees it: headless Chromium (Debian's package) against a live server.

`scripts/check --install-browser` installs chromium (CI passes it); without it these tests are skipped, saying why.
"""

from __future__ import annotations

import subprocess
import tempfile

import pytest

from tests.browser.conftest import CHROMIUM

pytestmark = pytest.mark.browser


def _dump_dom(url: str) -> str:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed: sudo apt-get install chromium, or bash scripts/check --install-browser")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=90,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_browser_follows_the_iri_to_an_html_page_with_sources(live_url: str) -> None:
    dom = _dump_dom(f"{live_url}/id/instrument/sdp-2025")
    assert "<html" in dom.lower()
    assert "EU–Canada Security and Defence Partnership" in dom
    assert (
        "https://eeas.europa.eu/eeas/security-and-defence-eu-and-canada-sign-security-and-defence-partnership_en" in dom
    )  # the source is on the page
    assert "Maritime security" in dom or "maritime-security" in dom  # its cooperation areas are linked


def test_browser_opens_the_interactive_api_docs(live_url: str) -> None:
    dom = _dump_dom(f"{live_url}/docs")
    assert "swagger" in dom.lower()

"""Check every Cypher text of the project with Neo4j's own Cypher front end (Cypher 5).

    python -m tools.cypher_lint          # exit 1 on any error, or any warning (deprecations included)

Runs `scripts/cypher-lint/lint.mjs` (the npm package `@neo4j-cypher/language-support`, its
`lintCypherQuery`) with Node.js. The package is pinned by `scripts/cypher-lint/package-lock.json` and
installed with `npm ci` into `.venv/cypher-lint/` (not committed) the first time, and again when the
lock file changes; its diagnostics are kept there too, so a run after the first sends only new or
changed texts to the front end. Needs `node` (20 or newer) and `npm`. Which texts are checked, and how strictly
for each engine: tools/cypher_texts.py.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from tools.cypher_texts import CypherText, collect

__all__ = ["judge", "lint", "main"]

ROOT = Path(__file__).resolve().parent.parent
SCRIPT_DIR = ROOT / "scripts" / "cypher-lint"
CACHE = ROOT / ".venv" / "cypher-lint"
RESULTS = CACHE / "results.json"  # the front end's diagnostics by text key (`_keys`)
ERROR, WARNING = 1, 2


class LintSetupError(RuntimeError):
    pass


def _node_modules() -> Path:
    """The pinned package, installed with `npm ci` into CACHE when absent or out of date."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise LintSetupError(
                f"`{tool}` is not installed: the Neo4j Cypher check needs Node.js 20+ and npm "
                "(e.g. `sudo apt-get install nodejs npm`, or https://nodejs.org); see README"
            )
    lock = (SCRIPT_DIR / "package-lock.json").read_bytes()
    stamp = CACHE / "installed.sha256"
    digest = hashlib.sha256(lock).hexdigest()
    modules = CACHE / "node_modules"
    if not (modules.is_dir() and stamp.exists() and stamp.read_text() == digest):
        CACHE.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(SCRIPT_DIR / name, CACHE / name)
        done = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=CACHE, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise LintSetupError(f"`npm ci` failed in {CACHE}:\n{done.stderr.strip()}")
        stamp.write_text(digest)
    return modules


def _keys(texts: list[CypherText]) -> dict[str, str]:
    """Each text's cache key: the text as the front end gets it, with the pinned package and lint.mjs."""
    tool = hashlib.sha256((SCRIPT_DIR / "package-lock.json").read_bytes() + (SCRIPT_DIR / "lint.mjs").read_bytes())
    return {
        t.id: hashlib.sha256(tool.digest() + json.dumps(t.as_json(), sort_keys=True).encode()).hexdigest()
        for t in texts
    }


def lint(texts: list[CypherText]) -> dict[str, list[dict[str, object]]]:
    """Diagnostics of Neo4j's front end, by text id. The front end's verdict on a text depends only on
    that text (and the pinned package), so verdicts are kept in RESULTS and only new or changed texts
    go to Node (the whole corpus takes the front end about half a minute)."""
    modules = _node_modules()
    keys = _keys(texts)
    try:
        known: dict[str, list[dict[str, object]]] = json.loads(RESULTS.read_text())
    except (OSError, ValueError):
        known = {}
    todo = [t for t in texts if keys[t.id] not in known]
    if todo:
        done = subprocess.run(
            ["node", str(SCRIPT_DIR / "lint.mjs"), str(modules)],
            input=json.dumps([t.as_json() for t in todo]),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise LintSetupError(f"the Cypher front end failed:\n{done.stderr.strip()}")
        for result in json.loads(done.stdout):
            known[keys[result["id"]]] = result["diagnostics"]
        RESULTS.write_text(json.dumps({keys[t.id]: known[keys[t.id]] for t in texts}))
    return {t.id: known[keys[t.id]] for t in texts}


def judge(text: CypherText, diagnostics: list[dict[str, object]]) -> list[dict[str, object]]:
    """The diagnostics that fail the check: every error and warning for a text Neo4j runs; only the
    errors for a text only FalkorDB runs (tools/cypher_texts.py)."""
    if text.engines == "falkordb":
        return [d for d in diagnostics if d["severity"] == ERROR]
    return [d for d in diagnostics if d["severity"] in (ERROR, WARNING)]


def main() -> int:
    texts = collect()
    try:
        found = lint(texts)
    except LintSetupError as exc:
        print(f"Neo4j Cypher check: {exc}", file=sys.stderr)
        return 1
    failures = 0
    for text in texts:
        for d in judge(text, found.get(text.id, [])):
            failures += 1
            kind = "error" if d["severity"] == ERROR else "warning"
            print(f"{text.id}:{d['line']}:{d['column']}: {kind}: {d['message']}")
    counts = {e: sum(t.engines == e for t in texts) for e in ("both", "neo4j", "falkordb")}
    summary = ", ".join(f"{n} {e}" for e, n in counts.items())
    print(f"Neo4j Cypher front end (Cypher 5): {len(texts)} texts ({summary}), {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

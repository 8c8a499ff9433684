"""How hard the property tests try. Two Hypothesis profiles, registered in tests/conftest.py:

- `ci` (the default, what `bash scripts/check` and CI run): few examples per property, enough to
  reach every kind of input each run, so the whole suite stays within its time budget;
- `thorough` (`pytest --hypothesis-profile=thorough`, or `bash scripts/check --hypothesis-profile=thorough`):
  many more examples per property and per API operation, for a run before a release or after a
  change to the code a property covers.

A test names both counts with `examples(ci, thorough)`; the profile in force picks one. Both
profiles have no deadline (the engines' timings vary on a shared machine; speed is bench/'s job).
"""

from __future__ import annotations

from hypothesis import settings

CI, THOROUGH = "ci", "thorough"


def profile() -> str:
    """The Hypothesis profile in force (`ci` unless `--hypothesis-profile` says otherwise)."""
    return str(settings.get_current_profile_name())


def examples(ci: int, thorough: int) -> int:
    """`thorough` examples under the thorough profile, `ci` otherwise."""
    return thorough if profile() == THOROUGH else ci

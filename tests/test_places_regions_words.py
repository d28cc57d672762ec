"""`foedus places --regions` with a places-only option names only the options given: `--regions --homes` was told
'--homes and --date have no effect with --regions', naming a --date never given (the s40 robustness audit)."""

from __future__ import annotations

import pytest

from test_input_messages import _error_line


@pytest.mark.parametrize(("given", "said"), [
    (["--homes"], "--homes has no effect with --regions (it concerns places); leave it out"),
    (["--date", "2000-01-01"], "--date has no effect with --regions (it concerns places); leave it out"),
    (["--homes", "--date", "2000-01-01"], "--homes has no effect with --regions (it concerns places); leave it out"),
])
def test_only_the_options_given_are_named(given: list[str], said: str) -> None:
    assert _error_line(["places", "--regions", *given]) == said

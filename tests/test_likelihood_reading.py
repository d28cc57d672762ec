"""How to read the joining model's numbers (a ranking with a calibrated overall level, not firm odds, never changing
the legal answer) was said under the web's likelihood panel only: `foedus cascade --likelihood` showed the table
without it. The two say it in the same words (`foedus.code_words.LIKELIHOOD_READING`, web/src/likelypanel.ts)."""

from __future__ import annotations

import re
from pathlib import Path

from foedus.code_words import LIKELIHOOD_READING
from samples import cli_line

ROOT = Path(__file__).resolve().parents[1]


def test_the_cli_says_how_to_read_the_likelihoods() -> None:
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--likelihood"])
    assert code == 0, err
    assert LIKELIHOOD_READING in " ".join(out.split())


def test_the_web_says_it_in_the_same_words() -> None:
    panel = (ROOT / "web" / "src" / "likelypanel.ts").read_text(encoding="utf-8")
    declared = re.search(r'const HONEST = (.*?);\n', panel, re.S)
    assert declared is not None
    assert "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', declared.group(1))) == LIKELIHOOD_READING

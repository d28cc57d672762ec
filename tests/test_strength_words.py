"""Each strength is worded in one place (foedus.model.vocab.STRENGTH_WORDS): the text output and the web page
(web/src/contract.ts, generated from it; the page's own table is gone) read it, where each had its own words
(the text said 'such action as it deems necessary' where the page said 'each')."""

from __future__ import annotations

import re

from foedus.model.vocab import STRENGTH_WORDS, Strength


def test_every_strength_has_its_words() -> None:
    assert set(STRENGTH_WORDS) == set(Strength)


def test_the_text_output_words_each_strength_as_the_vocab() -> None:
    import foedus
    from foedus.render import explain_lines

    lines = explain_lines(foedus.cascade(["RUS"], ["EST"], date="2025-06-01"))
    tagged = [m.groups() for line in lines if (m := re.search(r"\[(S\d): ([^]]*)\]", line))]
    assert len(tagged) > 20 and {s for s, _ in tagged} >= {"S2"}
    assert all(words == STRENGTH_WORDS[s] for s, words in tagged), sorted(set(tagged))


def test_the_web_page_reads_the_generated_words() -> None:
    from pathlib import Path

    from foedus.engine.contract_gen import typescript

    for strength, words in STRENGTH_WORDS.items():
        assert f"  {strength}: {words!r},".replace("'", '"') in typescript()
    explain = (Path(__file__).resolve().parents[1] / "web" / "src" / "explain.ts").read_text(encoding="utf-8")
    assert 'import { STRENGTH_WORDS } from "./contract";' in explain
    assert not any(words in explain for words in STRENGTH_WORDS.values())  # no table of its own

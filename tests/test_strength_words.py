"""Each strength is worded in one place (foedus.model.vocab.STRENGTH_WORDS): the text output and the web page
(web/src/contract.ts, generated from it; the page's own table is gone) read it, where each had its own words
(the text said 'such action as it deems necessary' where the page said 'each'). The words describe a class of duty
and quote no treaty: a reader took NATO Art. 5's words, once S2's label, for the EU's, the CSTO's and
Saudi–Pakistan's own."""

from __future__ import annotations

import json
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
        assert f"  {strength}: {json.dumps(words)}," in typescript()  # as contract_gen writes it, quotes escaped
    explain = (Path(__file__).resolve().parents[1] / "web" / "src" / "explain.ts").read_text(encoding="utf-8")
    assert re.search(r'import \{[^}]*\bSTRENGTH_WORDS\b[^}]*\} from "\./contract";', explain)
    assert not any(words in explain for words in STRENGTH_WORDS.values())  # no table of its own


# The wordings the classes are after (NATO Art. 5; ANZUS/Manila; the Brussels and DPRK treaties): a label holding
# one reads as that treaty's words beside another treaty's duty.
_CLASS_SOURCES = ("deems necessary", "such action", "common danger", "meet the common", "all means", "at its disposal")


def _runs(text: str, n: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_strength_is_worded_in_a_treaty_s_words() -> None:
    from foedus.model.world import World

    quoted = [d.wording for t in World.default().treaties.values() if t.assistance
              for d in t.assistance.duties if d.wording]
    assert len(quoted) > 10
    runs = set().union(*map(_runs, quoted))
    for strength, words in STRENGTH_WORDS.items():
        assert not [w for w in _CLASS_SOURCES if w in words.lower()], (strength, words)
        assert not _runs(words) & runs, (strength, words, _runs(words) & runs)


def test_the_docs_say_the_strengths_are_classes_and_whose_words_each_follows() -> None:
    from pathlib import Path

    depth = (Path(__file__).resolve().parents[1] / "docs" / "depth.md").read_text(encoding="utf-8")
    said = " ".join(depth.split("**Strengths are classes.**", 1)[1].split("\n\n", 1)[0].split())
    assert "quote no treaty" in said and "not in the label" in said
    for strength, words in STRENGTH_WORDS.items():
        assert f'{strength}, "{words}"' in said, strength
    assert "after NATO Art. 5" in said and "constitutional processes" in said

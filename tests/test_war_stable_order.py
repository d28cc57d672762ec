"""A war replay says the same, byte for byte, whatever Python's hash seed: two changes of one day alike but for the
facts they rest on (France's duties to Greece and to Italy under an article suspended that day) keep one order, not
the order a set of them iterates in (`foedus.war.changes._order`); two rows of a state, or two clauses of an
article, starting that day make one change, on the facts of both in the treaty's order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_SEEDS = ("0", "1", "2", "3")

# Greece's two rows start on the same day on the signed basis (the first ends when the second is in force, as
# Venezuela's Rio Treaty rows do), two clauses of art. 1 start on the same day, each on its own facts, and France's
# duties to Greece and to Italy under the second are suspended from that day, each on its own facts
_LEGS = [{"obligor": "FRA", "beneficiary": b, "span": {"start": "2010-03-01", "certainty": c,
                                                       "source": f"https://example.org/{b}"}}
         for b, c in (("ITA", "secondary"), ("GRC", "unverified"))]
_PACT = {
    "id": "t_s", "name": "S", "signed": "2000-01-01", "in_force": "2000-01-01", "type": "multilateral",
    "sources": [{"url": "https://example.org/s"}],
    "members": [{"state": "FRA"}, {"state": "ITA"},
                {"state": "GRC", "signed": "2010-03-01", "joined": "2010-03-01", "left": "2010-04-01",
                 "certainty": "secondary", "source": "https://example.org/a"},
                {"state": "GRC", "signed": "2010-03-01", "joined": "2010-04-01", "certainty": "unverified",
                 "source": "https://example.org/b"}],
    "provisions": [{"kind": "defense", "article": "1", "strength": "S2",
                    "valid": {"start": "2010-03-01", "certainty": "secondary", "source": "https://example.org/c"}},
                   {"kind": "defense", "article": "1", "strength": "S2", "suspensions": _LEGS,
                    "valid": {"start": "2010-03-01", "certainty": "unverified", "source": "https://example.org/d"}}]}


def _war(seed: str, *args: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "foedus.cli", "war", *args], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _same_under_every_seed(*args: str) -> str:
    said = {seed: _war(seed, *args) for seed in _SEEDS}
    assert len(set(said.values())) == 1, {seed: hash(out) for seed, out in said.items()}
    return said[_SEEDS[0]]


@pytest.fixture(scope="module")
def pact(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("stable")
    treaty, war = folder / "t_s.json", folder / "tur_grc.yaml"
    treaty.write_text(json.dumps(_PACT), encoding="utf-8")
    war.write_text("id: tur_grc\nname: Turkey on Greece\nend: 2010-06-01\nsources: [{url: 'https://example.org/w'}]"
                   "\nevents:\n  - {type: attack, date: 2010-01-01, attacker: TUR, victim: GRC}\n", encoding="utf-8")
    return treaty, war


def test_changes_alike_but_for_their_facts_keep_one_order_under_every_hash_seed(pact: tuple[Path, Path]) -> None:
    treaty, war = pact
    out = json.loads(_same_under_every_seed(str(war), "--basis", "signed", "--treaties", str(treaty), "--json"))
    (frame,) = [f for f in out["frames"] if f["date"] == "2010-03-01"]
    said = [(c["change"], c.get("state"), c.get("article"), [r["fact"] for r in c["certainty_reasons"]])
            for c in frame["changes"]]
    # art. 1 starts once, and Greece joins once, each on the facts of both clauses or rows in the treaty's order of
    # them (tests/test_war_change_certainty.py); France's two duties are suspended, each on its own facts, ordered
    # by them
    assert [s[:3] for s in said] == [("clause-starts", None, "1"), ("joins", "GRC", None)] + [
        ("leg-suspended", "FRA", "1")] * 2
    assert said[0][3] == ["t_s art. 1: that it applies from 2010-03-01 (known from secondary reporting only)",
                          "t_s art. 1: that it applies from 2010-03-01 (not verified)"]
    assert said[1][3] == ["t_s: Greece (GRC) is a party (known from secondary reporting only)",
                          "t_s: Greece (GRC), a party before 2010-04-01, stays one from that day on (not verified)"]
    assert said[2][3] != said[3][3] and said[2][3] <= said[3][3]
    _same_under_every_seed(str(war), "--basis", "signed", "--treaties", str(treaty))  # the text too


def test_a_bundled_war_replays_alike_under_every_hash_seed() -> None:
    """On the signed basis the United States' two rows of ukr_bilateral_2024 start on 13 Jun 2024, each on its own
    facts: Russia's war on Ukraine, replayed past that day, says the one change they make (it joins, on the facts
    of both: the first verified, the second not) in one order."""
    out = json.loads(_same_under_every_seed("russia_ukraine_2022", "--basis", "signed", "--until", "2024-07-01",
                                            "--json"))
    (frame,) = [f for f in out["frames"] if f["date"] == "2024-06-13"]
    (usa,) = [c for c in frame["changes"] if c.get("state") == "USA" and c["change"] == "joins"]
    assert usa["certainty"] == "unverified"
    assert [r["fact"] for r in usa["certainty_reasons"]] == [
        next(r["fact"] for r in usa["certainty_reasons"] if "a party before 2025-01-20, stays one" in r["fact"])]

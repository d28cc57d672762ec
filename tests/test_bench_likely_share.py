"""bench/likely_share.py (issue #14, session 62, registered in docs/likelihood-experiments.md before any score): the
join model's `legal` and `unmet` read by their share, the mark divided by the states the same reading binds to that side
on the war's first day; `size-share` is `size-free` on that join model."""

from __future__ import annotations

import pytest
from tests.test_bench import _load, _synthetic_wars


def test_a_duty_is_read_as_the_mark_divided_by_the_states_bound_alongside(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np
    import pandas as pd

    share = _load("likely_share", monkeypatch)
    assert share.bound_counts({"FRA": "defense", "GBR": "defense", "ITA": "attack"}) == {"attack": 1, "defense": 2}
    frame = pd.DataFrame({"war": [1, 1, 1, 2, 2], "legal_attack": [0.0, 0, 0, 1, 0],
                          "legal_defense": [1.0, 1, 0, 0, 0], "unmet_attack": [0.0, 0, 0, 1, 0],
                          "unmet_defense": [1.0, 0, 0, 0, 0]})
    counts = {1: {"legal": {"attack": 0, "defense": 4}, "unmet": {"attack": 0, "defense": 1}},
              2: {"legal": {"attack": 1, "defense": 0}, "unmet": {"attack": 3, "defense": 0}}}
    share.add_shares(frame, counts)  # states bound but not candidates (war 1 binds 4, 2 are in the frame) count too
    assert frame["legal_share_defense"].tolist() == [0.25, 0.25, 0, 0, 0]
    assert frame["unmet_share_defense"].tolist() == [1.0, 0, 0, 0, 0]
    assert frame["legal_share_attack"].tolist() == [0, 0, 0, 1.0, 0]
    assert np.allclose(frame["unmet_share_attack"], [0, 0, 0, 1 / 3, 0])
    counts[1]["legal"]["defense"] = 1  # two candidates marked, one state bound: not the frame's cascades
    with pytest.raises(ValueError, match="legal toward defense"):
        share.add_shares(frame, counts)


def test_the_share_variants_swap_legal_and_unmet_in_the_join_model_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from foedus.likely.fit import fit_two_stage
    from foedus.likely.spec import SHIPPED, Spec

    share = _load("likely_share", monkeypatch)
    import likely_size  # the module likely_share reads, as the script imports it

    shared = share.share_spec(SHIPPED)
    assert shared.join_names[:2] == ["legal_share_either", "unmet_share_either"]
    assert shared.join_names[2:] == SHIPPED.join_names[2:] and shared.side_names == SHIPPED.side_names
    assert share.SHARE_VARIANTS == ("share", "size-share")
    frame = _synthetic_wars()
    untouched = frame.copy()
    built = share.share_variants(lambda s, expected=None: (s, expected), SHIPPED, frame, ["shipped", "size-free"])
    assert frame.equals(untouched)  # no share asked: no cascade run, no column added
    assert built["share"] == (shared, None) and built["size-share"][0] == shared
    spec = Spec("t", ("a", "noise"), (), ("a", "noise"))
    frame["war_name"], frame["year"] = frame["war"].astype(str), 1900
    train, test = frame[frame["war"] < 18], frame[frame["war"] == 20]
    model = fit_two_stage(train, spec, likely_size.H)
    callback = share.share_variants(lambda s, expected=None: expected, spec, frame, [])["size-share"]
    free = likely_size.size_free(spec)
    for h in likely_size.H:
        assert callback(model, train, test, h) == pytest.approx(free(model, train, test, h))
        assert np.isfinite(callback(model, train, test, h))

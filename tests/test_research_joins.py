"""`foedus similarity` and `foedus dyads --add all` against the raw files, recomputed here with plain pandas and
numpy from the definitions docs/research.md gives (tests/raw_data.py reads the files): every dyad-year of a sample
of years that includes the first and last years of each dataset and years in which states leave or re-enter the
COW system."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import raw_data
from samples import cli_line

pytestmark = [pytest.mark.needs_data, pytest.mark.slow]
# first and last years; states leaving or re-entering the system (Germany, Austria, the Baltic states, the
# occupied states of 1940–1945, the unifications of 1990); NMC's and the state list's last year and after
SAMPLE = [1816, 1817, 1860, 1866, 1871, 1914, 1918, 1919, 1938, 1940, 1944, 1945, 1946, 1955, 1990, 1991, 2015,
          2016, 2017, 2018]
LEVELS = np.arange(4)


def _members(data_dir: Path, year: int) -> np.ndarray:
    """COW members at some time of the year (system2016.csv; after 2016, 2016's)."""
    system = pd.read_csv(data_dir / "cow_states" / "system2016.csv")
    return np.sort(system.loc[system.year == min(year, 2016), "ccode"].unique())


def _cinc(data_dir: Path, year: int, codes: np.ndarray) -> np.ndarray:
    """NMC 6.0's CINC (−9 missing: 0 weight), 2016's after 2016."""
    nmc = pd.read_csv(data_dir / "cow_nmc" / "NMC-60-abridged.csv")
    cinc = nmc[nmc.year == min(year, 2016)].set_index("ccode").cinc
    return np.array([max(float(cinc.get(c, 0.0)), 0.0) for c in codes])


def _ties(ties: pd.DataFrame, year: int, codes: np.ndarray, together: pd.DataFrame) -> np.ndarray:
    """Signorino & Ritter's valued ties: 3 defence or offence, 2 neutrality or non-aggression, 1 consultation only,
    0 none; the strongest obligation either owes the other at any time in the year, between two states that are COW
    members on a common day (`together`: a state and its successor never are, and ATOP's dyad-year file gives them
    no alliance); 3 on the diagonal."""
    pos = {int(c): i for i, c in enumerate(codes)}
    t = np.zeros((len(codes), len(codes)), dtype=np.int64)
    rows = ties[(ties.year == year) & ties.ccode1.isin(codes) & ties.ccode2.isin(codes)]
    rows = rows.merge(together[together.year == year], on=raw_data.KEY)
    for a, b, v in rows[["ccode1", "ccode2", "tie"]].itertuples(index=False):
        i, j = pos[a], pos[b]
        t[i, j] = t[j, i] = max(t[i, j], v)
    np.fill_diagonal(t, 3)
    return t


def _measures(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict[str, float]:
    """Signorino & Ritter (1999) S; Häge (2011) kappa and pi with squared distance, from the marginal distributions
    of the levels 0–3; Kendall's tau-b by counting pairs."""
    n, d = len(x), x - y
    out = {"s_unweighted": 1 - 2 * np.abs(d).sum() / (3 * n), "s_squared": 1 - 2 * (d**2).sum() / (9 * n),
           "s_weighted": 1 - 2 * (w * np.abs(d)).sum() / (3 * w.sum()) if w.sum() > 0 else np.nan}
    px, py = (np.array([(v == level).mean() for level in LEVELS]) for v in (x, y))
    delta = (LEVELS[:, None] - LEVELS[None, :]) ** 2
    observed, pooled = (d**2).mean(), (px + py) / 2
    for name, expected in (("kappa", px @ delta @ py), ("pi", pooled @ delta @ pooled)):
        out[name] = 1 - observed / expected if expected > 0 else np.nan
    upper = np.triu_indices(n, 1)
    sx, sy = np.sign(x[:, None] - x[None, :])[upper], np.sign(y[:, None] - y[None, :])[upper]
    untied_x, untied_y = (sx != 0).sum(), (sy != 0).sum()
    out["taub"] = (sx * sy).sum() / np.sqrt(untied_x * untied_y) if untied_x and untied_y else np.nan
    return out


def test_similarity_is_the_definition_on_the_raw_data(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "similarity.parquet"
    proc = cli_line(["similarity", "--from", "1816", "--to", "2018", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    table = pd.read_parquet(out)
    pairs = raw_data.atop_pair_years(data_dir)
    values = {"defense": 3, "offense": 3, "neutral": 2, "nonagg": 2, "consul": 1}
    pairs["tie"] = np.max(np.stack([pairs[k].to_numpy() * v for k, v in values.items()]), axis=0)
    rng = np.random.default_rng(1816)
    years = sorted({*SAMPLE, *rng.choice(np.arange(1816, 2019), 10, replace=False).tolist()})
    checked, nan = 0, 0
    together = raw_data.coexisting(raw_data.cow_spells(data_dir), years)
    for year in years:
        codes = _members(data_dir, year)
        got = table[table.year == year].set_index(["ccode1", "ccode2"])
        want_pairs = {(int(a), int(b)) for a in codes for b in codes if a != b}
        assert set(got.index) == want_pairs, year
        ties, w = _ties(pairs, year, codes, together), _cinc(data_dir, year, codes)
        picks = [((codes == 255).argmax(), (codes == 365).argmax())] if year == 1914 else []  # S&R's example
        for i, j in [*picks, *rng.choice(len(codes), (150, 2))]:
            if i == j:
                continue
            row = got.loc[(int(codes[i]), int(codes[j]))]
            for measure, value in _measures(ties[i], ties[j], w).items():
                nan += bool(np.isnan(value))
                assert (pd.isna(row[measure]) if np.isnan(value) else abs(row[measure] - value) <= 1e-9), \
                    (year, codes[i], codes[j], measure, row[measure], value)
            checked += 1
    assert checked > 4000 and nan == 0  # no portfolio of a real year is constant (its own 3 among 0s)


def test_covariates_are_the_raw_files_in_every_dyad_year_of_the_sample(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "dyads.parquet"
    proc = cli_line(["dyads", "--from", "1816", "--to", "2018", "--no-covariates", "--add", "all", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    full = pd.read_parquet(out)
    table = full[full.year.isin(SAMPLE)].reset_index(drop=True)
    spells = raw_data.cow_spells(data_dir)
    want = raw_data.coexisting(spells, SAMPLE)  # exact days: both members at a common moment of the year
    rows = table[raw_data.KEY].merge(want, how="outer", indicator=True)
    assert (rows["_merge"] == "both").all(), rows[rows["_merge"] != "both"].head()
    twice = spells.ccode[spells.ccode.duplicated()].unique()  # states whose membership is interrupted
    present = {(c, y) for c, y in zip(table.ccode1, table.year, strict=True)}
    assert any((c, y) in present for c in twice for y in SAMPLE)
    assert any((c, y) not in present for c in twice for y in SAMPLE if y > spells[spells.ccode == c].start.min().year)

    nmc = pd.read_csv(data_dir / "cow_nmc" / "NMC-60-abridged.csv")
    cinc = {(c, y): v for c, y, v in zip(nmc.ccode, nmc.year, nmc.cinc, strict=True) if v != -9}
    majors = pd.read_csv(data_dir / "cow_states" / "majors2016.csv")
    last_year = int(table.year.max())  # open spells (to 2016-12-31) are carried to every later year
    majors["endyear"] = majors.endyear.where((majors.endyear < 2016) | (majors.endmonth < 12), last_year)
    major = {(c, y) for c, a, b in zip(majors.ccode, majors.styear, majors.endyear, strict=True)
             for y in range(a, b + 1)}
    for side in (1, 2):
        codes, years = table[f"ccode{side}"], table.year
        want_cinc = [cinc.get((c, y), np.nan) for c, y in zip(codes, years, strict=True)]
        assert np.allclose(table[f"cinc{side}"], want_cinc, rtol=0, atol=0, equal_nan=True)
        want_major = [float((c, y) in major) for c, y in zip(codes, years, strict=True)]
        assert np.array_equal(table[f"cowmaj{side}"].astype(float), want_major, equal_nan=True)
    contdird = pd.read_csv(data_dir / "cow_contiguity" / "contdird.csv").rename(
        columns={"state1no": "ccode1", "state2no": "ccode2"})
    listed = contdird.groupby(raw_data.KEY).conttype.agg(["min", "max"]).reset_index()
    cont = full.merge(listed, on=raw_data.KEY, how="left")  # every year here: the counts are docs/research.md's
    assert cont.conttype[cont.year > 2016].isna().all()
    cont = cont[cont.year <= 2016]
    assert (cont.conttype[cont["min"].isna()] == 0).all()  # no record: 0, not COW's 6
    one = cont[cont["min"] == cont["max"]]
    differ = one[one.conttype != one["min"]]
    assert (differ.conttype == 0).all()  # a spell that begins after January (docs/research.md)
    begins = pd.read_csv(data_dir / "cow_contiguity" / "contdir.csv")
    late = {(a, b, s // 100) for lo, hi, s in begins[["statelno", "statehno", "begin"]].itertuples(index=False)
            for a, b in ((lo, hi), (hi, lo)) if s % 100 > 1}
    assert {tuple(k) for k in differ[raw_data.KEY].itertuples(index=False)} <= late
    several = cont[cont["min"] < cont["max"]]
    assert ((several.conttype == several["min"]) | (several.conttype == several["max"])).all()
    text = " ".join((Path(__file__).resolve().parents[1] / "docs" / "research.md").read_text(encoding="utf-8").split())
    assert f"measured on the directed dyad-years 1816–2016 ({len(cont):,})" in text
    assert f"in {len(differ)} dyad-years `contdird` lists one type" in text
    assert f"in {len(several)} it lists two types" in text

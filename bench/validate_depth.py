"""Validate `foedus depth` against published measures (numbers quoted in docs/depth.md).

Reads, from a copy of the public repository joshuaalley/treaty-depth (a git directory or a checkout):
- `data/benson-clinton-scores.csv` (commit 4908275): Benson & Clinton (2016) Depth.score and Scope.score;
- `data/atop-milsup.csv` (commit da7b187): Alley's latent depth of alliances with military support (ATOP 4.01);
- `data/leeds-anac-replication/LeedsAnacIIrep.dta` (commit 4908275): Leeds & Anac (2005) milinst.
Nothing from that repository is written anywhere; only summaries are printed.

Run: .venv/bin/python bench/validate_depth.py --repo /path/to/treaty-depth [--top 8]
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
from pathlib import Path

import pandas as pd

os.environ.setdefault("FOEDUS_DATA_DIR", str(Path(__file__).resolve().parents[2] / "shared" / "data"))

FILES = {"bc": ("4908275", "data/benson-clinton-scores.csv"), "alley": ("da7b187", "data/atop-milsup.csv"),
         "la": ("4908275", "data/leeds-anac-replication/LeedsAnacIIrep.dta")}


def _read(repo: Path, key: str) -> pd.DataFrame:
    commit, path = FILES[key]
    if (repo / path).is_file() and key != "alley":
        raw = (repo / path).read_bytes()
    else:
        raw = subprocess.run(["git", "--git-dir", str(repo if (repo / "HEAD").is_file() else repo / ".git"),
                              "show", f"{commit}:{path}"], capture_output=True, check=True).stdout
    if path.endswith(".dta"):
        return pd.read_stata(io.BytesIO(raw), convert_categoricals=False)
    return pd.read_csv(io.BytesIO(raw))


def _corr(a: pd.Series, b: pd.Series) -> str:
    return f"Pearson r = {a.corr(b):.3f}, Spearman rho = {a.rank().corr(b.rank()):.3f}"


def _z(s: pd.Series) -> pd.Series:
    return (s - s.mean()) / s.std()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()

    from foedus.model.world import World
    from foedus.research.depth import depth_table

    table = depth_table(World.default())
    atop = table[table.origin == "atop"]
    items = [c for c in table if c.startswith("item_")][:8]

    bc = atop.merge(_read(args.repo, "bc")[["atopid", "Depth.score", "Scope.score"]], on="atopid")
    print(f"Benson & Clinton (n = {len(bc)}): depth {_corr(bc.depth, bc['Depth.score'])}; "
          f"scope {_corr(bc.scope, bc['Scope.score'])}")
    bc = bc.assign(diff=_z(bc.depth) - _z(bc["Depth.score"]))
    print(f"largest depth differences (z-scores, foedus minus B&C), with foedus's items {items}:")
    for _, r in bc.reindex(bc["diff"].abs().sort_values(ascending=False).index).head(args.top).iterrows():
        print(f"  atopid {r.atopid} ({r.begyr}): foedus {r.depth:+.2f}, B&C {r['Depth.score']:+.2f}, "
              f"diff {r['diff']:+.2f}; items {[int(r[c]) if pd.notna(r[c]) else None for c in items]}")

    alley = atop.merge(_read(args.repo, "alley")[["atopid", "latent.depth.mean"]], on="atopid")
    print(f"Alley latent depth (n = {len(alley)}): {_corr(alley.depth, alley['latent.depth.mean'])}")

    la = _read(args.repo, "la")[["atopid", "milinst"]].drop_duplicates().dropna()
    la = atop.merge(la.astype({"atopid": int}), on="atopid", suffixes=("", "_la"))
    agree = int((la.milinst == la.milinst_la).sum())
    print(f"Leeds & Anac milinst (n = {len(la)}): {agree} agree")
    print(pd.crosstab(la.milinst, la.milinst_la, rownames=["foedus"], colnames=["Leeds & Anac"]))

    cur = table[(table.origin == "curated") & table.atopid.notna()]
    both = cur.merge(atop[["atopid", "depth", "milinst"]], on="atopid", suffixes=("", "_atop"))
    print(f"curated encodings vs ATOP codes of the same alliance (n = {len(both)}): depth "
          f"{_corr(both.depth, both.depth_atop)}; milinst {int((both.milinst == both.milinst_atop).sum())} agree")
    for _, r in both.reindex((both.depth - both.depth_atop).abs().sort_values(ascending=False).index).iterrows():
        print(f"  {r.treaty}: curated {r.depth:+.2f} (all {r.depth_all:+.2f}, milinst {r.milinst}), "
              f"ATOP {r.depth_atop:+.2f} (milinst {r.milinst_atop})")


if __name__ == "__main__":
    main()

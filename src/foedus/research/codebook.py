"""What each column of a research table means, in one short line per column: the codebook its outputs carry.

`foedus dyads`, `foedus similarity`, `foedus atlas` and `foedus depth` write these descriptions into the table
(`foedus.outputs`): a Parquet field's metadata (`description`), a Stata variable's label and the CSV or Stata
sidecar's CSVW `dc:description`. A Stata label holds at most 80 characters, so every description fits in 80 (a test);
docs/research.md's, docs/whatif-and-atlas.md's and docs/depth.md's column tables say the rest, and a test keeps their
column names and these the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from foedus.engine.scenario import READINGS
from foedus.outputs.stata import STATA_LABEL_MAX
from foedus.research.depth_items import DEPTH_ITEMS, SCOPE_ITEMS

__all__ = ["ATLAS_COLUMNS", "DEPTH_COLUMNS", "DESCRIPTION_MAX", "DYAD_COLUMNS", "SIMILARITY_COLUMNS", "described"]

DESCRIPTION_MAX = STATA_LABEL_MAX  # a description is a Stata variable's label too

_MISSING_AFTER_2018 = "missing after 2018"

DYAD_COLUMNS: Mapping[str, str] = {
    "ccode1": "COW code of state 1 (the first state of the dyad)",
    "ccode2": "COW code of state 2 (the second state of the dyad)",
    "gwcode1": "Gleditsch-Ward code of state 1 (the first state of the dyad)",
    "gwcode2": "Gleditsch-Ward code of state 2 (the second state of the dyad)",
    "year": "calendar year",
    "atop_defense": f"ATOP defence owed, state 1 to 2 (undirected: either); {_MISSING_AFTER_2018}",
    "atop_offense": f"ATOP offence owed, state 1 to 2 (undirected: either); {_MISSING_AFTER_2018}",
    "atop_neutral": f"ATOP neutrality owed, state 1 to 2 (undirected: either); {_MISSING_AFTER_2018}",
    "atop_nonagg": f"ATOP non-aggression owed, state 1 to 2 (undirected: either); {_MISSING_AFTER_2018}",
    "atop_consul": f"ATOP consultation owed, state 1 to 2 (undirected: either); {_MISSING_AFTER_2018}",
    "atopally": f"1 if the two share an ATOP alliance in the year; {_MISSING_AFTER_2018}",
    "atopid": "ATOP ids of the alliances the two share, ascending, joined by ';'",
    "cascade_defenders": "third states bound to defend state 2 if state 1 attacks it on 1 July",
    "cascade_defenders_cinc": "summed CINC of those defenders (NMC's CINC of a year sums to 1 to 1.0747, not 1)",
    "cascade_major_defender": "1 if a COW major power is among those defenders",
    "depth_shared": "depth that year, on the help then held, of the deepest alliance the two share",
    "depth_shared_treaty": "foedus treaty id of that deepest shared alliance",
    "depth_shared_carried": "1 if that alliance is ATOP's carried past ATOP's end (2018)",
    "cinc1": "CINC of state 1 (COW NMC 6.0, as published); missing after 2016",
    "cinc2": "CINC of state 2 (COW NMC 6.0, as published); missing after 2016",
    "cowmaj1": "1 if COW counts state 1 a major power in the year (after 2016: 2016's)",
    "cowmaj2": "1 if COW counts state 2 a major power in the year (after 2016: 2016's)",
    "conttype": "COW direct contiguity in the year's first month: 1 land, 2-5 by sea, 0 none",
}

SIMILARITY_COLUMNS: Mapping[str, str] = {
    "ccode1": "COW code of state 1 (the first state of the ordered pair)",
    "ccode2": "COW code of state 2 (the second state of the ordered pair)",
    "gwcode1": "Gleditsch-Ward code of state 1 (the first state of the ordered pair)",
    "gwcode2": "Gleditsch-Ward code of state 2 (the second state of the ordered pair)",
    "year": "calendar year",
    "s_unweighted": "Signorino-Ritter S, absolute distance (-1 to 1)",
    "s_squared": "Signorino-Ritter S, squared distance (-1 to 1)",
    "s_weighted": "Signorino-Ritter S, absolute distance, CINC-weighted (-1 to 1)",
    "kappa": "Hage's Cohen's kappa, squared distance (at most 1)",
    "pi": "Hage's Scott's pi, squared distance (at most 1)",
    "taub": "Bueno de Mesquita's tau-b: Kendall's tau-b of the two portfolios (-1 to 1)",
}


_ATLAS_READ: Mapping[str, str] = {  # one column per reading: NAME_legal, NAME_escalatory
    "war_size": "belligerents, attacker and target included",
    "attack_joiners": "states that join the attacker's side",
    "defense_joiners": "states that join the target's side",
    "conflicts": "states bound to both sides",
    "drawn_in": "belligerents plus states bound to both sides",
    "majors_opposite": "1 if COW major powers fight on opposite sides",
    "mean_size": "mean war size over the year's dyads",
    "max_size": "largest war size over the year's dyads",
    "tripwire_dyads": "dyads whose war puts COW major powers on opposite sides",
    "capability_share_mean": "mean share of the year's CINC sum in a dyad's war (0-1)",
    "capability_share_max": "largest share of the year's CINC sum in a dyad's war (0-1)",
}

ATLAS_COLUMNS: Mapping[str, str] = {
    "date": "the atlas's date (ISO)",
    "attacker": "the attacking state (foedus id)",
    "target": "the attacked state (foedus id)",
    "ccode1": "COW code of the attacker (missing if COW does not list it)",
    "ccode2": "COW code of the target (missing if COW does not list it)",
    "year": "calendar year (the cascades of 1 July)",
    "dyads": "ordered dyads of system members on 1 July",
    **{f"{name}_{reading}": f"{text} ({reading} reading)" for name, text in _ATLAS_READ.items()
       for reading in READINGS},
    "war_size_mean": "belligerents over the draws: mean",
    "war_size_p5": "belligerents over the draws: 5th percentile",
    "war_size_p50": "belligerents over the draws: median",
    "war_size_p95": "belligerents over the draws: 95th percentile",
    "p_majors_opposite": "share of draws with COW major powers on opposite sides (0-1)",
    "draws": "the run's number of draws",
    "seed": "the run's random seed",
    "reading": "the run's reading (legal or escalatory)",
    "what_if": "the what-if changes the atlas ran with (a series: those that apply in the year)",
}

_POSTERIOR = {"": "posterior mean", "_sd": "posterior sd", "_lo": "central interval's lower bound (--level)",
              "_hi": "central interval's upper bound (--level)"}

DEPTH_COLUMNS: Mapping[str, str] = {
    "treaty": "atop_<atopid> for an ATOP row, the foedus treaty id for a curated one",
    "atopid": "ATOP id (curated: the first of its atop_ids); missing after 2018",
    "origin": "atop (ATOP 5.1 codes) or curated (the foedus encoding)",
    "name": "the curated treaty's name (missing for ATOP rows)",
    "begyr": "start year",
    "endyr": "end year (missing: in force at the end of the source)",
    "milinst": "Leeds & Anac's military institutionalisation: 0 low, 1 moderate, 2 high",
    **{f"depth{end}": f"depth: {text}" for end, text in _POSTERIOR.items()},
    **{f"scope{end}": f"scope: {text}" for end, text in _POSTERIOR.items()},
    **{f"depth_all{end}": f"curated depth with separate forms: {text}" for end, text in _POSTERIOR.items()},
    **{f"item_{i.name}": i.meaning for i in (*DEPTH_ITEMS, *SCOPE_ITEMS)},
}


def described(columns: Iterable[str], codebook: Mapping[str, str]) -> dict[str, str]:
    """The descriptions of the columns a table has, in its order (a column the codebook lacks goes without one)."""
    return {str(c): codebook[str(c)] for c in columns if str(c) in codebook}

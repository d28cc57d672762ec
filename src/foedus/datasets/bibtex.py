"""BibTeX for foedus itself and for each research dataset (the same works as the registry's citations)."""

from __future__ import annotations

from foedus._version import __version__

__all__ = ["BIBTEX", "bibtex", "foedus_bibtex"]

_MILLER = """@article{miller2022peacesciencer,
  author = {Miller, Steven V.},
  title = {peacesciencer: An {R} Package for Quantitative Peace Science Research},
  journal = {Conflict Management and Peace Science},
  year = {2022}, volume = {39}, number = {6}, pages = {755--779}
}"""

BIBTEX: dict[str, tuple[str, ...]] = {
    "atop": ("""@article{leeds2002atop,
  author = {Leeds, Brett Ashley and Ritter, Jeffrey M. and Mitchell, Sara McLaughlin and Long, Andrew G.},
  title = {Alliance Treaty Obligations and Provisions, 1815--1944},
  journal = {International Interactions},
  year = {2002}, volume = {28}, number = {3}, pages = {237--260}
}""", """@manual{leeds2022atopcodebook,
  author = {Leeds, Brett Ashley},
  title = {Alliance Treaty Obligations and Provisions ({ATOP}) Codebook, Version 5.1},
  organization = {Rice University},
  year = {2022}
}""", _MILLER),
    "cow_states": ("""@misc{cow2017states,
  author = {{Correlates of War Project}},
  title = {State System Membership List, v2016},
  year = {2017},
  howpublished = {\\url{http://correlatesofwar.org}}
}""",),
    "cow_wars": ("""@book{sarkees2010resort,
  author = {Sarkees, Meredith Reid and Wayman, Frank},
  title = {Resort to War: 1816--2007},
  publisher = {CQ Press}, address = {Washington, DC},
  year = {2010}
}""", """@article{maoz2019dyadic,
  author = {Maoz, Zeev and Johnson, Paul L. and Kaplan, Jasper and Ogunkoya, Fiona and Shreve, Aaron},
  title = {The Dyadic Militarized Interstate Disputes ({MIDs}) Dataset Version 3.0: Logic, Characteristics, and
           Comparisons to Alternative Datasets},
  journal = {Journal of Conflict Resolution},
  year = {2019}, volume = {63}, number = {3}, pages = {811--835}
}"""),
    "cow_nmc": ("""@incollection{singer1972capability,
  author = {Singer, J. David and Bremer, Stuart and Stuckey, John},
  title = {Capability Distribution, Uncertainty, and Major Power War, 1820--1965},
  booktitle = {Peace, War, and Numbers}, editor = {Russett, Bruce},
  publisher = {Sage}, address = {Beverly Hills},
  year = {1972}, pages = {19--48}
}""", """@manual{greig2021nmc,
  author = {Greig, J. Michael and Enterline, Andrew J.},
  title = {Correlates of War Project National Material Capabilities ({NMC}) Data Documentation, Version 6.0},
  year = {2021}
}"""),
    "cow_contiguity": ("""@article{stinnett2002contiguity,
  author = {Stinnett, Douglas M. and Tir, Jaroslav and Schafer, Philip and Diehl, Paul F. and Gochman, Charles},
  title = {The Correlates of War Project Direct Contiguity Data, Version 3},
  journal = {Conflict Management and Peace Science},
  year = {2002}, volume = {19}, number = {2}, pages = {58--66}
}""",),
    "gw_states": ("""@article{gleditsch1999interstate,
  author = {Gleditsch, Kristian S. and Ward, Michael D.},
  title = {Interstate System Membership: A Revised List of the Independent States since 1816},
  journal = {International Interactions},
  year = {1999}, volume = {25}, number = {4}, pages = {393--413}
}""", _MILLER),
    "cshapes": ("""@article{schvitz2022cshapes,
  author = {Schvitz, Guy and R{\\"u}egger, Seraina and Girardin, Luc and Cederman, Lars-Erik and Weidmann, Nils
            and Gleditsch, Kristian Skrede},
  title = {Mapping the International System, 1886--2019: The {CShapes} 2.0 Dataset},
  journal = {Journal of Conflict Resolution},
  year = {2022}, volume = {66}, number = {1}, pages = {144--161}
}""",),
}


def foedus_bibtex() -> str:
    """The BibTeX entry for foedus itself (as in CITATION.cff)."""
    return f"""@software{{foedus,
  author = {{{{foedus developers}}}},
  title = {{foedus: collective-defence treaties as data, and an explainable cascade engine}},
  version = {{{__version__}}},
  license = {{GPL-3.0-or-later}}
}}"""


def bibtex(names: list[str]) -> list[str]:
    """foedus's entry, then each named dataset's entries, without repeats (in the order given)."""
    entries = [foedus_bibtex(), *(e for n in names for e in BIBTEX[n])]
    return list(dict.fromkeys(entries))

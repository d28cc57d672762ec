"""The record `__init__`s compiled with the package (`foedus.datarecord.inits`): current, taken only for the source
they were written from, the same methods as the compiled ones, and a plain flagship start compiles none."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys

import pytest

from foedus import datarecord
from foedus.datarecord import _dataclass as record_class
from foedus.datarecord.inits import INITS

FLAGSHIP = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--json"]


@pytest.mark.needs_data
def test_the_precompiled_inits_are_current() -> None:
    from foedus.datarecord.gen_inits import FOLDER, generate, render

    files = render(generate())
    assert sorted(p.name for p in FOLDER.glob("inits*.py")) == sorted(files)
    for name, text in files.items():
        assert (FOLDER / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale: run `python -m foedus.datarecord.gen_inits`")


@pytest.mark.needs_data
def test_a_plain_flagship_start_compiles_no_record_init() -> None:
    """The 46 `__init__`s of the records a plain flagship makes (3.2 ms of compiling with the rest at each start)
    come compiled with the package; its JSON is still the same."""
    code = ("import builtins, sys\nreal = builtins.exec\ncompiled = []\n"
            "def counting(source, *args, **kwargs):\n"
            "    if isinstance(source, str) and source.startswith('def __init__('):\n"
            "        compiled.append(source)\n"
            "    return real(source, *args, **kwargs)\n"
            "builtins.exec = counting\nimport atexit\n"
            "atexit.register(lambda: sys.stderr.write(f'compiled {len(compiled)}\\n'))\n"
            "from foedus.cli.start import main\nsys.argv = ['foedus', *sys.argv[1:]]\nmain()")
    proc = subprocess.run([sys.executable, "-c", code, *FLAGSHIP], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "compiled 0"
    assert "PRK" in proc.stdout


def _frozen_record(names: list[str]) -> type:
    """A frozen slotted record of these `__init__` parameters (`name` or `name=__r_dN`), its fields of `object`."""
    body = "\n".join(f"    {n.split('=')[0]}: object = None" if "=" in n else f"    {n}: object" for n in names)
    scope: dict[str, object] = {}
    exec(f'class R:\n    """A record."""\n{body}\n', scope)  # a class of the test's own
    made: type = record_class(frozen=True, slots=True)(scope["R"])
    return made


def test_a_precompiled_init_is_the_compiled_one() -> None:
    """A class whose `__init__` source is among the precompiled ones gets the method compiling it would make: the
    same signature and defaults, fields set alike; its name and module are the class's."""
    plain = [s for s in INITS if "__post_init__" not in s and "__r_f" not in s and "self." not in s.split(":", 1)[1]]
    assert len(plain) >= 20
    for source in plain:
        names = source[len("def __init__(self, "):source.index("):")].split(", ")
        ours = _frozen_record(names)
        saved = dict(INITS)
        INITS.clear()
        try:
            theirs = _frozen_record(names)
        finally:
            INITS.update(saved)
        assert ours.__init__.__code__.co_filename != "<string>", source  # type: ignore[misc]
        assert theirs.__init__.__code__.co_filename == "<string>"  # type: ignore[misc]
        assert str(inspect.signature(ours)) == str(inspect.signature(theirs))
        assert ours.__init__.__qualname__ == "R.__init__"  # type: ignore[misc]
        assert ours.__init__.__module__ == theirs.__init__.__module__  # type: ignore[misc]
        args = [f"<{n}>" for n in names if "=" not in n]
        assert repr(ours(*args)) == repr(theirs(*args))


def test_a_changed_record_is_compiled_as_before() -> None:
    """A source not among the precompiled ones (here: a field none of them has) is compiled when the class is made."""

    @record_class(frozen=True, slots=True)
    class Fresh:
        """A record no precompiled source was written for."""

        nowhere_else_named: int
        tags: list[int] = datarecord.field(default_factory=list)

    assert Fresh.__init__.__code__.co_filename == "<string>"
    assert Fresh(1).tags == [] and Fresh(1, [2]) == Fresh(1, [2])

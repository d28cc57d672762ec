"""The code stays ruff- and mypy-clean; the CLI's import path stays lean (start-up budget)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_ruff_clean() -> None:
    proc = _tool("ruff", "check", ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_mypy_clean() -> None:
    proc = _tool("mypy")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_import_does_not_pull_heavy_modules() -> None:
    code = ("import sys, foedus.cli.app; heavy = [m for m in ('pandas', 'numpy', 'countrycode') if m in sys.modules];"
            " print(','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def _module_imports() -> dict[str, set[str]]:
    """Every foedus module and the foedus modules it imports anywhere (top level, in functions, for typing)."""
    import ast

    src = ROOT / "src"
    files = {}
    for path in (src / "foedus").rglob("*.py"):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        files[".".join(parts)] = path
    graph: dict[str, set[str]] = {m: set() for m in files}
    for mod, path in files.items():
        package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                graph[mod] |= {a.name for a in node.names if a.name in files}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    graph[mod] |= {full} if full in files else ({base} if base in files else set())
    return graph


def test_no_import_circle() -> None:
    graph = _module_imports()
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(mod: str, path: list[str]) -> None:
        state[mod] = 1
        for dep in sorted(graph[mod]):
            if state.get(dep) == 1:
                circles.append([*path[path.index(dep):], dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[mod] = 2

    for mod in sorted(graph):
        if mod not in state:
            visit(mod, [mod])
    assert not circles, "import circles: " + "; ".join(" -> ".join(c) for c in circles)


@pytest.mark.parametrize("layer", ["foedus.backtest", "foedus.batch", "foedus.engine", "foedus.likely", "foedus.model",
                                   "foedus.sources", "foedus.war"])
def test_layers_below_the_interfaces_import_nothing_from_the_cli(layer: str) -> None:
    """The batch, the engine, the model, the sources, the war replay, the joining model and the backtest sit below the
    interfaces: none of their modules imports `foedus.cli` (the batch read the likelihood's standing from the CLI's
    table until it moved beside the records; `foedus war`, `foedus likely` and `foedus backtest` lived in their
    packages, typer options and all, until they moved to `foedus.cli`'s war_cmd, likely_cmd and backtest_cmd)."""
    crossed = {mod: sorted(d for d in deps if d == "foedus.cli" or d.startswith("foedus.cli."))
               for mod, deps in _module_imports().items() if mod == layer or mod.startswith(f"{layer}.")}
    assert not {mod: deps for mod, deps in crossed.items() if deps}


def test_modules_stay_small() -> None:
    """Every module of the package and of the web front end (web/src/*.ts, generated contract.ts too, as the
    generated record modules are) stays within 300 lines."""
    modules = [*(ROOT / "src" / "foedus").rglob("*.py"), *(ROOT / "web" / "src").rglob("*.ts")]
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in modules}
    assert any(p.endswith("web/src/main.ts") for p in sizes)
    big = {p: n for p, n in sizes.items() if n > 300}
    assert not big, f"modules over 300 lines: {big}"


def _bound(statements: list[ast.stmt]) -> set[str]:
    """The names a module's top level binds (definitions, assignments, imports, also under if/try/with)."""
    out: set[str] = set()
    for node in statements:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Assign):
            out |= {n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            out |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.If, ast.Try, ast.With)):
            out |= _bound([*node.body, *getattr(node, "orelse", []), *getattr(node, "finalbody", []),
                           *(s for h in getattr(node, "handlers", []) for s in h.body)])
    return out


def test_every_name_a_module_exports_is_defined() -> None:
    """A name in a module's `__all__` that the module does not bind breaks `from module import *` (AttributeError):
    foedus.engine.rules listed STARTER_GATES without importing it."""
    unbound = {}
    for path in (ROOT / "src" / "foedus").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["__all__"]:
                missing = set(ast.literal_eval(node.value)) - _bound(tree.body)
                if missing:
                    unbound[path.relative_to(ROOT).as_posix()] = sorted(missing)
    assert not unbound, f"names in __all__ the module does not define: {unbound}"


def test_no_assert_statement_in_the_package() -> None:
    """`python -O` strips `assert`, so a check made by one vanishes and a bad state fails a line later with a
    confusing AttributeError or TypeError: input is refused with a `foedus.errors` class, and a broken internal
    invariant raises RuntimeError naming it (type narrowing by restructuring or `typing.cast`)."""
    found = [f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
             for path in sorted((ROOT / "src" / "foedus").rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Assert)]
    assert not found, f"assert statements in src/foedus (stripped by python -O): {found}"

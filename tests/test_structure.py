"""The package's shape: no import cycles, modules under 400 lines, functions under 60.

Cycles are looked for twice: among the imports a module runs when it loads, and
among all its imports, those inside functions too (an import put off into a
function hides a cycle from Python, not from the reader).

What is over a limit today is listed by name below. The lists may only shrink: a
new offender fails, and so does a listed one that is no longer over (strike it
from the list when its module is split).
"""

from __future__ import annotations

import ast
import functools
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "converter"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Over the limits today; each entry leaves the list when its module is split.
ALLOWED_LONG_MODULES: set[str] = set()
ALLOWED_LONG_FUNCTIONS: set[str] = set()
# Modules importing each other today, one of the imports inside a function (each cycle as its sorted modules).
ALLOWED_DEFERRED_CYCLES = {
    ("converter.batch", "converter.cluster"),
}


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


@functools.cache
def _parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"))


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _imports(tree: ast.Module, *, deferred: bool) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports run when the module loads: at top level, and inside top-level try/if blocks
    other than ``if TYPE_CHECKING:``; with ``deferred``, those inside functions and classes too."""
    pending: deque[ast.AST] = deque(tree.body)
    while pending:
        node = pending.popleft()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            pending += node.orelse
        elif isinstance(node, ast.If | ast.Try) or (deferred and isinstance(node, ast.stmt)):
            pending += ast.iter_child_nodes(node)


def imported_modules(name: str, path: Path, known: dict[str, Path], *, deferred: bool = False) -> set[str]:
    """The package's modules that ``name`` imports at module level (with ``deferred``, anywhere).

    ``from converter.audio import edge`` names the submodule converter.audio.edge;
    ``from converter.audio import AudioOptions`` names the package converter.audio.
    """
    package = name if _is_package(path) else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _imports(_parsed(path), deferred=deferred):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join(anchor + ([base] if base else []))
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            found.add(submodule if submodule in known else base)
    return {module for module in found if module in known and module != name}


def import_graph(*, deferred: bool = False) -> dict[str, set[str]]:
    known = modules()
    return {name: imported_modules(name, path, known, deferred=deferred) for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """The strongly connected groups of more than one module (Tarjan), each as its sorted names."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: set[tuple[str, ...]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.add(tuple(sorted(group)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def long_modules() -> set[str]:
    return {
        path.relative_to(PACKAGE).as_posix()
        for path in modules().values()
        if len(path.read_text("utf-8").splitlines()) > MAX_MODULE_LINES
    }


def long_functions() -> dict[str, int]:
    """``module::function`` (methods as ``Class.method``) → lines, for every function over the limit."""
    found = {}
    for path in modules().values():
        relative = path.relative_to(PACKAGE).as_posix()
        for qualified, node in _functions(_parsed(path).body, ""):
            assert node.end_lineno is not None
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found[f"{relative}::{qualified}"] = length
    return found


def _functions(body: list[ast.stmt], prefix: str) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + node.name, node
            yield from _functions(node.body, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node.body, f"{prefix}{node.name}.")


# ---------------------------------------------------------------- the checks


def test_no_import_cycles_at_module_level() -> None:
    assert cycles(import_graph()) == set(), "modules that import each other when they load"


def test_no_new_import_cycles_through_imports_inside_functions() -> None:
    found = cycles(import_graph(deferred=True))
    assert found - ALLOWED_DEFERRED_CYCLES == set(), "modules that import each other"
    assert ALLOWED_DEFERRED_CYCLES - found == set(), "no longer a cycle: strike it from ALLOWED_DEFERRED_CYCLES"


def test_no_new_module_over_400_lines() -> None:
    found = long_modules()
    assert found - ALLOWED_LONG_MODULES == set(), f"modules over {MAX_MODULE_LINES} lines"
    assert ALLOWED_LONG_MODULES - found == set(), "now short enough: strike it from ALLOWED_LONG_MODULES"


def test_no_new_function_over_60_lines() -> None:
    found = long_functions()
    new = {name: lines for name, lines in found.items() if name not in ALLOWED_LONG_FUNCTIONS}
    assert new == {}, f"functions over {MAX_FUNCTION_LINES} lines"
    assert ALLOWED_LONG_FUNCTIONS - set(found) == set(), "now short enough: strike it from ALLOWED_LONG_FUNCTIONS"


# ---------------------------------------------------------------- the checks check


def test_a_cycle_is_found_however_long_and_a_chain_is_not() -> None:
    chain = {"a": {"b"}, "b": {"c"}, "c": set()}
    assert cycles(chain) == set()
    assert cycles({**chain, "c": {"a"}, "d": {"a"}}) == {("a", "b", "c")}
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}) == {("a", "b"), ("c", "d")}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from converter.audio import edge", {"converter.audio.edge"}),
        ("from converter.audio import AudioOptions", {"converter.audio"}),
        ("from . import edge", {"converter.audio.edge"}),
        ("from .edge import EdgeEngine", {"converter.audio.edge"}),
        ("from ..model import Issue", {"converter.model"}),
        ("import converter.errors", {"converter.errors"}),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from converter.model import Issue", set()),
        ("try:\n    from converter.model import Issue\nexcept ImportError:\n    pass", {"converter.model"}),
        ("if True:\n    from converter.model import Issue\nelse:\n    import converter.errors", {"converter.model",
                                                                                   "converter.errors"}),
        ("def later():\n    from converter.model import Issue", set()),
        ("class Later:\n    def run(self):\n        from converter.model import Issue", set()),
    ],
)
def test_module_level_imports_are_read_as_python_runs_them(tmp_path: Path, source: str, expected: set[str]) -> None:
    module = tmp_path / "narration.py"
    module.write_text(source, "utf-8")
    assert imported_modules("converter.audio.narration", module, modules()) == expected


def test_deferred_imports_are_read_too_but_not_those_for_the_type_checker(tmp_path: Path) -> None:
    module = tmp_path / "narration.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from converter.model import Issue\n"
        "class Later:\n    def run(self):\n        from converter.errors import InputError\n",
        "utf-8",
    )
    assert imported_modules("converter.audio.narration", module, modules(), deferred=True) == {"converter.errors"}

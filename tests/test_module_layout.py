"""The layout of the writers' packages (epub/, audio/, pinyin/): no import cycles,
modules of one job, light imports where a worker or the command line needs them,
and state a caller owns rather than state a module keeps."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from converter.audio.narration import NarrationRun
from converter.pinyin import styles

CONVERTER = Path(__file__).resolve().parent.parent / "converter"
PACKAGES = ("epub", "audio", "pinyin")


def module_name(path: Path) -> str:
    parts = path.relative_to(CONVERTER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every module of ``known`` that ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in known)
    return found


def import_graph() -> dict[str, set[str]]:
    files = [p for package in PACKAGES for p in (CONVERTER / package).glob("*.py")]
    known = {module_name(p) for p in files}
    return {module_name(p): imports_of(p, known) - {module_name(p)} for p in files}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of ``graph``, each as the path that closes it: [a, b, a]."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for following in sorted(graph.get(node, ())):
            if state.get(following) == "open":
                found.append([*path[path.index(following):], following])
            elif following not in state:
                visit(following, [*path, following])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_in_the_writers_packages() -> None:
    graph = import_graph()
    assert "converter.epub.overlay" in graph and "converter.audio.narration" in graph
    assert cycles(graph) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_modules_and_functions_stay_small(package: str) -> None:
    for path in (CONVERTER / package).glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 400, path
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                assert node.end_lineno - node.lineno < 60, f"{path}: {node.name}"


def loaded_after(statement: str) -> set[str]:
    """The modules a fresh interpreter has loaded after ``statement``."""
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_an_offline_worker_loads_neither_the_parser_nor_the_network() -> None:
    """What a worker process of the offline voice imports to run ``synthesize_offline``."""
    loaded = loaded_after("from converter.audio.espeak import synthesize_offline")
    assert not {m for m in loaded if m.startswith(("converter.clean", "edge_tts", "aiohttp", "converter.epub"))}


def test_the_audio_package_imports_nothing_itself() -> None:
    import converter.audio

    assert not hasattr(converter.audio, "__getattr__")
    assert not {m for m in loaded_after("import converter.audio") if m.startswith("converter.audio.")}


def test_the_list_of_pinyin_styles_is_cheap_to_import() -> None:
    """The command line and a plain book need the style names, not pypinyin's dictionaries or numpy."""
    loaded = loaded_after("import converter.pinyin.styles, converter.epub")
    assert not {m for m in loaded if m.split(".")[0] in ("pypinyin", "numpy")}


def test_each_style_is_registered_once_with_what_the_writers_need() -> None:
    assert styles.STYLES == ("tone", "tone3", "zhuyin")
    assert styles.reading_style("zhuyin").language == "zh-Bopo"
    assert styles.reading_style("tone3").edition == "拼音版"
    with pytest.raises(ValueError, match="registered twice"):
        styles.register("tone", language="zh-Latn-pinyin", edition="拼音版")(lambda marked: marked)
    with pytest.raises(ValueError, match="unknown pinyin style 'ipa'"):
        styles.reading_style("ipa")


def test_a_narration_run_stops_its_workers_when_its_block_ends() -> None:
    with NarrationRun() as run:
        pool = run.workers(1)
        assert pool.submit(abs, -3).result() == 3
    with pytest.raises(RuntimeError):
        pool.submit(abs, -3)
    with pytest.raises(KeyboardInterrupt), NarrationRun() as run:
        pool = run.workers(1)
        raise KeyboardInterrupt
    with pytest.raises(RuntimeError):
        pool.submit(abs, -3)

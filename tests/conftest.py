"""What several test files share: the sample page, small helpers, and the fixtures that
stand in for the online voice, launch the browser, or convert the sample once.

Helpers and paths are imported by name (``from tests.conftest import SAMPLE``);
fixtures are found by pytest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from converter.config import Settings
from converter.model import Article, Issue
from converter.progress import LineReporter

if TYPE_CHECKING:
    from tests.edge_standin import StandInService

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SAMPLE = SAMPLES / "000_6f7615cd0b320972.txt"  # the real county page
OTHER_PAPERS = SAMPLES / "other-papers"  # People's Daily pages, PDF and pdftotext text


class Recorder(LineReporter):
    """A reporter that keeps what it was told."""

    def __init__(self) -> None:
        super().__init__(quiet=True)
        self.results: list[Any] = []
        self.messages: list[str] = []

    def issue_done(self, result) -> None:
        self.results.append(result)

    def message(self, text: str) -> None:
        self.messages.append(text)


def write(path: Path, text: str | bytes) -> Path:
    """``text`` (UTF-8 when a str) written to ``path``, its folders made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def text_settings(out: Path, **kw) -> Settings:
    """Settings for a quick run into ``out``: no audio, one process."""
    return Settings(output=out, audio=False, jobs=1, **kw)


def by_name(results) -> dict:
    """A run's results by issue name."""
    return {r.name: r for r in results}


def make_issue(*articles: Article) -> Issue:
    """The sample's issue (兴县报 of 2020-02-12) holding ``articles``."""
    return Issue(title="兴县报 2020年2月12日", articles=list(articles), date=dt.date(2020, 2, 12), newspaper="兴县报")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A copy of the sample page, under its own name, in the test's temporary folder."""
    return write(tmp_path / SAMPLE.name, SAMPLE.read_bytes())


@pytest.fixture
def standin(monkeypatch: pytest.MonkeyPatch) -> Iterator[StandInService]:
    """The online voice's service stood in for on 127.0.0.1 (tests/edge_standin.py), with
    edge-tts pointed at it and no proxy in the way."""
    import edge_tts.communicate

    from tests.edge_standin import StandInService, running

    service = StandInService()
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with running(service) as endpoint:
        monkeypatch.setattr(edge_tts.communicate, "WSS_URL", endpoint)
        yield service


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium (a Playwright ``Browser``) for the module's tests."""
    from tests.browser import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def converted_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of the sample page converted once, for real: offline voice, read-along book,
    web edition. Tests only read it."""
    from converter.batch import run_batch

    out = tmp_path_factory.mktemp("converted-sample") / "out"
    settings = Settings(output=out, engine="espeak", read_along=True, jobs=2)
    results = run_batch([SAMPLE], settings, Recorder())
    assert [r.status for r in results] == ["converted"], [r.error for r in results]
    return out

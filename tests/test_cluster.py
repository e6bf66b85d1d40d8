"""Issues converted on a Dask cluster: the same books as a local run, a worker killed on the way, clear refusals."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed", reason="the cluster extra is not installed")

from converter import cluster  # noqa: E402
from converter.batch import run_batch  # noqa: E402
from converter.config import Settings  # noqa: E402
from tests.conftest import ROOT, SAMPLE, Recorder, write  # noqa: E402
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page  # noqa: E402


@pytest.fixture(scope="module")
def local_cluster():
    """A scheduler and two worker processes on this machine, one thread each."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as running:
        yield running


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Four issues: folders of pages, one with its issue.toml, and loose page files."""
    root = tmp_path / "archive"
    write(root / "2024-06-05" / "page1.txt", make_page([FLOOD]))
    write(root / "2024-06-05" / "page2.txt", make_page([SCHOOL]))
    write(root / "2024-06-05" / "issue.toml", 'number = "第1234期"\n')
    write(root / "2024-06-12" / "page1.txt", make_page([MARKET, SCHOOL]))
    write(root / "2024-06-19.txt", make_page([FLOOD, MARKET]))
    shutil.copy(SAMPLE, root / "2020-02-12.txt")
    return root


def _outputs(out: Path) -> dict[str, bytes]:
    """Every file a run left, by path, the lock and cache aside."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".cache" not in p.parts and p.name != ".converter.lock"
    }


def _books(out: Path) -> dict[str, bytes]:
    return {name: data for name, data in _outputs(out).items() if name.endswith(".epub")}


def test_cluster_run_writes_the_same_books_as_a_local_run(local_cluster, archive: Path, tmp_path: Path) -> None:
    local, remote = tmp_path / "local", tmp_path / "remote"
    run_batch([archive], Settings(output=local, audio=False, jobs=1), Recorder())
    recorder = Recorder()
    results = run_batch([archive], Settings(output=remote, audio=False, scheduler=local_cluster.scheduler_address), recorder)
    assert sorted(r.status for r in results) == ["converted"] * 4
    assert len(_books(remote)) == 4
    assert _outputs(remote) == _outputs(local)  # EPUBs and manifests, byte for byte


def test_up_to_date_issues_never_travel(local_cluster, archive: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    settings = Settings(output=out, audio=False, scheduler=local_cluster.scheduler_address)
    run_batch([archive], settings, Recorder())
    (archive / "2024-06-12" / "page1.txt").write_text(make_page([SCHOOL]), encoding="utf-8")
    sent: list[str] = []
    packer = cluster.pack_issue
    monkeypatch.setattr(cluster, "pack_issue", lambda i, s, c: sent.append(i.name) or packer(i, s, c))
    results = run_batch([archive], settings, Recorder())
    assert sent == ["2024-06-12"]
    assert sorted(r.status for r in results) == ["converted"] + ["up to date"] * 3


@pytest.mark.slow
def test_audio_made_on_the_cluster_fills_the_local_cache_and_cached_articles_cost_nothing(
    local_cluster, tmp_path: Path, monkeypatch
) -> None:
    issue = write(tmp_path / "in" / "2024-06-19.txt", make_page([FLOOD, MARKET]))
    out = tmp_path / "out"
    settings = Settings(output=out, engine="espeak", scheduler=local_cluster.scheduler_address)
    first = run_batch([issue], settings, Recorder())
    assert first[0].status == "converted" and first[0].audio_made == 2
    assert len(list((out / "2024-06-19" / "audio").glob("*.mp3"))) >= 2
    cached = sorted((out / ".cache" / "audio").rglob("*.mp3"))
    assert len(cached) == 5  # two articles; the issue file's intro and two announcements
    settings.force = True
    shipped: list[int] = []
    packer = cluster.pack_issue
    monkeypatch.setattr(cluster, "pack_issue", lambda i, s, c: shipped.append(len(c)) or packer(i, s, c))
    again = run_batch([issue], settings, Recorder())
    assert again[0].audio_made == 0  # both articles came from the cache this machine sent along
    assert shipped == [10]  # every clip the issue needs (MP3 and timings each): nothing is read again
    assert sorted((out / ".cache" / "audio").rglob("*.mp3")) == cached


@pytest.mark.slow
def test_a_worker_killed_mid_run_costs_a_retry_not_a_file(archive: Path, tmp_path: Path) -> None:
    (archive / "2020-02-12.txt").unlink()  # three small issues read aloud are enough to be killed in
    local, remote = tmp_path / "local", tmp_path / "remote"
    run_batch([archive], Settings(output=local, engine="espeak", jobs=1), Recorder())
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as running, distributed.Client(running) as client:
        pids = client.run(os.getpid)

        def kill_one_when_busy() -> None:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                busy = [w for w, tasks in client.processing().items() if tasks]
                if busy:
                    time.sleep(0.5)
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    return
                time.sleep(0.05)

        killer = threading.Thread(target=kill_one_when_busy)
        killer.start()
        settings = Settings(output=remote, engine="espeak", scheduler=running.scheduler_address)
        results = run_batch([archive], settings, Recorder())
        killer.join()
    assert sorted(r.status for r in results) == ["converted"] * 3
    assert _books(remote) == _books(local)
    assert not [p for p in remote.rglob("*") if p.name.startswith(".converter-tmp-")]


def test_an_unreachable_scheduler_is_one_line_before_any_work(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "converter", "convert", str(archive), "-o", str(out), "--no-audio",
         "--scheduler", "tcp://127.0.0.1:9"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "cannot reach the Dask scheduler" in result.stderr
    assert not list(out.glob("*/*.epub"))


def test_workers_of_another_version_are_refused(local_cluster, monkeypatch) -> None:
    monkeypatch.setattr(cluster, "__version__", "0.0.1")
    with pytest.raises(cluster.ClusterError, match="workers run converter .*, this is 0.0.1"):
        cluster.connect(local_cluster.scheduler_address)

"""Batch safety: what a run deletes, what a kill leaves, damaged and unchanged outputs."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from converter import atomic
from converter.batch import run_batch
from converter.cli import main
from converter.config import Settings
from converter.workers import stop_workers, worker_pool
from tests.conftest import ROOT, SAMPLE, Recorder, text_settings, write
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page

# ---------------------------------------------------------------- only its own temporaries


def test_a_run_deletes_no_file_it_did_not_write(tmp_path: Path) -> None:
    """`-o ~`: the user's files named like temporaries, anywhere, stay; a killed run's temporaries go."""
    home = tmp_path / "home"
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD]))
    users = [
        write(home / ".tmp-draft.txt", "mine"),
        write(home / "notes" / ".tmp-x", "mine"),
        write(home / "notes" / "audio" / ".tmp-y.mp3", "mine"),
    ]
    leftovers = [
        write(home / ".converter-tmp-abcd1234-feed.xml", "half"),
        write(home / "notes" / ".converter-tmp-k3x_9q2a-notes.epub", "half"),
        write(home / "notes" / "audio" / ".converter-tmp-00000000-01-x.mp3", "half"),
    ]
    results = run_batch([page], text_settings(home), Recorder())
    assert results[0].status == "converted"
    for path in users:
        assert path.read_text() == "mine", path
    assert not [p for p in leftovers if p.exists()]


def test_temporaries_are_not_looked_for_through_links_or_in_other_folders(tmp_path: Path) -> None:
    elsewhere = [write(tmp_path / "elsewhere" / name, "not ours") for name in (".converter-tmp-abcdefgh-keep.epub", ".tmp-keep")]
    out = tmp_path / "out"
    (out / "notes").mkdir(parents=True)
    (out / "notes" / "audio").symlink_to(tmp_path / "elsewhere")
    other = [write(out / "other" / name, "not an issue of this run") for name in (".converter-tmp-abcdefgh-keep.epub", ".tmp-keep")]
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD]))
    run_batch([page], text_settings(out), Recorder())
    assert all(path.read_text() == "not ours" for path in elsewhere)
    assert all(path.read_text() == "not an issue of this run" for path in other)


# ---------------------------------------------------------------- no process outlives a killed run


def session_processes(session: int) -> list[str]:
    """The live processes (zombies are dead) of a session, as `pid name`."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :].split()
        if int(rest[3]) == session and rest[0] != "Z":
            alive.append(f"{entry.name} {name}")
    return alive


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
@pytest.mark.parametrize("audio", [True, False], ids=["offline-voice-workers", "issue-workers"])
def test_no_process_of_a_killed_run_stays_alive(tmp_path: Path, how: signal.Signals, audio: bool) -> None:
    root = tmp_path / "archive"
    for number in range(2 if audio else 40):
        write(root / f"issue-{number}" / "page1.txt", SAMPLE.read_text("utf-8"))
    options = ["--engine", "espeak"] if audio else ["--no-audio"]
    command = [sys.executable, "-m", "converter", "convert", str(root), "-o", str(tmp_path / "out"),
               *options, "--jobs", "2", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stderr=subprocess.PIPE, text=True)
    try:
        # the run, its two workers and (offline voice) the resource tracker
        wanted = 4 if audio else 3
        assert wait_for(lambda: len(session_processes(run.pid)) >= wanted, 60), session_processes(run.pid)
        os.kill(run.pid, how)  # the run alone, as a timeout of cron or systemd does
        code = run.wait(30)
        assert wait_for(lambda: not session_processes(run.pid), 10), session_processes(run.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
    if how == signal.SIGTERM:
        assert code == 128 + signal.SIGTERM
        assert "Traceback" not in run.stderr.read()
    else:
        run.stderr.close()


# ---------------------------------------------------------------- how many workers


@pytest.fixture
def three_issues(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write(root / "2024-06-05" / "page1.txt", make_page([FLOOD]))
    write(root / "2024-06-12" / "page1.txt", make_page([MARKET, SCHOOL]))
    write(root / "2024-06-19.txt", make_page([FLOOD, MARKET]))
    return root


@pytest.fixture
def pool_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every process pool started; a pool of more than 8 is refused before it forks."""
    from concurrent.futures import ProcessPoolExecutor

    sizes: list[int] = []
    real_init = ProcessPoolExecutor.__init__

    def init(self, max_workers=None, *args, **kwargs) -> None:
        sizes.append(max_workers)
        assert max_workers is not None and max_workers <= 8, f"a pool of {max_workers} processes"
        real_init(self, max_workers, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", init)
    return sizes


def test_jobs_are_capped_at_the_issues_and_the_cpus_and_said_once(
    three_issues: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool_sizes: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    import converter.batch

    monkeypatch.setattr(converter.batch, "usable_cpus", lambda: 8)
    assert main(["convert", str(three_issues), "-o", str(tmp_path / "a"), "--no-audio", "--jobs", "400"]) == 0
    assert capsys.readouterr().err == "converter: jobs 400: using 3, one per issue\n"
    monkeypatch.setattr(converter.batch, "usable_cpus", lambda: 2)
    assert main(["convert", str(three_issues), "-o", str(tmp_path / "b"), "--no-audio", "--jobs", "400"]) == 0
    assert capsys.readouterr().err == "converter: jobs 400: using 2, one per CPU\n"
    assert pool_sizes == [3, 2]


@pytest.mark.parametrize("jobs", ["99999999999999999", "-1"])
def test_nonsense_jobs_are_refused_with_one_line(three_issues: Path, tmp_path: Path, jobs: str, pool_sizes: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(three_issues), "-o", str(tmp_path / "out"), "--no-audio", f"--jobs={jobs}"]) == 1
    assert capsys.readouterr().err == (
        f"converter: error: command line: jobs must be a whole number from 0 (one per CPU) to 1024, not {jobs}\n"
    )
    assert pool_sizes == [] and not (tmp_path / "out").exists()


# ---------------------------------------------------------------- damaged outputs


def damage_by_truncating(path: Path) -> None:
    path.write_bytes(b"")


def damage_in_place(path: Path) -> None:
    """Same size, other bytes: only the hash tells."""
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [damage_by_truncating, damage_in_place])
def test_a_damaged_epub_is_noticed_and_remade(tmp_path: Path, damage) -> None:
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD, SCHOOL]))
    out = tmp_path / "out"
    run_batch([page], text_settings(out), Recorder())
    epub = out / "notes" / "notes.epub"
    recorded = {f["path"]: f for f in json.loads((out / "notes" / "manifest.json").read_text())["files"]}
    damage(epub)
    results = run_batch([page], text_settings(out), Recorder())
    assert results[0].status == "converted"
    assert epub.stat().st_size == recorded["notes.epub"]["bytes"]
    assert run_batch([page], text_settings(out), Recorder())[0].status == "up to date"


@pytest.mark.slow
def test_a_replaced_mp3_is_noticed_and_remade_from_the_cache(tmp_path: Path) -> None:
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD, SCHOOL]))
    out = tmp_path / "out"
    settings = Settings(output=out, engine="espeak", jobs=1)
    run_batch([page], settings, Recorder())
    recorded = {f["path"]: f for f in json.loads((out / "notes" / "manifest.json").read_text())["files"]}
    first, second = sorted((out / "notes" / "audio").glob("*.mp3"))
    good = first.read_bytes()
    untouched = second.stat().st_mtime_ns
    first.write_bytes(second.read_bytes())  # another article's audio under its name
    results = run_batch([page], settings, Recorder())
    assert results[0].status == "converted" and results[0].audio_made == 0  # from the cache
    assert first.read_bytes() == good
    assert second.stat().st_mtime_ns == untouched
    assert atomic.file_sha256(first) == recorded[str(first.relative_to(out / "notes"))]["sha256"]


# ---------------------------------------------------------------- unchanged files stay untouched


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.mark.slow
def test_one_edited_article_rewrites_its_own_audio_only(tmp_path: Path) -> None:
    page = write(tmp_path / "in" / "notes.txt", make_page([FLOOD, SCHOOL]))
    out = tmp_path / "out"
    settings = Settings(output=out, engine="espeak", jobs=1)
    run_batch([page], settings, Recorder())
    audio = out / "notes" / "audio"
    before = stamps(audio)
    page.write_text(page.read_text().replace("蔚", "岚"))
    results = run_batch([page], settings, Recorder())
    assert results[0].status == "converted" and results[0].audio_made == 1
    after = stamps(audio)
    changed = sorted(name for name in after if after[name] != before.get(name))
    # the playlist changes when the article's duration does; the other article's files stay
    assert [name.split("-")[0] + name[name.rindex("."):] for name in changed if name != "playlist.m3u8"] == [
        "01.mp3", "01.srt"
    ]
    assert {name for name in after if name.startswith("02-")} == {name for name in before if name.startswith("02-")}


def test_writing_the_same_bytes_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.mp3"
    assert atomic.atomic_write_if_changed(path, b"ID3 one")
    os.utime(path, ns=(1, 1))
    assert not atomic.atomic_write_if_changed(path, b"ID3 one")
    assert path.stat().st_mtime_ns == 1
    assert atomic.atomic_write_if_changed(path, b"ID3 two")
    assert path.read_bytes() == b"ID3 two" and path.stat().st_mtime_ns != 1


def test_stopping_the_workers_leaves_no_pool_thread_to_race_the_interpreter_exit() -> None:
    # A SIGTERM'd run printed a traceback ("Bad file descriptor") now and then: at exit the interpreter
    # woke the pool's manager thread while it was still closing its wake-up pipe. Stopped, it has gone.
    pool = worker_pool(2)
    futures = [pool.submit(time.sleep, 30) for _ in range(4)]
    deadline = time.monotonic() + 30
    while not any(future.running() for future in futures) and time.monotonic() < deadline:
        time.sleep(0.05)
    manager = pool._executor_manager_thread  # private: the pool names its thread nowhere else
    assert manager is not None and manager.is_alive()
    stop_workers(pool)
    assert not manager.is_alive()

"""A reader that stops reading (`| head`) ends the command quietly, as it ends Unix tools."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE


def first_line_then_close(command: list[str]) -> tuple[int, str]:
    """Run ``command``, read one line of its output, close the pipe; its exit code and stderr."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout is not None and run.stderr is not None
    assert run.stdout.readline()
    run.stdout.close()
    err = run.stderr.read().decode()
    return run.wait(60), err


@pytest.mark.slow
def test_parse_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    issue = tmp_path / "issue"
    issue.mkdir()
    for number in range(5):  # more Markdown than a pipe holds (64 KB)
        (issue / f"page{number}.txt").write_text(SAMPLE.read_text("utf-8"), "utf-8")
    code, err = first_line_then_close([sys.executable, "-m", "converter", "parse", str(issue)])
    assert err == ""
    assert code == 128 + signal.SIGPIPE


@pytest.mark.slow
def test_pinyin_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    text = tmp_path / "big.txt"
    text.write_text("".join(SAMPLE.read_text("utf-8") for _ in range(3)), "utf-8")  # about 100 KB of pinyin
    code, err = first_line_then_close([sys.executable, "-m", "converter", "pinyin", str(text)])
    assert err == ""
    assert code == 128 + signal.SIGPIPE

"""What a batch run shows: a live progress display on a terminal, plain lines
elsewhere (logs, cron), nothing but failures with --quiet; one summary at the end."""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table

from converter.discovery import IssueInput
from converter.results import IssueResult, summary


class Reporter(Protocol):
    """What a run tells as it goes (batch.py and cluster.py call these; the classes below show them)."""

    def start(self, issues: int) -> None: ...

    def issue_started(self, issue_input: IssueInput) -> None: ...

    def article_done(self, total: int, done: int, seconds: float) -> None: ...

    def message(self, text: str) -> None: ...

    def issue_done(self, result: IssueResult) -> None: ...

    def finish(self, results: list[IssueResult]) -> None: ...


class LineReporter:
    """Plain line output: one line per issue, failures on stderr."""

    def __init__(
        self, out: TextIO | None = None, err: TextIO | None = None, verbose: bool = False, quiet: bool = False
    ) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.verbose = verbose
        self.quiet = quiet
        self.started = time.perf_counter()

    def start(self, issues: int) -> None:
        if self.verbose:
            self._line(f"converting {issues} issue(s)")

    def issue_started(self, issue_input: IssueInput) -> None:
        if self.verbose:
            self._line(f"{issue_input.name}: {issue_input.path}")

    def article_done(self, total: int, done: int, seconds: float) -> None:
        if self.verbose:
            self._line(f"  audio {done}/{total} ({seconds / 60:.1f} min)")

    def message(self, text: str) -> None:
        if not self.quiet:
            print(f"converter: {text}", file=self.err, flush=True)

    def issue_done(self, result: IssueResult) -> None:
        if result.status == "failed":
            print(f"converter: error: {result.error}", file=self.err, flush=True)
            return
        if self.quiet:
            return
        line = f"{result.name}: {result.status}, {result.articles} articles"
        if result.audio_seconds:
            line += f", {result.audio_seconds / 60:.1f} min audio"
        if result.warnings:
            line += f", {len(result.warnings)} warning(s)"
        self._line(line)
        if self.verbose:
            for warning in result.warnings:
                self._line(f"  warning: {warning}")

    def finish(self, results: list[IssueResult]) -> None:
        if self.quiet:
            return
        s = summary(results)
        elapsed = time.perf_counter() - self.started
        self._line(
            f"{s['issues']} issue(s): {s['converted']} converted, {s['up_to_date']} up to date, "
            f"{s['failed']} failed; {s['articles']} articles, {s['audio_minutes']} min audio, "
            f"{s['warnings']} warning(s), {elapsed:.1f} s"
        )

    def _line(self, text: str) -> None:
        print(text, file=self.out, flush=True)


class RichReporter(LineReporter):
    """A live display for a terminal: issues, articles and audio minutes, with an ETA."""

    def __init__(self, console: Console | None = None, verbose: bool = False):
        super().__init__(verbose=verbose)
        self.console = console or Console(stderr=False)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.issues_task: TaskID | None = None
        self.articles_task: TaskID | None = None
        self.audio_minutes = 0.0

    def start(self, issues: int) -> None:
        self.progress.start()
        self.issues_task = self.progress.add_task("issues", total=issues, detail="")

    def issue_started(self, issue_input: IssueInput) -> None:
        if self.issues_task is not None:
            self.progress.update(self.issues_task, detail=issue_input.name)

    def article_done(self, total: int, done: int, seconds: float) -> None:
        self.audio_minutes += seconds / 60
        if self.articles_task is None:  # shown once there is audio to make
            self.articles_task = self.progress.add_task("articles", total=total, detail="")
        self.progress.update(
                self.articles_task, total=total, completed=done, detail=f"{self.audio_minutes:.1f} min audio"
            )

    def message(self, text: str) -> None:
        self.console.print(f"converter: {text}", markup=False, highlight=False)

    def issue_done(self, result: IssueResult) -> None:
        if result.status == "failed":
            self.console.print(f"converter: error: {result.error}", style="bold red", markup=False, highlight=False)
        elif self.verbose:
            self.console.print(f"{result.name}: {result.status}", markup=False, highlight=False)
        if self.issues_task is not None:
            self.progress.advance(self.issues_task)

    def finish(self, results: list[IssueResult]) -> None:
        self.progress.stop()
        s = summary(results)
        table = Table(title="converter: summary", show_header=False)
        table.add_column("what")
        table.add_column("how many", justify="right")
        rows = [
            ("issues", s["issues"]),
            ("converted", s["converted"]),
            ("up to date", s["up_to_date"]),
            ("failed", s["failed"]),
            ("articles", s["articles"]),
            ("minutes of audio", s["audio_minutes"]),
            ("warnings", s["warnings"]),
            ("seconds", f"{time.perf_counter() - self.started:.1f}"),
        ]
        for label, value in rows:
            table.add_row(label, str(value), style="bold red" if label == "failed" and value else None)
        self.console.print(table)


def make_reporter(quiet: bool, verbose: bool) -> Reporter:
    if quiet:
        return LineReporter(quiet=True)
    if sys.stdout.isatty():
        return RichReporter(verbose=verbose)
    return LineReporter(verbose=verbose)

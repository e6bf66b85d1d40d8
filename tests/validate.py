"""epubcheck, the W3C's EPUB validator, as the tests call it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

EPUBCHECK_JAR = Path(__import__("epubcheck").__file__).parent / "epubcheck.jar"
# Several books in one JVM: epubcheck's own command-line class, run once per book.
CHECK_MANY = """
import com.adobe.epubcheck.tool.EpubChecker;

public class CheckMany {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            new EpubChecker().run(new String[] {args[i + 1], "--quiet", "--json", args[i]});
        }
    }
}
"""


def epubcheck(books: list[Path], work: Path) -> dict[Path, list[str]]:
    """epubcheck's fatal errors, errors and warnings for each book, in one JVM if possible."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("epubcheck needs Java: install a JRE (e.g. apt-get install default-jre-headless)")
    reports = {book: work / f"{book.stem}.json" for book in books}
    source = work / "CheckMany.java"
    source.write_text(CHECK_MANY)
    pairs = [str(part) for book, report in reports.items() for part in (report, book)]
    launched = subprocess.run(
        [java, "-cp", str(EPUBCHECK_JAR), str(source), *pairs], capture_output=True, text=True, timeout=600
    )
    if launched.returncode != 0 or not all(r.exists() for r in reports.values()):
        # A JRE without the source launcher: one JVM per book.
        for book, report in reports.items():
            subprocess.run(
                [java, "-jar", str(EPUBCHECK_JAR), str(book), "--quiet", "--json", str(report)],
                capture_output=True, timeout=600,
            )
    problems: dict[Path, list[str]] = {}
    for book, report in reports.items():
        assert report.exists(), f"epubcheck wrote no report for {book.name}"
        messages = json.loads(report.read_text())["messages"]
        problems[book] = [
            f"{m['severity']} {m['ID']}: {m['message']} {m['locations'][:1]}"
            for m in messages
            if m["severity"] in ("FATAL", "ERROR", "WARNING")
        ]
    return problems

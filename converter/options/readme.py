"""README's lists of options, made from the tables: ``python -m converter.options [README.md]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from converter.options import IssueMeta, Option, Settings, table
from converter.options.checks import KIND_WORDS, kind_words

_OUTPUT_NAMES = {"epub": "EPUB", "audio": "audio", "web": "web", "feed": "feed"}


def options_markdown(settings_class: type = Settings, file: str = "converter.toml") -> str:
    """The table as Markdown, for README: key, flags, default, values, what a change remakes, what it does;
    a column with nothing to say (issue.toml has no flags and no defaults) is left out."""
    header = [file, "command line", "default", "values", "changes", "what it does"]
    body = [[f"`{row.name}`", ", ".join(f"`{name}`" for flag in row.flags for name in flag.names) or "—",
             _toml_text(row.default, row), _values(row),
             ", ".join(_OUTPUT_NAMES[output] for output in row.changes) or "—", row.help]
            for row in table(settings_class)]
    kept = [column for column in range(len(header)) if any(cells[column] != "—" for cells in body)]
    lines = [[header[column] for column in kept], ["---"] * len(kept),
             *([cells[column].replace("|", "\\|") for column in kept] for cells in body)]
    return "".join("| " + " | ".join(line) + " |\n" for line in lines)


def _toml_text(value: Any, row: Option) -> str:
    if value is None:
        return "`false`" if row.on_value else "—"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`" if isinstance(value, int) else f'`"{value}"`'


def _values(row: Option) -> str:
    if row.choices is not None or row.numbers_as_text:
        return kind_words(row).removeprefix("one of ")
    if row.low is not None:
        return f"{row.low}–{row.high}"
    if row.starts:
        return " or ".join(f"`{prefix}…`" for prefix in row.starts)
    return KIND_WORDS.get(row.kind, row.kind.__name__)


README_TABLES: dict[str, type] = {"converter.toml": Settings, "issue.toml": IssueMeta}


def with_options_table(readme: str) -> str:
    """README's text with each table made anew between its two markers."""
    for file, settings_class in README_TABLES.items():
        start = f"<!-- {file} keys: made by `python -m converter.options README.md`; do not edit by hand -->"
        end = f"<!-- end of {file} keys -->"
        head, found_start, rest = readme.partition(start)
        _, found_end, tail = rest.partition(end)
        if not found_start or not found_end:
            raise ValueError(f"README has no {start!r} … {end!r}")
        readme = f"{head}{start}\n{options_markdown(settings_class, file)}{end}{tail}"
    return readme


def main(argv: list[str]) -> int:
    """``python -m converter.options``: print the tables; ``… README.md``: rewrite them in that file."""
    if not argv:
        sys.stdout.write("\n".join(options_markdown(rows, file) for file, rows in README_TABLES.items()))
        return 0
    from converter.atomic import atomic_write_text

    readme = Path(argv[0])
    atomic_write_text(readme, with_options_table(readme.read_text("utf-8")))
    return 0

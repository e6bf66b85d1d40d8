"""Command line: `converter parse|convert|pinyin|voices`.

Every command turns a ConverterError into one line on stderr and a non-zero
exit; a traceback is shown only with --debug.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from converter.errors import ConverterError


def _cmd_parse(args: argparse.Namespace) -> int:
    from converter.clean import parse_issue
    from converter.markdown import issue_to_markdown
    from converter.model import issue_to_dict

    issue = parse_issue(Path(args.input))
    if args.format == "json":
        print(json.dumps(issue_to_dict(issue), ensure_ascii=False, indent=2))
    else:
        print(issue_to_markdown(issue))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="converter",
        description="Newspaper page text → clean articles, accessible EPUB, narrated MP3.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="print the articles parsed from a page file or folder")
    parse.add_argument("input", help="a page file, or a folder of page files forming one issue")
    parse.add_argument("--format", choices=["json", "markdown"], default="markdown")
    parse.set_defaults(run=_cmd_parse)

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ConverterError as exc:
        if args.debug:
            raise
        print(f"converter: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("converter: interrupted", file=sys.stderr)
        return 130

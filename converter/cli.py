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


def _cmd_pinyin(args: argparse.Namespace) -> int:
    from converter.errors import InputError
    from converter.pinyin import readings_batch

    try:
        data = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {args.input}: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")  # a BOM is fine
    except UnicodeDecodeError as exc:
        raise InputError(f"{args.input} is not UTF-8 text (byte {exc.start})") from exc
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if lines[-1] == "":
        lines.pop()
    for line, syllables in zip(lines, readings_batch(lines, args.style)):
        if args.format == "jsonl":
            entries = [c if s is None else s for c, s in zip(line, syllables)]
            print(json.dumps(entries, ensure_ascii=False))
            continue
        # Syllables and the runs of other characters between them, one space apart.
        tokens: list[str] = []
        other = ""
        for char, syllable in zip(line, syllables):
            if syllable is None:
                other += char
                continue
            tokens += [other.strip(), syllable]
            other = ""
        tokens.append(other.strip())
        print(" ".join(t for t in tokens if t))
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

    pinyin = commands.add_parser("pinyin", help="print the pinyin of each line of a text file")
    pinyin.add_argument("input", help="a UTF-8 text file, or - for standard input")
    pinyin.add_argument("--style", choices=["tone", "tone3", "zhuyin"], default="tone")
    pinyin.add_argument("--format", choices=["text", "jsonl"], default="text",
                        help="text: syllables separated by spaces; jsonl: one JSON list "
                             "per line, one entry per character")
    pinyin.set_defaults(run=_cmd_pinyin)

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

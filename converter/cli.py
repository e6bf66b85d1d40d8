"""Command line: `converter parse|convert|speech|pinyin|voices|serve`.

Every command turns a ConverterError into one line on stderr and a non-zero
exit; a traceback is shown only with --debug.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
from pathlib import Path

from converter.errors import ConverterError
from converter.options import PINYIN_STYLES, Settings, add_arguments, apply_arguments
from converter.options.checks import check_settings


def _cmd_parse(args: argparse.Namespace) -> int:
    from converter.clean import parse_issue
    from converter.writers import TEXT_WRITERS

    issue = parse_issue(Path(args.input))
    text = TEXT_WRITERS[args.format](issue)
    if args.output:
        from converter.atomic import atomic_write_text

        # Written whole or not at all: a review file being rewritten is never left half-written.
        atomic_write_text(Path(args.output), text + "\n")
    else:
        print(text)
    return 0


def _cmd_speech(args: argparse.Namespace) -> int:
    from itertools import groupby

    from converter.audio.speech_text import spoken_units
    from converter.clean import parse_issue

    issue = parse_issue(Path(args.input))
    articles = []
    for number, article in enumerate(issue.articles, start=1):
        units = spoken_units(article)
        if args.format == "json":
            articles.append({"article": number, "title": article.headline.label,
                             "units": [{"id": u.anchor, "printed": u.text, "spoken": u.speech} for u in units]})
            continue
        # One paragraph per block, the headline parts each on a line of their own.
        blocks = ["".join(u.speech for u in block) for _, block in groupby(units, key=lambda u: u.block)]
        headline_parts = len(article.headline.parts)
        print(f"# {number} {article.headline.label}\n")
        print("\n".join(blocks[:headline_parts]) + "\n")
        for block in blocks[headline_parts:]:
            print(block + "\n")
    if args.format == "json":
        print(json.dumps(articles, ensure_ascii=False, indent=2))
    return 0


def _settings_from_args(args: argparse.Namespace) -> Settings:
    from converter.config import load_settings

    settings = load_settings(Path(args.config) if args.config else None)
    apply_arguments(settings, args)
    check_settings(settings, "command line")
    if settings.read_along and not settings.audio:
        from converter.errors import InputError

        raise InputError("--read-along needs the audio: drop --no-audio")
    return settings


def _cmd_convert(args: argparse.Namespace) -> int:
    import os

    from converter.batch import run_batch
    from converter.progress import make_reporter

    if args.debug:
        os.environ["CONVERTER_DEBUG"] = "1"
    settings = _settings_from_args(args)
    reporter = make_reporter(args.quiet, args.verbose)
    results = run_batch([Path(p) for p in args.inputs], settings, reporter)
    reporter.finish(results)
    return 1 if any(r.status == "failed" for r in results) else 0


def _cmd_voices(args: argparse.Namespace) -> int:
    from converter.audio.voices import list_voices

    try:
        voices = list_voices(online=not args.offline)
    except ConverterError as exc:
        # No network is the usual case for the offline voice: say so, list what is known.
        print(f"converter: {exc}; these are the built-in voices", file=sys.stderr)
        voices = list_voices(online=False)
    for voice in voices:
        print(voice)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from converter.web.serve import serve

    serve(Path(args.folder), args.port)
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
    parse.add_argument("input", help="a page file, a folder of page files forming one issue, or a review file (.md)")
    parse.add_argument("--format", choices=["json", "markdown"], default="markdown")
    parse.add_argument("-o", "--output",
                       help="write to this file (e.g. the issue's review file NAME.md) instead of printing")
    parse.set_defaults(run=_cmd_parse)

    speech = commands.add_parser(
        "speech", help="print each article as it will be spoken, numbers and symbols written out"
    )
    speech.add_argument("input", help="a page file, or a folder of page files forming one issue")
    speech.add_argument("--format", choices=["text", "json"], default="text",
                        help="text: one paragraph a block; json: each sentence printed and spoken")
    speech.set_defaults(run=_cmd_speech)

    convert = commands.add_parser(
        "convert",
        help="make the EPUB and MP3s of one or more issues",
        description="Each INPUT is an issue (a page file, or a folder of page files) or a collection "
        "(a folder of issue folders and page files, each converted as its own issue).",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT")
    convert.add_argument("--config", help="archive defaults (default: ./converter.toml when present)")
    add_arguments(convert)
    loudness = convert.add_mutually_exclusive_group()
    loudness.add_argument("--quiet", action="store_true", help="print failures only (for cron jobs)")
    loudness.add_argument("--verbose", action="store_true", help="print each step and warning")
    convert.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    convert.set_defaults(run=_cmd_convert)

    voices = commands.add_parser("voices", help="list the voices (the service's list when online)")
    voices.add_argument("--offline", action="store_true", help="only the built-in list")
    voices.set_defaults(run=_cmd_voices)

    serve = commands.add_parser("serve", help="serve the output folder's web edition on 127.0.0.1 for a quick look")
    serve.add_argument("folder", nargs="?", default="out", help="the output folder (default: out/)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve.set_defaults(run=_cmd_serve)

    pinyin = commands.add_parser("pinyin", help="print the pinyin of each line of a text file")
    pinyin.add_argument("input", help="a UTF-8 text file, or - for standard input")
    style = pinyin.add_argument("--style", default="tone")
    style.choices = PINYIN_STYLES  # set after adding, which would format them and so load pypinyin
    pinyin.add_argument("--format", choices=["text", "jsonl"], default="text",
                        help="text: syllables separated by spaces; jsonl: one JSON list "
                             "per line, one entry per character")
    pinyin.set_defaults(run=_cmd_pinyin)

    return parser


class Terminated(KeyboardInterrupt):
    """SIGTERM (a timeout of cron or systemd): stopped like Ctrl-C, workers and all."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    in_main_thread = threading.current_thread() is threading.main_thread()  # signals can be set only there
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        return args.run(args)
    except ConverterError as exc:
        if args.debug:
            raise
        print(f"converter: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`converter parse … | head`): stop quietly, as Unix tools do, and
        # point stdout at nothing so the interpreter's last flush finds no closed pipe either.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE
    except Terminated:
        print("converter: terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        print("converter: interrupted", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)

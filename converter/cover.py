"""A cover per issue, for every writer: masthead, date and number, the headlines, in large type.

One layout, two renderings: ``cover_svg`` (in the EPUB, where the reading
system's own fonts draw it) and ``cover_png`` (for MP3 tags and podcast apps,
which want a bitmap; drawn with Pillow and a CJK font found on the system).
Line breaks are computed from character widths, never from a font's
metrics, so the same issue gives the same SVG on every machine.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from converter.model import Issue, chinese_date

WIDTH, HEIGHT = 1200, 1600
MARGIN = 80
INK = "#1a1a1a"
MASTHEAD_RED = "#b3171d"  # the red of a Chinese newspaper's masthead
MUTED = "#4a4a4a"
PAPER = "#fdfbf5"
FONT_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei")
WEEKDAYS = "一二三四五六日"
# Punctuation that never starts a line.
_NO_LINE_START = set("，。、；：！？”’）》」』】…,.;:!?)")
# Where fonts usually live, for a machine without fc-match.
_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")


@dataclass(frozen=True)
class Line:
    """One line of cover text; ``y`` is its baseline, ``anchor`` "middle" (centred) or "start"."""

    text: str
    y: int
    size: int
    bold: bool = False
    colour: str = INK
    anchor: str = "middle"

    @property
    def x(self) -> int:
        return WIDTH // 2 if self.anchor == "middle" else MARGIN


@dataclass(frozen=True)
class Rule:
    """A horizontal rule across the page."""

    y: int
    thickness: int
    colour: str = MASTHEAD_RED


def text_width(text: str) -> float:
    """Width in em: CJK characters one em, everything else about half.

    >>> text_width("兴县报2020")
    5.4
    """
    return round(sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text), 3)


def wrap(text: str, width_em: float) -> list[str]:
    """Cut ``text`` into lines of at most ``width_em``, keeping Latin words and digits whole
    and closing punctuation with the character before it.

    >>> wrap("全县开展汛期安全大检查，确保2024年安全度汛", 8)
    ['全县开展汛期安全', '大检查，确保', '2024年安全度汛']
    >>> wrap("打好防控阻击战", 6)
    ['打好防控阻', '击战']
    """
    tokens: list[str] = []
    for char in text:
        last = tokens[-1][-1:] if tokens else ""
        joins_word = last.isascii() and last.isalnum() and char.isascii() and char.isalnum()
        if tokens and (joins_word or char in _NO_LINE_START):
            tokens[-1] += char
        else:
            tokens.append(char)
    lines: list[str] = []
    current = ""
    for token in tokens:
        if current and text_width(current + token) > width_em:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    if current.strip():
        lines.append(current)
    # One character alone on the last line looks like a mistake: give it a neighbour.
    if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 2:
        lines[-2], lines[-1] = lines[-2][:-1], lines[-2][-1] + lines[-1]
    return lines


def issue_lines(issue: Issue) -> list[str]:
    """Date (with its weekday) and number, as the masthead prints them."""
    parts = []
    if issue.date:
        parts.append(f"{chinese_date(issue.date)} 星期{WEEKDAYS[issue.date.weekday()]}")
    if issue.number:
        parts.append(issue.number)
    return parts


def masthead_text(issue: Issue) -> str:
    return issue.newspaper or issue.name_words or "本期要闻"


def cover_layout(issue: Issue, edition: str | None = None) -> list[Line | Rule]:
    """Everything drawn on the cover, top to bottom.

    ``edition`` names a special edition under the article count (拼音版, 伴读版).
    """
    masthead = masthead_text(issue)
    size = min(220, int((WIDTH - 2 * MARGIN) / max(text_width(masthead), 1)))
    items: list[Line | Rule] = [Line(masthead, MARGIN + size, size, bold=True, colour=MASTHEAD_RED)]
    y = MARGIN + size + 50
    items.append(Rule(y, 10))
    y += 20
    for text in issue_lines(issue):
        y += 80
        items.append(Line(text, y, 60, colour=MUTED))
    y += 40
    items.append(Rule(y, 3))
    footer_y = HEIGHT - MARGIN
    headline_size, gap = 76, 36
    printed = [a.headline.title for a in issue.articles if a.headline.title and a.headline.source == "page"]
    headlines = printed or [a.headline.title for a in issue.articles if a.headline.title]
    for headline in headlines:
        lines = wrap(headline, (WIDTH - 2 * MARGIN) / headline_size)
        needed = len(lines) * int(headline_size * 1.3) + gap
        if y + needed > footer_y - 150:
            items.append(Line("……", y + 70, 56, bold=True, colour=MUTED, anchor="start"))
            break
        y += gap
        for line in lines:
            y += int(headline_size * 1.3)
            items.append(Line(line, y, headline_size, bold=True, anchor="start"))
    footer = f"本期共{len(issue.articles)}篇" + (f" · {edition}" if edition else "")
    items.append(Rule(footer_y - 90, 3))
    items.append(Line(footer, footer_y, 56, colour=MUTED))
    return items


def cover_description(issue: Issue) -> str:
    """The cover in words, for its alternative text."""
    headlines = "；".join(a.headline.title for a in issue.articles if a.headline.source == "page" and a.headline.title)
    parts = [masthead_text(issue), *issue_lines(issue), f"本期共{len(issue.articles)}篇"]
    return "封面：" + "，".join(parts) + (f"。要闻：{headlines}" if headlines else "")


def cover_svg(issue: Issue, edition: str | None = None) -> str:
    """The cover as an SVG document."""
    families = ", ".join(f"'{f}'" for f in FONT_FAMILIES) + ", sans-serif"
    body: list[str] = []
    for item in cover_layout(issue, edition):
        if isinstance(item, Rule):
            body.append(
                f'<rect x="{MARGIN}" y="{item.y}" width="{WIDTH - 2 * MARGIN}" height="{item.thickness}"'
                f' fill="{item.colour}"/>'
            )
        else:
            weight = ' font-weight="bold"' if item.bold else ""
            body.append(
                f'<text x="{item.x}" y="{item.y}" font-size="{item.size}"{weight} fill="{item.colour}"'
                f' text-anchor="{item.anchor}">{escape(item.text)}</text>'
            )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="cover-title" xml:lang="zh-CN"'
        f" font-family={quoteattr(families)}>\n"
        f'<title id="cover-title">{escape(cover_description(issue))}</title>\n'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


# ---------------------------------------------------------------- PNG


@functools.lru_cache(maxsize=2)
def cjk_font(bold: bool) -> tuple[str, int] | None:
    """(font file, face index) of a Simplified Chinese font on this machine, or None."""
    fc_match = shutil.which("fc-match")
    if fc_match:
        for family in FONT_FAMILIES[:2]:
            pattern = f"{family}:{'bold' if bold else 'regular'}"
            try:
                found = subprocess.run(
                    [fc_match, "-f", "%{file}\t%{index}\t%{family}", pattern],
                    capture_output=True, text=True, timeout=10,
                ).stdout
            except (OSError, subprocess.SubprocessError):
                break
            path, _, rest = found.partition("\t")
            index, _, names = rest.partition("\t")
            if path and family in names and Path(path).is_file():
                return path, int(index or 0)
    for folder in _FONT_DIRS:
        candidates = sorted(folder.rglob("*CJK*")) if folder.is_dir() else []
        weighted = [p for p in candidates if ("Bold" in p.name) == bold] or candidates
        for font_file in weighted:
            if font_file.suffix.lower() in (".ttc", ".otf", ".ttf"):
                return str(font_file), _simplified_face(font_file)
    return None


def _simplified_face(path: Path) -> int:
    """The face of a font collection that is the Simplified Chinese one (Noto Sans CJK SC)."""
    from PIL import ImageFont

    for index in range(8):
        try:
            family, _ = ImageFont.truetype(str(path), 12, index=index).getname()
        except OSError:
            break
        if family and family.endswith(" SC"):
            return index
    return 0


def cover_png(issue: Issue, edition: str | None = None) -> bytes | None:
    """The cover as PNG bytes, or None when this machine has no Chinese font to draw it with."""
    regular, bold = cjk_font(False), cjk_font(True)
    if regular is None:
        return None
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    for item in cover_layout(issue, edition):
        if isinstance(item, Rule):
            draw.rectangle([MARGIN, item.y, WIDTH - MARGIN, item.y + item.thickness - 1], fill=item.colour)
            continue
        path, index = (bold or regular) if item.bold else regular
        font = ImageFont.truetype(path, item.size, index=index)
        anchor = "ms" if item.anchor == "middle" else "ls"
        draw.text((item.x, item.y), item.text, font=font, fill=item.colour, anchor=anchor)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

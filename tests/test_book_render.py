"""The book as a reader sees it: pages rendered in Chromium at phone width, in light and dark.

The title page, an article with pinyin over every character and the same
article while a sentence is read aloud (the reading system puts the
media-overlay active class on it) are rendered; the checks read computed
styles and positions, and the pixels of the readings under the highlight.
Set CONVERTER_SCREENSHOTS=folder to keep the screenshots.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from converter.clean import parse_issue
from converter.epub import build_epub
from converter.epub.overlay import ACTIVE_CLASS
from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
SCHEMES = ("light", "dark")

# Geometry of the ruby on a rendered page, measured in the page.
MEASURE = """() => {
  const px = v => parseFloat(v);
  const rubies = [...document.querySelectorAll('p:not(.lead) ruby')].slice(0, 80);
  const rows = [];
  for (const ruby of rubies) {
    const rt = ruby.querySelector('rt');
    const base = document.createRange();
    base.setStart(ruby.firstChild, 0); base.setEnd(ruby.firstChild, 1);
    const text = document.createRange();
    text.selectNodeContents(rt);
    const b = base.getBoundingClientRect(), t = text.getBoundingClientRect();
    rows.push({base: [b.left, b.right, b.top, b.bottom], reading: [t.left, t.right, t.top, t.bottom],
               nextIsRuby: ruby.nextSibling && ruby.nextSibling.nodeName.toLowerCase() === 'ruby',
               rtSize: px(getComputedStyle(rt).fontSize), baseSize: px(getComputedStyle(ruby).fontSize),
               spacing: getComputedStyle(rt).letterSpacing, lang: rt.getAttribute('lang')});
  }
  return rows;
}"""


def effective_background(page: Any, selector: str) -> str:
    """The colour painted behind an element: its own background or its nearest painted ancestor's."""
    return page.evaluate(
        """sel => { let e = document.querySelector(sel);
             for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
               if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; }
             return getComputedStyle(document.documentElement).colorScheme.includes('dark')
               && matchMedia('(prefers-color-scheme: dark)').matches ? 'canvas-dark' : 'canvas-light'; }""",
        selector,
    )


@pytest.fixture(scope="module")
def book_folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample issue, named as an archive would file it, as a tone and a zhuyin book, unpacked."""
    work = tmp_path_factory.mktemp("render")
    page = work / "兴县报-2020-02-12.txt"
    shutil.copy(SAMPLE, page)
    issue = parse_issue(page)
    folders = {}
    for style in ("tone", "zhuyin"):
        book = build_epub(issue, work / f"{style}.epub", pinyin_style=style)
        folder = work / style
        with zipfile.ZipFile(book) as archive:
            archive.extractall(folder)
        folders[style] = folder / "EPUB"
    return folders


def open_page(browser: Any, path: Path, scheme: str) -> Any:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, color_scheme=scheme)
    page = context.new_page()
    page.goto(path.as_uri())
    page.evaluate("document.fonts.ready")
    return page


def keep(page: Any, name: str, tmp_path: Path) -> bytes:
    data = page.screenshot(full_page=False)
    folder = Path(os.environ.get("CONVERTER_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.png").write_bytes(data)
    return data


def luminance(css_colour: str) -> float:
    """Relative brightness (0 black, 1 white) of an rgb()/rgba() colour."""
    values = [float(v) for v in css_colour[css_colour.index("(") + 1 : -1].split(",")[:3]]
    return sum(weight * v / 255 for weight, v in zip((0.2126, 0.7152, 0.0722), values))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_title_page_names_the_issue_and_fits_a_phone(browser: Any, book_folders: dict[str, Path], scheme: str, tmp_path: Path) -> None:
    page = open_page(browser, book_folders["tone"] / "title.xhtml", scheme)
    keep(page, f"title-{scheme}", tmp_path)
    heading = page.evaluate("[...document.querySelectorAll('h1 ruby')].map(r => r.firstChild.nodeValue).join('')")
    assert heading == "兴县报"
    assert page.evaluate("document.title") == "兴县报 2020年2月12日"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], "nothing runs off a phone"
    text = page.evaluate("getComputedStyle(document.body).color")
    # color-scheme: the reader's dark setting alone turns the page dark, with light text
    assert (luminance(text) > 0.8) == (scheme == "dark")
    corner = page.screenshot(clip={"x": 0, "y": PHONE["height"] - 4, "width": 4, "height": 4})
    from PIL import Image

    pixel = Image.open(io.BytesIO(corner)).convert("RGB").getpixel((1, 1))
    assert (sum(pixel) / 3 < 80) == (scheme == "dark"), pixel


@pytest.mark.parametrize("scheme", SCHEMES)
def test_pinyin_is_legible_spaced_and_even(browser: Any, book_folders: dict[str, Path], scheme: str, tmp_path: Path) -> None:
    page = open_page(browser, book_folders["tone"] / "article-001.xhtml", scheme)
    keep(page, f"pinyin-{scheme}", tmp_path)
    rows = page.evaluate(MEASURE)
    assert len(rows) >= 60
    for row in rows:
        assert row["rtSize"] >= 0.6 * row["baseSize"] - 0.01, row
        assert row["spacing"] == "normal" or float(row["spacing"].removesuffix("px")) >= 0, row
        assert row["lang"] == "zh-Latn-pinyin"
        # above its character (font boxes may touch: the CJK font's box is taller than its glyphs)
        assert row["reading"][3] <= row["base"][2] + 0.15 * row["baseSize"], row
    neighbours = [(a, b) for a, b in zip(rows, rows[1:]) if a["nextIsRuby"] and abs(a["base"][2] - b["base"][2]) < 1]
    assert len(neighbours) >= 40
    # a visible gap between one syllable and the next (never xīngxiàn)
    gaps = [b["reading"][0] - a["reading"][1] for a, b in neighbours]
    assert min(gaps) >= 0.3 * rows[0]["rtSize"], min(gaps)
    # characters evenly set: the step from one character to the next is the same for most
    steps = [round(b["base"][0] - a["base"][0]) for a, b in neighbours]
    usual = max(set(steps), key=steps.count)
    assert steps.count(usual) >= 0.8 * len(steps), steps
    # full-width curly quotes: “ takes a whole character's width
    quote = page.evaluate(
        """() => { const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
             for (let n; (n = walker.nextNode());) { const i = n.nodeValue.indexOf('“');
               if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                 return [r.getBoundingClientRect().width, parseFloat(getComputedStyle(n.parentElement).fontSize)]; } }
             return null; }"""
    )
    assert quote is not None and quote[0] >= 0.9 * quote[1], quote


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_highlight_of_the_sentence_read_aloud_covers_its_readings(
    browser: Any, book_folders: dict[str, Path], scheme: str, tmp_path: Path
) -> None:
    page = open_page(browser, book_folders["tone"] / "article-001.xhtml", scheme)
    sentence = page.evaluate(
        "(() => { const s = [...document.querySelectorAll('p:not(.lead) > span[id]')][1]; return s.id; })()"
    )
    page.evaluate(f"document.getElementById('{sentence}').classList.add('{ACTIVE_CLASS}')")
    page.locator(f"#{sentence}").scroll_into_view_if_needed()
    data = keep(page, f"read-along-{scheme}", tmp_path)
    selector = f"#{sentence} rt"
    colour = page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).color")
    behind = effective_background(page, selector)
    assert behind.startswith("rgb") and colour != behind, (colour, behind)
    assert abs(luminance(colour) - luminance(behind)) > 0.3, (colour, behind)
    # and on the screen: the reading's box shows the highlight and the reading in another colour
    box = page.evaluate(
        f"(() => {{ const r = document.createRange(); r.selectNodeContents(document.querySelector('{selector}'));"
        " const b = r.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })()"
    )
    from PIL import Image

    shot = Image.open(io.BytesIO(data)).convert("RGB")
    page_colour = shot.getpixel((1, 1))  # the margin: the page's own background
    colours = shot.crop(tuple(int(v * 2) for v in box)).getcolors(maxcolors=100000)
    _, band = max(colours)

    def brightness(rgb: tuple[int, int, int]) -> float:
        return sum(rgb) / 765

    assert sum(abs(a - b) for a, b in zip(band, page_colour)) > 120, (band, page_colour)
    ink = max(brightness(c) for n, c in colours if n > 2) if brightness(band) < 0.5 else min(brightness(c) for n, c in colours if n > 2)
    assert abs(ink - brightness(band)) > 0.4, "the reading shows on the highlight"


def test_zhuyin_is_legible_with_the_light_tone_dot_first(browser: Any, book_folders: dict[str, Path], tmp_path: Path) -> None:
    page = open_page(browser, book_folders["zhuyin"] / "article-001.xhtml", "light")
    keep(page, "zhuyin-light", tmp_path)
    rows = page.evaluate(MEASURE)
    assert all(row["rtSize"] >= 0.6 * row["baseSize"] - 0.01 and row["lang"] == "zh-Bopo" for row in rows)
    neighbours = [(a, b) for a, b in zip(rows, rows[1:]) if a["nextIsRuby"] and abs(a["base"][2] - b["base"][2]) < 1]
    assert min(b["reading"][0] - a["reading"][1] for a, b in neighbours) >= 0.3 * rows[0]["rtSize"]
    readings = page.evaluate("[...document.querySelectorAll('rt')].map(rt => rt.textContent)")
    light = [r for r in readings if "˙" in r]
    assert light and all(r.startswith("˙") for r in light), light[:5]

"""What the book says about itself: cover, series, printed pages, modification time, editor's headlines."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from converter.batch import run_batch
from converter.clean import parse_issue
from converter.config import Settings
from converter.epub import build_epub
from converter import cover as cover_module
from converter.cover import cover_layout, cover_png, cover_svg, wrap
from converter.markdown import issue_to_markdown
from tests.conftest import OTHER_PAPERS, SAMPLE, Recorder, write
from tests.test_epub import NS, metadata, parse, plain_text, read_book, sample_issue


@pytest.fixture(scope="module")
def two_page_issue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two People's Daily pages whose headers print their date and page number, in one issue folder."""
    folder = tmp_path_factory.mktemp("issue") / "人民日报第25000期"
    write(folder / "a.txt", (OTHER_PAPERS / "rmrb2018010307.txt").read_bytes())
    write(folder / "b.txt", SAMPLE.read_bytes())
    return folder


def test_cover_is_the_books_cover_image_and_names_the_issue(tmp_path: Path) -> None:
    files = read_book(build_epub(sample_issue(), tmp_path / "book.epub", pinyin_style="tone"))
    opf = parse(files["EPUB/content.opf"])
    [item] = opf.findall("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert (item.get("href"), item.get("media-type")) == ("cover.svg", "image/svg+xml")
    svg = etree.fromstring(files["EPUB/cover.svg"])
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[0] == "兴县报" and texts[1] == "2020年2月12日 星期三"
    assert "倡议全县非公经济人士积极应对" in "".join(texts)
    assert texts[-1] == "本期共4篇 · 拼音版"
    # its words for those who cannot see it
    title = svg.findtext("{http://www.w3.org/2000/svg}title")
    assert title.startswith("封面：兴县报，2020年2月12日") and "倡议全县非公经济人士积极应对" in title


def test_cover_type_is_large_and_stays_on_the_page() -> None:
    issue = sample_issue()
    issue.newspaper = "中国共产党新闻联播文字版日报"  # a long masthead shrinks to fit
    for item in cover_layout(issue):
        if hasattr(item, "text"):
            assert item.size >= 56, item
            width = cover_module.text_width(item.text) * item.size
            assert width <= cover_module.WIDTH - 2 * cover_module.MARGIN + 1, item
            assert item.y <= cover_module.HEIGHT - cover_module.MARGIN, item
    assert wrap("走进一线 送去温暖", 5) == ["走进一线", "送去温暖"]


def test_cover_png_is_the_same_cover_as_a_bitmap() -> None:
    from PIL import Image

    data = cover_png(sample_issue(), "拼音版")
    assert data is not None, "fonts-noto-cjk is installed by make system-packages"
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", (cover_module.WIDTH, cover_module.HEIGHT))
    # the masthead is drawn in red where the layout puts it
    masthead = next(item for item in cover_layout(sample_issue()) if hasattr(item, "text"))
    band = image.convert("RGB").crop((0, masthead.y - masthead.size, cover_module.WIDTH, masthead.y))
    reds = sum(n for n, (r, g, b) in band.getcolors(1 << 20) if r > 150 and g < 60 and b < 60)
    assert reds > 5000


def test_cover_png_without_a_chinese_font_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    cover_module.cjk_font.cache_clear()
    monkeypatch.setattr(cover_module.shutil, "which", lambda name: None)
    monkeypatch.setattr(cover_module, "_FONT_DIRS", ())
    try:
        assert cover_png(sample_issue()) is None
    finally:
        cover_module.cjk_font.cache_clear()


def test_series_is_the_newspaper_and_position_the_issue_number(tmp_path: Path) -> None:
    issue = sample_issue()
    issue.number = "第1234期"
    meta = parse(read_book(build_epub(issue, tmp_path / "b.epub"))["EPUB/content.opf"])
    [series] = meta.findall("opf:metadata/opf:meta[@property='belongs-to-collection']", NS)
    assert (series.text, series.get("id")) == ("兴县报", "series")
    refines = {m.get("property"): m.text for m in meta.findall("opf:metadata/opf:meta[@refines='#series']", NS)}
    assert refines == {"collection-type": "series", "group-position": "1234"}
    issue.newspaper = None  # no paper, no series
    meta = parse(read_book(build_epub(issue, tmp_path / "c.epub"))["EPUB/content.opf"])
    assert not meta.findall("opf:metadata/opf:meta[@property='belongs-to-collection']", NS)


def test_printed_pages_are_marked_and_listed(two_page_issue: Path, tmp_path: Path) -> None:
    issue = parse_issue(two_page_issue)
    assert issue.printed_pages == {"a.txt": "7"}
    files = read_book(build_epub(issue, tmp_path / "pages.epub"))
    nav = parse(files["EPUB/nav.xhtml"])
    entries = [(a.text, a.get("href")) for a in nav.findall(".//x:nav[@epub:type='page-list']//x:a", NS)]
    first_of_b = next(n for n, a in enumerate(issue.articles, 1) if a.source == "b.txt")
    # the header's page number where it prints one, the page's place in the issue where not
    assert entries == [("7", "article-001.xhtml#page-1"), ("2", f"article-{first_of_b:03d}.xhtml#page-2")]
    for label, href in entries:
        name, anchor = href.split("#")
        [marker] = parse(files[f"EPUB/{name}"]).findall(f".//*[@id='{anchor}']", NS)
        assert marker.get("role") == "doc-pagebreak" and marker.get("aria-label") == label
        assert marker.get("{http://www.idpf.org/2007/ops}type") == "pagebreak"
    meta = metadata(parse(files["EPUB/content.opf"]))
    assert {"pageBreakMarkers", "pageNavigation"} <= set(meta["schema:accessibilityFeature"])
    assert meta["dc:source"] == [f"{issue.title}（印刷版）"]
    opf = parse(files["EPUB/content.opf"])
    [source_of] = opf.findall("opf:metadata/opf:meta[@property='source-of']", NS)
    assert (source_of.get("refines"), source_of.text) == ("#print-source", "pagination")
    assert issue.title == "人民日报 2018年1月3日 第25000期"


def test_modified_comes_from_the_issue_never_the_clock(tmp_path: Path) -> None:
    page = write(tmp_path / "6f7615cd0b320972.txt", SAMPLE.read_bytes())
    os.utime(page, (1581465600, 1581465600))  # 2020-02-12 00:00 UTC
    undated = parse_issue(page)
    assert undated.date is None
    meta = metadata(parse(read_book(build_epub(undated, tmp_path / "u.epub"))["EPUB/content.opf"]))
    assert meta["dcterms:modified"] == ["2020-02-12T00:00:00Z"]
    os.utime(page, (1600000000, 1600000000))
    meta = metadata(parse(read_book(build_epub(parse_issue(page), tmp_path / "v.epub"))["EPUB/content.opf"]))
    assert meta["dcterms:modified"] == ["2020-09-13T12:26:40Z"]
    dated = sample_issue()
    dated.date = dt.date(2021, 3, 4)
    meta = metadata(parse(read_book(build_epub(dated, tmp_path / "d.epub"))["EPUB/content.opf"]))
    assert meta["dcterms:modified"] == ["2021-03-04T00:00:00Z"]


def test_readings_carry_their_language(tmp_path: Path) -> None:
    for style, lang in (("tone", "zh-Latn-pinyin"), ("tone3", "zh-Latn-pinyin"), ("zhuyin", "zh-Bopo")):
        page = parse(read_book(build_epub(sample_issue(), tmp_path / f"{style}.epub", pinyin_style=style))["EPUB/article-001.xhtml"])
        assert {rt.get("lang") for rt in page.iter("{http://www.w3.org/1999/xhtml}rt")} == {lang}


def test_summaries_differ_by_edition(tmp_path: Path) -> None:
    def summary(style: str | None) -> str:
        opf = parse(read_book(build_epub(sample_issue(), tmp_path / f"{style}.epub", pinyin_style=style))["EPUB/content.opf"])
        return metadata(opf)["schema:accessibilitySummary"][0]

    plain, pinyin, zhuyin = summary(None), summary("tone"), summary("zhuyin")
    assert "拼音" not in plain and "注音" not in plain and "朗读的句子" not in plain
    assert "汉语拼音" in pinyin and "注音符号" in zhuyin
    assert "封面" in plain and "编者拟题" in plain


def test_derived_headline_is_marked_in_the_markdown_and_explained_in_the_manifest(tmp_path: Path) -> None:
    issue = parse_issue(SAMPLE)
    [derived] = [a for a in issue.articles if a.headline.source == "derived"]
    markdown = issue_to_markdown(issue)
    [heading] = [line for line in markdown.splitlines() if line.startswith("## ") and derived.headline.title in line]
    assert "编者拟题" in heading
    assert markdown.count("编者拟题") == 1
    out = tmp_path / "out"
    run_batch([SAMPLE], Settings(output=out, audio=False, jobs=1), Recorder())
    manifest = json.loads((out / SAMPLE.stem / "manifest.json").read_text())
    notes = {a["title"]: a.get("title_note") for a in manifest["articles"]}
    assert notes[derived.headline.title].startswith("编者拟题：") and "导语" in notes[derived.headline.title]
    assert sum(note is not None for note in notes.values()) == 1
    with zipfile.ZipFile(out / SAMPLE.stem / f"{SAMPLE.stem}.epub") as book:
        number = issue.articles.index(derived) + 1
        page = parse(book.read(f"EPUB/article-{number:03d}.xhtml"))
        assert plain_text(page.find(".//x:h1", NS)) == f"{derived.headline.title}（编者拟题）"
        title_page = parse(book.read("EPUB/title.xhtml"))
        marks = title_page.findall(".//x:nav[@id='contents']//x:small[@class='derived-mark']", NS)
        assert [m.text for m in marks] == ["（编者拟题）"]
        assert re.search("<dc:title>倡议全县非公经济人士积极应对新冠肺炎疫情打好防控阻击战 等7篇</dc:title>",
                         book.read("EPUB/content.opf").decode())

"""Page PDFs read straight into the document model: the shared People's Daily pages, and the rules one by one."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from converter.clean import parse_issue
from converter.clean.spacing import HAN
from converter.errors import InputError
from converter.pdf import read_pdf
from converter.pdf.glyphs import Glyph, page_glyphs
from converter.pdf.layout import headline_text, names_of, split_at_gutters
from converter.pdf.lines import Line, drop_shadows, page_lines
from tests.pdf_gold import SHARED_PAGES, Score, load_gold, score_page

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "samples" / "other-papers"
GOLD = load_gold()


def _glyphs(text: str, x: float = 0.0, top: float = 0.0, size: float = 10.0, gap: float = 0.0) -> list[Glyph]:
    """Glyphs of one horizontal line, ``gap`` points apart (a blank in ``text`` is a gap of one character)."""
    glyphs, position = [], x
    for char in text:
        if char == " ":
            position += size
            continue
        glyphs.append(Glyph(char, position, position + size, top, top + size, size, "F"))
        position += size + gap
    return glyphs


@pytest.mark.parametrize("page", ["rmrb2018010307", "rmrb2018011707"])
def test_page_in_the_repository_gives_its_articles_whole(page: str) -> None:
    issue = parse_issue(PAGES / f"{page}.pdf")
    gold = GOLD["dev"][page]
    score = score_page(issue.articles, gold)
    assert (score.both_ends, score.headlines, score.bylines) == (len(gold), len(gold), len(gold))
    assert len(issue.articles) == len(gold)


def test_issue_date_and_page_header_come_from_the_page() -> None:
    issue = parse_issue(PAGES / "rmrb2018011707.pdf")
    assert issue.date is not None and issue.date.isoformat() == "2018-01-17"
    assert "rmrb2018011707.pdf: page header: 2018年1月17日星期三" in issue.warnings


def test_subheads_captions_and_chart_labels_stay_out_of_titles() -> None:
    issue = parse_issue(PAGES / "rmrb2018011707.pdf")
    first = issue.articles[0]
    subhead = first.paragraphs.index("推动我国经济高质量发展具有多方面重大意义")  # a paragraph of its own,
    assert subhead in first.subheads  # marked as a subhead
    assert not set(first.subheads) & {0, len(first.paragraphs) - 1}
    assert first.paragraphs[-1] == "（作者为国家发改委宏观经济研究院研究员）"
    essay = next(a for a in issue.articles if a.headline.title == "大就要有大的样子")  # a vertical headline
    assert essay.byline == ["肖凌之"]
    assert "深入学习贯彻习近平新时代中国特色社会主义思想" in issue.unplaced_headlines  # a series banner


def test_a_line_set_across_a_headline_into_the_next_column_is_not_joined() -> None:
    issue = parse_issue(PAGES / "rmrb2018011707.pdf")
    text = "".join(issue.articles[0].paragraphs)
    assert "科学技术是第一生产力，是作为“乘数”作用到劳动力、资本、技术、管理等生产要素上去的" in text


@pytest.mark.parametrize("page", ["rmrb2018010307", "rmrb2018011707"])
def test_every_printed_han_character_lands_in_exactly_one_place(page: str) -> None:
    path = PAGES / f"{page}.pdf"
    document = pdfium.PdfDocument(str(path))
    kept, shadows = drop_shadows(page_glyphs(document[0]).glyphs)
    printed = Counter(char for glyph in kept for char in HAN.findall(glyph.char))
    pages = read_pdf(path)
    texts = [t for a in pages.articles for t in a.headline.parts + a.paragraphs + a.byline]
    texts += pages.unplaced + pages.warnings
    assert Counter(char for text in texts for char in HAN.findall(text)) == printed


@pytest.mark.skipif(not SHARED_PAGES.is_dir(), reason="the shared People's Daily pages are not beside the repository")
@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_shared_pages_meet_the_goal(split: str) -> None:
    total = Score()
    for page, gold in GOLD[split].items():
        total.add(score_page(read_pdf(SHARED_PAGES / f"{page}.pdf").articles, gold))
    assert total.percent(total.both_ends) >= 90 and total.percent(total.headlines) >= 90
    assert total.percent(total.bylines) >= 90


def test_shadow_copy_of_a_glyph_is_dropped() -> None:
    title = _glyphs("宅家抗疫", size=30)
    shadow = [Glyph(g.char, g.x0 + 2, g.x1 + 2, g.top + 2, g.bottom + 2, g.size, g.font) for g in title]
    kept, dropped = drop_shadows(title + shadow)
    assert dropped == 4 and "".join(g.char for g in kept) == "宅家抗疫"


def test_lines_are_cut_at_gutters_and_vertical_headlines_joined() -> None:
    glyphs = _glyphs("左栏一行", x=0) + _glyphs("右栏一行", x=60)  # the gutter: 2 characters
    stacked = [Glyph(c, 200, 230, 100 + 40 * i, 130 + 40 * i, 30, "F") for i, c in enumerate("竖排标题")]
    lines, _ = page_lines(glyphs + stacked)
    texts = sorted(line.text for line in lines)
    assert texts == ["右栏一行", "左栏一行", "竖排标题"]
    assert next(line for line in lines if line.text == "竖排标题").vertical


def test_body_line_split_where_a_gap_is_wider_than_a_character() -> None:
    line = Line(_glyphs("努力，", gap=1) + _glyphs("等生产", x=45, gap=1))
    assert [part.text for part in split_at_gutters(line, 10)] == ["努力，", "等生产"]
    assert [part.text for part in split_at_gutters(Line(_glyphs("国 人 民", gap=3)), 10)] == ["国", "人", "民"]
    assert len(split_at_gutters(Line(_glyphs("国人民", gap=3)), 10)) == 1  # justified spacing stays


def test_author_names_spaced_to_equal_width_pair_up() -> None:
    assert names_of(Line(_glyphs("汪 涛 吴光胜 胡查平"))) == ["汪涛", "吴光胜", "胡查平"]
    assert names_of(Line(_glyphs("叶 帆"))) == ["叶帆"]


def test_kicker_keeps_the_space_between_its_phrases_not_letter_spacing() -> None:
    assert headline_text(Line(_glyphs("双手联弹 双量发力", size=20))) == "双手联弹\u3000双量发力"
    assert headline_text(Line(_glyphs("划时代的思想火炬", size=30, gap=30))) == "划时代的思想火炬"


def test_not_a_pdf_is_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "page.pdf"
    fake.write_text("这不是PDF", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable PDF"):
        read_pdf(fake)


def test_scanned_pdf_without_text_layer_is_refused_with_a_reason(tmp_path: Path) -> None:
    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    scanned = tmp_path / "scan.pdf"
    document.save(str(scanned))
    result = subprocess.run(
        [sys.executable, "-m", "converter", "parse", str(scanned)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no text layer" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_parse_command_reads_a_pdf_as_json() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "converter", "parse", str(PAGES / "rmrb2018010307.pdf"), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    data = json.loads(result.stdout)
    assert [a["title"] for a in data["articles"]] == [
        "新使命：中国共产党的历史担当", "历史永远眷顾奋进者", "履行历史使命：伟大工程起决定性作用",
    ]
    assert data["date"] == "2018-01-03"


@pytest.mark.slow
def test_convert_makes_a_valid_book_from_a_pdf_issue(tmp_path: Path) -> None:
    from tests.validate import epubcheck

    issue_dir = tmp_path / "2018-01-17"
    issue_dir.mkdir()
    (issue_dir / "page7.pdf").write_bytes((PAGES / "rmrb2018011707.pdf").read_bytes())
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "converter", "convert", str(issue_dir), "-o", str(out), "--no-audio", "--quiet"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    book = out / "2018-01-17" / "2018-01-17.epub"
    assert epubcheck([book], tmp_path)[book] == []
    import zipfile

    with zipfile.ZipFile(book) as archive:
        pages = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml")]
    assert any('<h2 class="subhead"><span id=' in page and "我国经济高质量发展的内涵和要义" in page for page in pages)
    manifest = json.loads((out / "2018-01-17" / "manifest.json").read_text("utf-8"))
    assert [a["title"] for a in manifest["articles"]][:2] == ["关于我国经济高质量发展的几点认识", "加快制造业服务化转型"]


def test_a_pdf_of_several_pages_is_an_issue_of_several_pages(tmp_path: Path) -> None:
    issue_pdf = pdfium.PdfDocument.new()
    for page in ("rmrb2018010307", "rmrb2018011707"):
        issue_pdf.import_pages(pdfium.PdfDocument(str(PAGES / f"{page}.pdf")))
    path = tmp_path / "issue.pdf"
    issue_pdf.save(str(path))
    issue = parse_issue(path)
    assert issue.sources == ["issue.pdf p.1", "issue.pdf p.2"]
    assert len(issue.articles) == len(GOLD["dev"]["rmrb2018010307"]) + len(GOLD["dev"]["rmrb2018011707"])
    assert {a.source for a in issue.articles} == {"issue.pdf p.1", "issue.pdf p.2"}
    assert issue.date is not None and issue.date.isoformat() == "2018-01-03"  # the first page's header names it


def test_characters_without_unicode_are_counted_per_page_never_guessed(monkeypatch) -> None:
    import converter.pdf.glyphs as glyphs_module

    real = glyphs_module.page_glyphs

    def with_unmapped(page):
        read = real(page)
        read.unmapped = 7
        return read

    monkeypatch.setattr(glyphs_module, "page_glyphs", with_unmapped)
    pages = read_pdf(PAGES / "rmrb2018010307.pdf")
    assert "rmrb2018010307.pdf: 7 characters have no Unicode value in their font and were left out" in pages.warnings
    assert not any("\ue000" <= c <= "\uf8ff" for a in pages.articles for p in a.paragraphs for c in p)

"""The EPUB writer on a realistic issue built by hand from the sample page."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from converter.epub import PINYIN_STYLES, assemble_book, build_epub, write_book
from converter.epub.package import STYLES_DIR
from converter.epub.pages import article_file
from converter.epub.ruby import PinyinReadings, block_markup, ruby_markup, xml_text
from converter.errors import ConverterError, InputError
from converter.model import Article, Headline, Issue, chinese_date
from converter.pinyin import is_han
from converter.sentences import reading_units
from tests.validate import epubcheck

XHTML = "http://www.w3.org/1999/xhtml"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
NCX = "http://www.daisy.org/z3986/2005/ncx/"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"x": XHTML, "opf": OPF, "dc": DC, "ncx": NCX, "epub": EPUB_NS}


def sample_issue() -> Issue:
    """Four articles of 兴县报 2020-02-12 as the parser should give them."""
    with_kicker_and_subtitle = Article(
        headline=Headline(kicker="兴县工商联", title="倡议全县非公经济人士积极应对", subtitle="新冠肺炎疫情打好防控阻击战"),
        dateline="本报讯",
        paragraphs=[
            "当前新型冠状病毒肺炎疫情的防控工作正处于关键时刻。作为党委联系非公有制经济人士的桥梁和纽带，"
            "作为政府服务和管理非公经济的助手，兴县工商联时刻与党委、政府保持高度一致，积极引导工商界企业和"
            "非公经济人士与祖国同呼吸、共命运、心连心，主动投身于新冠肺炎疫情防控战役中。",
            "二是积极投入疫情防控阻击战。“一方有难 八方支援”，民营企业要进一步增强履行社会责任的荣誉感和使命感。",
            "截至2月11日，全县民营企业和非公经济人士已向指定账户捐款240.75万元。",
        ],
        byline=["张明提"],
    )
    meeting = Article(
        headline=Headline(title="兴县认真收听收看市委第七次专题会议暨市疫情防控工作领导小组电视电话会"),
        dateline="本报讯",
        paragraphs=[
            "2月7日，吕梁市委第七次专题会议暨市疫情防控工作领导小组电视电话会议召开，传达学习习近平总书记"
            "在中央全面依法治国委员会第三次会议上的重要讲话精神。",
            "会议强调，当前疫情防控仍处于关键期、考验期。一要进一步严防死守警戒线；二要进一步严谨科学诊疗救治；"
            "三要进一步落实“四后”措施。",
            "要加强居家隔离和集中隔离的管理检查，严格落实 24 小时带班值班、疫情报告等制度！",
        ],
        byline=["张明提"],
    )
    derived = Article(
        headline=Headline(title="市委召开脱贫攻坚工作暨农村工作会议", source="derived"),
        dateline="本报讯",
        paragraphs=[
            "2月 6日，市委召开脱贫攻坚工作暨农村工作会议，动员全市上下一鼓作气、乘势而上，交好脱贫攻坚总账。",
            "特别是 2019 年，大力实施“4336”行动计划，7 个摘帽县区脱贫成色进一步提升，3个深度贫困县顺利接受评估。",
        ],
        byline=["张明提", "康东"],
    )
    no_dateline = Article(
        headline=Headline(kicker="兴县县委统战部新联会", title="走进一线 送去温暖"),
        paragraphs=[
            "防范胜于救治，众志必将成城。倡议号召，让我们一起携手，万众一心，充分发挥统战优势，"
            "为坚决遏制疫情扩散、夺取防控攻坚战胜利贡献力量。",
        ],
    )
    return Issue(
        title="兴县报 2020年2月12日",
        articles=[with_kicker_and_subtitle, meeting, derived, no_dateline],
        sources=["samples/000_6f7615cd0b320972.txt"],
        date=dt.date(2020, 2, 12),
        newspaper="兴县报",
        publisher="中共兴县县委",
        unplaced_headlines=["万家灯火兴县城", "宅家抗“疫”"],
        warnings=["第5栏有一段文字无法归入任何文章"],
    )


def odd_issue() -> Issue:
    """Articles at the edges of what a parser may give: markup characters, no title, no text."""
    return Issue(
        title="测试 <报>",
        articles=[
            Article(headline=Headline(title="A<B & “C”会议"), paragraphs=["价格<5元&税>2%，\x0c见<script>。"], byline=["张明提"]),
            Article(headline=Headline(title="", kicker="兴县工商联"), paragraphs=["  ", "正文只有一句"]),
            Article(headline=Headline(title="只有电头"), paragraphs=[], dateline="新华社北京1月2日电"),
        ],
    )


def read_book(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def spine_documents(files: dict[str, bytes]) -> list[str]:
    """The spine's content documents, as zip names, in reading order."""
    opf = parse(files["EPUB/content.opf"])
    hrefs = {item.get("id"): item.get("href") for item in opf.iterfind("opf:manifest/opf:item", NS)}
    return ["EPUB/" + hrefs[ref.get("idref")] for ref in opf.iterfind("opf:spine/opf:itemref", NS)]


def plain_text(element: etree._Element) -> str:
    """The element's text as printed, with ruby readings (rt) left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != f"{{{XHTML}}}rt":
            parts.append(plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str | None, Path]:
    folder = tmp_path_factory.mktemp("books")
    issue = sample_issue()
    return {
        style: build_epub(issue, folder / f"issue-{style or 'plain'}.epub", pinyin_style=style)
        for style in (None, *PINYIN_STYLES)
    }


def test_archive_starts_with_stored_mimetype(books: dict[str | None, Path]) -> None:
    with zipfile.ZipFile(books[None]) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read(first) == b"application/epub+zip"


def test_spine_is_title_page_then_articles_in_order(books: dict[str | None, Path]) -> None:
    files = read_book(books[None])
    spine = spine_documents(files)
    assert spine[0] == "EPUB/title.xhtml"
    titles = [plain_text(parse(files[name]).find(".//x:h1", NS)) for name in spine[1:]]
    assert titles == [a.headline.title + ("（编者拟题）" if a.headline.source == "derived" else "")
                      for a in sample_issue().articles]


@pytest.mark.parametrize("style", [None, "tone"])
def test_toc_has_one_plain_entry_per_article_with_its_full_headline(
    books: dict[str | None, Path], style: str | None
) -> None:
    files = read_book(books[style])
    nav = parse(files["EPUB/nav.xhtml"])
    links = nav.findall(".//x:nav[@epub:type='toc']/x:ol/x:li/x:a", NS)
    assert [a.text for a in links] == [
        "兴县工商联 倡议全县非公经济人士积极应对 新冠肺炎疫情打好防控阻击战",
        "兴县认真收听收看市委第七次专题会议暨市疫情防控工作领导小组电视电话会",
        "市委召开脱贫攻坚工作暨农村工作会议（编者拟题）",
        "兴县县委统战部新联会 走进一线 送去温暖",
    ]
    assert all(len(a) == 0 for a in links), "TOC labels must be plain text, without ruby"
    assert ["EPUB/" + a.get("href") for a in links] == spine_documents(files)[1:]

    ncx = parse(files["EPUB/toc.ncx"])
    assert [t.text for t in ncx.iterfind(".//ncx:navPoint/ncx:navLabel/ncx:text", NS)] == [a.text for a in links]
    assert [c.get("src") for c in ncx.iterfind(".//ncx:navPoint/ncx:content", NS)] == [a.get("href") for a in links]
    assert [p.get("playOrder") for p in ncx.iterfind(".//ncx:navPoint", NS)] == ["1", "2", "3", "4"]

    landmarks = {a.get(f"{{{EPUB_NS}}}type"): a.get("href") for a in nav.findall(".//x:nav[@epub:type='landmarks']//x:a", NS)}
    assert landmarks == {"titlepage": "title.xhtml", "toc": "title.xhtml#contents", "bodymatter": "article-001.xhtml"}
    title_page = parse(files["EPUB/title.xhtml"])
    assert title_page.find(".//*[@id='contents']", NS) is not None


def test_every_document_and_the_package_are_in_simplified_chinese(books: dict[str | None, Path]) -> None:
    for style, path in books.items():
        files = read_book(path)
        opf = parse(files["EPUB/content.opf"])
        assert opf.get(XML_LANG) == "zh-CN"
        assert opf.findtext("opf:metadata/dc:language", namespaces=NS) == "zh-CN"
        assert parse(files["EPUB/toc.ncx"]).get(XML_LANG) == "zh-CN"
        documents = [name for name in files if name.endswith(".xhtml")]
        assert len(documents) == 1 + 4 + 1, style  # title page, articles, nav
        for name in documents:
            root = parse(files[name])
            assert (root.get("lang"), root.get(XML_LANG)) == ("zh-CN", "zh-CN"), name


def metadata(opf: etree._Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in opf.iterfind("opf:metadata/opf:meta[@property]", NS):
        found.setdefault(meta.get("property"), []).append(meta.text)
    for element in opf.find("opf:metadata", NS):
        if element.tag.startswith(f"{{{DC}}}"):
            found.setdefault("dc:" + element.tag.split("}")[1], []).append(element.text)
    return found


@pytest.mark.parametrize("style", [None, "zhuyin"])
def test_package_metadata_and_accessibility_claims(books: dict[str | None, Path], style: str | None) -> None:
    meta = metadata(parse(read_book(books[style])["EPUB/content.opf"]))
    assert meta["dc:title"] == ["兴县报 2020年2月12日"]
    assert meta["dc:creator"] == ["兴县报"]
    assert meta["dc:publisher"] == ["中共兴县县委"]
    assert meta["dc:date"] == ["2020-02-12"]
    assert meta["dcterms:modified"] == ["2020-02-12T00:00:00Z"]
    assert meta["dc:identifier"][0].startswith("urn:uuid:")
    # the cover is an image, described in words; the text alone is enough
    assert meta["schema:accessMode"] == ["textual", "visual"]
    assert meta["schema:accessModeSufficient"] == ["textual"]
    expected_features = ["structuralNavigation", "tableOfContents", "readingOrder", "pageBreakMarkers",
                         "pageNavigation", "displayTransformability", "alternativeText"]
    if style:
        expected_features.append("rubyAnnotations")
    assert meta["schema:accessibilityFeature"] == expected_features
    assert meta["schema:accessibilityHazard"] == ["none"]
    [summary] = meta["schema:accessibilitySummary"]
    assert sum(map(is_han, summary)) > 30
    assert meta["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert meta["a11y:certifiedBy"] == ["converter"]


def test_identifier_follows_the_content(books: dict[str | None, Path], tmp_path: Path) -> None:
    def identifier(path: Path) -> str:
        return metadata(parse(read_book(path)["EPUB/content.opf"]))["dc:identifier"][0]

    issue = sample_issue()
    issue.warnings.append("另一条警告")  # warnings are not in the book
    assert identifier(build_epub(issue, tmp_path / "same.epub")) == identifier(books[None])
    issue.articles[1].paragraphs[0] = issue.articles[1].paragraphs[0].replace("2月7日", "2月8日")
    assert identifier(build_epub(issue, tmp_path / "changed.epub")) != identifier(books[None])
    assert identifier(books["tone"]) != identifier(books[None])


@pytest.mark.parametrize("style", PINYIN_STYLES)
def test_every_han_character_has_a_reading_and_nothing_else_does(
    books: dict[str | None, Path], style: str
) -> None:
    files = read_book(books[style])
    for name in spine_documents(files):
        body = parse(files[name]).find("x:body", NS)
        rubies = body.findall(".//x:ruby", NS)
        assert rubies, name
        for ruby in rubies:
            base = ruby.text or ""
            [rt] = ruby.findall("x:rt", NS)
            assert len(base) == 1 and is_han(base), (name, base)
            assert rt.text and rt.text.strip() and not any(map(is_han, rt.text)), (name, base)
        assert not body.findall(".//x:rp", NS)
        ruby_tags = (f"{{{XHTML}}}ruby", f"{{{XHTML}}}rt")
        for element in body.iter():
            outside_ruby = [] if element.tag in ruby_tags else [element.text]
            if element.getparent() is not None and element.getparent().tag != ruby_tags[0]:
                outside_ruby.append(element.tail)
            for text in outside_ruby:
                assert not any(map(is_han, text or "")), (name, text)


def test_tone_readings_are_pinyin_and_zhuyin_readings_are_bopomofo(books: dict[str | None, Path]) -> None:
    def first_readings(style: str) -> list[str]:
        page = parse(read_book(books[style])["EPUB/article-001.xhtml"])
        return [rt.text for rt in page.findall(".//x:h1//x:rt", NS)][:2]

    assert first_readings("tone") == ["chàng", "yì"]
    assert first_readings("tone3") == ["chang4", "yi4"]
    assert first_readings("zhuyin") == ["ㄔㄤˋ", "ㄧˋ"]


@pytest.mark.parametrize("style", [None, "tone"])
def test_each_reading_unit_is_an_element_with_its_anchor(books: dict[str | None, Path], style: str | None) -> None:
    files = read_book(books[style])
    for name, article in zip(spine_documents(files)[1:], sample_issue().articles, strict=True):
        page = parse(files[name])
        units = reading_units(article)
        assert len(units) > 3
        for unit in units:
            [element] = page.findall(f".//*[@id='{unit.anchor}']", NS)
            assert plain_text(element) == unit.text, (name, unit.anchor)


def test_headline_with_kicker_and_subtitle_reads_kicker_title_subtitle(books: dict[str | None, Path]) -> None:
    page = parse(read_book(books[None])["EPUB/article-001.xhtml"])
    header = page.find(".//x:header", NS)
    assert [(etree.QName(e).localname, e.get("class"), e.text) for e in header] == [
        ("p", "kicker", "兴县工商联"),
        ("h1", "title", "倡议全县非公经济人士积极应对"),
        ("p", "subtitle", "新冠肺炎疫情打好防控阻击战"),
    ]
    assert page.findtext("x:head/x:title", namespaces=NS) == (
        "兴县工商联 倡议全县非公经济人士积极应对 新冠肺炎疫情打好防控阻击战"
    )


def test_article_with_derived_title_has_it_as_its_only_heading(books: dict[str | None, Path]) -> None:
    page = parse(read_book(books[None])["EPUB/article-003.xhtml"])
    header = page.find(".//x:header", NS)
    assert [etree.QName(e).localname for e in header] == ["h1"]
    # the page printed no headline: the heading says so, to the eye and to a screen reader
    [title, mark] = header[0]
    assert (title.text, mark.get("class"), mark.text) == ("市委召开脱贫攻坚工作暨农村工作会议", "derived-mark", "（编者拟题）")
    assert page.findtext(".//x:p[@class='byline']", namespaces=NS) == "（张明提 康东）"


def test_dateline_opens_the_first_paragraph_glued_to_its_text(books: dict[str | None, Path]) -> None:
    page = parse(read_book(books[None])["EPUB/article-002.xhtml"])
    paragraphs = page.findall(".//x:article/x:p", NS)
    lead = paragraphs[0]
    assert lead.get("class") == "lead"
    dateline = lead[0]
    assert (dateline.get("class"), dateline.text, dateline.tail) == ("dateline", "本报讯", "\u00a0")
    assert plain_text(lead) == "本报讯\u00a02月7日，吕梁市委第七次专题会议暨市疫情防控工作领导小组电视电话会议召开，" \
        "传达学习习近平总书记在中央全面依法治国委员会第三次会议上的重要讲话精神。"
    assert paragraphs[-1].get("class") == "byline"
    assert len(paragraphs) == 1 + 2 + 1


def test_article_without_dateline_or_byline(books: dict[str | None, Path]) -> None:
    page = parse(read_book(books[None])["EPUB/article-004.xhtml"])
    assert page.find(".//x:span[@class='dateline']", NS) is None
    assert page.find(".//x:p[@class='byline']", NS) is None
    assert page.find(".//x:p[@class='lead']", NS) is None


def test_title_page_names_the_issue_lists_articles_and_unplaced_headlines(books: dict[str | None, Path]) -> None:
    page = parse(read_book(books[None])["EPUB/title.xhtml"])
    assert page.findtext(".//x:h1", namespaces=NS) == "兴县报"
    assert [p.text for p in page.findall(".//x:p[@class='issue-line']", NS)] == ["2020年2月12日"]
    assert [a.text for a in page.findall(".//x:nav[@id='contents']//x:a", NS)] == [
        a.headline.title for a in sample_issue().articles
    ]
    assert [li.text for li in page.findall(".//x:section[@class='unplaced']//x:li", NS)] == ["万家灯火兴县城", "宅家抗“疫”"]
    headings = [etree.QName(h).localname for h in page.iter(f"{{{XHTML}}}h1", f"{{{XHTML}}}h2")]
    assert headings == ["h1", "h2", "h2"]


def test_warnings_never_go_into_the_book(books: dict[str | None, Path]) -> None:
    for path in books.values():
        for name, data in read_book(path).items():
            assert "无法归入".encode() not in data, name


def test_two_builds_are_byte_identical(books: dict[str | None, Path], tmp_path: Path) -> None:
    for style in (None, "tone"):
        again = build_epub(sample_issue(), tmp_path / "again.epub", pinyin_style=style)
        assert again.read_bytes() == books[style].read_bytes(), style
    with zipfile.ZipFile(books[None]) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2020, 2, 12, 0, 0, 0)}


def test_undated_issue_without_newspaper_still_builds_reproducibly(tmp_path: Path) -> None:
    issue = sample_issue()
    issue.date = None
    issue.newspaper = None
    issue.publisher = None
    issue.title = "000_6f7615cd0b320972"
    first = build_epub(issue, tmp_path / "a.epub").read_bytes()
    assert build_epub(issue, tmp_path / "b.epub").read_bytes() == first
    files = read_book(tmp_path / "a.epub")
    meta = metadata(parse(files["EPUB/content.opf"]))
    assert meta["dcterms:modified"] == ["2000-01-01T00:00:00Z"]  # built in memory: no date, no page files
    assert "dc:creator" not in meta and "dc:date" not in meta
    assert parse(files["EPUB/title.xhtml"]).findtext(".//x:h1", namespaces=NS) == "000_6f7615cd0b320972"


def test_text_is_escaped_and_cleaned_of_characters_xml_forbids(tmp_path: Path) -> None:
    for style in (None, "tone"):
        files = read_book(build_epub(odd_issue(), tmp_path / "odd.epub", pinyin_style=style))
        page = parse(files["EPUB/article-001.xhtml"])
        assert plain_text(page.find(".//x:h1", NS)) == "A<B & “C”会议"
        assert plain_text(page.find(".//x:article/x:p", NS)) == "价格<5元&税>2%，见<script>。"
        assert page.find(".//x:script", NS) is None
        assert parse(files["EPUB/nav.xhtml"]).find(".//x:nav//x:a", NS).text == "A<B & “C”会议"


def test_untitled_and_textless_articles_still_make_valid_pages(tmp_path: Path) -> None:
    files = read_book(build_epub(odd_issue(), tmp_path / "odd.epub"))
    untitled = parse(files["EPUB/article-002.xhtml"])
    assert [plain_text(e) for e in untitled.find(".//x:header", NS)] == ["兴县工商联", "（无标题）"]
    assert [plain_text(p) for p in untitled.findall(".//x:article/x:p", NS)] == ["正文只有一句"]
    dateline_only = parse(files["EPUB/article-003.xhtml"])
    assert plain_text(dateline_only.find(".//x:p[@class='lead']", NS)) == "新华社北京1月2日电"
    labels = [a.text for a in parse(files["EPUB/nav.xhtml"]).findall(".//x:nav[@id='toc']//x:a", NS)]
    assert labels == ["A<B & “C”会议", "兴县工商联", "只有电头"]


def test_ruby_markup_and_block_readings() -> None:
    assert str(ruby_markup("兴县2020", ["xīng", "xiàn", None, None, None, None])) == (
        "<ruby>兴<rt>xīng</rt></ruby><ruby>县<rt>xiàn</rt></ruby>2020"
    )
    assert str(ruby_markup("<&>", None)) == "&lt;&amp;&gt;"
    # The pieces of a block are read together: "还" at the start of the second
    # piece is read with the word it ends, never alone.
    pieces = block_markup(["他们要归", "还。"], PinyinReadings("tone"))
    assert "".join(map(str, pieces)).count("<ruby>") == 5
    assert str(pieces[1]) == '<span class="nobr"><ruby>还<rt lang="zh-Latn-pinyin">huán</rt></ruby>。</span>'


def test_punctuation_stays_on_the_line_of_the_annotated_character_beside_it() -> None:
    def ruby(char: str) -> str:
        return f"<ruby>{char}<rt>x</rt></ruby>"

    marked = str(ruby_markup("落实“四后”，共3个。", ["x", "x", None, "x", "x", None, None, "x", None, "x", None]))
    assert marked == (
        ruby("落") + ruby("实") + '<span class="nobr">“' + ruby("四") + "</span>"
        + '<span class="nobr">' + ruby("后") + "”，</span>"
        + ruby("共") + "3" + '<span class="nobr">' + ruby("个") + "。</span>"
    )
    # Without readings the layout engine applies the line-breaking rules itself.
    assert str(ruby_markup("“四后”，", None)) == "“四后”，"


def test_stylesheet_leaves_size_and_colour_to_the_reader() -> None:
    css = (STYLES_DIR / "book.css").read_text(encoding="utf-8")
    assert not re.search(r"font-size:\s*[\d.]+(px|pt)", css), "font sizes must be relative"
    colours = re.findall(r"(?<![-\w])(?:color|background(?:-color)?|border(?:-\w+)?)\s*:\s*([^;]+);", css)
    # Only colours that follow the reader's theme: inherited, or the system's highlight pair.
    assert all(value.strip() in ("inherit", "currentColor", "Highlight", "HighlightText") for value in colours), colours
    for rule in ("text-indent: 2em", "line-height: 1.8", "text-align: justify", "ruby-position: over",
                 "-webkit-ruby-position: before", "font-size: 0.6em", "color-scheme: light dark",
                 "text-spacing-trim: space-all"):
        assert rule in css, rule


def test_small_text_rules() -> None:
    assert xml_text("本报讯\x0c当前\x00") == "本报讯当前"
    assert chinese_date(dt.date(2020, 2, 12)) == "2020年2月12日"


def test_bad_requests_get_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no articles"):
        build_epub(Issue(title="空", articles=[]), tmp_path / "empty.epub")
    with pytest.raises(ConverterError, match="unknown pinyin style 'ipa'"):
        build_epub(sample_issue(), tmp_path / "ipa.epub", pinyin_style="ipa")
    assert not list(tmp_path.iterdir())


def test_assembled_book_can_be_extended_before_it_is_written(tmp_path: Path) -> None:
    """What a read-along mode does: mark the article documents, extend the claims."""
    assembled = assemble_book(sample_issue(), pinyin_style="tone")
    assert [d.file_name for d in assembled.article_documents] == [article_file(n) for n in (1, 2, 3, 4)]
    assembled.accessibility.access_modes.append("auditory")
    assembled.accessibility.features.append("synchronizedAudioText")
    files = read_book(write_book(assembled, tmp_path / "extended.epub"))
    meta = metadata(parse(files["EPUB/content.opf"]))
    assert meta["schema:accessMode"] == ["textual", "visual", "auditory"]
    assert meta["schema:accessibilityFeature"][-2:] == ["rubyAnnotations", "synchronizedAudioText"]


def test_output_is_written_atomically_into_new_folders(tmp_path: Path) -> None:
    target = tmp_path / "out" / "2020" / "issue.epub"
    assert build_epub(sample_issue(), target) == target
    assert [p.name for p in target.parent.iterdir()] == ["issue.epub"]


# ------------------------------------------------------------------ epubcheck

@pytest.mark.slow
def test_every_book_passes_epubcheck_without_errors_or_warnings(
    books: dict[str | None, Path], tmp_path: Path
) -> None:
    undated = sample_issue()
    undated.date = None
    undated.newspaper = None
    undated.title = "000_6f7615cd0b320972"
    all_books = [
        *books.values(),
        build_epub(undated, tmp_path / "undated.epub"),
        build_epub(odd_issue(), tmp_path / "odd-plain.epub"),
        build_epub(odd_issue(), tmp_path / "odd-tone.epub", pinyin_style="tone"),
    ]
    problems = epubcheck(all_books, tmp_path)
    assert problems == {book: [] for book in all_books}

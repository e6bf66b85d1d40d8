"""Nothing is lost: generated pages of real paragraphs, wrapped and justified at random."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.clean import parse_pages
from converter.clean.doubled import collapse_doubled
from converter.clean.paragraphs import set_width
from converter.clean.spacing import han_chars
from tests import layout_sim

# Real paragraphs of county-paper news.
PARAGRAPHS = [
    "当前新型冠状病毒肺炎疫情的防控工作正处于关键时刻。作为党委联系非公有制经济人士的桥梁和纽带，兴县工商联时刻与党委、政府保持高度一致。",
    "一是积极采取疫情综合防控措施。倡导文明过节，自觉停止一切走亲访友活动，不聚会、不聚餐，减少人员聚集；出门戴口罩，回家先洗手，室内常通风。",
    "截至2月11日，全县民营企业和非公经济人士已向指定账户捐款240.75万元。",
    "会议要求，要加大物资多方筹集力度，做好物资调配和市场稳定工作。要加强出入市县、社区、农村检查检疫口的核查工作，严防死守，确保万无一失。",
    "据悉，此次爱心慰问善款，由县委统战部新联会、知联会以及宗教人士共同筹集，活动共发放了价值18000余元的物资。",
    "“一方有难 八方支援”，民营企业要进一步增强履行社会责任的荣誉感和使命感。",
    "会议强调，所有人要提高政治站位，各部门要通力协作，明确属地管理责任，认真落实相关政策，严格执行防控措施。",
    "2019年，大力实施“4336”行动计划，7个摘帽县区脱贫成色进一步提升，3个深度贫困县顺利接受评估，脱贫攻坚取得决定性胜利。",
    "受慰问工作人员非常感谢爱心人士为他们送来的口罩、生活必需品、消毒液，表示，一定把爱心人士这份爱心转化为动力，坚守岗位，守好西大门。",
    "与会人员纷纷表示，尽快将人员配备到位，使全县卡口的疫情检测更加规范全面。",
]
BYLINES = [["张明提"], ["张明提", "康东"], ["王小明", "宋继伟", "李华"]]


def _wrap(text: str, width: int) -> list[str]:
    """Fill lines to ``width`` em as a compositor does, the first one indented two characters."""
    lines: list[str] = []
    line = ""
    limit = width - 2
    for char in text:
        if line and set_width(line + char) > limit:
            lines.append(line)
            line, limit = "", width
        line += char
    return lines + [line]


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, list[list[str]], list[list[str]]]:
    count = draw(st.integers(1, 4))
    width = draw(st.integers(9, 30))
    printed: list[str] = []
    articles: list[list[str]] = []
    bylines: list[list[str]] = []
    titles: list[str] = []
    for _ in range(count):
        paragraphs = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=3))
        byline = draw(st.sampled_from(BYLINES))
        if articles and (paragraphs, byline) == (articles[-1], bylines[-1]):
            continue  # one article printed twice in a row is a repeated copy: one is kept, with a warning
        width = draw(st.sampled_from([width, width + draw(st.integers(-4, 8))]))
        width = max(9, width)
        lines: list[str] = []
        for number, paragraph in enumerate(paragraphs):
            lines += _wrap(("本报讯 " if number == 0 else "") + paragraph, width)
        justified = []
        for line in lines:
            gaps = draw(st.sets(st.integers(1, max(1, len(line) - 1)), max_size=len(line) // 2))
            justified.append("".join((" " if i in gaps else "") + c for i, c in enumerate(line)))
        names = "（" + " ".join(byline) + "）"
        if draw(st.booleans()):
            justified[-1] += names
        else:
            justified.append(" " + names)
        printed += justified
        articles.append(paragraphs)
        bylines.append(byline)
        if draw(st.booleans()):
            lead = han_chars(paragraphs[0])
            start = draw(st.integers(0, max(0, len(lead) - 12)))
            titles.append(lead[start : start + draw(st.integers(6, 12))])
    printed += titles
    return "\n\n".join(printed) + "\n", articles, bylines


@settings(max_examples=60, deadline=None)
@given(pages())
def test_every_han_character_survives_in_order(page: tuple[str, list[list[str]], list[list[str]]]) -> None:
    text, articles, bylines = page
    issue = parse_pages([("page.txt", text)])

    assert [a.byline for a in issue.articles] == bylines
    body_in = "".join(han_chars("本报讯" + "".join(paragraphs)) for paragraphs in articles)
    body_out = "".join(han_chars((a.dateline or "") + "".join(a.paragraphs)) for a in issue.articles)
    assert body_out == body_in

    printed = [h for a in issue.articles if a.headline.source == "page" for h in a.headline.parts]
    everything = body_out + "".join(han_chars("".join(b)) for b in bylines) + han_chars(
        "".join(printed) + "".join(issue.unplaced_headlines)
    )
    assert Counter(everything) == Counter(han_chars(text))

    for article in issue.articles:
        for paragraph in article.paragraphs:
            assert not re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", paragraph)
        assert article.headline.title


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(PARAGRAPHS), st.integers(9, 30))
def test_paragraph_kept_whole_across_column_widths(paragraph: str, width: int) -> None:
    text = "\n\n".join(_wrap("本报讯 " + paragraph, width) + ["（张明提）"]) + "\n"
    issue = parse_pages([("page.txt", text)])
    assert issue.articles[0].paragraphs == [paragraph.replace("“一方有难 八方支援”", "“一方有难八方支援”")]


def collapse_doubled_lines(text: str) -> str:
    """The page with photo titles printed twice by a shadowed font read once, as the parser reads them."""
    return "\n".join(_collapsed(line) for line in text.split("\n"))


def _collapsed(line: str) -> str:
    return " ".join(collapse_doubled(piece) for piece in line.split())


# Where the parser names what it set apart: a stray glyph, a page header, a copy printed twice, a figure note.
_SET_APART = re.compile(r"stray glyph “(.)”|page header: (.*)$|“(.*)” is printed twice|page furniture \(figure note\): (.*)$")


def _places(issue) -> list[str]:
    """Every place a printed line may end up in, as Han text: one per article part and per unplaced headline."""
    places = []
    for article in issue.articles:
        if article.headline.source == "page":
            places.append(han_chars("".join(article.headline.parts)))
        places.append(han_chars((article.dateline or "") + "".join(article.paragraphs) + "".join(article.byline)))
    places += [han_chars(h) for h in issue.unplaced_headlines]
    for warning in issue.warnings:
        match = _SET_APART.search(warning)
        if match:
            places.append(han_chars(next(g for g in match.groups() if g is not None)))
    return places


# The same simulated pages on every run, so that a run says the same of the same code.
@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.integers(0, 10**6), st.sampled_from(layout_sim.SPLITS))
def test_every_line_of_a_simulated_page_lands_in_exactly_one_place(seed: int, split: str) -> None:
    sim = layout_sim.page(seed, split, layout_sim.pool(split))
    issue = parse_pages([("page.txt", sim.text)])
    places = _places(issue)

    # Nothing lost, nothing counted twice.
    assert Counter("".join(places)) == Counter(han_chars(collapse_doubled_lines(sim.text)))
    # Each printed line lies whole in one place (less a stray glyph at its end).
    for line in sim.text.split("\n"):
        text = han_chars(_collapsed(line))
        if len(text) >= 2:
            assert any(text in place or text[:-1] in place for place in places), line
    # No unplaced "headline" is text: longer than a headline or ending with a comma.
    for headline in issue.unplaced_headlines:
        assert len(headline) <= 40 and not headline.rstrip().endswith(("，", ",")), headline

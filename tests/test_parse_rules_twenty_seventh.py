"""Rules found on the twenty-seventh set of real articles
(tests/data/articles/local_news_twenty_seventh_held_out.jsonl), after its single held-out measurement, and on more
seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

TWENTY_SEVENTH = "twenty-seventh-held-out"


def test_a_title_broken_after_its_dash_goes_on_into_what_a_body_does() -> None:
    # 雨中粽香飘法院 端午温情聚一堂—— / 大关法院开展端午节包粽子活动 and 检察助创城 文明我先行---- /
    # 老边区人民检察院开展社区清洁活动: the line ending with the dash was read as a kicker over a title of its own.
    assert ("", "雨中粽香飘法院端午温情聚一堂——大关法院开展端午节包粽子活动", "") in _titles(28029, TWENTY_SEVENTH)
    assert ("", "检察助创城文明我先行----老边区人民检察院开展社区清洁活动", "") in _titles(28025, TWENTY_SEVENTH)


def test_a_reporter_s_name_in_brackets_after_text_with_no_stop_is_the_byline() -> None:
    # …有效扩宽群众信访诉求渠道，树立检察公信力（谢芳）: the paper printed no stop before the name, and the name
    # stayed in the last paragraph. Words in brackets that open with a surname but name a body or a place (（党委）,
    # （张家村）) stay in the text: tests of bylines.
    story = _whole(28016, "为帮助群众了解12309检察服务中心", TWENTY_SEVENTH)
    assert story is not None and story.byline == ["谢芳"]
    assert story.paragraphs[-1].endswith("树立检察公信力")
    story = _whole(27013, "11月15日，杭锦旗总工会深入", "twenty-sixth-held-out")
    assert story is not None and story.byline == ["杨凯征"]


def test_a_title_line_ending_with_a_verb_right_after_its_lead_s_colon_goes_on() -> None:
    # 五抓五促十提升|隆化法院：开展 / “与法同行护佑成长”公众开放日活动: 开展 waits for what is done, and the lead
    # before the colon names who does it; the first line was left over as a headline of no story.
    titles = _titles(28006, TWENTY_SEVENTH)
    assert ("", "五抓五促十提升|隆化法院：开展“与法同行护佑成长”公众开放日活动", "") in titles


def test_one_character_before_a_dash_at_a_title_line_s_head_ends_the_word_on_the_line_above() -> None:
    # 检察助创城 文明我先 / 行----老边区人民检察院开展社区清洁活动: no title line opens with one character and a
    # dash; the first line was left over as a headline of no story.
    assert ("", "检察助创城文明我先行----老边区人民检察院开展社区清洁活动", "") in _titles(28027, TWENTY_SEVENTH)

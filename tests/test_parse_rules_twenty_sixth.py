"""Rules found on the twenty-sixth set of real articles (tests/data/articles/local_news_twenty_sixth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

TWENTY_SIXTH = "twenty-sixth-held-out"


def test_a_headline_printing_a_full_stop_after_other_headlines_does_not_end_the_last_story() -> None:
    # 公众开放日：人大代表走进来，海林市法院走出去。 is set wider than the column, after a narrow stray line and a
    # wide title: the last dated story ran on to its full stop and took in the page's headlines.
    story = _whole(27013, "16日，2016年全国重点新闻媒体", TWENTY_SIXTH)
    assert story is not None and story.headline.title == "[林业行]鹿寨县查比屯：生态建设富民美村（组图）"
    titles = _titles(27013, TWENTY_SIXTH)
    assert ("", "公众开放日：人大代表走进来，海林市法院走出去。", "") in titles
    assert ("", "杭锦旗总工会开展“致敬环卫工•点赞劳动美”慰问环卫工人行动", "") in titles


def test_the_last_story_s_last_paragraph_without_its_stop_is_text_over_the_page_s_headlines() -> None:
    # 良法善治，民之所向。… 为建设平安法治新宜昌贡献一份 / 力量: the paper printed no stop after 力量. The lines after
    # the story's last stop were read with the headlines under them as one undated story, and all three stories
    # lost their headlines.
    story = _whole(27028, "12月4日上午，三峡坝区法院", TWENTY_SIXTH)
    assert story is not None and story.headline.title == "三峡坝区法院积极开展“12.4”宪法日宣传活动"
    titles = _titles(27028, TWENTY_SIXTH)
    assert ("", "首个国家宪法日潮州法院举行法官宣誓暨送宪法进课堂、进基层活动", "") in titles


def test_two_stories_of_one_kind_run_together_are_told_apart_by_the_words_their_headlines_do_not_share() -> None:
    # 奔牛镇总工会开展夏日送清凉慰问活动 and 连云港市总工会开展工会驿站体验周暨夏季“送清凉”活动: both texts print
    # 总工会, 开展 and 送清凉, so each headline seemed to lie on both sides of the break and the two read as one.
    first = _whole(27005, "烈日炎炎，酷暑难当", TWENTY_SIXTH)
    assert first is not None and first.headline.title == "奔牛镇总工会开展夏日送清凉慰问活动"
    second = _whole(27005, "7月25日，全市工会驿站体验周", TWENTY_SIXTH)
    assert second is not None and second.headline.title == "连云港市总工会开展工会驿站体验周暨夏季“送清凉”活动"

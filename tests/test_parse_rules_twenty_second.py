"""Rules found on the twenty-second set of real articles (tests/data/articles/local_news_twenty_second_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

TWENTY_SECOND = "twenty-second-held-out"


def test_a_line_ending_where_a_delegation_goes_runs_on_into_the_next() -> None:
    # 河南省教育厅领导带队到 / 新乡县调研乡村学校“绿健”主题实践活动: 带队到 waits for the place gone to, as 赴 does;
    # the two lines had been read as a title and its subtitle.
    titles = _titles(23023, TWENTY_SECOND)
    assert ("", "河南省教育厅领导带队到新乡县调研乡村学校“绿健”主题实践活动", "") in titles


def test_a_headline_wholly_after_a_break_and_a_word_of_it_before_tells_a_story_beginning_there() -> None:
    # 晚报讯连日来，受持续强降雨… / … / 汛期来临，怀宁县腊树镇扎实做好防汛抗旱各项工作。: the headline
    # 怀宁腊树镇落实防汛抗旱各项任务 is all but wholly in the text after the break, and 防汛 of it in the dated story
    # before, which has no printed headline; the two stories had run together.
    assert _whole(100012, "汛期来临，怀宁县腊树镇", "dev") is not None
    assert _whole(100012, "连日来，受持续强降雨", "dev") is not None


def test_a_story_opening_with_its_day_after_a_story_apart_from_it_begins_there() -> None:
    # …提升农村防灾减灾能力。 / 9月24日，民治街道上芬社区的工作人员…: the two stories share almost no words and the
    # second opens with its day; its headline 为独居老人送“暖心午餐” is more in it than in the story before, which
    # names 独居老人 once. The stories had run together, and the first one's headline was left unplaced.
    assert _whole(100014, "9月24日，民治街道上芬社区", "second-held-out") is not None
    assert ("", "福山：消防宣传进农村守护居民平安过冬", "") in _titles(100014, "second-held-out")


def test_the_end_of_a_title_given_to_the_story_below_moves_back_up() -> None:
    # 东郊供电所抢修 / 一线保供电 / 居家养老乐陶陶: 一线保供电 holds as many characters of the story of old people's
    # homes as of the power station's, and had been given to the first, whose own title was then joined to it.
    titles = _titles(100037, "second-held-out")
    assert ("", "东郊供电所抢修一线保供电", "") in titles and ("", "居家养老乐陶陶", "") in titles


def test_a_headline_whose_lead_is_named_only_after_a_break_lies_after_it() -> None:
    # 双红村：志愿服务“扮靓”省道沿线 and 3月19日，双峰县沙塘乡双红村… after a story of dumplings for travellers at a
    # station on New Year's Eve: 双红村 is named after the break and nowhere before it, so the words of the headline
    # the story before shares (志愿服务) say nothing of it; the two stories had run together.
    assert _whole(100371, "3月19日，双峰县沙塘乡双红村", "thirteenth-held-out") is not None
    assert _whole(100371, "挂上灯笼、贴上春联", "thirteenth-held-out") is not None


def test_a_crying_last_paragraph_whose_first_line_ends_at_a_comma_ends_the_story() -> None:
    # 通过各方面的大力宣传， / 我市公民文明素质和社会文 / … / 量！ after the last full stop of the page's last story:
    # its first line, as wide as a paragraph's first, ends at a comma rather than holding one, and the lines under it
    # fill the column as text does. It had been read as headlines, and the story before it lost its title.
    article = _whole(100299, "为提升我市文明创建水平", "twenty-first-held-out")
    assert article is not None and article.paragraphs[-1].endswith("强大力量！")


def test_a_body_and_its_verb_after_a_lead_s_colon_wait_for_what_is_done() -> None:
    # 平顶山市卫东区：神马社区开展 / “爱在重阳，情暖中秋”敬老爱老活动: after the lead and its colon, a body's name and
    # 开展 end the line, and what is done is on the next; the two lines had been read as a title and its subtitle.
    titles = _titles(100005, "sixteenth-held-out")
    assert ("", "平顶山市卫东区：神马社区开展“爱在重阳，情暖中秋”敬老爱老活动", "") in titles


def test_a_line_opening_with_where_someone_goes_runs_on_from_the_line_above() -> None:
    # 五泉镇组织干部群众 / 赴眉县参观学习猕猴桃产业发展: who goes is named on the line above 赴, which opens no title;
    # the two lines had been read as a title and its subtitle.
    titles = _titles(100019, "sixteenth-held-out")
    assert ("", "五泉镇组织干部群众赴眉县参观学习猕猴桃产业发展", "") in titles

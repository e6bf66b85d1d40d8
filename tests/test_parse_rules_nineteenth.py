"""Rules found on the nineteenth set of real articles (tests/data/articles/local_news_nineteenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _whole

NINETEENTH = "nineteenth-held-out"


def test_a_paragraph_pointing_back_to_a_matter_told_before_opens_no_story() -> None:
    # 平西建材城南门自来水浸街 / 有关部门着手排查 over a story whose third paragraph opens 记者与市自来水公司调度室
    # 联系，被告知他们已知道此事 and whose second 昨天下午3时许，记者再次路过此处时: the subtitle's words after the
    # break and the title's before it had cut the story in two.
    for seed in (100037, 100048, 100072):
        article = _whole(seed, "昨天中午，记者路过市区建设路西段", "twelfth-held-out")
        assert article is not None and article.paragraphs[-1].endswith("有关部门应该赶紧修修。”")


def test_a_headline_partly_after_a_break_where_a_lede_opens_begins_its_story() -> None:
    # 黑河作协沾河分会…开展义务植树活动 over its story and “守望冬奥，扫雪为民”志愿服务，温暖民心 over the next,
    # which opens 2021年11月6日张家口市出现了大风降温强降雪 and names little of its title: the second story had
    # run on after the first.
    for seed in (100034, 100127, 200241):
        article = _whole(seed, "2021年11月6日张家口市", NINETEENTH)
        assert article is not None and article.headline.title == "“守望冬奥，扫雪为民”志愿服务，温暖民心"


def test_a_slogan_the_story_quotes_heads_the_title_under_it() -> None:
    # 绿色省运康养广元 / 35家媒体集中采访走进广元 over a story whose last paragraph quotes “绿色省运、康养广元”: the
    # kicker leaning to that paragraph and the title to the first had cut the story in two.
    for seed in (100012, 100017, 100028):
        article = _whole(seed, "四川省第十三届运动会", "tenth-held-out")
        assert article is not None and "35家媒体集中采访走进广元" in "".join(article.headline.parts)


def test_a_lead_and_a_word_or_two_over_a_line_are_one_title_to_the_anchors() -> None:
    # 林州：爱心墙 / 让我们走的更近 over a story quoting “…反而让人们走得更近！” in its third paragraph: the two
    # lines, read as two headlines, had cut the story at that paragraph.
    for seed in (100039, 100084):
        article = _whole(seed, "公益爱心墙，传递正能量！", "sixteenth-held-out")
        assert article is not None and article.headline.title == "林州：爱心墙让我们走的更近"


def test_a_term_a_headline_quotes_weighs_twice_in_matching_it() -> None:
    # 节前慰问温暖“好人”心 over a story of visiting the city's “镇江好人”, beside a story of a snowy morning whose
    # volunteers feel 暖: the title had gone to neither, its story given a title made of its first words.
    for seed in (100013, 100040, 100053):
        article = _whole(seed, "近日，市委常委、宣传部长曹当凌", "eleventh-held-out")
        assert article is not None and article.headline.title == "节前慰问温暖“好人”心"


def test_a_paragraph_opening_as_only_later_paragraphs_do_opens_no_story() -> None:
    # 会议传达学习了…, 如今，山乡农民…: of the collected articles, paragraphs after the first open so (会议 9 times,
    # 如今 11, 通过此次 13, 当日 8, 采访中), no story's first; such a paragraph had opened a story of its own.
    for seed, split, start, last in (
        (100085, "tenth-held-out", "2月16日，县委副书记、县长卢昊", "会前，与会人员学习了"),
        (100125, "seventh-held-out", "近日，笔者下乡采访时发现", "如今，山乡农民不再像过去那样"),
    ):
        article = _whole(seed, start, split)
        assert article is not None and article.paragraphs[-1].startswith(last)

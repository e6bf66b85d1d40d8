"""Rules found on the twenty-fourth set of real articles (tests/data/articles/local_news_twenty_fourth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

TWENTY_FOURTH = "twenty-fourth-held-out"


def test_two_stories_of_a_story_s_length_sharing_no_words_are_cut_where_a_headline_left_over_says() -> None:
    # …淝田镇镇长李开发表示。 / 尊老爱幼是中华民族传统美德，4月16日，金城镇…: the two sides of the break share almost
    # no words and each is a story's length, though the second opens with a saying and not with when it happened;
    # 有一道风景叫“孝老”, sharing no words with any story, had been left over and the two stories read as one.
    story = _whole(100005, "尊老爱幼是中华民族传统美德", "ninth-held-out")
    assert story is not None and story.headline.title == "有一道风景叫“孝老”"
    assert _whole(100005, "11月17日，在淝田镇集凤村", "ninth-held-out") is not None


def test_a_line_ending_with_a_verb_waiting_for_what_one_is_or_does_runs_on_into_the_next() -> None:
    # 彝良法官当 / 老师把法庭搬进校园上课: 当 waits for what the judges are; the first line had been read as a kicker.
    assert ("", "彝良法官当老师把法庭搬进校园上课", "") in _titles(100027, TWENTY_FOURTH)
    # …劲往一块使省文联赴双联帮 / 扶点开展送万福活动: 帮 waits for whom it helps; the story had gone untitled.
    story = _whole(100095, "近日，省文联组织", "twelfth-held-out")
    assert story is not None and story.headline.title.startswith("心往一块想")


def test_a_line_ending_with_a_verb_waiting_for_what_it_builds_or_guards_runs_on_into_the_next() -> None:
    # 五大连池市公安局严管严查筑牢 / 采摘季道路交通安全防线 and …入户帮扶宣传守护 / 独居和留守老人安全: 筑牢 and 守护
    # wait for what they build and guard; the second lines had been read as subtitles.
    assert ("", "五大连池市公安局严管严查筑牢采摘季道路交通安全防线", "") in _titles(100015, "seventh-held-out")
    assert ("", "乡镇消防工作站入户帮扶宣传守护独居和留守老人安全", "") in _titles(100077, "fifth-held-out")


def test_a_short_line_making_a_couplet_with_the_title_beside_it_is_that_title_s_other_half() -> None:
    # 产业兴旺 / 增收“有道”: the first half, as short as a photo's title and matching its story too weakly to be
    # placed alone, had been left over; it makes a couplet with the title under it and shares a word with its story.
    assert ("", "产业兴旺增收“有道”", "") in _titles(100022, "dev")

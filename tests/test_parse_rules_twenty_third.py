"""Rules found on the twenty-third set of real articles (tests/data/articles/local_news_twenty_third_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from tests.test_parse_rules_tenth import _titles, _whole

TWENTY_THIRD = "twenty-third-held-out"


def test_a_township_office_or_a_court_and_its_verb_wait_for_what_is_done() -> None:
    # 派驻福星镇检察室多种形式开展 / “检察宣讲乡村行”活动: a procuratorate's office in a township is a body, and
    # 多种形式 says how it acts, so 开展 waits for its object; the two lines had been read as a title and its subtitle.
    titles = _titles(100000, TWENTY_THIRD)
    assert ("", "派驻福星镇检察室多种形式开展“检察宣讲乡村行”活动", "") in titles
    # 庆阳法庭调解 / 工作走进田间地头: a court in a town is a body too; the title had been cut after its name.
    assert ("", "庆阳法庭调解工作走进田间地头", "") in _titles(100490, "fifth-held-out")


def test_a_line_ending_where_a_team_goes_deep_runs_on_into_the_next() -> None:
    # 云南省文联文艺轻骑兵团深入 / 勐遮镇曼恩村委会曼拉小组开展采风创作活动: a team's 深入 waits for where it goes, as
    # its 到 does; the two lines had been read as a title and its subtitle.
    titles = _titles(100026, TWENTY_THIRD)
    assert ("", "云南省文联文艺轻骑兵团深入勐遮镇曼恩村委会曼拉小组开展采风创作活动", "") in titles


def test_a_credit_naming_the_writer_as_a_person_closes_the_story() -> None:
    # …不断助力乡村振兴发展。 / （撰稿人：蔡慧琪）: 撰稿人 is 撰稿 named as the person doing it; the credit had been
    # read as the story's last paragraph.
    story = _whole(100017, "4月25日，巍岭乡", TWENTY_THIRD)
    assert story is not None and story.byline == ["撰稿人：蔡慧琪"]


def test_a_closing_note_of_who_else_was_there_stays_with_its_story() -> None:
    # …激发了创作灵感。 / 西双版纳州委宣传部副部长岩香，…等9位相关领导陪同采风。: one sentence naming who came along,
    # and not when, closes a story and opens none; it had been cut off as an untitled story of its own.
    story = _whole(100420, "819日，云南省文联", TWENTY_THIRD)
    assert story is not None and story.headline.title.startswith("云南省文联文艺轻骑兵团")


def test_a_latin_word_broken_by_a_line_s_end_in_chinese_text_is_one_word() -> None:
    # 彭首先通过生动、形象的PP / T向小朋友们介绍了…: the column broke the word PPT; the lines had been joined with a
    # blank between its letters, as two words of a Latin sentence are.
    story = _whole(100196, "为加强未成年人法治教育", TWENTY_THIRD)
    assert story is not None and "形象的PPT向小朋友们" in "".join(story.paragraphs)


def test_a_latin_word_after_a_chinese_mark_broken_by_a_line_s_end_is_one_word() -> None:
    # …通过主持人探访、V / CR回顾、…: after 、 as after a Chinese character, the letters are one word broken.
    story = _whole(100010, "9月27号上午，在市委组织部", "fifteenth-held-out")
    assert story is not None and "探访、VCR回顾" in "".join(story.paragraphs)


def test_a_code_of_letters_and_figures_set_letter_spaced_is_closed_up() -> None:
    # 联 合 温 州 亚 美 信 公 司 L T 2 4 班: a class's name of letters and figures, set letter-spaced; its letters had
    # been closed up only before Chinese text, so the gap before its figures stayed.
    story = _whole(100239, "12月26日，星期五，明媚的阳光", "fourteenth-held-out")
    assert story is not None and "亚美信公司LT24班" in "".join(story.paragraphs)


def test_lower_case_letters_set_letter_spaced_before_figures_are_one_word() -> None:
    # 或 加 微 信 “ c g t s 0 4 5 1 - 8 5 9 9 6 5 1 0 ”: a social media account's name, letters and figures set
    # letter-spaced; a blank had been left between them.
    story = _whole(100485, "日前，有市民反映，在香坊区", "eleventh-held-out")
    assert story is not None and "加微信“cgts0451-85996510”" in "".join(story.paragraphs)


def test_a_body_ending_a_line_and_a_word_binding_it_to_the_next_make_one_title() -> None:
    # 弶港镇老干部 / 与百岁老人“结亲”, 银发守护行动！云龙区检察院 / 为养老钱袋筑牢安全防线: the body named at the
    # line's end does what the next line tells, with or for whom; the lines had been read as a kicker and its
    # title, or a title and its subtitle.
    assert ("", "弶港镇老干部与百岁老人“结亲”", "") in _titles(100023, "fourteenth-held-out")
    assert ("", "银发守护行动！云龙区检察院为养老钱袋筑牢安全防线", "") in _titles(100053, TWENTY_THIRD)


def test_a_line_opening_with_will_or_by_goes_on_from_its_subject_above() -> None:
    # 今年我省百万农民 / 将进大学课堂: 将 needs its subject, which ends the line above; the title had been cut there.
    assert ("", "今年我省百万农民将进大学课堂", "") in _titles(100018, "tenth-held-out")


def test_a_line_ending_with_a_phrase_s_de_runs_on_into_the_next() -> None:
    # “彩虹岛”上的 / 幸福底色, 莆田援疆：给玛纳斯县最远的 / 村送去最真的情: no title ends with the 的 of a phrase
    # going on; the titles had been cut there.
    assert ("", "“彩虹岛”上的幸福底色", "") in _titles(100132, "second-held-out")
    assert ("", "莆田援疆：给玛纳斯县最远的村送去最真的情", "") in _titles(100010, "seventeenth-held-out")


def test_a_line_opening_with_a_particle_goes_on_from_the_word_above() -> None:
    # 接续报道世丰园成 / 了世外桃源, 好榜样！蕉城这里来 / 了一群志愿服务“热心人”！: 了 ends the verb above it; the
    # lines had been read as a kicker and its title, or the title cut there.
    assert ("", "接续报道世丰园成了世外桃源", "") in _titles(100191, "eleventh-held-out")
    assert ("", "好榜样！蕉城这里来了一群志愿服务“热心人”！", "") in _titles(100464, "eighteenth-held-out")


def test_a_short_line_under_a_title_of_two_phrases_begins_the_next_title() -> None:
    # 前进农场有限公司街道以雪为令齐出动 清理积雪保出行 / “村村”赛 / 龙舟，端午好不热闹: the title above is whole in its
    # two phrases; the short line had ended it rather than begun the title under it.
    titles = _titles(100062, "seventeenth-held-out")
    assert ("", "“村村”赛龙舟，端午好不热闹", "") in titles
    assert ("", "前进农场有限公司街道以雪为令齐出动清理积雪保出行", "") in titles

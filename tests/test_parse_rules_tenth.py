"""Rules found on the tenth set of real articles (tests/data/articles/local_news_tenth_held_out.jsonl),
after its single held-out measurement, and on more seeded pages of the earlier sets.

Each test lays real articles out on a simulated page where the parser once
got them wrong, and checks they now come out as printed.
"""

from __future__ import annotations

from converter.clean import parse_pages
from converter.clean.spacing import close_cjk_gaps
from converter.model import Article
from tests import layout_sim

TENTH = "tenth-held-out"


def _articles(seed: int, split: str = TENTH) -> tuple[layout_sim.Page, list[Article]]:
    sim = layout_sim.page(seed, split, layout_sim.pool(split))
    return sim, parse_pages([(sim.name + ".txt", sim.text)]).articles


def _text(dateline: str | None, paragraphs: list[str]) -> str:
    return close_cjk_gaps(dateline or "") + "".join(close_cjk_gaps(p) for p in paragraphs)


def _whole(seed: int, start: str, split: str = TENTH) -> Article | None:
    """The parsed article whose text is the gold article's (the one opening with ``start``), or None."""
    sim, articles = _articles(seed, split)
    gold = next(a for a in sim.articles if a.paragraphs[0].startswith(start))
    want = _text(gold.dateline, gold.paragraphs)
    return next((a for a in articles if _text(a.dateline, a.paragraphs) == want), None)


def _titles(seed: int, split: str = TENTH) -> set[tuple[str, str, str]]:
    _, articles = _articles(seed, split)
    return {
        (a.headline.kicker or "", a.headline.title.replace(" ", ""), a.headline.subtitle or "")
        for a in articles
        if a.headline.source == "page"
    }


def test_a_minus_or_a_range_s_sign_at_a_line_s_start_and_a_unit_in_latin_letters_close_up() -> None:
    # 每亩7 / - 8吨 (a line opening with the range's sign), 阴转小雪，- 4℃, 降水量为5 . 4 mm，.
    assert _whole(11002, "眼下正值甘蔗收购的旺季") is not None
    assert _whole(11021, "2月21日，省气象局") is not None
    assert _whole(100020, "11月24日，我县迎来今冬", "second-held-out") is not None


def test_a_reporter_s_credit_run_on_after_the_last_sentence_ends_the_text() -> None:
    # …并将持续关注事件进展。华商报记者 / 马群: the text ends there; its last paragraph is no headline.
    for seed in (11004, 11024):
        article = _whole(seed, "今年8月，西安市西影路")
        assert article is not None and article.paragraphs[-1].endswith("华商报记者马群")
    # …一大堆。华商报记者 / 关注后，随即…: a reporter the story names, in the middle of it.
    assert _whole(11006, "今年8月，西安市西影路") is not None


def test_a_title_printed_with_its_quote_unclosed_takes_no_headline_under_it() -> None:
    # 乡村文化振兴十送·送文化|“村村有好戏户户有能人——…专场活动举办, its quote never closed, over
    # 山乡春早 and three more titles: each title goes to its own article.
    titles = {title for _, title, _ in _titles(11006)}
    assert "乡村文化振兴十送·送文化|“村村有好戏户户有能人——东昌府区‘乡村振兴好戏之约’郑家镇专场活动举办" in titles
    assert "丘北县11月6个重点项目与全州同步集中开工" in titles
    assert _whole(11025, "为切实增强学生防溺水安全意识") is not None


def test_a_text_set_narrower_again_after_a_wider_one_is_another_article() -> None:
    # 金铃镇's report ends in a wider column; 晓坪乡's, with neither dateline nor byline, opens narrower
    # again, and its headline holds only a few of its words (晓坪乡, 汛期, 安全).
    assert _whole(11001, "为进一步提高防汛抢险") is not None
    assert _whole(11001, "为切实守护群众财产安全") is not None


def test_a_last_paragraph_printed_without_its_final_stop_stays_with_its_article() -> None:
    # …村民对村中的发展充满憧憬 (no 。): still the 麻姑峰村 story's last paragraph, not an article of its own.
    assert _whole(100010, "麻姑峰村是罗浮山", "ninth-held-out") is not None
    assert _whole(200004, "麻姑峰村是罗浮山", "ninth-held-out") is not None


def test_marked_names_before_the_text_open_an_article() -> None:
    # □朱诗钒 “古人学问无遗力… and □ 记者 程向阳 王玲琳 汪嫒 晨刊讯 温州市是…: datelines.
    assert _whole(100005, "“古人学问无遗力", "ninth-held-out") is not None
    article = _whole(10017, "温州市是本刊", "ninth-held-out")
    assert article is not None and (article.dateline or "").replace(" ", "") == "□记者程向阳王玲琳汪嫒晨刊讯"


def test_a_photo_s_title_sharing_one_word_with_a_paragraph_cuts_no_article() -> None:
    # 田野新绿 (a photo's title) and …为这片田野带来希望。: the last paragraph stays with 九月秋收….
    assert _whole(100017, "秋风送爽，硕果飘香", "second-held-out") is not None


def test_one_word_of_a_headline_after_a_break_cuts_two_stories_apart() -> None:
    # 伊敏河镇's story, its headline wholly before the break, then 元谋's: 元谋 alone of
    # 楚雄元谋田间收种忙 is in the text after it, and the two texts share almost no words.
    assert _whole(100001, "眼下，随着冬早蔬菜陆续成熟", "eighth-held-out") is not None


def test_a_list_of_names_running_on_signs_nothing() -> None:
    # 镇领导蔡国威、钟灿杨、 / 周浩森、钟浩源、梁杰球、 / 卢广新，…: names in a sentence, no byline.
    assert _whole(100003, "昨天（2月28日）下午") is not None


def test_a_lead_and_its_colon_alone_head_the_line_under_them() -> None:
    # 竹林镇： / 真情助农暖人心: kicker and title, though the title's words are not in the text.
    assert ("竹林镇：", "真情助农暖人心", "") in _titles(200000, "ninth-held-out")


def test_a_banner_s_name_over_a_title_is_its_kicker() -> None:
    # 乌拉特前旗 (a banner of Inner Mongolia, as a county elsewhere) / 设立400个站点 回收农药包装废弃物.
    for seed in (200002, 200019, 200021):
        assert ("乌拉特前旗", "设立400个站点回收农药包装废弃物", "") in _titles(seed, "ninth-held-out")


def test_a_latin_word_set_letter_spaced_closes_up() -> None:
    # 使用“国家反诈中心A p p”。: justified letter by letter, printed App.
    assert _whole(300017, "入冬以来，长荡镇", "second-held-out") is not None


def test_a_closing_note_after_the_last_sentence_ends_the_paragraph() -> None:
    # …做到了居民的心里。（完） over “眼下正是小麦扬花灌 (indented): the next article opens there.
    assert _whole(300040, "“眼下正是小麦扬花灌浆期", "seventh-held-out") is not None


def test_figures_over_a_line_without_any_are_its_kicker() -> None:
    # 13个乡镇148条596.7公里路焕然一新 / 平罗解民之忧变民出行难为易: the figures, then the gist.
    headline = ("13个乡镇148条596.7公里路焕然一新", "平罗解民之忧变民出行难为易", "")
    for seed in (300006, 300016, 300026):
        assert headline in _titles(seed, "seventh-held-out")


def test_a_dash_cut_in_half_by_the_break_joins_its_line() -> None:
    # …暖意融融— / —一场专为留深建设者准备的“家宴”正在热 / 闹开席。: text, not a subtitle.
    assert _whole(100056, "2月16日除夕夜", "second-held-out") is not None


def test_a_five_character_half_of_a_couplet_is_no_photo_s_title() -> None:
    # “围裙”进农村 / 宣传添亮点: the second half shares no word with the text, but five characters are no
    # photo's title (雪后初晴).
    assert ("", "“围裙”进农村宣传添亮点", "") in _titles(3016, "second-held-out")

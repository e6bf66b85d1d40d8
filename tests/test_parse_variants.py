"""County-style pages with the variants other issues print: reporter datelines,
agency datelines, an article with no dateline or byline, a subtitle."""

from __future__ import annotations

import pytest

from converter.clean import parse_pages
from tests.layout_sim import wrap as set_lines
from tests.pagemaker import wrap

FLOOD = ("本报记者 王丽 报道 ", ["6月3日，县应急管理局组织专项检查组，对全县重点河道、水库和地质灾害隐患点开展汛期安全大检查。",
        "检查组一行先后来到蔚汾河沿岸、城区排水泵站等地，详细了解防汛物资储备、值班值守和应急预案落实情况。",
        "检查组要求，各乡镇和有关部门要克服麻痹思想，压实防汛责任，确保安全度汛。"], "（王丽）")
AGENCY = ("据新华社北京6月5日电 ", ["国务院新闻办公室5日举行新闻发布会，介绍今年以来农业农村经济运行情况。",
          "发布会上，有关负责人表示，夏粮收购进展顺利，市场运行总体平稳。"], "")
SCHOOL = ("本报讯 ", ["4月23日，城关小学举办以书香满校园为主题的读书节活动，全校一千二百余名师生参加。",
          "活动中，同学们分享了自己最喜爱的图书，老师们为大家推荐了适合不同年级阅读的书目。"], "（李华 张强）")
HEADLINES = ["全县开展汛期安全大检查", "——县应急管理局深入一线排查隐患", "国新办介绍农业农村经济运行情况",
             "书香满校园", "城关小学举办读书节活动"]


def page(articles, width: int = 14) -> str:
    blocks: list[str] = []
    for dateline, paragraphs, byline in articles:
        lines = wrap(dateline + paragraphs[0], width, 0)
        for paragraph in paragraphs[1:]:
            lines += wrap(paragraph, width, 2)
        lines[-1] += byline
        blocks += lines
    return "\n\n".join(blocks + HEADLINES) + "\n"


@pytest.mark.parametrize("agency_dateline", ["据新华社北京6月5日电 ", ""])
def test_reporter_and_agency_datelines_and_an_article_without_either(agency_dateline: str) -> None:
    issue = parse_pages([("p1.txt", page([FLOOD, (agency_dateline, *AGENCY[1:]), SCHOOL]))])
    got = [(a.headline.kicker, a.headline.title, a.headline.subtitle, a.dateline, a.byline) for a in issue.articles]
    assert got == [
        (None, "全县开展汛期安全大检查", "——县应急管理局深入一线排查隐患", "本报记者王丽报道", ["王丽"]),
        (None, "国新办介绍农业农村经济运行情况", None, agency_dateline.strip() or None, []),
        ("书香满校园", "城关小学举办读书节活动", None, "本报讯", ["李华", "张强"]),
    ]
    assert issue.articles[1].paragraphs == AGENCY[1]
    assert issue.unplaced_headlines == []


DYKE = ("本报讯 ", ["连日来，受持续强降雨影响，蛟塘镇龙溪坝水位持续上升，镇村干部迅速奔赴堤坝巡查值守。",
        "经过一天的努力，镇村干部齐心协力搭建防汛帐篷、装沙袋，切实保障平稳度汛。"], "")
NEIGHBOURS = ("", ["在槐荫区裕园社区有群特殊的热心居民，他们经常义务在社区里巡视，维护花坛、清理楼道垃圾和小广告。",
              "热心居民老张说，及时发现问题，让社区变得更好，我早已经把社区当成自己的家了。"], "（苏莉）")


def test_an_article_without_a_byline_ends_where_the_next_ones_headline_begins() -> None:
    # The dated first article prints no headline and no byline; the next one no dateline:
    # only its headline, printed at the page's end, says where it begins.
    lines = wrap(DYKE[0] + DYKE[1][0], 14, 0) + wrap(DYKE[1][1], 14)
    lines += wrap(NEIGHBOURS[1][0], 14) + wrap(NEIGHBOURS[1][1], 14)
    lines[-1] += NEIGHBOURS[2]
    issue = parse_pages([("p1.txt", "\n\n".join([*lines, "裕园社区热心人"]) + "\n")])
    got = [(a.headline.title, a.headline.source, a.dateline, a.paragraphs, a.byline) for a in issue.articles]
    assert got[1:] == [("裕园社区热心人", "page", None, NEIGHBOURS[1], ["苏莉"])]
    assert got[0][1:] == ("derived", "本报讯", DYKE[1], [])


VOLUNTEERS = ["在提升城市文明建设工作中，红星街道凤凰城社区积极发挥志愿服务力量，出动志愿者三十余人。",
              "志愿者分散于社区各个角落，有人开展巡路工作，查看道路两侧卫生状况，清理路边堆放垃圾，规范车辆停放；"
              "有人驻守重要十字路口，引导居民文明过马路；还有志愿者带着夹子、扫帚等清理工具，深入楼院拾捡垃圾、"
              "清除小广告及楼道内杂物。顶着烈日，志愿者充分发挥新时代文明实践站的先锋队作用，影响和带动更多居民"
              "从我做起、从点滴做起，践行文明理念，争做文明市民，营造出了和谐、进步、友爱的社会氛围。"]
MEDIA = ["作为“看乡村巨变庆百年华诞”2021乡村振兴系列宣传活动之一，“媒体看福州乡村”日前正式启动。",
         "据悉，主办方邀请纸媒、自媒体、主播等媒体代表，以第一人称视角介绍乡村的人和物、美食、文化。"]


def test_an_article_set_wider_at_its_end_does_not_make_the_next_ones_first_lines_headlines() -> None:
    # No blank lines at all; the first article's last paragraph is set 21 em wide, the next
    # article (no dateline) goes back to 12 em: its narrow first lines are text, not a headline.
    lines = set_lines(VOLUNTEERS[0], 12, 0) + set_lines(VOLUNTEERS[1], 21, 2)
    lines += set_lines(MEDIA[0], 12, 2) + set_lines(MEDIA[1], 12, 2)
    lines += set_lines(SCHOOL[0] + SCHOOL[1][0], 12, 0) + set_lines(SCHOOL[1][1], 12, 2)
    lines[-1] += SCHOOL[2]
    text = "\n".join([*lines, "凤凰城社区志愿者在行动", "“媒体看福州乡村”启动", "城关小学举办读书节活动"]) + "\n"
    issue = parse_pages([("p1.txt", text)])
    assert [a.paragraphs for a in issue.articles] == [VOLUNTEERS, MEDIA, SCHOOL[1]]
    titles = ["凤凰城社区志愿者在行动", "“媒体看福州乡村”启动", "城关小学举办读书节活动"]
    assert [a.headline.title for a in issue.articles] == titles


VILLAGE = ("本报讯 ", ["昨日，记者到澄潭镇探访乡村环境卫生情况，发现大多乡村道路整洁。"
                     "但采访中也发现，个别乡村环境卫生有所反弹。",
           "进入横联村村口时，记者发现该村村道旁乱堆乱放现象明显，柴草、砖块、废旧家具随处可见。",
           "村干部表示，将组织村民集中清理乱堆乱放的杂物，让广大村民养成良好的卫生习惯。"], "（王丽）")


def test_a_title_broken_over_two_lines_does_not_cut_its_article_in_two() -> None:
    # 澄潭镇横 / 联村乱堆乱放现象明显: the lede names the first half, a later paragraph the second.
    lines: list[str] = []
    for dateline, paragraphs, byline in (VILLAGE, SCHOOL):
        lines += set_lines(dateline + paragraphs[0], 14, 0)
        for paragraph in paragraphs[1:]:
            lines += set_lines(paragraph, 14, 2)
        lines[-1] += byline
    text = "\n\n".join([*lines, "澄潭镇横", "联村乱堆乱放现象明显", "城关小学举办读书节活动"]) + "\n"
    issue = parse_pages([("p1.txt", text)])
    assert [(a.dateline, a.paragraphs, a.byline) for a in issue.articles] == [
        ("本报讯", VILLAGE[1], ["王丽"]), ("本报讯", SCHOOL[1], ["李华", "张强"])
    ]


TIDY = ["白色垃圾不见了、乱堆乱放没有了、鸡鸭圈养起来了，清风吹来，一幅美丽乡村的画卷在上梧江瑶族乡徐徐展开。"
        "经过近10天的农村人居环境集中综合整治，上梧江瑶族乡集镇面貌焕然一新。",
        "7月11日上午，上梧江瑶族乡组织民兵应急排20余名民兵，走进集镇农贸市场、码头、街道等公共区域，"
        "集中开展环境整治，重点对公共区域的陈年垃圾、废渣杂草、生产废弃物进行清理。"]


def test_an_undated_first_article_keeps_its_first_line_broken_after_an_enumeration_comma() -> None:
    # 白色垃圾不见了、乱堆乱放 / 没有了、…: narrow (its indent), unpunctuated at its end, but the
    # enumeration goes on below; a headline line does not.  Its second paragraph is set wider.
    lines = set_lines(TIDY[0], 14, 2) + set_lines(TIDY[1], 19, 2)
    lines += set_lines(SCHOOL[0] + SCHOOL[1][0], 14, 0) + set_lines(SCHOOL[1][1], 14, 2)
    lines[-1] += SCHOOL[2]
    text = "\n\n".join([*lines, "环境整治进行时 美丽乡村入画来", "城关小学举办读书节活动"]) + "\n"
    issue = parse_pages([("p1.txt", text)])
    assert [a.paragraphs for a in issue.articles] == [TIDY, SCHOOL[1]]
    assert issue.articles[0].headline.title == "环境整治进行时 美丽乡村入画来"

from __future__ import annotations

import pytest

from converter.clean.bylines import split_byline


@pytest.mark.parametrize(
    ("line", "rest", "names"),
    [
        (" （张明提 康东）", "", ["张明提", "康东"]),
        ("户捐款240.75万元。（张明提）", "户捐款240.75万元。", ["张明提"]),
        ("贡献力量。 （张明提）", "贡献力量。", ["张明提"]),
        ("（记者 王小明 通讯员 李华）", "", ["记者王小明", "通讯员李华"]),  # roles kept: nothing printed is lost
        ("（张明提、宋继伟）", "", ["张明提", "宋继伟"]),
        ("（欧阳修）", "", ["欧阳修"]),
        ("走了。（王𠮷祥）", "走了。", ["王𠮷祥"]),  # a name character outside the basic block
        # A role with what the reporter is first (全媒体记者, 玉溪日报特约通讯员), a photo credit after the name.
        ("突破50万元。（全媒体记者 厉倩 通讯员 申国发 摄）", "突破50万元。", ["全媒体记者厉倩", "通讯员申国发 摄"]),
        (" （玉溪日报特约通讯员 赵徽 通讯员 姚峰）", "", ["玉溪日报特约通讯员赵徽", "通讯员姚峰"]),
        (" （本报特约记者 李经川 摄）", "", ["本报特约记者李经川 摄"]),
        ("稳定增收。（严钦龙 摄）", "稳定增收。", ["严钦龙 摄"]),
        (" （ 特 约 记 者   刘 健 平   通 讯 员   明 金   摄 ）", "", ["特约记者刘健平", "通讯员明金 摄"]),
        ("（□据新华社报道）", "", ["据新华社报道"]),  # a source in place of names
        ("（本报视界网 吴志雄 徐华 摄）", "", ["本报视界网", "吴志雄", "徐华 摄"]),
        # A body's long name glued to its writer's; a desk, a body or a medium printed apart before the names.
        (" （肥城市农业机械发展服务中心武东升）", "", ["肥城市农业机械发展服务中心武东升"]),
        (" （鹤峰台通联 记者 刘丽华 通讯员 梁鸿）", "", ["鹤峰台通联", "记者刘丽华", "通讯员梁鸿"]),
        ("（民建直属总支 张平）", "", ["民建直属总支", "张平"]),
        (" （山西日报客户端图片拍客 高新生）", "", ["山西日报客户端图片拍客高新生"]),
        # Editing roles of a web page's credit, a bar between a name and its credit.
        (
            "（来源：垄上行 黄冈台 编辑：胡艳 舒畅 编审：许蓓 监制：赵业勤）",
            "",
            ["来源：垄上行", "黄冈台", "编辑：胡艳", "舒畅", "编审：许蓓", "监制：赵业勤"],
        ),
        ("（吴江区政协办公室 | 供稿）", "", ["吴江区政协办公室", "供稿"]),
        (" （云南日报-云新闻通讯员：张广玉 摄）", "", ["云南日报-云新闻通讯员：张广玉 摄"]),  # a dash in the medium
        # A form the patterns do not know (two names run together), known by its role: kept whole.
        ("象。（日报通讯员陈圆媛张琳摄）", "象。", ["日报通讯员陈圆媛张琳摄"]),
        ("增收。（记者 某某某某某 通讯员 李）", "增收。", ["记者 某某某某某 通讯员 李"]),
        # A role with no name of its own is kept, not dropped for the role after it.
        ("（本报记者 徐建本报通讯员 汪文凯）", "", ["本报记者", "徐建本报通讯员汪文凯"]),
        # Roles parted from their names by bars, one with what the editor is first.
        (
            "（责任编审 | 李传玉 冯涛 融媒体记者 | 丁燕 融媒体编辑 | 朱敬哲 综合 | 水乡周庄）",
            "",
            ["责任编审", "李传玉", "冯涛", "融媒体记者丁燕", "融媒体编辑", "朱敬哲", "综合", "水乡周庄"],
        ),
        # Where the writer works, in brackets of its own; a note on the credit printed before the names.
        ("试行。（通讯员：李华（大关县社科联））", "试行。", ["通讯员：李华（大关县社科联）"]),
        (" （文/图（除署名外） 惠州日报记者庄灏 通讯员李健鹏）", "", ["文/图（除署名外）", "惠州日报记者庄灏", "通讯员李健鹏"]),
        # An editing role set wide; a credit printed before all the names it covers.
        ("一。（撰  稿：杨凌昊）", "一。", ["撰稿：杨凌昊"]),
        # A credit slashed before each name; a role known only in part keeps every character.
        ("结束。（文/张三 图/李四）", "结束。", ["文/张三", "图/李四"]),
        ("结束。（记者站 张三）", "结束。", ["记者站张三"]),
        ("结束。（图文/张三）", "结束。", ["图文/张三"]),
        # The three reviews a county media centre signs a story with, and more roles before a colon.
        ("结束。（初审：张三 复审：李四 终审：王五）", "结束。", ["初审：张三", "复审：李四", "终审：王五"]),
        ("结束。（一审：张三 二审：李四 三审：王五）", "结束。", ["一审：张三", "二审：李四", "三审：王五"]),
        ("结束。（撰文：张三 供图：李四 主编：王五）", "结束。", ["撰文：张三", "供图：李四", "主编：王五"]),
        (
            " （文/图 茂名日报社全媒体记者 梁爽 通讯员 温嘉慧）",
            "",
            ["文/图", "茂名日报社全媒体记者梁爽", "通讯员温嘉慧"],
        ),
        # A district's information officer; a body alone signing the story.
        ("参与度。（信息员：叶秋希、程越）", "参与度。", ["信息员：叶秋希", "程越"]),
        ("新局面。”（望谟县融媒体中心）", "新局面。”", ["望谟县融媒体中心"]),
    ],
)
def test_trailing_names_group_becomes_the_byline(line: str, rest: str, names: list[str]) -> None:
    assert split_byline(line) == (rest, names)


@pytest.mark.parametrize(
    "line",
    [
        "协助党组（党委）",  # a parenthesis inside a sentence
        "（作者单位：河北金融学院）",  # a closing note, not names
        "（下转第2版）",
        "（待续）",
        "（完）",
        "（乡镇负责人名单由市委组织部提供）",  # a note: 提供 is no name after a body's
        "在这里。（记者从县农业农村局获悉）",  # a role in a note that says what was learnt
        "（详见3版报道）",
        "会议要求，要加大物资多方",
        "视点网讯：（通讯员赵娜）",  # a dateline, its reporters in brackets after a colon
        "表示。（详见县文化中心）",  # a note's 见 before a body's name
    ],
)
def test_other_brackets_are_not_bylines(line: str) -> None:
    assert split_byline(line) == (line, [])


def test_names_alone_in_brackets_after_text_with_no_stop_are_a_byline_unless_a_body_or_a_place() -> None:
    assert split_byline("树立检察公信力（谢芳）") == ("树立检察公信力", ["谢芳"])
    assert split_byline("在全社会蔚然成风（杨凯征 王丽）")[1] == ["杨凯征", "王丽"]
    assert split_byline("协助党组（党委）")[1] == []
    assert split_byline("与双岛湾街道（张家村）")[1] == []
    assert split_byline("通讯员（孙伟民 王郁洁）")[1] == []  # a dateline's names after its role

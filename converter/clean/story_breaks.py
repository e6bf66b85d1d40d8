"""Paragraphs at a break between two stories: which open a story, which go on with one, who is named across.

The anchors (anchors.py) and the second stories (second_story.py) cut run-together
articles between paragraphs; what a paragraph opens with (而…, 据介绍…, 王翼说，…),
how one ends (具体做法如下：), and the places and people named on both sides of a
break say whether a story may begin there.
"""

from __future__ import annotations

import re

from converter.clean.bigrams import named_in
from converter.text import CHINESE_STOPS, GOING_ON, HAN_CLASS, PHRASE_BREAKS, SENTENCE_STOPS

# Narration between two quotations of one paragraph: it names the speaker (…变化。”采访中，村民段新阳告诉记者，“…).
_SPEAKER_BETWEEN = re.compile("”[^“”]+“")
# A paragraph opening with a word that answers the sentence before it (而, 但, 因此) or goes on with what
# was told (据介绍, 此外) opens no story: no article is cut to begin there.
_ANSWERING = re.compile("(?:而(?![今立])|但(?!凡)|然而|可是|不过|因此|所以|于是|并且|而且)")
# A paragraph opening with who says what (向阳社区书记王翼说，…) goes on with a story: of the collected
# articles, none opens so, and one paragraph of 24 after the first does.
_SAYS = re.compile(f"[{HAN_CLASS}“”]{{2,14}}?(?:说|表示|介绍|告诉记者|坦言|感慨)[，：:]")

# A paragraph's opening quote and what it holds (to its closing quote, or to the end when it runs on); a quoted
# name or term (“五一”, “村BA”) holds no more characters than this, and no clause mark.
_OPENING_QUOTE = re.compile("“([^”]*)")
_QUOTED_TERM = 8
_CLAUSE_MARK = re.compile(f"[{PHRASE_BREAKS}{SENTENCE_STOPS}、]")


def named_spans(paragraphs: list[str]) -> list[tuple[int, int]]:
    """For each village, township or person quoted in the paragraphs, the first and last paragraph naming it.

    A person quoted in one paragraph and only named in another (75岁的王德清正在… before …”王德清说。)
    is the same person: a story that goes on about them.

    >>> named_spans(["75岁的王德清正在田里忙活。", "洲岭村是贫困村。", "“传递下去。”王德清说。"])
    [(1, 1), (0, 2)]
    """
    names = set().union(*(named_in(p) for p in paragraphs))
    spans = []
    for name in sorted(names):
        naming = [number for number, paragraph in enumerate(paragraphs) if name in paragraph]
        spans.append((naming[0], naming[-1]))
    return spans


_HAN_ONLY = re.compile(f"[{HAN_CLASS}]+")


def with_its_paragraphs(tied: list[int], paragraphs: list[str], grams: list[set[str]]) -> int:
    """Of breaks two headlines tell apart no better, the one after the paragraphs sharing words with the text before.

    Across paragraphs that hold neither headline (截至目前，该县已形成… after
    该县今年初在全县启动…), the headlines' shares are the same at every break:
    each such paragraph goes with the text before when it shares more words
    with it than with the text after the last of those breaks, or opens as
    no story does (据了解，今年我市…).

    >>> grams = [{"该县", "增收"}, {"该县", "一村"}, {"邹平", "支部"}]
    >>> with_its_paragraphs([1, 2], ["", "", ""], grams)
    2
    >>> with_its_paragraphs([1, 2], ["", "据了解，全市", ""], [{"百岁"}, {"了解"}, {"了解"}])
    2

    One sharing as few words with each side goes with the text before, unless it opens as stories do:

    >>> closing, lede, apart = "相关负责人参加了会议。", "“真好！”这是村民的心声。", [{"百岁"}, set(), {"支部"}]
    >>> with_its_paragraphs([1, 2], ["", closing, ""], apart), with_its_paragraphs([1, 2], ["", lede, ""], apart)
    (2, 1)
    """
    first, last = min(tied), max(tied)
    before = set().union(*grams[:first])
    after = set().union(*grams[last:])
    cut = first
    while cut < last and (
        _goes_before(paragraphs[cut], grams[cut], before, after) or paragraphs[cut].startswith(GOING_ON)
    ):
        before |= grams[cut]
        cut += 1
    return cut


def _opens_with_verse(paragraph: str) -> bool:
    """A paragraph opening with two lines of verse, as a feature's lede may (春风暖暖茶园绿，层层叠叠上小峰。).

    >>> _opens_with_verse("春风暖暖茶园绿，层层叠叠上小峰。美女…"), _opens_with_verse("春风拂面，暖意融融。")
    (True, True)
    >>> _opens_with_verse("全市各乡镇及部分村相关负责人参加了会议。"), _opens_with_verse("目前，该村已经完工。")
    (False, False)
    """
    clauses = re.split("[，。；！]", paragraph, maxsplit=2)
    return len(clauses) == 3 and len(clauses[0]) == len(clauses[1]) in (4, 5, 7) and all(
        _HAN_ONLY.fullmatch(clause) for clause in clauses[:2]
    )


def _goes_before(paragraph: str, grams: set[str], before: set[str], after: set[str]) -> bool:
    """A paragraph sharing more words with the text before than after goes with it; as many (none, most often:
    全市各乡镇及部分村相关负责人参加了会议。) too, unless it opens as stories do, with a quotation or with when
    it happened: a story's lede shares its words with the story, a closing line often with neither."""
    shared_before, shared_after = len(grams & before), len(grams & after)
    opens = paragraph.startswith("“") or opens_with_when(paragraph) or _opens_with_verse(paragraph)
    return shared_before > shared_after or (shared_before == shared_after and not opens)


def goes_on(paragraph: str) -> bool:
    """The paragraph goes on with a story told before it: no article begins with it.

    >>> goes_on("而河南省新野县法院民一庭庭长张欣却利用双休日时间"), goes_on("据介绍，此次采访是市少工委")
    (True, True)
    >>> goes_on("而今，村里的路灯亮了"), goes_on("但凡有空，他就去村里")
    (False, False)
    >>> goes_on("向阳社区书记王翼说，此次也是在"), goes_on("说起法律，可能有的同学")
    (True, False)
    """
    return (
        bool(_ANSWERING.match(paragraph) or _SAYS.match(paragraph))
        or paragraph.startswith(GOING_ON)
        or refers_back(paragraph)
        or notes_who_was_there(paragraph)
    )


# A sentence ending with who else was there (…陪同考察。, …等参加活动。, …出席本次活动。), and the length a note of
# names runs to.
_WHO_WAS_THERE = re.compile(r"(?:陪同|参加|出席|参与)[^，。]{0,4}。$")
_NOTE_OF_NAMES = 200


def notes_who_was_there(paragraph: str) -> bool:
    """A paragraph of one sentence naming who else was there, and not when: a story's closing note.

    Of the collected articles, 13 paragraphs after the first are such notes and no first one (a lede that ends
    so tells when: 8月6日，凤台县关店乡举办首届广场舞大赛，…约100人参加比赛。).

    >>> notes_who_was_there("县政协副主席吴华智陪同考察。"), notes_who_was_there("副主任倪琴、章成才等参加活动。")
    (True, True)
    >>> notes_who_was_there("8月6日，凤台县关店乡举办首届广场舞大赛，来自全乡的7支队伍、约100人参加比赛。")
    False
    """
    text = paragraph.strip()
    one_sentence = text.count("。") == 1 and len(text) <= _NOTE_OF_NAMES
    return one_sentence and _WHO_WAS_THERE.search(text) is not None and _WHEN.search(text) is None


# Words pointing back to a matter or a visit told before (此事, 这一问题, 再次来到, 随后): in the collected articles,
# 35 paragraphs of 2,400 after the first hold them in their first sentence, and no story's first (a quotation
# aside: “…绝知此事要躬行”).
_MATTER_TOLD = re.compile(
    r"此事|上述|这件事|这一问题|这个问题|这些问题|该问题|此情况|这一情况|这种情况|再次|再一次|又一次|随后"
)
_QUOTED = re.compile(r"“[^”]*”")


def refers_back(paragraph: str) -> bool:
    """The paragraph's first sentence points back to a matter or a visit the text before told: it goes on with that
    story (记者与市自来水公司调度室联系，被告知他们已知道此事，…; 昨天下午3时许，记者再次路过此处时，…).

    >>> refers_back("记者与市自来水公司调度室联系，被告知他们已知道此事。"), refers_back("针对这一问题，记者联系了")
    (True, True)
    >>> refers_back("“纸上得来终觉浅，绝知此事要躬行”，近日，"), refers_back("近日，记者走进村里。村民说起此事")
    (False, False)
    """
    first = re.split(f"[{CHINESE_STOPS}]", _QUOTED.sub("", paragraph), maxsplit=1)[0]
    return _MATTER_TOLD.search(first) is not None


# A paragraph opening with when it happened: half the collected articles open so, one paragraph in nine after the
# first (6月3日，…, 近日，…, 今年以来，…).
_WHEN = re.compile(
    r"(?:\d{1,2}月\d{1,2}日|\d{1,2}月[上中下]旬|\d{4}年\d{1,2}月|\d{1,2}日|近日|日前|近期|近来|连日来|近年来|今年|去年"
    r"|今天|昨天|昨日|今日|当天)"
)


def opens_with_when(paragraph: str) -> bool:
    """The paragraph opens with when it happened, as a story's first does.

    >>> opens_with_when("6月3日，五河县大新镇"), opens_with_when("近日，记者走进"), opens_with_when("村民们说，今年")
    (True, True, False)
    """
    return bool(_WHEN.match(paragraph))


# Two stories run together part where the words on either side of a paragraph break are near all different:
# fewer than this share of their bigrams in common (of the collected articles' breaks inside a story, 1 in 100;
# of the breaks between two of them, nearly half).
_APART = 0.03


def begins_apart(overlap: float, paragraph: str) -> bool:
    """A story begins at a break whose two sides share almost no words (``overlap``, the share of their bigrams in
    common, under _APART) where the paragraph after it opens with when it happened, as a story's first does.

    >>> begins_apart(0.014, "11月25日晚，科左中旗"), begins_apart(0.014, "据悉，"), begins_apart(0.05, "近日，")
    (True, False, False)
    """
    return overlap < _APART and opens_with_when(paragraph)


# Or where both sides are as long as a story at least: of the collected articles' breaks inside a story whose
# sides share almost no words, 1 in 2,892 breaks has this much text on both sides; of two stories run together,
# 45 in 100 part so (25 with the paragraph after opening with when it happened).
_STORY_LENGTH = 150


def stories_apart(overlap: float, paragraphs: list[str], cut: int) -> bool:
    """A story begins before paragraph ``cut`` (see begins_apart), or the two sides share almost no words and
    each is a story's length: a closing line (预祝大会圆满成功！) or a lede's two lines of verse stay with their story.

    >>> lede = "尊老爱幼是中华民族传统美德，4月16日，金城镇丹阳门社区组织党员志愿者走访慰问老人。" * 4
    >>> stories_apart(0.01, ["淝田镇集凤村6组祠堂内，村民代表围坐一堂。" * 8, lede], 1)
    True
    >>> stories_apart(0.01, ["淝田镇集凤村6组祠堂内，村民代表围坐一堂。" * 8, "预祝大会圆满成功！"], 1)
    False
    """
    if begins_apart(overlap, paragraphs[cut]):
        return True
    shorter = min(sum(map(len, paragraphs[:cut])), sum(map(len, paragraphs[cut:])))
    return overlap < _APART and shorter >= _STORY_LENGTH


def announces(paragraph: str) -> bool:
    """The paragraph leads into the one after it with a colon (具体做法如下：): no story ends with it.

    An ellipsis may lead in (那么请听下面这个案例……) or end a story (…师生已在教室正常上课……): it says neither.

    >>> announces("具体做法如下："), announces("那么请听下面这个案例……"), announces("村民们纷纷点赞。")
    (True, False, False)
    """
    return paragraph.rstrip().endswith(("：", ":"))


def opens_with_speech(paragraph: str) -> bool:
    """A paragraph opening with what someone says, not with a quoted name or term (“五一”期间，…).

    >>> opens_with_speech("“说起法律，可能有的同学会这样想。”这是开场白。"), opens_with_speech("“五一”期间，丹东…")
    (True, False)
    """
    quoted = _OPENING_QUOTE.match(paragraph)
    return quoted is not None and (len(quoted.group(1)) > _QUOTED_TERM or bool(_CLAUSE_MARK.search(quoted.group(1))))


def quotation(paragraph: str) -> bool:
    """A paragraph that is only quoted speech, with no one named as saying it: a story opens with it.

    >>> quotation("“请再往里面挤一挤，还有人在外面。”"), quotation("“我们会坚持下去。”村支书说。")
    (True, False)

    Speech broken by who says it is no opening quotation, though it opens and ends with a quote:

    >>> quotation("“前两年，垃圾遍地。”采访中，村民段新阳告诉记者，“差点不敢认了。”")
    False
    """
    return paragraph.startswith("“") and paragraph.endswith("”") and not _SPEAKER_BETWEEN.search(paragraph)

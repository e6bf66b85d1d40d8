"""Whether a line break cuts a word, by the word list (jieba's, with frequencies; see pinyin/lexicon.py).

A title broken over two lines is often broken inside a word (南宁交警做 / 好交通疏导…: 做好); a kicker
and its title, or two headlines set one under the other, seldom join into a word across their break,
and when they do, the two lines read about as well apart (麦浪翻金 / 山乡春早: 金山, or 麦浪 翻 金 and 山乡
春 早). Of 7,925 pairs of lines from the worked-on sets' headlines (69 of a kicker and its title or a title
and its subtitle, 3,000 of two titles, 4,856 of a title and a photo's title), 7 join a word across the
break this much likelier than apart; of 4,048 breaks of a title in its middle third, 1,294 do.
"""

from __future__ import annotations

import re

from converter.clean.couplets import whole_couplet
from converter.clean.names import names_a_body
from converter.clean.spacing import squeezed
from converter.pinyin.lexicon import load_lexicon, log_likelihood, segment
from converter.text import HAN_CLASS

_HAN_RUN_END = re.compile(f"[{HAN_CLASS}]+$")
_HAN_RUN_START = re.compile(f"^[{HAN_CLASS}]+")
# How much likelier (natural log: e³, about 20 times) the words of the joined line must be than those
# of its two lines apart for the break to cut a word.
_LIKELIER = 3.0
# Only the characters this near the break are cut into words: a word across it is no longer.
_NEAR = 8


def word_across(left: str, right: str) -> str | None:
    """The word the break between ``left`` and ``right`` cuts, or None.

    Only the run of Han characters around the break (at most eight on each side)
    is cut into words, so a number or a mark beside it cuts nothing.

    >>> word_across("南宁交警做", "好交通疏导全力保畅"), word_across("爱心助农 传递温", "暖与希望")
    ('做好', '温暖')
    >>> word_across("市区部分小区", "路面坑坑洼洼"), word_across("南极街副48-48号门前", "人行道凹凸不平")
    (None, None)
    >>> word_across("麦浪翻金", "山乡春早"), word_across("全县春耕迎“大考”", "“种粮大户”连续三年增收")
    (None, None)
    """
    before = _HAN_RUN_END.search(squeezed(left)[-_NEAR:])
    after = _HAN_RUN_START.match(squeezed(right)[:_NEAR])
    if not before or not after:
        return None
    cut = len(before.group())
    words = segment(before.group() + after.group())
    across = next((w.text for w in words if w.start < cut < w.start + len(w.text)), None)
    apart = log_likelihood(segment(before.group())) + log_likelihood(segment(after.group()))
    return across if across and log_likelihood(words) - apart > _LIKELIER else None


def cuts_a_word(left: str, right: str) -> bool:
    """The break between two title lines cuts a word (see word_across); a couplet's first half is whole, whatever
    its last character and the next line's first make (爱在莲城 志愿有我 / “枣”当家).

    >>> cuts_a_word("南宁交警做", "好交通疏导全力保畅"), cuts_a_word("麦浪翻金", "山乡春早")
    (True, False)
    """
    return not whole_couplet(left) and word_across(left, right) is not None


def is_word(text: str) -> bool:
    """Whether ``text`` is a word of the word list (满满, 乡村; not 兴兴).

    >>> is_word("满满"), is_word("乡村"), is_word("兴兴")
    (True, True, False)
    """
    return text in load_lexicon().tags


def is_noun(word: str) -> bool:
    """Whether the word list tags ``word`` as a noun of some kind (心, 路, 美 as a place's name): a noun may end a
    title, as 心 does 节前慰问温暖“好人”心; a verb (有, 修) or a particle leaves it open.

    >>> is_noun("心"), is_noun("有"), is_noun("修")
    (True, False, False)
    """
    return load_lexicon().tags.get(word, "").startswith("n")


def ends_with_its_verb(text: str) -> bool:
    """A line naming who and then what they do, with nothing done to: a title the break cut before its object
    (榆阳区金榆社区开展 / 节前卫生清理…), never a kicker or a title of its own (活动顺利开展 names no one).

    >>> ends_with_its_verb("榆阳区金榆社区开展"), ends_with_its_verb("活动顺利开展")
    (True, False)
    >>> ends_with_its_verb("张家口市领导率团赴承德市考察")
    False
    """
    run = _HAN_RUN_END.search(squeezed(text))
    tagged = load_lexicon().tags
    if not run or not any(tagged.get(run.group()[-n:]) == "v" for n in range(2, len(run.group()) + 1)):
        return False  # no verb ends the line: not worth cutting it into words
    words = segment(run.group())
    tags = [tagged.get(word.text, "") for word in words]
    if len(words) < 2 or len(words[-1].text) < 2 or tags[-1] != "v":
        return False
    # Only names before the verb: 张家口市领导率团赴承德市考察 says whom it went to see.
    return all(tag.startswith("n") for tag in tags[:-1]) and names_a_body(squeezed(text)[: -len(words[-1].text)])


# Where someone goes, at a line's end: 到 or 赴 and a place's or body's name (到新抚区, 赴承德市).
_GOES_TO = re.compile(f"[到赴]([{HAN_CLASS}]{{2,10}})$")


def goes_there_to_do(previous: str, line: str) -> bool:
    """A line ending where someone goes over a line opening with what they do there: one title, the break between
    the two verbs of one sentence (市长杨维到新抚区 / 视察创建文明城区工作情况), never a kicker and its title.

    >>> goes_there_to_do("市长杨维到新抚区", "视察创建文明城区工作情况"), goes_there_to_do("县总工会", "到一线送清凉")
    (True, False)
    >>> goes_there_to_do("市长杨维到新抚区", "文明城区创建工作成效明显")
    False
    >>> goes_there_to_do("…到龙垭镇", "望直港镇35个村庄")
    False
    """
    there = _GOES_TO.search(squeezed(previous))
    if there is None or not names_a_body(there.group(1)):
        return False
    run = _HAN_RUN_START.search(squeezed(line))
    words = segment(run.group()) if run else []
    # A verb of one character may be a place's first (望 of 望直港镇): only a word of two says what is done.
    return bool(words) and len(words[0].text) > 1 and load_lexicon().tags.get(words[0].text, "").startswith("v")

"""Grammar rules for function characters the context model misreads.

Each rule fires only on a character the segmentation leaves as a word of its
own, so a dictionary word that holds it (获得, 只是, 土地) is never overruled.
"""

from __future__ import annotations

from collections.abc import Sequence

from converter.pinyin.lexicon import Word, load_lexicon

# Characters after which 只 is a measure word (一百多只, 这只).
_BEFORE_MEASURE_WORD = frozenset("一二两三四五六七八九十百千万几多每这那")
# Degree adverbs that open a complement of degree after 得 (跑得很快, 说得非常好).
_DEGREE_ADVERBS = ("很", "非常", "十分", "更", "太", "特别", "相当", "比较", "较为", "挺",
                   "越来越", "极其", "格外", "如此", "这么", "那么")
# jieba's tags of the words an adverbial 地 follows: adjectives (积极 a, 认真 ad),
# adverbs (不断 d), state words (z), idioms (i) and set phrases (l).
_ADVERBIAL_TAGS = frozenset({"a", "ad", "an", "d", "z", "i", "l"})


def grammar_reading(run: str, words: Sequence[Word], n: int, opens_clause: bool = False) -> str | None:
    """The reading a rule gives the one-character word ``words[n]`` of ``run``, else None.

    ``opens_clause``: the run begins the text or follows a clause mark (，。；！？).

    >>> from converter.pinyin.lexicon import segment
    >>> def rule(run, char, opens_clause=False):
    ...     words = segment(run)
    ...     n = next(n for n, w in enumerate(words) if w.text == char)
    ...     return grammar_reading(run, words, n, opens_clause)
    >>> rule("他跑得很快", "得"), rule("一百多只羊", "只"), rule("为确保安全", "为", True)
    ('de5', 'zhi1', 'wei4')
    >>> rule("积极地开展工作", "地"), rule("他慢慢地走", "地"), rule("这块地种了玉米", "地")
    ('de5', 'de5', None)
    >>> rule("但应把目标分解", "应"), rule("他说应", "应")  # nothing follows
    ('ying1', None)
    """
    word = words[n]
    char = word.text
    k = word.start
    if len(char) != 1:
        return None
    if char == "得" and k > 0 and run.startswith(_DEGREE_ADVERBS, k + 1):
        return "de5"
    if char == "只" and k > 0 and run[k - 1] in _BEFORE_MEASURE_WORD:
        return "zhi1"
    if char == "为" and k == 0 and opens_clause:
        return "wei4"
    if char == "地" and 0 < n < len(words) - 1 and _is_adverbial(words[n - 1].text):
        return "de5"
    if char == "应" and n < len(words) - 1:
        return "ying1"  # the modal "should" before what it governs (应把, 应成为)
    return None


def _is_adverbial(word: str) -> bool:
    """A word that an adverbial 地 may follow: 积极, 不断, 慢慢, 认认真真, 兴高采烈.

    >>> _is_adverbial("积极"), _is_adverbial("慢慢"), _is_adverbial("土")
    (True, True, False)
    """
    if len(word) == 2 and word[0] == word[1]:
        return True
    if len(word) == 4 and word[0] == word[1] and word[2] == word[3]:
        return True
    return len(word) > 1 and load_lexicon().tags.get(word) in _ADVERBIAL_TAGS

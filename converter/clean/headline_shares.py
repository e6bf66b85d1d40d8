"""How much of a headline a text holds, and on which side of a paragraph break a headline lies.

A headline is "in" a stretch of text when a share of its bigrams occurs there (bigrams.py); the anchors
(anchors.py) read where stories part from the shares of the page's headlines on the two sides of each break.
"""

from __future__ import annotations

from converter.clean.bigrams import bigram_share

# A headline is "in" a stretch of text when this share of its bigrams occurs there,
# and "not in" it below the second share.
IN = 0.5
_NOT_IN = 0.3
# Where the texts on the two sides of a break share few words, a headline is "in" the text after at this lower
# share.
WEAKLY_IN = 0.3
# A headline of this many bigrams or fewer (four characters: 金秋硕果) tells a story alone only with this many in it.
_PHOTO_TITLE = 3
_WORDS_ALONE = 2
# ... and one of this many bigrams or more not by one word of three characters (兵地融 of
# 艾粽传情兵地融，一脉同心筑梦圆); in a shorter one the word is much of what it says (捣衣 of 村头响起捣衣声).
_LONG_HEADLINE = 10
# The bigrams of a word of three characters.
_THREE_CHARACTERS = 2
# A headline this many times as much on one side of a break as on the other lies on that side.
_MOSTLY = 3
# Where the column narrows, a headline this many times as much after the break as before lies after it.
_MOSTLY_AFTER = 2
# Where the two sides share almost no words, a headline this much after a break and none before lies after it.
_FAINTLY_IN = 0.15
# ... when the text before holds less than this share of it.  With one headline alone, the text
# before must hold less than this share of it too (a lede that names its subject once, 家庭医生
# before 家庭医生签约服务…, is the same article).
_ABSENT = 0.15
# A headline this much after a break and a fourth as much before it is absent before it too: the word or two it
# shares with the story before is that story's subject, not its headline (防汛 of 怀宁腊树镇落实防汛抗旱各项任务 after
# a story of a flooded dam).
_ALL_BUT_WHOLLY_IN = 0.8
_FAR_MORE_AFTER = 4


def said_alone(anchor: set[str], text: set[str]) -> float:
    """A headline's share in a text, as a headline alone tells a story by it: none from one word of a short one,
    nor from one word of three characters of a long one (兵地融 of 艾粽传情兵地融，一脉同心筑梦圆 in a story's
    last paragraph of 兵地融合: the one word says no story begins there).

    >>> from converter.clean.bigrams import bigrams
    >>> said_alone(bigrams("艾粽传情兵地融，一脉同心筑梦圆"), bigrams("兵地融合的缩影"))
    0.0
    >>> round(said_alone(bigrams("艾粽传情兵地融，一脉同心筑梦圆"), bigrams("兵地融合，同心筑梦")), 2)
    0.38
    """
    found = anchor & text
    if len(anchor) <= _PHOTO_TITLE and len(found) < _WORDS_ALONE:
        return 0.0
    # Two bigrams, one running on from the other (兵地, 地融): one word.
    one_word = len(found) == _THREE_CHARACTERS and sum(1 for a in found for b in found if a[1] == b[0]) == 1
    if one_word and len(anchor) >= _LONG_HEADLINE:
        return 0.0
    return bigram_share(anchor, text)


def across(shares: list[tuple[float, float]], headlines: list[int]) -> list[tuple[float, float]]:
    """The shares of the anchors whose headline does not lie across the break.

    The lines of one article's headline (循化撒拉族自治县 / 黑滩群众又喝上了自来水), one
    mostly before the break and the other mostly after it, say the article goes on across it.

    >>> across([(0.6, 0.0), (0.0, 0.5), (0.0, 0.7)], [0, 0, 1])
    [(0.0, 0.7)]
    >>> across([(1.0, 0.0), (0.0, 0.11), (0.0, 0.7)], [0, 0, 1])
    [(0.0, 0.7)]
    """
    sides: dict[int, set[bool]] = {}
    for (before, after), headline in zip(shares, headlines):
        # A line found wholly on one side lies there however little of it is found (将人员配备到位使全县 under a
        # story's 人员 alone, its other line all before the break).
        if max(before, after) >= WEAKLY_IN or (before > 0.0) != (after > 0.0):
            sides.setdefault(headline, set()).add(before > after)
    return [share for share, headline in zip(shares, headlines) if len(sides.get(headline, ())) < 2]


def before_only(before: float, after: float, apart: bool, far: bool = False) -> bool:
    """A headline in the text before a break and not after it; where the two texts share few words, partly in it.

    >>> before_only(0.6, 0.1, apart=False), before_only(0.33, 0.0, apart=False), before_only(0.33, 0.0, apart=True)
    (True, False, True)

    Where they share almost none (``far``), partly in it and twice as much as after (六石义工：志愿服务进山区
    文明实践暖人心 before a story of 震湖乡 that quotes “党的政策暖人心”):

    >>> before_only(0.47, 0.18, apart=True), before_only(0.47, 0.18, apart=True, far=True)
    (False, True)
    """
    if far and before >= WEAKLY_IN and after <= before / _MOSTLY_AFTER:
        return True
    return (before >= IN and after < _NOT_IN) or (apart and before >= WEAKLY_IN and after == 0.0)


def after_only(before: float, after: float, apart: bool, far: bool = False, faint: bool = False) -> bool:
    """A headline in the text after a break and not before it; where the two texts share few words, partly in it.

    Where they share almost none (``far``), a headline with one word in the
    text after and none before is enough (集中农机保春耕 over 多台农机在…);
    and where another headline lies wholly before the break (``faint``), one
    with a word before too when it has three times as many after (上门 of
    四川开江：“家门口”法庭上门化解… in a story of 上门理发 before the story of 开江县人民法院);
    where they share few (``apart``), with another headline before, one twice
    as much after as before (开化两村开办老年食堂… after a story of 慈溪 that names 老人).

    >>> after_only(0.0, 0.4, apart=True), after_only(0.0, 0.4, apart=False), after_only(0.2, 0.9, apart=False)
    (True, False, True)
    >>> after_only(0.0, 0.17, apart=True), after_only(0.0, 0.17, apart=True, far=True)
    (False, True)
    >>> after_only(0.06, 0.25, apart=True, far=True), after_only(0.06, 0.25, apart=True, far=True, faint=True)
    (False, True)
    >>> after_only(0.18, 0.45, apart=True), after_only(0.18, 0.45, apart=True, faint=True)
    (False, True)

    Where they share almost none and another headline lies wholly before the break, one word after and
    none before is enough (元谋 of 楚雄元谋田间收种忙, after a story of 伊敏河镇 that names no 元谋):

    >>> after_only(0.0, 0.12, apart=True, far=True), after_only(0.0, 0.12, apart=True, far=True, faint=True)
    (False, True)
    """
    if far and after >= _FAINTLY_IN and (before == 0.0 or (faint and after >= _MOSTLY * before)):
        return True
    if far and faint and after > 0.0 and before == 0.0:
        return True  # one word of it after and none before, another headline wholly before: 元谋 of 楚雄元谋…
    if apart and faint and after >= WEAKLY_IN and before <= after / 2:
        return True
    return (after >= IN and before < _NOT_IN) or (apart and after >= WEAKLY_IN and before < _ABSENT)


def absent_as_none(shares: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The shares, a headline's share before a break read as none where it is under _ABSENT.

    >>> absent_as_none([(0.13, 0.87), (0.2, 0.5)])
    [(0.0, 0.87), (0.2, 0.5)]
    """
    return [(0.0 if before < _ABSENT else before, after) for before, after in shares]


def after_side(shares: list[tuple[float, float]], apart: bool, far: bool, faint: bool, narrows: bool) -> float | None:
    """How much the headline most after a break lies after it rather than before it; None if none does."""
    found = [a - b for b, a in shares if after_only(b, a, apart, far, faint) or (narrows and after_more(b, a))]
    return max(found, default=None)


def after_a_lede(shares: list[tuple[float, float]]) -> float | None:
    """Where another headline lies before a break, the texts share few words and the paragraph after it opens
    with when it happened, as a story's first does: how much the headline most after it lies after it, partly
    in the text after and twice as much as before (“守望冬奥，扫雪为民”志愿服务，温暖民心, whose story of shovelling
    snow names 志愿, 民 and little else of it, after a story of planting trees); None if none does.

    >>> round(after_a_lede([(0.92, 0.12), (0.067, 0.2)]), 3), after_a_lede([(0.92, 0.12), (0.12, 0.2)])
    (0.133, None)
    """
    found = [after - before for before, after in shares if after >= _FAINTLY_IN and after >= _MOSTLY_AFTER * before]
    return max(found, default=None)


def weakly_more_after(shares: list[tuple[float, float]]) -> float | None:
    """Where another headline lies before a break, the texts share almost no words and the paragraph after it opens
    with when it happened: how much the headline most after it lies after it, weakly in the text after and more than
    before (为独居老人送“暖心午餐”, a third of it in a story before of fire safety in villages that names 独居老人 once,
    and more in the story after); None if none does.

    >>> round(weakly_more_after([(0.38, 0.0), (0.33, 0.44)]), 2), weakly_more_after([(0.38, 0.0), (0.2, 0.25)])
    (0.11, None)
    """
    return max((after - before for before, after in shares if after >= WEAKLY_IN and after > before), default=None)


def after_more(before: float, after: float) -> bool:
    """Where the column narrows at the break, a headline partly after it and twice as much as before it.

    >>> after_more(0.12, 0.25), after_more(0.2, 0.3)
    (True, False)
    """
    return after >= _FAINTLY_IN and after >= _MOSTLY_AFTER * before


def reads_headless(shares: list[tuple[float, float]], far: bool = False) -> bool:
    """The text before the break holds almost none of the headline found after it: it has no printed headline.

    The headline most in the text after must be almost absent before it; its
    other lines (a kicker, the second line of its title) no more than partly.

    >>> reads_headless([(0.0, 0.8), (0.6, 0.0)]), reads_headless([(0.23, 0.8)])
    (True, False)
    >>> reads_headless([(0.0, 0.5), (0.2, 0.4)])
    True
    >>> reads_headless([(1 / 9, 3 / 9)]), reads_headless([(0.05, 0.43)])
    (False, True)
    >>> reads_headless([(3 / 14, 12 / 14)])
    True
    """
    after_lines = [(before, after) for before, after in shares if after >= WEAKLY_IN or (far and after >= _FAINTLY_IN)]
    if not after_lines:
        return False
    before, after = max(after_lines, key=lambda share: share[1] - share[0])
    if after < IN and after < _MOSTLY * before + 1e-9:
        # Only partly after the break, and a third as much before it: it says no story begins there
        # (贵州：“村火车”里的年味儿, a word of it in the lede and three after it, over one story).
        return False
    absent = before < _ABSENT or (after >= _ALL_BUT_WHOLLY_IN and _FAR_MORE_AFTER * before <= after + 1e-9)
    return absent and all(before < _NOT_IN or before <= after for before, after in after_lines)

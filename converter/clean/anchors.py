"""Printed headlines as anchors: two articles run together are cut where their headlines say.

An article with neither dateline nor byline leaves no mark where it begins:
cut by datelines and bylines alone, it runs on into the article before it.
The headlines printed at the end of the page still name both: when one
headline is found in the paragraphs before a paragraph break and not after
it, and another after it and not before, the break is where the second
article begins.
"""

from __future__ import annotations

from converter.clean.bigrams import (
    bigram_share,
    bigrams,
    breaks,
    paragraph_grams,
    places,
    text_overlap,
)
from converter.clean.broken_titles import MIN_HEADLINE, ONE_HEADLINE
from converter.clean.spacing import squeezed
from converter.clean.story_breaks import (
    announces,
    goes_on,
    named_spans,
    opens_with_speech,
    opens_with_when,
    quotation,
    with_its_paragraphs,
)

# A headline is "in" a stretch of text when this share of its bigrams occurs there,
# and "not in" it below the second share.
_IN = 0.5
_NOT_IN = 0.3
# Where the texts on the two sides of a break share less than this share of their bigrams (two
# stories share few words), a headline is "in" the text after at this lower share ...
_COHESIVE = 0.1
_WEAKLY_IN = 0.3
# Where they share this much or more, they are one story, whatever its headlines say (a title in its lede, its
# subtitle further on: 东埔二村一处民房发生火灾 / 无人员被困 起火原因待查).  Measured on the articles of the
# simulator's sets: two stories side by side share under 0.11 in 98 pairs of 100, one story cut at a paragraph
# break 0.15 at the median.
_ONE_STORY = 0.16
# Where they share less than this (two stories side by side), a headline with any word in the text after
# and none in the text before is in it at this share.
_FAR_APART = 0.05
# Where they share less than this (of the collected articles' breaks inside a story, 1 in 100; of the breaks between
# two of them, nearly half) and the text after opens with when it happened, any word of a headline alone after the
# break says a story begins there.
_WORLDS_APART = 0.03
# A headline of this many bigrams or fewer (four characters: 金秋硕果) tells a story alone only with this many in it.
_PHOTO_TITLE = 3
_WORDS_ALONE = 2
# ... and one of this many bigrams or more not by one word of three characters (兵地融 of
# 艾粽传情兵地融，一脉同心筑梦圆); in a shorter one the word is much of what it says (捣衣 of 村头响起捣衣声).
_LONG_HEADLINE = 10
# A headline this many times as much on one side of a break as on the other lies on that side.
_MOSTLY = 3
# Where the column narrows, a headline this many times as much after the break as before lies after it.
_MOSTLY_AFTER = 2
# A headline with at most this share of its bigrams after a break lies before it (all but wholly).
_HARDLY_AFTER = 0.1
_FAINTLY_IN = 0.15
# ... when the text before holds less than this share of it.  With one headline alone, the text
# before must hold less than this share of it too (a lede that names its subject once, 家庭医生
# before 家庭医生签约服务…, is the same article).
_ABSENT = 0.15
# With one headline alone, the text before must run two paragraphs or more, or one of this many
# characters: a short one alone (a scene or a quotation opening the story: 金秋时节，走进…) is
# the lede of the headline's article, and so is one alone opening with a quotation, however long
# (“说起法律，可能有的同学会有这样的想法：…”这是6月3日，…法制讲座开场白。).
_LONE_PARAGRAPH = 120


def _said_alone(anchor: set[str], text: set[str]) -> float:
    """A headline's share in a text, as a headline alone tells a story by it: none from one word of a short one,
    nor from one word of three characters of a long one (兵地融 of 艾粽传情兵地融，一脉同心筑梦圆 in a story's
    last paragraph of 兵地融合: the one word says no story begins there).

    >>> _said_alone(bigrams("艾粽传情兵地融，一脉同心筑梦圆"), bigrams("兵地融合的缩影"))
    0.0
    >>> round(_said_alone(bigrams("艾粽传情兵地融，一脉同心筑梦圆"), bigrams("兵地融合，同心筑梦")), 2)
    0.38
    """
    found = anchor & text
    if len(anchor) <= _PHOTO_TITLE and len(found) < _WORDS_ALONE:
        return 0.0
    share = bigram_share(anchor, text)
    one_word = len(found) - sum(1 for a in found for b in found if a[1] == b[0]) == 1
    long_one = len(anchor) >= _LONG_HEADLINE and len(found) == _WORDS_ALONE
    return 0.0 if one_word and long_one else share


def _across(shares: list[tuple[float, float]], headlines: list[int]) -> list[tuple[float, float]]:
    """The shares of the anchors whose headline does not lie across the break.

    The lines of one article's headline (循化撒拉族自治县 / 黑滩群众又喝上了自来水), one
    mostly before the break and the other mostly after it, say the article goes on across it.

    >>> _across([(0.6, 0.0), (0.0, 0.5), (0.0, 0.7)], [0, 0, 1])
    [(0.0, 0.7)]
    >>> _across([(1.0, 0.0), (0.0, 0.11), (0.0, 0.7)], [0, 0, 1])
    [(0.0, 0.7)]
    """
    sides: dict[int, set[bool]] = {}
    for (before, after), headline in zip(shares, headlines):
        # A line found wholly on one side lies there however little of it is found (将人员配备到位使全县 under a
        # story's 人员 alone, its other line all before the break).
        if max(before, after) >= _WEAKLY_IN or (before > 0.0) != (after > 0.0):
            sides.setdefault(headline, set()).add(before > after)
    return [share for share, headline in zip(shares, headlines) if len(sides.get(headline, ())) < 2]


def _cut_by_places(paragraphs: list[str], headlines: list[str], grams: list[set[str]]) -> int | None:
    """The break two headlines' villages or townships part the text at, where their words do not; or None.

    Two stories of one kind (环境卫生整治 in both) share most of their words, and their headlines' too; the
    places the headlines name still tell them apart: one headline's named only before a break, another's only
    after it (上王庄村 / 蒙古营镇), nothing named on both sides, the two sides sharing words as two stories do.
    Of the breaks where that holds, the one whose sides share fewest words (of the collected stories, none cut
    so with another's headline beside its own, in 4,400 tries; of two run together, 223 in 5,000 cut right and 2
    wrong).

    >>> paragraphs = ["上王庄村开展人居环境整治，清理房前屋后垃圾。", "上王庄村村容焕然一新。"]
    >>> paragraphs.append("近日，蒙古营镇组织干部清扫街道，整治环境卫生。")
    >>> headlines = ["上王庄村：整治人居环境", "蒙古营镇持续开展环境卫生整治工作"]
    >>> _cut_by_places(paragraphs, headlines, paragraph_grams(paragraphs))
    2
    """
    named = [naming for naming in (_naming(headline, paragraphs) for headline in headlines) if naming]
    if len(named) < 2:
        return None
    spans = named_spans(paragraphs)
    found: list[tuple[float, int]] = []
    for cut, before, after in breaks(grams):
        parted = any(max(m) < cut for m in named) and any(min(m) >= cut for m in named)
        if not parted or any(first < cut <= last for first, last in spans):
            continue
        overlap = text_overlap(before, after)
        if overlap < _ONE_STORY and not goes_on(paragraphs[cut]) and not announces(paragraphs[cut - 1]):
            found.append((overlap, cut))
    return min(found)[1] if found else None


def _found_after(headline: str, before: set[str], after: set[str]) -> bool:
    """Whether a headline is in the text ``after`` a break, and twice as much as in the text ``before`` it."""
    words = bigrams(headline.replace(ONE_HEADLINE, ""))
    share = bigram_share(words, after)
    return share >= _IN and share >= 2 * bigram_share(words, before)


def _named_before(headline: str, paragraphs: list[str], cut: int) -> bool:
    """Whether the places a headline names are named in the text, and only before paragraph ``cut``."""
    naming = _naming(headline, paragraphs)
    return bool(naming) and max(naming) < cut


def _naming(headline: str, paragraphs: list[str]) -> set[int]:
    """The paragraphs naming a village or township the headline names."""
    return {i for name in places(squeezed(headline)) for i, paragraph in enumerate(paragraphs) if name in paragraph}


def _best_cut(
    paragraphs: list[str],
    grams: list[set[str]],
    anchored: list[tuple[int, set[str]]],
    open_start: bool,
    narrowing: set[int],
    told_after: set[int],
) -> int | None:
    """The paragraph break with the strongest headline evidence of two articles, or None.

    Two headlines say it (one in the text before the break and not after it,
    another after and not before), or, with ``open_start``, one after the
    break alone: the text before it may be an article with no printed
    headline (one that opens with its dateline, or opens the page).
    """
    headlines, anchors = [number for number, _ in anchored], [grams for _, grams in anchored]
    best: tuple[float, int, int] | None = None
    candidates: list[tuple[float, int, int]] = []
    spans = named_spans(paragraphs)
    lifted: set[int] = set()  # breaks scored higher with a headline's faint share before them read as none
    for cut, before, after in breaks(grams):
        all_shares = [(bigram_share(a, before), bigram_share(a, after)) for a in anchors]
        shares = _across(all_shares, headlines)
        # A headline as short as a photo's title (金秋硕果) says a story begins alone only with two of its words
        # after the break: one word shared (田野 of 田野新绿 in …为这片田野带来希望) is chance.
        alone = _across([(_said_alone(a, before), _said_alone(a, after)) for a in anchors], headlines)
        # The same village or township named on both sides, or the same person quoted: one story, however
        # few words the sides share.
        named_both_sides = any(first < cut <= last for first, last in spans)
        overlap = text_overlap(before, after)
        narrows = cut in narrowing  # the column narrows: most often another article's column
        apart = (overlap < _COHESIVE and not named_both_sides) or narrows
        far = (overlap < _FAR_APART and not named_both_sides) or narrows
        # A headline whose story lies after the text is in no story before the break.
        masked = [(0.0, a) if n in told_after else (b, a) for (b, a), n in zip(all_shares, headlines)]
        told = _across(masked, headlines) if told_after else shares
        first = max((b - a for b, a in told if _before_only(b, a, apart)), default=None)
        # Another headline wholly (or all but) before the break: the one after it may say less.
        faint = first is not None and max(a for b, a in shares if b - a == first) <= _HARDLY_AFTER
        second = _after_side(shares, apart, far, faint, narrows)
        story = cut > 1 or (len(paragraphs[0]) >= _LONE_PARAGRAPH and not opens_with_speech(paragraphs[0]))
        headless = open_start and apart and story and _headless(alone, far)
        if second is None and first is None and open_start and story and overlap < _WORLDS_APART:
            # Two texts sharing almost no words, the one after opening with when it happened (11月25日晚，…): any
            # word of a headline after the break and none before says a story begins (出行 of 多方合力战冰雪 共筑出行…).
            lone = [a for b, a in alone if b == 0.0 < a]
            if lone and not named_both_sides and opens_with_when(paragraphs[cut]):
                second, headless = max(lone), True
        if second is None or (first is None and not headless) or overlap >= _ONE_STORY:
            continue
        if goes_on(paragraphs[cut]) or announces(paragraphs[cut - 1]):
            continue
        # One headline alone finds its text's start at the last break before it: its share is
        # the same at every break before its article, so of equal scores the latest wins.
        if first is None:
            # Alone, a headline's word or two in the story before (under _ABSENT: 消防 in a story of a park's
            # fire rules) says no more than none: the breaks before its text score alike.
            floored = _after_side(_absent_as_none(shares), apart, far, faint, narrows) or second
            if floored > second + 1e-9:
                lifted.add(cut)
            second = floored
        candidate = (second + (first or 0.0), cut if first is None else -cut, cut)
        candidates.append(candidate)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return None if best is None else _chosen(best, candidates, lifted, paragraphs, grams)


def _chosen(
    best: tuple[float, int, int],
    candidates: list[tuple[float, int, int]],
    lifted: set[int],
    paragraphs: list[str],
    grams: list[set[str]],
) -> int | None:
    """The break to cut at of those scored as the best (``lifted``: scored so by a faint share read as none)."""
    cut = best[2]
    if best[1] > 0:  # found by one headline alone: a quotation just before the break opens the story after it
        alike = sorted({c for score, key, c in candidates if key > 0 and abs(score - best[0]) < 1e-9})
        if set(alike) & lifted:
            # Breaks alike only as a word or two of the headline before them was read as none: each paragraph
            # between goes with the story it shares words with (天等：春日里的“甜蜜事业” keeps its lede of 甘蔗).
            cut = with_its_paragraphs(alike, paragraphs, grams)
        while cut > 0 and quotation(paragraphs[cut - 1]):
            cut -= 1
        return cut or None  # quotations alone before it: they open the story after it, which the text is
    tied = [c for score, key, c in candidates if key < 0 and abs(score - best[0]) < 1e-9]
    return with_its_paragraphs(tied, paragraphs, grams)


def _before_only(before: float, after: float, apart: bool) -> bool:
    """A headline in the text before a break and not after it; where the two texts share few words, partly in it.

    >>> _before_only(0.6, 0.1, apart=False), _before_only(0.33, 0.0, apart=False), _before_only(0.33, 0.0, apart=True)
    (True, False, True)
    """
    return (before >= _IN and after < _NOT_IN) or (apart and before >= _WEAKLY_IN and after == 0.0)


def _after_only(before: float, after: float, apart: bool, far: bool = False, faint: bool = False) -> bool:
    """A headline in the text after a break and not before it; where the two texts share few words, partly in it.

    Where they share almost none (``far``), a headline with one word in the
    text after and none before is enough (集中农机保春耕 over 多台农机在…);
    and where another headline lies wholly before the break (``faint``), one
    with a word before too when it has three times as many after (上门 of
    四川开江：“家门口”法庭上门化解… in a story of 上门理发 before the story of 开江县人民法院);
    where they share few (``apart``), with another headline before, one twice
    as much after as before (开化两村开办老年食堂… after a story of 慈溪 that names 老人).

    >>> _after_only(0.0, 0.4, apart=True), _after_only(0.0, 0.4, apart=False), _after_only(0.2, 0.9, apart=False)
    (True, False, True)
    >>> _after_only(0.0, 0.17, apart=True), _after_only(0.0, 0.17, apart=True, far=True)
    (False, True)
    >>> _after_only(0.06, 0.25, apart=True, far=True), _after_only(0.06, 0.25, apart=True, far=True, faint=True)
    (False, True)
    >>> _after_only(0.18, 0.45, apart=True), _after_only(0.18, 0.45, apart=True, faint=True)
    (False, True)

    Where they share almost none and another headline lies wholly before the break, one word after and
    none before is enough (元谋 of 楚雄元谋田间收种忙, after a story of 伊敏河镇 that names no 元谋):

    >>> _after_only(0.0, 0.12, apart=True, far=True), _after_only(0.0, 0.12, apart=True, far=True, faint=True)
    (False, True)
    """
    if far and after >= _FAINTLY_IN and (before == 0.0 or (faint and after >= _MOSTLY * before)):
        return True
    if far and faint and after > 0.0 and before == 0.0:
        return True  # one word of it after and none before, another headline wholly before: 元谋 of 楚雄元谋…
    if apart and faint and after >= _WEAKLY_IN and before <= after / 2:
        return True
    return (after >= _IN and before < _NOT_IN) or (apart and after >= _WEAKLY_IN and before < _ABSENT)


def _absent_as_none(shares: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The shares, a headline's share before a break read as none where it is under _ABSENT.

    >>> _absent_as_none([(0.13, 0.87), (0.2, 0.5)])
    [(0.0, 0.87), (0.2, 0.5)]
    """
    return [(0.0 if before < _ABSENT else before, after) for before, after in shares]


def _after_side(shares: list[tuple[float, float]], apart: bool, far: bool, faint: bool, narrows: bool) -> float | None:
    """How much the headline most after a break lies after it rather than before it; None if none does."""
    found = [a - b for b, a in shares if _after_only(b, a, apart, far, faint) or (narrows and _after_more(b, a))]
    return max(found, default=None)


def _after_more(before: float, after: float) -> bool:
    """Where the column narrows at the break, a headline partly after it and twice as much as before it.

    >>> _after_more(0.12, 0.25), _after_more(0.2, 0.3)
    (True, False)
    """
    return after >= _FAINTLY_IN and after >= _MOSTLY_AFTER * before


def _headless(shares: list[tuple[float, float]], far: bool = False) -> bool:
    """The text before the break holds almost none of the headline found after it: it has no printed headline.

    The headline most in the text after must be almost absent before it; its
    other lines (a kicker, the second line of its title) no more than partly.

    >>> _headless([(0.0, 0.8), (0.6, 0.0)]), _headless([(0.23, 0.8)]), _headless([(0.0, 0.5), (0.2, 0.4)])
    (True, False, True)
    >>> _headless([(1 / 9, 3 / 9)]), _headless([(0.05, 0.43)])
    (False, True)
    """
    after_lines = [(before, after) for before, after in shares if after >= _WEAKLY_IN or (far and after >= _FAINTLY_IN)]
    if not after_lines:
        return False
    before, after = max(after_lines, key=lambda share: share[1] - share[0])
    if after < _IN and after < _MOSTLY * before + 1e-9:
        # Only partly after the break, and a third as much before it: it says no story begins there
        # (贵州：“村火车”里的年味儿, a word of it in the lede and three after it, over one story).
        return False
    return before < _ABSENT and all(before < _NOT_IN or before <= after for before, after in after_lines)


def cut_points(
    paragraphs: list[str],
    headlines: list[str],
    grams: list[set[str]] | None = None,
    open_start: bool = False,
    narrowing: set[int] | None = None,
    told_after: frozenset[str] = frozenset(),
) -> list[int]:
    """Where (paragraph indexes) the articles run together in ``paragraphs`` begin, after the first.

    ``open_start``: the first article may have no printed headline (it starts
    with a dateline, or at the top of the page); one headline found only
    after a break then says the break is where the next article begins.
    ``narrowing``: the breaks where the column narrows (another article's
    column, most often): the two sides are read as two stories.
    ``told_after``: headlines whose stories lie after the text: they may say where their story begins in it, but
    not that a story before a break is theirs.

    >>> paragraphs = ["县医院开展义诊活动，专家为村民看病。", "义诊当天，县医院服务群众三百人。",
    ...               "城关小学举办读书节，师生分享图书。", "读书节上，城关小学表彰了阅读之星。"]
    >>> cut_points(paragraphs, ["县医院开展义诊", "城关小学举办读书节", "山乡春早"])
    [2]
    >>> cut_points(paragraphs[:2], ["县医院开展义诊", "城关小学举办读书节"])
    []
    >>> one = ["城关小学举办读书节", "山乡春早"]
    >>> cut_points(paragraphs, one), cut_points(paragraphs, one, open_start=True)
    ([], [2])
    """
    anchors = [
        (number, grams)
        for number, headline in enumerate(headlines)
        for grams in (bigrams(part) for part in headline.split(ONE_HEADLINE))
        if len(grams) >= MIN_HEADLINE - 1
    ]
    if len(paragraphs) < 2 or not anchors or (len(anchors) < 2 and not open_start):
        return []
    grams = grams if grams is not None else paragraph_grams(paragraphs)
    narrowing = narrowing or set()
    told = {number for number, headline in enumerate(headlines) if headline in told_after}
    cut = _best_cut(paragraphs, grams, anchors, open_start, narrowing, told)
    later = headlines
    if cut is None:
        # Where their words part no stories, their places may; a headline whose places are all before the
        # cut has its story there, and says nothing of the text after it.
        cut = _cut_by_places(paragraphs, headlines, grams)
        if cut is None:
            return []
        later = [h for h in headlines if not _named_before(h, paragraphs, cut)]
    after = {point - cut for point in narrowing if point > cut}
    # A headline whose story lies after the cut says nothing of the story before it (高椅古村开展…志愿服务活动,
    # its story after the cut, shares 开展, 志愿服务 and 活动 with the story before it).
    sides = set().union(*grams[:cut]), set().union(*grams[cut:])
    found_after = told_after | {h for h in headlines if _found_after(h, *sides)}
    return cut_points(paragraphs[:cut], headlines, grams[:cut], open_start, narrowing, found_after) + [cut] + [
        # The text after the cut may open with an article its headline does not name (one that names
        # none of its words, 龙潭镇： / 久旱甘冽甜民心): one headline found further on cuts it too.
        cut + point for point in cut_points(paragraphs[cut:], later, grams[cut:], open_start, after, told_after)
    ]


def unclaimed(headlines: list[str], texts: list[list[set[str]]]) -> list[list[str]]:
    """For each text (its paragraphs' bigrams), the headlines it holds best: only they can say where it is cut.

    A headline another text holds at least as well (its own article, already
    apart) says nothing about this one; one this text holds best stays its,
    though another holds some of it too (大竹8个项目集中开工 beside 安县28个重点项目集中开工).

    >>> texts = [["县医院开展义诊。"], ["城关小学举办读书节。", "县医院开展义诊。"]]
    >>> unclaimed(["县医院开展义诊", "城关小学举办读书节"], [paragraph_grams(t) for t in texts])
    [[], ['城关小学举办读书节']]
    >>> texts = [["安县28个重点项目集中开工。"], ["大竹8个项目集中开工。", "城关小学举办读书节。"]]
    >>> unclaimed(["大竹8个项目集中开工", "城关小学举办读书节"], [paragraph_grams(t) for t in texts])
    [[], ['大竹8个项目集中开工', '城关小学举办读书节']]
    """
    text_grams = [set().union(*paragraphs) for paragraphs in texts]
    kept: list[list[str]] = [[] for _ in texts]
    for headline in headlines:
        shares = [bigram_share(bigrams(headline), grams) for grams in text_grams]
        holders = [number for number, share in enumerate(shares) if share >= _IN]
        for own in range(len(texts)):
            if all(shares[own] > shares[other] for other in holders if other != own):
                kept[own].append(headline)
    return kept

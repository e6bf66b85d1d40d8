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
    telling_bigrams,
    text_overlap,
)
from converter.clean.broken_titles import MIN_HEADLINE, ONE_HEADLINE
from converter.clean.headline_shares import (
    IN,
    absent_as_none,
    across,
    after_a_lede,
    after_side,
    before_only,
    reads_headless,
    said_alone,
    weakly_more_after,
)
from converter.clean.names import lead_name
from converter.clean.spacing import squeezed
from converter.clean.story_breaks import (
    announces,
    goes_on,
    named_spans,
    opens_with_speech,
    opens_with_when,
    quotation,
    stories_apart,
    with_its_paragraphs,
)

# Where the texts on the two sides of a break share less than this share of their bigrams (two
# stories share few words), a headline is "in" the text after at a lower share (headline_shares.py).
_COHESIVE = 0.1
# Where they share this much or more, they are one story, whatever its headlines say (a title in its lede, its
# subtitle further on: 东埔二村一处民房发生火灾 / 无人员被困 起火原因待查).  Measured on the articles of the
# simulator's sets: two stories side by side share under 0.11 in 98 pairs of 100, one story cut at a paragraph
# break 0.15 at the median.
_ONE_STORY = 0.16
# Where they share less than this (two stories side by side), a headline with any word in the text after
# and none in the text before is in it at this share.
_FAR_APART = 0.05
# A headline with at most this share of its bigrams after a break lies before it (all but wholly).
_HARDLY_AFTER = 0.1
# With one headline alone, the text before must run two paragraphs or more, or one of this many
# characters: a short one alone (a scene or a quotation opening the story: 金秋时节，走进…) is
# the lede of the headline's article, and so is one alone opening with a quotation, however long
# (“说起法律，可能有的同学会有这样的想法：…”这是6月3日，…法制讲座开场白。).
_LONE_PARAGRAPH = 120


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
    return share >= IN and share >= 2 * bigram_share(words, before)


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
    anchored: list[tuple[int, set[str], set[str]]],
    open_start: bool,
    narrowing: set[int],
    told_after: set[int],
) -> int | None:
    """The paragraph break with the strongest headline evidence of two articles, or None.

    Two headlines say it (one in the text before the break and not after it, another after and not before),
    or, with ``open_start``, one after the break alone: the text before it may be an article with no printed
    headline (one that opens with its dateline, or opens the page).
    """
    headlines, anchors = [number for number, _, _ in anchored], [grams for _, grams, _ in anchored]
    best: tuple[float, int, int] | None = None
    candidates: list[tuple[float, int, int]] = []
    spans = named_spans(paragraphs)
    lifted: set[int] = set()  # breaks scored higher with a headline's faint share before them read as none
    for cut, before, after in breaks(grams):
        all_shares = _shares(anchored, before, after)
        shares = across(all_shares, headlines)
        # A headline as short as a photo's title (金秋硕果) says a story begins alone only with two of its words
        # after the break: one word shared (田野 of 田野新绿 in …为这片田野带来希望) is chance.
        alone = across([(said_alone(a, before), said_alone(a, after)) for a in anchors], headlines)
        # The same village or township named on both sides, or the same person quoted: one story, however
        # few words the sides share.
        named_both_sides = any(first < cut <= last for first, last in spans)
        overlap = text_overlap(before, after)
        narrows = cut in narrowing  # the column narrows: most often another article's column
        apart = (overlap < _COHESIVE and not named_both_sides) or narrows
        far = (overlap < _FAR_APART and not named_both_sides) or narrows
        # A headline whose story lies after the text is in no story before the break.
        masked = [(0.0, a) if n in told_after else (b, a) for (b, a), n in zip(all_shares, headlines)]
        told = across(masked, headlines) if told_after else shares
        first = max((b - a for b, a in told if before_only(b, a, apart, far)), default=None)
        # Another headline wholly (or all but) before the break: the one after it may say less.
        faint = first is not None and max(a for b, a in shares if b - a == first) <= _HARDLY_AFTER
        second = _after(shares, apart, far, faint, narrows, first is not None, paragraphs[cut])
        story = cut > 1 or (len(paragraphs[0]) >= _LONE_PARAGRAPH and not opens_with_speech(paragraphs[0]))
        headless = open_start and apart and story and reads_headless(alone, far)
        if second is None and first is None and open_start and story and not named_both_sides:
            headless = (second := _worlds_apart(alone, overlap, paragraphs, cut)) is not None
        told_on = goes_on(paragraphs[cut]) or announces(paragraphs[cut - 1])  # the text before goes on across it
        if second is None or (first is None and not headless) or overlap >= _ONE_STORY or told_on:
            continue
        # One headline alone finds its text's start at the last break before it: its share is
        # the same at every break before its article, so of equal scores the latest wins.
        if first is None:
            # Alone, a headline's word or two in the story before (under _ABSENT: 消防 in a story of a park's
            # fire rules) says no more than none: the breaks before its text score alike.
            floored = after_side(absent_as_none(shares), apart, far, faint, narrows) or second
            if floored > second + 1e-9:
                lifted.add(cut)
            second = floored
        candidate = (second + (first or 0.0), cut if first is None else -cut, cut)
        candidates.append(candidate)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return None if best is None else _chosen(best, candidates, lifted, paragraphs, grams)


def _shares(
    anchored: list[tuple[int, set[str], set[str]]], before: set[str], after: set[str]
) -> list[tuple[float, float]]:
    """Each headline's share of the text before a break and after it; one whose lead names a place (or body) named
    after the break and nowhere before it lies after it, whatever words of it the text before holds (双红村：志愿服务
    “扮靓”省道沿线 after a story that shares 志愿服务 with it)."""
    return [
        (
            0.0 if lead and lead <= after and not lead & before else bigram_share(grams, before),
            bigram_share(grams, after),
        )
        for _, grams, lead in anchored
    ]


def _after(
    shares: list[tuple[float, float]], apart: bool, far: bool, faint: bool, narrows: bool, told: bool, paragraph: str
) -> float | None:
    """How much the headline most after a break lies after it (see after_side); where one is ``told`` before it
    and the paragraph after opens with when it happened, as a story's first does, partly after it (after_a_lede),
    or, where the two texts share almost no words (``far``), more after it than before (weakly_more_after)."""
    second = after_side(shares, apart, far, faint, narrows)
    if second is None and told and apart and opens_with_when(paragraph):
        second = after_a_lede(shares)
        if second is None and far:
            second = weakly_more_after(shares)
    return second


def _worlds_apart(alone: list[tuple[float, float]], overlap: float, paragraphs: list[str], cut: int) -> float | None:
    """Two texts sharing almost no words, the one after opening with when it happened (11月25日晚，…): any word of
    a headline after the break and none before says a story begins (出行 of 多方合力战冰雪 共筑出行“平安路”).
    Returns that headline's share after the break, or None.

    >>> _worlds_apart([(0.0, 0.08)], 0.014, ["铺设路面。", "11月25日晚，科左中旗迎来降雪天气"], 1)
    0.08
    >>> _worlds_apart([(0.0, 0.08)], 0.014, ["铺设路面。", "据悉，"], 1) is None
    True
    """
    lone = [after for before, after in alone if before == 0.0 < after]
    return max(lone) if lone and stories_apart(overlap, paragraphs, cut) else None


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


# Bigrams two headlines share before they are read without them (总工, 工会, 清凉 of two unions' 送清凉 stories):
# one (宁波 of two halves of one title) is chance.
_SHARED = 2


def _told_apart(
    anchors: list[tuple[int, set[str], set[str]]], grams: list[set[str]],
) -> list[tuple[int, set[str], set[str]]]:
    """Headlines the text holds (half their bigrams or more) read by the bigrams no other of them prints.

    Two stories of one kind run together (连云港市总工会开展…“送清凉”活动, 奔牛镇总工会开展夏日送清凉慰问活动)
    share words (总工, 工会, 清凉) that are in both texts and tell neither from the other. A headline keeps
    all its bigrams where it shares fewer than two, or too few are its own.
    """
    text = set().union(*grams)
    held = {number for number, headline, _ in anchors if len(headline & text) * 2 >= len(headline)}
    told: list[tuple[int, set[str], set[str]]] = []
    for number, headline, names in anchors:
        others = set().union(*(other for n, other, _ in anchors if n != number and n in held))
        own = headline - others
        shared = len(headline) - len(own)
        told.append((number, own if number in held and shared >= _SHARED and len(own) >= MIN_HEADLINE - 1 else headline,
                     names))
    return told


def _cut_by_words(
    paragraphs: list[str],
    grams: list[set[str]],
    anchors: list[tuple[int, set[str], set[str]]],
    open_start: bool,
    narrowing: set[int],
    told: set[int],
) -> int | None:
    """The break the headlines' words say a story begins at, or None; read apart where they share words."""
    cut = _best_cut(paragraphs, grams, anchors, open_start, narrowing, told)
    if cut is None and (apart := _told_apart(anchors, grams)) != anchors:
        # Two of them must say it, one on each side: a headline alone, read by fewer words, says less.
        cut = _best_cut(paragraphs, grams, apart, False, narrowing, told)
    return cut


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
        (number, grams, bigrams(lead_name(part)))
        for number, headline in enumerate(headlines)
        for part, grams in ((part, telling_bigrams(part)) for part in headline.split(ONE_HEADLINE))
        if len(grams) >= MIN_HEADLINE - 1
    ]
    if len(paragraphs) < 2 or not anchors or (len(anchors) < 2 and not open_start):
        return []
    grams = grams if grams is not None else paragraph_grams(paragraphs)
    narrowing = narrowing or set()
    told = {number for number, headline in enumerate(headlines) if headline in told_after}
    cut = _cut_by_words(paragraphs, grams, anchors, open_start, narrowing, told)
    later = headlines
    if cut is None:
        # Where their words part no stories, their places may; a headline whose places are all before the
        # cut has its story there, and says nothing of the text after it.
        cut = _cut_by_places(paragraphs, headlines, grams)
        if cut is None:
            return []
        later = [h for h in headlines if not _named_before(h, paragraphs, cut)]
    # Where the column narrows at the cut, the next break's narrowing is the same change seen across a short
    # first paragraph (1月14日上午，马屿代表中心组开展 / …视察活动。 over 代表们实地查看了…): no story of its own.
    after = {point - cut for point in narrowing if point > cut and not (cut in narrowing and point == cut + 1)}
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
        holders = [number for number, share in enumerate(shares) if share >= IN]
        for own in range(len(texts)):
            if all(shares[own] > shares[other] for other in holders if other != own):
                kept[own].append(headline)
    return kept

"""Two stories in one article: the headline it took and one no article took say where the second begins.

Two stories with no dateline or byline between them run together; cut by
the headlines before they were placed (anchors.py), they may still be one
article when neither headline says enough alone.  Once the headlines are
placed, the article has taken one of the two and the other is left over:
together, each on its own side of a break, they say where it is cut (or,
the one left over sharing no words with any story, a break the two sides
share almost no words at).  The other way round, one story the anchors cut
in two at the halves of its couplet title is joined again.
"""

from __future__ import annotations

from converter.clean.bigrams import bigram_share, bigrams, breaks, paragraph_grams, text_overlap
from converter.clean.couplets import couplet
from converter.clean.headline_parts import lead_only
from converter.clean.lines import DASH_START
from converter.clean.names import lead_name, names_a_body
from converter.clean.spacing import squeezed
from converter.clean.story_breaks import opens_with_when, stories_apart, with_its_paragraphs
from converter.model import Article, Headline

# A headline no article took, and the one its article took, tell a second story in it apart more faintly: one
# headline this much on its side of the break and none on the other, both at least twice as much on their sides as
# on the other and this much at least, the two texts sharing less than this share of their bigrams.
_ON_ITS_SIDE = 0.3
_FAINTLY_ON_ITS_SIDE = 0.15
_TWO_STORIES = 0.15
# Or both headlines this much on their own side and not at all on the other (绵竹：民生微实事 件件暖民心 over roads
# built by a 民生 fund, 孙桥镇：凝聚政协之力… over the next story): each alone says little, the two together enough.
_EACH_ALONE = 0.2
# Or both this much more on their own side than on the other.
_MOSTLY = 3
# A headline with fewer bigrams than this may be a photo's title (金秋硕果, 丰收时节) or half a title (产业兴旺 of
# 产业兴旺 增收“有道”): it tells no story apart.
_STORY_HEADLINE = 6
# The two sides of a break inside one story share at least this share of their bigrams five times in six; two
# stories side by side, one time in nine.
_ONE_STORY = 0.1
# Two stories' titles read as one headline's two lines part them where each is on its own side, the two sides
# sharing less than this share of their bigrams (of the collected two-line headlines, 1 in 86 would be cut so; of
# two stories run together under their two titles, 71 in 100 are cut right, 2 wrong).
_TWO_TITLES = 0.1


def second_story(paragraphs: list[str], taken: str, left: str, titles: bool = False) -> tuple[int, bool] | None:
    """Where an article that took headline ``taken`` holds a second story, the one headline ``left`` names.

    Returns the paragraph the second story begins at, and whether ``taken``
    is the first story's headline.  Two stories with no dateline or byline
    between them run together; the assignment gives their article one of the
    two headlines and leaves the other over; both then say where it is cut,
    each on its own side (小龙虾“跃”出… over the crayfish story, 菜农忙采摘… over
    the vegetable growers' after it). ``titles``: the two were read as one headline's two lines, each a title
    of its own; then each mostly on its side is enough, though both share a word or two with the other story.

    >>> paragraphs = ["小龙虾迎来上市旺季，为乡村振兴写下新篇章。", "小龙虾养殖让村民增收。"]
    >>> paragraphs.append("1月14日，菜农忙着采摘蔬菜，销往各地。")
    >>> second_story(paragraphs, "菜农忙采摘抢抓年市场", "小龙虾跃出乡村振兴新篇章")
    (2, False)
    >>> second_story(paragraphs[:2], "小龙虾养殖让村民增收致富", "小龙虾跃出乡村振兴新篇章") is None  # one story
    True
    >>> second_story(paragraphs, "菜农忙采摘抢抓年市场", "乡村振兴") is None
    True
    """
    if len(paragraphs) < 2:
        return None
    grams = paragraph_grams(paragraphs)
    headlines = bigrams(taken), bigrams(left)
    if min(len(headlines[0]), len(headlines[1])) < _STORY_HEADLINE:
        return None
    leads = frozenset(bigrams(lead_name(taken))), frozenset(bigrams(lead_name(left)))
    found: list[tuple[float, int, bool]] = []
    for cut, before, after in breaks(grams):
        if text_overlap(before, after) >= _TWO_STORIES:
            continue
        for first, second, taken_first in ((0, 1, True), (1, 0, False)):
            first_shares = bigram_share(headlines[first], before), bigram_share(headlines[first], after)
            second_shares = bigram_share(headlines[second], before), bigram_share(headlines[second], after)
            either = _one_side(first_shares) or _one_side(second_shares[::-1])
            mostly = titles and _each_mostly(first_shares, second_shares)
            named = _named_apart(leads[second], grams[cut], before)
            if not (either or _each_alone(first_shares, second_shares) or mostly or named):
                continue
            near = min(first_shares[0], second_shares[1]) >= _FAINTLY_ON_ITS_SIDE
            # The place the second names is evidence enough of its side, though its words be on both.
            second_near = _mostly_near(second_shares[::-1]) or named
            if near and _mostly_near(first_shares) and second_near:
                score = first_shares[0] - first_shares[1] + second_shares[1] - second_shares[0]
                found.append((score, cut, taken_first))
    if not found:
        return None
    score, _, taken_first = max(found)
    # Paragraphs that hold neither headline go with the story they share words with.
    tied = [cut for other, cut, order in found if order == taken_first and abs(other - score) < 1e-9]
    return with_its_paragraphs(tied, paragraphs, grams), taken_first


def _named_apart(lead: frozenset[str], near: set[str], far: set[str]) -> bool:
    """A headline's lead names a place or body the paragraph after a break (``near``) names and the text before it
    (``far``) never does: a story of 金集镇 begins where that name first comes, after a story of a district's
    volunteers naming no town. Asked of the story after the break only: a story's lede may name its lead's body
    once, the rest never.
    """
    return bool(lead) and lead <= near and not lead & far


def holder(headline: str, texts: list[set[str]]) -> int | None:
    """The text (its bigrams) holding the most of a headline's words, when it holds at least a share of them.

    >>> texts = [bigrams("菜农采摘蔬菜"), bigrams("小龙虾上市")]
    >>> holder("菜农忙采摘", texts), holder("古城夜色", texts[:1])
    (0, None)
    """
    grams = bigrams(headline)
    shares = [bigram_share(grams, text) for text in texts]
    best = max(range(len(texts)), key=shares.__getitem__, default=None)
    return best if best is not None and shares[best] >= _EACH_ALONE else None


def _mostly_near(shares: tuple[float, float]) -> bool:
    """A headline at least twice as much on the near side of a break (its first share) as on the far side."""
    near, far = shares
    return near > 0.0 and near >= 2 * far - 1e-9


def _one_side(shares: tuple[float, float]) -> bool:
    """A headline on the near side of a break (its first share) and not at all on the far side."""
    near, far = shares
    return near >= _ON_ITS_SIDE and far == 0.0


def _each_alone(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """The first headline before a break and not after it, the second after it and not before, each at least
    _EACH_ALONE there.

    >>> _each_alone((0.25, 0.0), (0.0, 0.29)), _each_alone((0.25, 0.0), (0.08, 0.29))
    (True, False)
    """
    return first[1] == 0.0 == second[0] and min(first[0], second[1]) >= _EACH_ALONE


def _each_mostly(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """The first headline before a break, the second after it, each at least _ON_ITS_SIDE there and _MOSTLY times
    as much as on the other side (“笔墨送福韵·志愿暖新春”志愿服务项目启动 / 喜报！黄州区在全省社区公益创投…, both
    of 志愿服务项目).

    >>> _each_mostly((1.0, 0.31), (0.1, 0.5)), _each_mostly((1.0, 0.31), (0.2, 0.5))
    (True, False)
    """
    mostly = first[0] >= _MOSTLY * first[1] and second[1] >= _MOSTLY * second[0]
    return mostly and min(first[0], second[1]) >= _ON_ITS_SIDE


def blind_second_story(paragraphs: list[str], taken: str) -> tuple[int, bool] | None:
    """Where an article holds a second story that a headline sharing no words with it tells (沙土地种出“黑金子”
    over a story of 黑木耳): the one break its two sides share almost no words at, the paragraph after it opening
    with when it happened (6月3日，…) and the article's own headline all on one side of it.

    Returns the paragraph the second story begins at, and whether ``taken`` is the first story's headline.

    >>> paragraphs = ["黑河市举行共创国家园林城市主题宣传活动，引导群众参与。", "活动设立宣传板，创建国家园林城市。"]
    >>> paragraphs.append("6月3日，五河县大新镇府台村黑木耳种植基地里，村民们正忙着采收。")
    >>> blind_second_story(paragraphs, "黑河市举行共创国家园林城主题宣传活动")
    (2, True)
    >>> blind_second_story(paragraphs[:2], "黑河市举行共创国家园林城主题宣传活动") is None
    True
    """
    headline = bigrams(taken)
    if len(paragraphs) < 2 or len(headline) < _STORY_HEADLINE:
        return None
    grams = paragraph_grams(paragraphs)
    found: list[tuple[int, bool]] = []
    for cut, before, after in breaks(grams):
        if not stories_apart(text_overlap(before, after), paragraphs, cut):
            continue
        shares = bigram_share(headline, before), bigram_share(headline, after)
        if _one_side(shares) or _one_side(shares[::-1]):
            found.append((cut, _one_side(shares)))
    return found[0] if len(found) == 1 else None


def cut_second_stories(
    articles: list[Article], zone: list[Article], unplaced: list[str], shadowed: frozenset[str] = frozenset()
) -> list[str]:
    """Articles of a zone holding two stories, cut where a headline no article took and the one they took say.

    A headline sharing no words with any story, printed in no shadowed font (a photo's title), cuts the one
    article of a zone with no untitled article left that blind_second_story finds two stories in.
    The second story goes into ``articles`` after its first; returns the lines still left over.
    """
    titled = [article for article in zone if article.headline.title and article.headline.source == "page"]
    grams = [bigrams("".join(article.paragraphs)) for article in titled]
    all_titled = len(titled) == len(zone)
    left: list[str] = []
    for line in unplaced:
        number = holder(line, grams)
        found = None if number is None else second_story(titled[number].paragraphs, titled[number].headline.title, line)
        if number is None and all_titled and line not in shadowed and len(bigrams(line)) >= _STORY_HEADLINE:
            blind = [(n, blind_second_story(a.paragraphs, a.headline.title)) for n, a in enumerate(titled)]
            cuts = [(n, cut) for n, cut in blind if cut is not None]
            number, found = cuts[0] if len(cuts) == 1 else (None, None)
        if number is None or found is None:
            left.append(line)
            continue
        cut, taken_first = found
        second = _cut(titled[number], line, cut, taken_first)
        articles.insert(articles.index(titled[number]) + 1, second)
        titled[number + 1 : number + 1] = [second]
        grams[number : number + 1] = [bigrams("".join(titled[number].paragraphs)), bigrams("".join(second.paragraphs))]
    return left


def _cut(article: Article, line: str, cut: int, taken_first: bool) -> Article:
    """Cut ``article`` before paragraph ``cut``; ``line`` heads the story without the headline it took."""
    second = Article(
        headline=Headline(title=line) if taken_first else article.headline,
        paragraphs=article.paragraphs[cut:],
        byline=article.byline,
        source=article.source,
        subheads=[i - cut for i in article.subheads if i >= cut],
    )
    article.headline = article.headline if taken_first else Headline(title=line)
    article.paragraphs, article.byline = article.paragraphs[:cut], []
    article.subheads = [i for i in article.subheads if i < cut]
    return second


def cut_two_titles(articles: list[Article], zone: list[Article]) -> None:
    """Articles of a zone holding two stories whose titles were read as one headline's two lines, cut apart.

    Two stories run together under two titles printed one over the other take both as kicker and title, or
    title and subtitle (济南市莱芜区…上王庄村：整治人居环境 助力乡村振兴 / 蒙古营镇持续开展环境卫生整治工作);
    each line found on its own side of a break (see second_story), the sides sharing few words, heads its story.
    The second story goes into ``articles`` after the first.
    """
    for article in list(zone):
        parts = article.headline.parts
        if article.headline.source != "page" or len(parts) != 2 or _kicked_or_dashed(*parts):
            continue
        found = second_story(article.paragraphs, parts[0], parts[1], titles=True)
        if found is None:
            continue
        cut, first_before = found
        sides = bigrams("".join(article.paragraphs[:cut])), bigrams("".join(article.paragraphs[cut:]))
        if text_overlap(*sides) >= _TWO_TITLES:
            continue
        article.headline = Headline(title=parts[0])
        articles.insert(articles.index(article) + 1, _cut(article, parts[1], cut, first_before))


def _kicked_or_dashed(first: str, second: str) -> bool:
    """A place's or body's name, or a lead and its colon, over a title (什邡市峨眉山路： / 围墙年久失修…), or a
    title over a subtitle led by a dash (铺就群众幸福路 / ——沔城回族镇洲岭村见闻): one story's two lines, each
    saying where it is told, whatever the words on either side of a break."""
    return lead_only(first) or names_a_body(first) or bool(DASH_START.match(second.strip()))


def rejoin_couplet_halves(articles: list[Article], zone: list[Article], lines: list[str]) -> list[Article]:
    """One story cut in two by the halves of its couplet title printed on two lines (瑞雪纷飞兆丰年 / 什邡蓥华别样美,
    each half found on its own side of a paragraph break and placed as a headline of its own), joined again.

    Two neighbouring articles join when their titles are neighbouring headline lines (``lines``, in printed
    order) making one couplet, nothing marks the second's start (no dateline, no byline before it, no opening
    with when it happened) and the two sides share words as the paragraphs of one story do
    (_ONE_STORY).  Returns the zone without the articles joined into the one before.
    """
    kept = list(zone)
    printed = [squeezed(line) for line in lines]
    for first, second in zip(zone, zone[1:]):
        if first not in kept or articles.index(second) != articles.index(first) + 1:
            continue
        titles = [squeezed(a.headline.title) for a in (first, second)]
        listed = titles[0] in printed and printed.index(titles[0]) + 1 < len(printed)
        if not listed or printed[printed.index(titles[0]) + 1] != titles[1] or not couplet(titles[0], titles[1]):
            continue
        if not all(a.headline.source == "page" and a.headline.parts == [a.headline.title] for a in (first, second)):
            continue
        if second.dateline or first.byline or opens_with_when(second.paragraphs[0]):
            continue
        if text_overlap(bigrams("".join(first.paragraphs)), bigrams("".join(second.paragraphs))) < _ONE_STORY:
            continue
        first.headline = Headline(title=f"{first.headline.title} {second.headline.title}")
        first.subheads += [len(first.paragraphs) + i for i in second.subheads]
        first.paragraphs, first.byline = first.paragraphs + second.paragraphs, second.byline
        articles.remove(second)
        kept.remove(second)
    return kept

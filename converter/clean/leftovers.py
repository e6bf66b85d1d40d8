"""Headline lines no article took, beside a placed headline: the rest of its title, its kicker, or its other half.

The assignment (headlines.py) places each group of headline lines with one article; a line that matched its article
too weakly to be placed alone is read here against the headline printed beside it.
"""

from __future__ import annotations

from converter.clean.couplets import other_half, whole_couplet
from converter.clean.fragments import Fragment
from converter.clean.headline_parts import attach, is_kicker
from converter.clean.matching import LEANS, MATCHES, Matcher
from converter.clean.names import lead_name
from converter.clean.spacing import han_count
from converter.clean.title_lines import PHOTO_TITLE


def shadowed(group: list[Fragment]) -> bool:
    """A headline of one line printed in a shadowed font: most likely a photo's title."""
    return len(group) == 1 and group[0].doubled


def absorb_leftovers(
    groups: list[list[Fragment]],
    given: dict[int, int],
    parts: dict[int, list[str]],
    matcher: Matcher,
    moved: set[int],
) -> set[int]:
    """Lines no article took, printed next to a placed headline whose article holds their characters best.

    Half of a title that matches its article weakly (雪后上下班高峰 公交 /
    车“一票难求”, 新春开新局 / 石泉集中开工12个重点项目) is left over by the
    assignment; printed beside the other half, it belongs there, also when it
    leans to an article whose title is printed already (我县举办 / 戏曲名段展演).  Grows
    ``parts`` (the placed headlines' lines) in place; returns the groups taken (``moved``: taken already).
    """
    absorbed: set[int] = set()
    for number, group in enumerate(groups):
        if number in given or number in moved or shadowed(group):
            continue
        text = "".join(f.text for f in group)
        floor = MATCHES if han_count(text) <= PHOTO_TITLE else LEANS  # a short line may be a photo title
        beside = [
            n
            for n in (number - 1, number + 1)
            if n in given
            and (matcher.lean(text) in (None, given[n]) or matcher.lean(text) in given.values())
            and matcher.fits(text, given[n], chars=True)
            and matcher.scores(text)[given[n]] >= floor
        ]
        halves = _other_halves(text, number, given, parts, matcher) if not beside and len(group) == 1 else []
        if len(halves) == 1:
            parts[halves[0][0]] = halves[0][1]
            absorbed.add(number)
            continue
        if not beside and _couplet_kicker(group, parts.get(number + 1), given, matcher):
            parts[number + 1] = [group[0].text] + parts[number + 1]
            absorbed.add(number)
            continue
        beside = beside or _named_by_the_story_below(text, number, given, matcher)
        if not beside:
            continue
        side = max(beside, key=lambda n: matcher.scores(text)[given[n]])
        merged = attach(parts[side], [f.text for f in group], before=number < side)
        alone = merged is None and _alone_beside(group, parts[side], matcher.scores(text)[given[side]])
        if alone and side == number - 1:
            merged = parts[side] + [group[0].text]  # the rest of the headline above it (see _alone_beside)
        elif alone and side == number + 1 and is_kicker(group[0].text, parts[side][0]):
            merged = [group[0].text] + parts[side]  # its kicker (大美宁德 / 寿宁福厚村：梨花曼妙舞春分)
        if merged is not None:
            parts[side] = merged
            absorbed.add(number)
    return absorbed


def moved_up(
    groups: list[list[Fragment]], given: dict[int, int], parts: dict[int, list[str]], matcher: Matcher
) -> set[int]:
    """A line no article took under a placed headline whose article it leans to, that headline leaning to the
    article of the headline above it at least as much and going on with its title: it moves up, and the line left
    over takes its place (东郊供电所抢修 / 一线保供电 / 居家养老乐陶陶, 一线保供电 given to the story of old people's
    homes). Grows ``parts`` and ``given`` in place; returns the groups moved up into the title above them."""
    moved: set[int] = set()
    for number, group in enumerate(groups):
        above, top = number - 1, number - 2
        if number in given or shadowed(group) or above in moved or above not in given or top not in given:
            continue
        held = matcher.scores("".join(parts[above]))
        if matcher.lean("".join(f.text for f in group)) != given[above] or held[given[top]] < held[given[above]]:
            continue
        merged = attach(parts[top], parts[above], before=False)
        if merged is not None:
            parts[top] = merged
            given[number], parts[number] = given.pop(above), [f.text for f in group]
            del parts[above]
            moved.add(above)
    return moved


def _other_halves(
    text: str, number: int, given: dict[int, int], parts: dict[int, list[str]], matcher: Matcher
) -> list[tuple[int, list[str]]]:
    """The placed one-line titles beside line ``number`` (``text``, taken by no article) that make a couplet with it,
    the line sharing a word with the title's story, each with the couplet title (产业兴旺 / 增收“有道”). A photo's title
    (山乡春早) makes no couplet with the title beside it, and shares no word with its story."""
    found: list[tuple[int, list[str]]] = []
    for n in (number - 1, number + 1):
        if n in given and matcher.scores(text, chars=False)[given[n]] > 0:
            joined = other_half(text, parts[n], above=number < n)
            if joined is not None:
                found.append((n, joined))
    return found


def _named_by_the_story_below(text: str, number: int, given: dict[int, int], matcher: Matcher) -> list[int]:
    """The placed headline under a line no article took whose lead only that headline's article names: the line
    opens its title (金集镇：最美人间四月天 / 志愿服务助创建, the first half's other words in no story).
    """
    lead = lead_name(text)
    if not lead:
        return []
    below = number + 1
    return [below] if below in given and matcher.holding(lead) == [given[below]] else []


def _couplet_kicker(group: list[Fragment], below: list[str] | None, given: dict[int, int], matcher: Matcher) -> bool:
    """A whole couplet no article took, over a one-line title that is none: that title's kicker.

    A couplet wishes, it names no body, so its article rarely holds its words (祥龙携瑞辞旧岁 灵蛇纳福启新程 /
    金山区各界人士春节团拜会举行); a photo's title is shorter than its two halves. Asked only when every
    article has its headline and no article leans to the couplet: else it is the title of one that has
    none (秸秆回收 变废为宝) or of one read into another's text (多方合力战冰雪 共筑出行“平安路”).
    """
    one_title_below = below is not None and len(below) == 1 and not whole_couplet(below[0])
    if not (one_title_below and len(group) == 1 and whole_couplet(group[0].text)):
        return False
    every_article_titled = len(set(given.values())) == len(matcher.words)
    return every_article_titled and max(matcher.scores(group[0].text), default=0.0) < LEANS


def _alone_beside(group: list[Fragment], placed: list[str], score: float) -> bool:
    """A line no article took, beside a one-line headline placed, its article holding it well.

    Under the headline it is the rest of it: a kicker naming a body (安康市总工会) leans to no article of its
    own, so it was not grouped with its title (让包联村村民喜领“红包”); placed alone, it takes the title under
    it, and headline_of tells which of the two is the kicker (or the title and its subtitle).  Over the
    headline, reading as a kicker, it is the title's kicker (大美宁德 / 寿宁福厚村：梨花曼妙舞春分).
    """
    return len(placed) == 1 and len(group) == 1 and score >= MATCHES

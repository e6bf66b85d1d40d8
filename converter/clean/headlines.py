"""Headlines: give the printed headline lines to articles, each as kicker, title and subtitle.

A county page prints its headlines together, away from the bodies, cut into
fragments by fragments.py.  Neighbouring fragments that are one title broken
over two lines are joined: by what the break cuts (a word, a number, a couplet),
by the article they lean to (weighted bigrams, matching.py), by their lengths
(headline_parts.py).  Neighbours leaning to one article are grouped as kicker,
title and subtitle; groups and articles are assigned one to one with the
highest total similarity, and a line no article took joins the title printed
beside it when it is that title's other half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.clean.articles import DASH_START
from converter.clean.assignment import best_assignment
from converter.clean.fragments import Fragment, split_fragments, stray_warnings
from converter.clean.headline_parts import (
    ONE_AFTER_A_MARK,
    attach,
    colon_led,
    couplet,
    cut_at_the_break,
    derive_title,
    han_count,
    headline_of,
    is_kicker,
    is_slogan,
    is_subtitle,
    lead_only,
    names_a_body,
    names_a_column,
    short_title,
    too_long_for_one_title,
    whole_couplet,
    whole_quotation,
)
from converter.clean.matching import LEANS, MATCHES, Matcher
from converter.clean.paragraphs import unclosed
from converter.model import Headline
from converter.text import HAN_CLASS

# derive_title lives with the other headline text rules; the parser imports it from here.
__all__ = [
    "WHOLE_PAGE",
    "Fragment",
    "Placement",
    "best_assignment",
    "derive_title",
    "headline_zones",
    "place_headlines",
    "split_fragments",
]

# A line of the article this long, printed after a place's name, goes on with its title.
_TITLE_TAIL = 6
# A line of this many characters or more may be a title of its own.
_OWN_TITLE = 8
# A line this short is no headline on its own.
_TOO_SHORT = 3
# A headline line alone this short may be a photo title, not a weakly matching headline.
_PHOTO_TITLE = 5
# What a shadowed line's score counts for in the assignment.
_SHADOW_WEIGHT = 0.5
# After a lead and its colon, a title says this many characters at least (武汉：老人家中笑语多).
_AFTER_A_COLON = 4
# How many fragments one headline holds at most: kicker, title, subtitle.
_HEADLINE_PARTS = 3


@dataclass
class Placement:
    headlines: dict[int, Headline]  # article index → its printed headline
    unplaced: list[str]
    warnings: list[str]


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def _too_short(text: str, following: str) -> bool:
    """Too short for a headline of its own, and not the start of the line after it (产业兴 / 旺 增收“有道”)."""
    short = len(re.findall(r"[0-9]", text)) + han_count(text) <= _TOO_SHORT
    return short and not unclosed(text) and not (following and cut_at_the_break(text, following))


def _said_by_the_text(previous: str, line: str) -> bool | None:
    """Whether two headline lines are one title, where their text alone says it; None where it does not.

    >>> _said_by_the_text("义诊送健康，", "风雨无阻"), _said_by_the_text("“一村一策”", "通城推进乡村振兴")
    (True, False)
    >>> _said_by_the_text("金牛镇：汛情", "紧急全力转移受灾群众"), _said_by_the_text("武汉：老人家中笑语多", "新春")
    (True, None)
    >>> _said_by_the_text("爱在莲城 志愿有我", "“枣”当家"), _said_by_the_text("产业兴旺 增", "收“有道”")
    (False, True)
    """
    if unclosed(previous) or previous.rstrip().endswith(("，", ",", "、")):
        return True
    if ONE_AFTER_A_MARK.search(previous.rstrip()):
        return True  # one character after a colon or a closing quote: the line broke inside a word (“民心路”修 / 进…)
    if lead_only(previous):
        return False  # a lead and its colon alone on a line: the kicker (故城： / 合作社分红…)
    if colon_led(previous) and han_count(re.split("[：:]", previous, maxsplit=1)[1]) < _AFTER_A_COLON:
        return True  # a lead and a colon, then a word or two: the title goes on (金牛镇：汛情 / 紧急全力…)
    if colon_led(line):
        return False  # a lead and a colon open a title (武汉：老人家中笑语多): it ends none above
    if cut_at_the_break(previous, line):
        return True
    if whole_couplet(previous) and _too_short(line, "") and not re.search(r"\d", line):
        # A couplet title is whole: a few words after it (… 志愿有我 / “枣”当家) begin another title.
        # A number may still end it (新春开新局 石泉集中开工 / 12个重点项目).
        return whole_couplet(previous + line)
    if whole_couplet(line):
        return False  # a couplet title on a line of its own is a whole title, not the end of one
    if names_a_column(line):
        return False  # a column's name opens the next headline (…振兴 / 抗击疫情特别报道)
    if whole_quotation(previous) or names_a_column(previous):
        return False  # a quoted phrase or a column's name (抗击疫情特别报道) alone on its line: a kicker
    return None


def _after_the_lead(text: str) -> str:
    """A colon-led title's words after its lead, or nothing: 叠石：消防安全 → 消防安全.

    >>> _after_the_lead("叠石：消防安全"), _after_the_lead("消防安全")
    ('消防安全', '')
    """
    return re.split("[：:]", text, maxsplit=1)[1] if colon_led(text) else ""


def _cut_before_a_couplet(previous: Fragment, fragment: Fragment, matcher: Matcher, texts: list[str]) -> bool:
    """A couplet title whose first word the break cut, the line above leaning to no article: 云阳20亩杨 / 梅进入采摘期 果农采摘忙.

    A couplet on a line of its own is whole, unless the line above, which no
    article's words hold, ends in the first character of a word the couplet's
    article prints across the break (杨梅).
    """
    if not whole_couplet(fragment.text) or matcher.lean(previous.text) is not None:
        return False
    lean = matcher.lean(previous.text + fragment.text)
    return lean is not None and matcher.crosses_word(previous.text, fragment.text, texts[lean], strict=False)


def _one_title(previous: Fragment, fragment: Fragment, matcher: Matcher, texts: list[str], following: str = "") -> bool:
    """Whether two neighbouring fragments are one title broken over two lines.

    They are when the first cannot end a headline (a quote or bracket left
    open, a comma at its end) or the break cuts a word or clause (see
    cut_at_the_break).  Otherwise both must lean to one article (or one of
    them to none) and then: a number is cut (大竹8 / 个项目), or the article
    prints them as one; after a line naming a place or body (a kicker:
    兴县县委统战部新联会) only a line the article prints as it stands goes
    on; else the break falls inside a word of the article (怀宁腊树镇落 /
    实防汛…: 落实), or, the two not too long for one title, they read as
    one (a couplet, too short together for a kicker and its title) or
    nothing says otherwise (each leans to the article, the first no slogan).
    """
    if DASH_START.match(fragment.text) or previous.doubled or fragment.doubled:
        return False  # a line led by a dash is a subtitle; a shadowed photo title stands alone
    if re.fullmatch(f"[{HAN_CLASS}]{{1,2}}", previous.text.strip()) and han_count(fragment.text) > _TOO_SHORT:
        return False  # a place's short name alone (箬横, 沿河) heads a title as its kicker: no title breaks so early
    if _cut_before_a_couplet(previous, fragment, matcher, texts):
        return True
    said = _said_by_the_text(previous.text, fragment.text)
    if said is not None:
        return said
    if following and not colon_led(fragment.text) and colon_led(fragment.text + following):
        return False  # a lead broken before its colon opens a title (走进家园看问题 / 伊川县韦 / 村：垃圾池…)
    if whole_couplet(previous.text) and han_count(fragment.text) >= _OWN_TITLE and not fragment.text[:1].isdigit():
        # A couplet on its line is whole, over a line long enough for a title of its own: a kicker
        # over its title (访问乡贤 学习乡贤 / 上虞少年今赴京采访), not a title going on (…开工 / 12个重点项目).
        return False
    sides = {matcher.lean(previous.text), matcher.lean(fragment.text)} - {None}
    short = _too_short(fragment.text, following) and not names_a_body(previous.text)
    if short and matcher.lean(fragment.text) in (None, matcher.lean(previous.text)):
        return True  # too short for a headline of its own: the end of the one above (产业兴旺 增收 / “有道”)
    if len(sides) > 1:
        return False  # each leans to an article of its own
    lean = matcher.lean(previous.text + fragment.text)
    lean = next(iter(sides), None) if lean is None else lean  # one side may lean where both together do not
    if lean is None or sides - {lean}:
        return False
    fits = [matcher.fits(f.text, lean) for f in (previous, fragment)]
    if not any(fits):
        return False
    if _squeezed(previous.text + fragment.text) in texts[lean]:
        return True  # the lead repeats the whole title: 安县28个重 / 点项目集中开工
    if names_a_body(previous.text):
        # A place named, then words the article prints as they stand: the rest of the title's
        # sentence (怀宁腊树镇 / 落实防汛抗旱各项任务), not a title under a kicker.
        return han_count(fragment.text) >= _TITLE_TAIL and _squeezed(fragment.text) in texts[lean]
    if matcher.crosses_word(previous.text, fragment.text, texts[lean], strict=False):
        return True
    if too_long_for_one_title(previous.text, fragment.text):
        return False
    if not all(fits):
        # A line matching nothing joins only a couplet, and only if too long for a photo title.
        # What little it shares must still be most with that article, in bigrams or characters.
        weak = fragment if fits[0] else previous
        if fits[0] and han_count(fragment.text) <= _PHOTO_TITLE and couplet(_after_the_lead(previous.text), fragment.text):
            # The other half of a couplet after a lead and its colon (叠石：消防安全 / 防范未然), too short to be
            # a title of its own; a longer line is one (清丰法院法官：开庭来到地头间 / 干群联手解雪困).
            return True
        long_enough = han_count(weak.text) > _PHOTO_TITLE
        return couplet(previous.text, fragment.text) and long_enough and matcher.most_with(weak.text, lean)
    if couplet(previous.text, fragment.text) or short_title(previous.text, fragment.text):
        return True
    # Nothing says otherwise: one title broken in two, if each line leans to this article alone
    # and the first is no slogan over its title (书香满校园 / 城关小学举办读书节活动).
    return not is_slogan(previous.text) and matcher.lean(previous.text) == lean == matcher.lean(fragment.text)


def _joined_titles(kept: list[Fragment], matcher: Matcher, texts: list[str]) -> list[Fragment]:
    joined: list[Fragment] = []
    for position, fragment in enumerate(kept):
        following = kept[position + 1].text if position + 1 < len(kept) else ""
        if joined and _one_title(joined[-1], fragment, matcher, texts, following):
            previous = joined[-1]
            text = previous.text + fragment.text
            joined[-1] = Fragment(text, previous.page, previous.gap_before, index=previous.index)
            continue
        joined.append(fragment)
    return joined


def _may_follow(group: list[Fragment], fragment: Fragment) -> bool:
    """Whether ``fragment`` may be the next part of the headline ``group`` began.

    Not a shadowed photo title, nor a column's name; and a whole couplet title (产业兴旺 增收“有道”)
    is a title of its own: it follows only a kicker, never as a subtitle.
    """
    if fragment.doubled or names_a_column(fragment.text):
        return False  # a column's name heads a headline, it ends none
    return not whole_couplet(fragment.text) or (len(group) == 1 and is_kicker(group[0].text, fragment.text))


def _column_over(group: list[Fragment], fragment: Fragment) -> bool:
    """A line naming no story over a title that is no subtitle: kicker and title.

    A column's name (抗击疫情特别报道) alone, or a lead and its colon (故城：) ending
    the group, whatever article their few words lean to.
    """
    heads = (len(group) == 1 and names_a_column(group[0].text)) or lead_only(group[-1].text)
    return heads and not fragment.doubled and not is_subtitle(fragment.text)


def _grouped(joined: list[Fragment], matcher: Matcher) -> list[list[Fragment]]:
    """Kicker, title, subtitle: up to three neighbours leaning to one article.

    A line led by a dash is the subtitle of the line above (春风化雨润心田 /
    ——记…) unless it leans to another article; a shadowed photo title
    stands alone.
    """
    groups: list[list[Fragment]] = []
    leans: list[int | None] = []
    for position, fragment in enumerate(joined):
        lean = matcher.lean(fragment.text)
        if lean is None and lead_only(fragment.text) and position + 1 < len(joined):
            lean = matcher.lean(joined[position + 1].text)  # a lead and its colon go where the title after it goes
        room = bool(groups) and len(groups[-1]) < _HEADLINE_PARTS and not groups[-1][-1].doubled
        if room and DASH_START.match(fragment.text) and (lean is None or leans[-1] in (None, lean)):
            groups[-1].append(fragment)
            leans[-1] = lean if leans[-1] is None else leans[-1]
        elif room and lean is not None and leans[-1] == lean and _may_follow(groups[-1], fragment):
            groups[-1].append(fragment)
        elif room and lean is not None and _column_over(groups[-1], fragment):
            groups[-1].append(fragment)  # a column's name names no story (whatever it leans to): it heads the title
            leans[-1] = lean
        else:
            groups.append([fragment])
            leans.append(lean)
    return groups


# Up to this many untitled articles, every headline of the page is matched with every article.
WHOLE_PAGE = 40


def headline_zones(fragments: list[Fragment], starts: list[int]) -> list[tuple[list[Fragment], list[int]]]:
    """Which headlines may go to which articles (positions in ``starts``, the line each article starts on).

    A page prints its headlines after its articles, so on a page of a few
    dozen articles any headline may belong to any article.  On a longer page
    (many pages' text run together) a run of headline lines belongs to the
    articles printed since the run before it; matching within such zones
    keeps the work linear in the page's length.

    >>> frags = [Fragment("甲", "p", True, index=i) for i in (100, 101, 200)]
    >>> starts = [n * 2 for n in range(50)] + [150 + n for n in range(45)]
    >>> [([f.index for f in fs], len(arts)) for fs, arts in headline_zones(frags, starts)]
    [([100, 101], 50), ([200], 45)]
    """
    if len(starts) <= WHOLE_PAGE or any(f.index < 0 for f in fragments) or any(s < 0 for s in starts):
        return [(fragments, list(range(len(starts))))]
    order = sorted(range(len(starts)), key=starts.__getitem__)
    zones: list[tuple[list[Fragment], list[int]]] = []
    taken = 0  # articles in ``order`` given to a zone already
    for fragment in sorted(fragments, key=lambda f: f.index):
        printed_before = taken
        while printed_before < len(order) and starts[order[printed_before]] < fragment.index:
            printed_before += 1
        if zones and printed_before == taken:
            zones[-1][0].append(fragment)
        else:
            zones.append(([fragment], order[taken:printed_before]))
            taken = printed_before
    return zones


def _shadowed(group: list[Fragment]) -> bool:
    return len(group) == 1 and group[0].doubled


def _weighed(group: list[Fragment], row: list[float]) -> list[float]:
    """A headline's scores as the assignment weighs them: below its floor nothing; a shadowed line at half.

    A line printed in a shadowed font is most likely a photo title: it takes an
    article only when no other headline wants it.
    """
    floor, weight = _floor(group), (_SHADOW_WEIGHT if _shadowed(group) else 1.0)
    return [weight * score if score >= floor else 0.0 for score in row]


def _floor(group: list[Fragment]) -> float:
    """The least score that lets a headline go to an article.

    A headline of a few lines, or one line long enough to say something,
    may match its article weakly (产业兴旺 增收“有道” over a body that says
    增加农民收入): the one-to-one assignment weighs it against the others.
    A short line alone, or a shadowed one, may be a photo title (山乡春早):
    it needs a clear match.

    >>> _floor([Fragment("山乡春早", "p", True)]), _floor([Fragment("产业兴旺 增收“有道”", "p", True)])
    (0.45, 0.2)
    """
    if len(group) == 1 and (group[0].doubled or han_count(group[0].text) <= _PHOTO_TITLE):
        return MATCHES
    return LEANS


def _absorb_leftovers(
    groups: list[list[Fragment]], given: dict[int, int], parts: dict[int, list[str]], matcher: Matcher
) -> set[int]:
    """Lines no article took, printed next to a placed headline whose article holds their characters best.

    Half of a title that matches its article weakly (雪后上下班高峰 公交 /
    车“一票难求”, 新春开新局 / 石泉集中开工12个重点项目) is left over by the
    assignment; printed beside the other half, it belongs there, also when it
    leans to an article whose title is printed already (我县举办 / 戏曲名段展演).  Grows
    ``parts`` (the placed headlines' lines) in place; returns the groups taken.
    """
    absorbed: set[int] = set()
    for number, group in enumerate(groups):
        if number in given or _shadowed(group):
            continue
        text = "".join(f.text for f in group)
        floor = MATCHES if han_count(text) <= _PHOTO_TITLE else LEANS  # a short line may be a photo title
        beside = [
            n
            for n in (number - 1, number + 1)
            if n in given
            and (matcher.lean(text) in (None, given[n]) or matcher.lean(text) in given.values())
            and matcher.fits(text, given[n], chars=True)
            and matcher.scores(text)[given[n]] >= floor
        ]
        if not beside:
            continue
        side = max(beside, key=lambda n: matcher.scores(text)[given[n]])
        merged = attach(parts[side], [f.text for f in group], before=number < side)
        if merged is None and _rest_under(group, side, number, parts, matcher.scores(text)[given[side]]):
            merged = parts[side] + [group[0].text]
        if merged is not None:
            parts[side] = merged
            absorbed.add(number)
    return absorbed


def _rest_under(group: list[Fragment], side: int, number: int, parts: dict[int, list[str]], score: float) -> bool:
    """A line no article took, printed under a one-line headline placed, its article holding it well: the rest of it.

    A kicker naming a body (安康市总工会) leans to no article of its own, so it was not grouped with
    its title (让包联村村民喜领“红包”); placed alone, it takes the title under it, and headline_of
    tells which of the two is the kicker (or the title and its subtitle).
    """
    return side == number - 1 and len(parts[side]) == 1 and len(group) == 1 and score >= MATCHES


def _give_clear_leftovers(
    groups: list[list[Fragment]], raw: list[list[float]], given: dict[int, int], articles: int
) -> None:
    """A headline no article took goes to the untitled article it leans to twice as much as to any other untitled one.

    A short title (田园飘稻香, over a photo's caption that says 稻田, 稻谷) needs a clear match in
    the assignment, as a photo's title with no article of its own may match by chance; once every
    other headline is placed, an untitled article holding its words clearly more than the others is
    its article (the one article left, when one is left).  Grows ``given`` in place.
    """
    for number in sorted(range(len(groups)), key=lambda n: -max(raw[n], default=0.0)):
        if number in given or _shadowed(groups[number]):
            continue
        left = sorted((raw[number][a], a) for a in range(articles) if a not in given.values())
        if not left:
            return
        best, article = left[-1]
        runner_up = left[-2][0] if len(left) > 1 else 0.0
        if best >= LEANS and best >= 2 * runner_up:
            given[number] = article


def place_headlines(fragments: list[Fragment], article_texts: list[str]) -> Placement:
    """Match headline fragments to articles (indexes into ``article_texts``).

    One headline per article, the assignment with the highest total score;
    a headline left over goes to the untitled article it clearly leans to
    (one printed headline and one untitled article left that share
    characters belong together).
    """
    matcher = Matcher(article_texts)
    kept, warnings = stray_warnings(fragments)
    groups = _grouped(_joined_titles(kept, matcher, article_texts), matcher)
    raw = [matcher.scores("".join(f.text for f in group)) for group in groups]
    scores = [_weighed(group, row) for group, row in zip(groups, raw)]
    given: dict[int, int] = {}  # group → its article
    for number, article in best_assignment(scores):
        if scores[number][article] > 0:
            given[number] = article
    _give_clear_leftovers(groups, raw, given, len(article_texts))
    parts = {number: [f.text for f in groups[number]] for number in given}
    absorbed = _absorb_leftovers(groups, given, parts, matcher)
    headlines = {given[number]: headline_of(texts) for number, texts in parts.items()}
    unplaced = [f.text for n, group in enumerate(groups) if n not in given and n not in absorbed for f in group]
    return Placement(headlines, unplaced, warnings)

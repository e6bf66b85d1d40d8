"""Headlines: give the printed headline lines to articles, each as kicker, title and subtitle.

A county page prints its headlines together, away from the bodies, cut into
fragments by fragments.py.  Neighbouring fragments that are one title broken
over two lines are joined (title_lines.py).  Neighbours leaning to one article are grouped as kicker,
title and subtitle; groups and articles are assigned one to one with the
highest total similarity, and a line no article took joins the title printed
beside it when it is that title's other half (leftovers.py).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from converter.clean.assignment import best_assignment
from converter.clean.broken_titles import NAME_OVER_TITLE
from converter.clean.column_names import names_a_column
from converter.clean.couplets import whole_couplet
from converter.clean.derived_titles import derive_title
from converter.clean.fragments import Fragment, split_fragments, stray_warnings
from converter.clean.headline_parts import headline_of, is_kicker, is_subtitle, lead_only
from converter.clean.leftovers import absorb_leftovers, moved_up, shadowed
from converter.clean.lines import DASH_START, subtitle_line
from converter.clean.matching import LEANS, MATCHES, Matcher
from converter.clean.names import chain_of_places, names_a_body
from converter.clean.spacing import han_count
from converter.clean.title_lines import PHOTO_TITLE, joined_titles
from converter.model import Headline

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

# What a shadowed line's score counts for in the assignment.
_SHADOW_WEIGHT = 0.5
# How many fragments one headline holds at most: kicker, title, subtitle.
_HEADLINE_PARTS = 3


@dataclass
class Placement:
    headlines: dict[int, Headline]  # article index → its printed headline
    unplaced: list[str]
    warnings: list[str]
    shadowed: frozenset[str] = frozenset()  # lines printed in a shadowed font: photo titles, most likely


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


def _title_under_a_name(group: list[Fragment], fragment: Fragment) -> bool:
    """A place's or a body's name alone (成章实验中学) over a line as long as a title that leans to no
    article (教师比武喜报频传: its words are not the text's): kicker and title, a name alone being no title.
    A longer line ending in a body's name is a title (西洋江镇召开民情走访院落恳谈会)."""
    name = group[0].text
    places = chain_of_places(name)
    named = len(group) == 1 and (han_count(name) <= NAME_OVER_TITLE or places) and names_a_body(name)
    title = han_count(fragment.text) > PHOTO_TITLE and not fragment.doubled and not DASH_START.match(fragment.text)
    return named and not group[0].doubled and title and (not whole_couplet(fragment.text) or places)


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
        if room and subtitle_line(fragment.text) and (lean is None or leans[-1] in (None, lean)):
            groups[-1].append(fragment)
            leans[-1] = lean if leans[-1] is None else leans[-1]
        elif room and lean is not None and leans[-1] == lean and _may_follow(groups[-1], fragment):
            groups[-1].append(fragment)
        elif room and (lean is not None or lead_only(groups[-1][-1].text)) and _column_over(groups[-1], fragment):
            # A column's name names no story (whatever it leans to): it heads the title; a lead and its colon
            # head the line under them, whatever that leans to (竹林镇： / 真情助农暖人心).
            groups[-1].append(fragment)
            leans[-1] = lean if lean is not None else leans[-1]
        elif room and lean is None and _title_under_a_name(groups[-1], fragment):
            groups[-1].append(fragment)
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


# A headline of this many characters bids its whole score in the assignment; a shorter one its share of it.
EVIDENCE = 10


def _weighed(group: list[Fragment], row: list[float]) -> list[float]:
    """A headline's scores as the assignment weighs them: below its floor nothing; a shadowed line at half;
    a short one by how much it says.

    A line printed in a shadowed font is most likely a photo title: it takes an
    article only when no other headline wants it.  A short headline of common
    words is found whole in many a story (工作进行检查, the end of a title broken
    in two, in a story of a lost purse handed back): against a longer one that
    names the story (国庆节群众不慎丢包 开封繁塔交警忙送还) it bids for its share of
    EVIDENCE characters.

    >>> _weighed([Fragment("工作进行检查", "p", True)], [0.65])
    [0.39]
    >>> _weighed([Fragment("国庆节群众不慎丢包 开封繁塔交警忙送还", "p", True)], [0.51])
    [0.51]
    """
    floor, weight = _floor(group), (_SHADOW_WEIGHT if shadowed(group) else 1.0)
    weight *= min(1.0, han_count("".join(f.text for f in group)) / EVIDENCE)
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
    if len(group) == 1 and (group[0].doubled or han_count(group[0].text) <= PHOTO_TITLE):
        return MATCHES
    return LEANS


def _give_clear_leftovers(groups: list[list[Fragment]], raw: list[list[float]], given: dict[int, int]) -> None:
    """A headline no article took goes to the untitled article it leans to twice as much as to any other untitled one.

    A short title (田园飘稻香, over a photo's caption that says 稻田, 稻谷) needs a clear match in
    the assignment, as a photo's title with no article of its own may match by chance; once every
    other headline is placed, an untitled article holding its words clearly more than the others is
    its article (the one article left, when one is left).  Grows ``given`` in place.
    """
    for number in sorted(range(len(groups)), key=lambda n: -max(raw[n], default=0.0)):
        if number in given or shadowed(groups[number]):
            continue
        lean = _leaned_to(raw[number], given.values())
        if lean is None:
            return
        best, article, runner_up = lean
        if best >= LEANS and best >= 2 * runner_up:
            given[number] = article


def _leaned_to(scores: list[float], taken: Collection[int]) -> tuple[float, int, float] | None:
    """Of the articles not ``taken``, the score a headline leans most with, that article, and the next best
    score (0 with one article left); None when every article is taken."""
    left = sorted((score, article) for article, score in enumerate(scores) if article not in taken)
    if not left:
        return None
    return left[-1][0], left[-1][1], left[-2][0] if len(left) > 1 else 0.0


# A headline still left over goes to the untitled article it leans to this many times as much as to any other.
_FAR_AHEAD = 3


def give_left_over(lines: list[str], texts: list[str], shadowed: frozenset[str] = frozenset()) -> dict[int, int]:
    """Which untitled article (index into ``texts``) each headline line still left over heads, if any.

    Once the articles holding two stories are cut (second_story.py), a line longer than a photo's title
    goes to the article it leans to, however faintly, three times as much as to any other: 天公吹响“集结号”
    环卫职工除雪忙 over a story of 初雪 that names only 环卫 and 除雪 of it (0.18 against 0.05). Run earlier, it
    would take the lines that say where a second story begins. A line printed in a shadowed font
    (``shadowed``: 万家灯火兴县城, a photo's title) goes nowhere.

    >>> give_left_over(["天公吹响集结号环卫职工除雪忙", "雪后初晴"], ["今冬初雪，环卫工人连夜除雪。", "渔船进港避风。"])
    {0: 0}
    """
    candidates = [n for n, line in enumerate(lines) if han_count(line) > PHOTO_TITLE and line not in shadowed]
    if not candidates or not texts:
        return {}
    matcher = Matcher(texts)
    given: dict[int, int] = {}
    for number in candidates:
        lean = _leaned_to(matcher.scores(lines[number]), given.values())
        if lean is None:
            break
        best, article, runner_up = lean
        if best > 0.0 and best >= _FAR_AHEAD * runner_up:
            given[number] = article
    return given


def place_headlines(fragments: list[Fragment], article_texts: list[str]) -> Placement:
    """Match headline fragments to articles (indexes into ``article_texts``).

    One headline per article, the assignment with the highest total score;
    a headline left over goes to the untitled article it clearly leans to
    (one printed headline and one untitled article left that share
    characters belong together).
    """
    matcher = Matcher(article_texts)
    kept, warnings = stray_warnings(fragments)
    groups = _grouped(joined_titles(kept, matcher, article_texts), matcher)
    raw = [matcher.scores("".join(f.text for f in group)) for group in groups]
    scores = [_weighed(group, row) for group, row in zip(groups, raw)]
    given: dict[int, int] = {}  # group → its article
    for number, article in best_assignment(scores):
        if scores[number][article] > 0:
            given[number] = article
    _give_clear_leftovers(groups, raw, given)
    parts = {number: [f.text for f in groups[number]] for number in given}
    moved = moved_up(groups, given, parts, matcher)
    absorbed = moved | absorb_leftovers(groups, given, parts, matcher, moved)
    headlines = {given[number]: headline_of(texts) for number, texts in parts.items()}
    unplaced = [f.text for n, group in enumerate(groups) if n not in given and n not in absorbed for f in group]
    photos = frozenset(f.text for n, group in enumerate(groups) if n not in given and shadowed(group) for f in group)
    return Placement(headlines, unplaced, warnings, photos)

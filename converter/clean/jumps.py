"""Jump lines: （下转第2版） sends an article on to another page, （上接第1版） takes it up there.

Printed in many forms — （下转2版）, （转第二版）, (转3版), （接第一版）, （紧接第1版）
— with justified blanks between any two characters, on a line of their own or
at the end (down) or start (up) of a text line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import cn2an

Direction = Literal["down", "up"]

_NUMBER = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
# （下转第2版） （下转2版） （转第二版） (转3版) → the article goes on there;
# （上接第1版） （接第一版） （紧接第1版） → it comes from there.  Justified
# spacing may set blanks between any two characters.
_JUMP = re.compile(
    r"[（(]\s*(?:(?P<down>下\s*转|转)|(?P<up>上\s*接|紧\s*接|接|续))\s*(?:第\s*)?"
    r"(?P<number>" + _NUMBER + r")\s*(?:版|页|面)\s*[）)]"
)


@dataclass(frozen=True)
class Jump:
    """A jump line found in a printed line: its direction, the page it names and where it stands."""

    direction: Direction
    page: int
    start: int
    end: int


def find_jumps(line: str) -> list[Jump]:
    """The jump lines at the start or end of a printed line (or forming all of it).

    >>> [(j.direction, j.page) for j in find_jumps("河沿岸、城区排水泵（ 下 转 第 2 版 ）")]
    [('down', 2)]
    >>> [(j.direction, j.page) for j in find_jumps("（接第三版）站等地，详细了解")]
    [('up', 3)]
    >>> find_jumps("协助党组（党委）的工作，转第二批")
    []
    """
    jumps: list[Jump] = []
    for match in _JUMP.finditer(line):
        if line[: match.start()].strip() and line[match.end() :].strip():
            continue  # inside running text: not a jump line
        number = match.group("number").translate(_FULL_WIDTH_DIGITS)
        page = int(number) if number.isdigit() else int(cn2an.cn2an(number, "smart"))
        direction: Direction = "down" if match.group("down") else "up"
        jumps.append(Jump(direction, page, match.start(), match.end()))
    return jumps


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def page_numbers(names: list[str]) -> dict[int, int]:
    """Printed page number → position of the page in the issue.

    The number in each file name when every page has a different one
    (01.txt, page-3.txt), else the position in name order, counted from 1.

    >>> page_numbers(["a01.txt", "a03.txt"]), page_numbers(["front.txt", "back.txt"])
    ({1: 0, 3: 1}, {1: 0, 2: 1})
    """
    found = [re.findall(r"\d+", name.rsplit(".", 1)[0]) for name in names]
    numbers = [int(digits[-1]) if digits else None for digits in found]
    if all(n is not None and 0 < n < 100 for n in numbers) and len(set(numbers)) == len(numbers):
        return {n: index for index, n in enumerate(numbers)}  # type: ignore[misc]
    return {index + 1: index for index in range(len(names))}

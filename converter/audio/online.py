"""The online voice over a whole run: an article that fails is tried again later, never the run switched off.

When an article cannot be read online (after the retries of each request), the
service is left to rest for a while (what it asked with Retry-After, else a
jittered wait that doubles with each failure in a row, up to ten minutes) and
the articles that come up meanwhile wait at the end of their issue.  There,
when the rest is short, they are tried again; the rest go to the offline voice
(with ``--engine auto``) and are marked so in the manifest, so a later run reads
them again with the neural voice once the service answers.  Issues later in the
run try the online voice again as soon as its rest is over.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from converter.audio.edge import EdgeUnavailable, jittered

REST_S = 20.0  # the first rest after a failure; it doubles with each failure in a row
MAX_REST_S = 600.0
WAIT_IN_ISSUE_S = 30.0  # an issue waits this long at most for the service to come back
ROUNDS = 3  # times an article is tried in its issue


@dataclass
class OnlineVoice:
    """What the run knows of the service: failures in a row and when to try it again."""

    say: Callable[[str], None] = lambda message: None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    draw: Callable[[], float] = random.random
    failures: int = 0
    resume_at: float = 0.0
    unreachable: bool = False  # the last failure found no network at all
    last_error: EdgeUnavailable | None = field(default=None, repr=False)

    def ready(self) -> bool:
        """Whether the service may be asked now (it is not resting)."""
        return self.clock() >= self.resume_at

    def rest_left_s(self) -> float:
        return max(0.0, self.resume_at - self.clock())

    def succeeded(self) -> None:
        if self.failures:
            self.say("the online voice answers again")
        self.failures = 0
        self.resume_at = 0.0
        self.unreachable = False

    def failed(self, error: EdgeUnavailable) -> None:
        """Rest the service: Retry-After when it asked, else a jittered doubling wait."""
        if not self.failures:
            self.say(f"{error}: the articles wait and are tried again later in the run "
                     f"(with --engine auto the offline voice reads those that still fail)")
        self.failures += 1
        self.last_error = error
        self.unreachable = error.unreachable
        rest = jittered(min(MAX_REST_S, REST_S * 2 ** (self.failures - 1)), self.draw)
        if error.retry_after is not None:
            rest = max(rest, error.retry_after)
        self.resume_at = self.clock() + rest

    def read_all(self, articles: Sequence[int], read: Callable[[int], None], *, must: bool) -> list[int]:
        """Read each article with ``read``; returns those left for the offline voice.

        An article comes up when the service is not resting; the others wait
        for the end of the issue and get up to ``ROUNDS`` tries in all.  With
        ``must`` (``--engine edge``) every rest is waited out and, if articles
        are still left, the last failure is raised.
        """
        tries: Counter[int] = Counter()
        waiting = self._round(list(articles), read, tries)
        for _ in range(ROUNDS - 1):
            if not waiting:
                break
            rest = self.rest_left_s()
            if not must and (self.unreachable or rest > WAIT_IN_ISSUE_S):
                break
            self.sleep(rest)
            # Articles not tried yet go first: one the service keeps refusing must not hold the others back.
            waiting = self._round(sorted(waiting, key=lambda index: tries[index]), read, tries)
        if waiting and must:
            assert self.last_error is not None
            raise self.last_error
        return waiting

    def _round(self, articles: list[int], read: Callable[[int], None], tries: Counter[int]) -> list[int]:
        waiting: list[int] = []
        for index in articles:
            if not self.ready():
                waiting.append(index)
                continue
            tries[index] += 1
            try:
                read(index)
            except EdgeUnavailable as error:
                self.failed(error)
                waiting.append(index)
            else:
                self.succeeded()
        return waiting

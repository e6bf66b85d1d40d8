"""What a run says of each issue: converted, up to date or failed, and the totals of a run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypedDict

IssueStatus = Literal["converted", "up to date", "failed"]


@dataclass
class IssueResult:
    name: str
    path: str
    status: IssueStatus
    articles: int = 0
    audio_seconds: float = 0.0
    audio_made: int = 0  # articles synthesised in this run (not from the cache)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


class RunSummary(TypedDict):
    issues: int
    converted: int
    up_to_date: int
    failed: int
    articles: int
    audio_minutes: float
    warnings: int


def summary(results: list[IssueResult]) -> RunSummary:
    return {
        "issues": len(results),
        "converted": sum(r.status == "converted" for r in results),
        "up_to_date": sum(r.status == "up to date" for r in results),
        "failed": sum(r.status == "failed" for r in results),
        "articles": sum(r.articles for r in results),
        "audio_minutes": round(sum(r.audio_seconds for r in results) / 60, 1),
        "warnings": sum(len(r.warnings) for r in results),
    }

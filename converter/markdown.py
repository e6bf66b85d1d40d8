"""The parsed issue as Markdown, for reading it in a terminal."""

from __future__ import annotations

from converter.model import DERIVED_MARK, Issue


def issue_to_markdown(issue: Issue) -> str:
    lines = [f"# {issue.title}", ""]
    for number, article in enumerate(issue.articles, 1):
        h = article.headline
        if h.kicker:
            lines.append(f"*{h.kicker}*")
        derived = f"（{DERIVED_MARK}）" if h.source == "derived" else ""
        lines += [f"## {number}. {h.title}{derived}", ""]
        if h.subtitle:
            lines += [f"**{h.subtitle}**", ""]
        for index, paragraph in enumerate(article.paragraphs):
            if index == 0 and article.dateline:
                paragraph = f"**{article.dateline}** {paragraph}"
            lines += [paragraph, ""]
        if article.byline:
            lines += [f"— {'、'.join(article.byline)}", ""]
    if issue.unplaced_headlines:
        lines += ["## Headlines with no article (photos, features)", ""]
        lines += [f"- {h}" for h in issue.unplaced_headlines] + [""]
    if issue.warnings:
        lines += ["## Warnings", ""] + [f"- {w}" for w in issue.warnings] + [""]
    return "\n".join(lines)

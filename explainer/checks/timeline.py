"""The timeline: data/timeline.yml (data/schema/timeline.schema.json)."""
from __future__ import annotations

import difflib

from ..content import Content
from ..problems import Problem
from ..yamldata import line_of
from . import Kind
from .files import data_file_problems, date_problems
from .glossary import duplicate_ids, unknown_term

KIND = Kind("timeline", order=50, title={"ar": "الخط الزمني", "en": "Timeline"})

UNKNOWN_ARTICLE = KIND.rule(
    "unknown-article",
    ar=("`articles` في حدث تذكر مقالًا غير موجود", "صحّح المعرّف"),
    en=("event names a missing article", "fix the slug"),
)


@KIND.check
def timeline(content: Content) -> list[Problem]:
    problems = data_file_problems(content.timeline, content, "timeline")
    shown = content.site.rel(content.timeline.path) if content.timeline else "data/timeline.yml"
    slugs = content.article_slugs
    term_ids = [t["id"] for t in content.terms]
    problems += duplicate_ids(content.events, shown, "event")
    for event in content.events:
        problems += date_problems(event, shown, line_of(event, ["date"]), line_of(event, ["date_precision"]))
        for i, slug in enumerate(event.get("articles") or []):
            if slug not in slugs:
                guess = difflib.get_close_matches(str(slug), slugs, n=1)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                problems.append(UNKNOWN_ARTICLE.problem(shown, line_of(event, ["articles", i]), f"'{slug}' is not an article slug",
                                                        f"{hint}See docs/ar/articles/"))
        for i, term_id in enumerate(event.get("terms") or []):
            if term_id not in term_ids:
                problems.append(unknown_term(term_id, term_ids, shown, line_of(event, ["terms", i])))
    return problems

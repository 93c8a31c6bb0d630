"""Articles (docs/<lang>/articles/<slug>.md; front matter: data/schema/article*.schema.json): the
sections in place, a real source date, 3–5 takeaways, an English summary of a readable length,
enough glossary terms and timeline events."""
from __future__ import annotations

import re

from .. import stories
from ..content import Content, Page
from ..glossary import terms_in
from ..problems import Problem
from ..yamldata import LineDict, line_of
from . import Kind
from .files import date_problems
from .pages import required_sections

# Sections every article page has, by heading id, in this order.
ARTICLE_SECTIONS = {
    "ar": ["takeaways", "context", "what-happened", "why-it-matters", "key-figures", "who-is-who", "debate", "what-to-watch"],
    "en": ["takeaways", "key-figures"],
}
LIST_ITEM = re.compile(r"^(?:[-*+]|[0-9]+[.)])[ \t]+\S")

KIND = Kind("articles", order=30, title={"ar": "المقالات", "en": "Articles"})

TAKEAWAY_COUNT = KIND.rule(
    "takeaway-count",
    limits={"min": 3, "max": 5},
    ar=("«باختصار» فيها أقل من {min} نقاط أو أكثر من {max}", "اكتب من {min} إلى {max} نقاط، كل نقطة سطر يبدأ بـ `- `"),
    en=("`takeaways` has fewer than {min} or more than {max} points", "write {min} to {max} points, one `- ` line each"),
)
SUMMARY_LENGTH = KIND.rule(
    "summary-length",
    limits={"min": 120, "max": 250},
    ar=("الملخص الإنجليزي `summary_en` أقصر من {min} كلمة أو أطول من {max}", "اكتب من {min} إلى {max} كلمة"),
    en=("`summary_en` shorter than {min} words or longer than {max}", "write {min} to {max} words"),
)
FEW_TERMS = KIND.rule(
    "few-terms",
    limits={"min": 5},
    ar=("المقال يذكر أقل من {min} مصطلحات من المسرد", "استعمل مصطلحات المسرد بصيغها، أو أضف الصيغة المستعملة إلى `variants`"),
    en=("the article mentions fewer than {min} glossary terms", "use the glossary's terms, or add the form used to their `variants`"),
)
FEW_EVENTS = KIND.rule(
    "few-events",
    limits={"min": 4},
    ar=("أقل من {min} أحداث في الخط الزمني من هذا المقال", "أضف أحداثه المؤرخة (`make new-event ID=my-event ARTICLE=my-slug`)"),
    en=("fewer than {min} timeline events come from the article", "add its dated events (`make new-event ID=my-event ARTICLE=my-slug`)"),
)
@KIND.check
def source_dates(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages_of(content.site.default_language, "article"):
        source = (page.meta or {}).get("source")
        if isinstance(source, LineDict):
            problems.extend(date_problems(source, page.shown_path, line_of(source, ["date"]), line_of(source, ["date_precision"])))
    return problems


@KIND.check
def sections(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        if page.kind == "article":
            problems += required_sections(page, ARTICLE_SECTIONS.get(page.lang, ARTICLE_SECTIONS["en"]))
    return problems


def section_lines(page: Page, section: str) -> list[tuple[int, str]]:
    """(line number, line) of the body under the `## … {#section}` heading, up to the next ## or #."""
    inside, lines = False, []
    for number, line in page.body_lines():
        heading = next((h for h in page.headings if h.line == number), None)
        if heading is not None and heading.level <= 2:
            if inside:
                break
            inside = heading.id == section
        elif inside:
            lines.append((number, line))
    return lines


@KIND.check
def takeaways(content: Content) -> list[Problem]:
    low, high = TAKEAWAY_COUNT.limits["min"], TAKEAWAY_COUNT.limits["max"]
    problems = []
    for page in content.pages.values():
        heading = next((h for h in page.headings if h.id == "takeaways"), None)
        if page.kind != "article" or heading is None:
            continue
        points = sum(1 for _, line in section_lines(page, "takeaways") if LIST_ITEM.match(line))
        if not low <= points <= high:
            problems.append(TAKEAWAY_COUNT.problem(page.shown_path, heading.line, f"the takeaways have {points} point(s), not {low} to {high}",
                                                   f"write {low} to {high} short points, each a line starting with '- '"))
    return problems


@KIND.check
def summaries(content: Content) -> list[Problem]:
    low, high = SUMMARY_LENGTH.limits["min"], SUMMARY_LENGTH.limits["max"]
    problems = []
    for page in content.pages_of(content.site.default_language, "article"):
        summary = (page.meta or {}).get("summary_en")
        if not isinstance(summary, str) or not summary.strip():
            continue  # the schema reports it missing or empty
        words = len(summary.split())
        if not low <= words <= high:
            problems.append(SUMMARY_LENGTH.problem(page.shown_path, line_of(page.meta, ["summary_en"]),
                                                   f"summary_en has {words} words, not {low} to {high}",
                                                   f"{'shorten' if words > high else 'complete'} it to {low}–{high} words: the story, its figures and why it matters"))
    return problems


@KIND.check
def term_counts(content: Content) -> list[Problem]:
    least = FEW_TERMS.limits["min"]
    problems = []
    if not content.terms:
        return problems
    for page in content.pages.values():
        if page.kind == "article":
            found = terms_in(content, page)
            if len(found) < least:
                problems.append(FEW_TERMS.problem(page.shown_path, page.body_line, f"the page mentions {len(found)} glossary term(s), not at least {least}",
                                                  "explain the story with the glossary's terms as the glossary writes them; "
                                                  "if a term is there in another form, add that form to its 'variants' in data/glossary.yml"))
    return problems


@KIND.check
def event_counts(content: Content) -> list[Problem]:
    least = FEW_EVENTS.limits["min"]
    if content.timeline is None or content.timeline.error is not None:
        return []
    shown = content.site.rel(content.timeline.path)
    problems = []
    for page in content.pages_of(content.site.default_language, "article"):
        told = len(stories.events_of(content, page.slug))
        if told < least:
            problems.append(FEW_EVENTS.problem(page.shown_path, 1, f"{told} timeline event(s) come from '{page.slug}', not at least {least}",
                                               f"add the article's dated events to {shown}: make new-event ID=my-event ARTICLE={page.slug} for each"))
    return problems

"""Coverage lists: data/coverage/<slug>.yml (data/schema/coverage.schema.json), one per article,
the source's key facts and the places on the site that state them (explainer/coverage.py reads
a place's text)."""
from __future__ import annotations

from .. import coverage as places
from ..content import ARTICLES, Content
from ..remember import remembered
from ..problems import Problem
from ..yamldata import line_of
from . import Kind
from .files import data_file_problems
from .timeline import UNKNOWN_ARTICLE

KIND = Kind("coverage", order=55, title={"ar": "قوائم تغطية المصادر", "en": "Source coverage lists"})

COVERAGE_MISSING = KIND.rule(
    "coverage-missing",
    ar=("مقال بلا قائمة تغطية `data/coverage/<slug>.yml`", "اكتب وقائع المصدر المهمة ومواضعها"),
    en=("article without `data/coverage/<slug>.yml`", "list the source's key facts and where each is stated"),
)
COVERAGE_PLACE = KIND.rule(
    "coverage-place",
    ar=("`where` تذكر قسمًا أو حدثًا أو مصطلحًا غير موجود", "استعمل معرّفًا صحيحًا"),
    en=("`where` names no section, event or term of the site", "use a real id"),
)
COVERAGE_EVIDENCE = KIND.rule(
    "coverage-evidence",
    ar=("موضع لم يعد يذكر واقعته، أو كلمة دالة لا يكتبها الموقع", "أعد الواقعة، أو صحّح `where`، أو اجعلها `left-out` مع السبب"),
    en=("a place no longer mentions its fact, or evidence the site never writes", "restore the fact, fix `where`, or mark it `left-out` with a reason"),
)


@KIND.check
def coverage(content: Content) -> list[Problem]:
    """Every article has a coverage list; every place a list names exists and still mentions its fact."""
    problems = []
    slugs = content.article_slugs
    for page in content.pages_of(content.site.default_language, "article"):
        if page.slug not in content.coverage:
            problems.append(COVERAGE_MISSING.problem(page.shown_path, 1, f"the article '{page.slug}' has no coverage list",
                                                     f"create data/coverage/{page.slug}.yml listing the source's key facts and where each is stated (see data/schema/coverage.schema.json)"))
    for slug, data_file in sorted(content.coverage.items()):
        shown = content.site.rel(data_file.path)
        found = data_file_problems(data_file, content, "coverage")
        problems += found
        if slug not in slugs:
            problems.append(UNKNOWN_ARTICLE.problem(shown, 1, f"'{slug}' is not an article slug",
                                                    "name the file after an article's slug, or remove it"))
            continue
        if found or not isinstance(data_file.data, dict):
            continue
        # Remembered across the rebuilds of `make serve`, by the article's pages and the data.
        pages = tuple(page.text for lang in content.site.languages if (page := content.page(lang, f"{ARTICLES}/{slug}.md")))
        problems += remembered("coverage-facts", (slug, pages, content.data_version),
                               lambda: [p for fact in data_file.data.get("facts") or [] for p in _fact_problems(content, slug, shown, fact)])
    return problems


def _fact_problems(content: Content, slug: str, shown: str, fact: dict) -> list[Problem]:
    problems = []
    where, evidence = fact.get("where") or [], fact.get("evidence") or []
    texts = {}
    for i, place in enumerate(where):
        text = places.place_text(content, slug, place)
        if text is None:
            problems.append(COVERAGE_PLACE.problem(shown, line_of(fact, ["where", i]), f"'{place}' is not a place of the article '{slug}'",
                                                   "name a section id of the article (ar#funding, en#key-figures), summary, timeline/<event id>, glossary/<term id> or figures/<figure id>"))
        elif evidence and not any(needle in text for needle in evidence):
            problems.append(COVERAGE_EVIDENCE.problem(shown, line_of(fact, ["where", i]), f"'{place}' mentions none of: {', '.join(evidence)}",
                                                      "the fact has left that place: restore it, correct 'where', or mark the fact left-out with a reason"))
        texts[place] = text
    if None not in texts.values():  # with a missing place, which evidence it would hold is unknown
        for k, needle in enumerate(evidence):
            if texts and not any(needle in text for text in texts.values()):
                problems.append(COVERAGE_EVIDENCE.problem(shown, line_of(fact, ["evidence", k]), f"'{needle}' appears in none of the places listed",
                                                          "quote it as the site writes it, or remove it from 'evidence'"))
    return problems

"""Golden tests of `make check`: a valid content tree passes, each rule of the rule book
(explainer/checks/) has a mistake that gives its exact message line and a failing exit status,
and link mistakes get the link that works from where they are written."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer import checks
from explainer.site import Site
from scripts import check as check_cli

ROOT = Path(__file__).resolve().parent.parent
VALID = Path(__file__).parent / "fixtures" / "valid"
DELETE = object()


def make_tree(tmp_path: Path, edits=()) -> Path:
    """A copy of the valid fixture (with the project's schemas), then each edit applied:
    (path, old, new) replaces text; (path, None, text) writes a file; (path, DELETE) removes one."""
    tree = tmp_path / "site"
    shutil.copytree(VALID, tree)
    shutil.copytree(ROOT / "data" / "schema", tree / "data" / "schema")
    for edit in edits:
        path = tree / edit[0]
        if edit[1] is DELETE:
            path.unlink()
        elif edit[1] is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit[2], encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert edit[1] in text, f"fixture edit does not apply: {edit[1]!r} not in {edit[0]}"
            path.write_text(text.replace(edit[1], edit[2], 1), encoding="utf-8")
    return tree


def run_check(tree: Path, capsys, *extra: str) -> tuple[int, list[str]]:
    status = check_cli.main(["--config", str(tree / "mkdocs.yml"), *extra])
    lines = capsys.readouterr().out.splitlines()
    return status, [line for line in lines if not line.startswith(("notice:", "❌", "✅"))]


def test_valid_content_passes(tmp_path, capsys):
    status, problems = run_check(make_tree(tmp_path), capsys)
    assert (status, problems) == (0, [])


AR_ARTICLE = "docs/ar/articles/sample.md"
AR_HOME = "docs/ar/index.md"
EN_HOME = "docs/en/index.md"
TIMELINE = "data/timeline.yml"
GLOSSARY = "data/glossary.yml"
COVERAGE = "data/coverage/sample.yml"
LABELS = "data/labels.yml"
ENTITIES = "data/entities.yml"
EN_ARTICLE = "docs/en/articles/sample.md"
FIGURES = "data/figures.yml"
CHARTS = "data/charts.yml"
EVENT_4 = """- id: event-4
  date: "2025"
  date_precision: year
  articles: [sample]
  terms: []
  regions: [europe]
  themes: [models]
  ar:
    title: حدث
    text: نص.
  en:
    title: An event
    text: Text.
"""

# A correction recorded as the contributor guide says, at the end of the Arabic article's front matter.
CORRECTED = (AR_ARTICLE, "  watch next.\n---", """  watch next.
corrections:
  - date: "2026-01-05"
    ar:
      wrong: هبطت الأسهم 71%.
      now: هبطت الأسهم 17%.
    en:
      wrong: The shares fell by 71%.
      now: The shares fell by 17%.
---""")


def test_a_recorded_correction_passes(tmp_path, capsys):
    status, problems = run_check(make_tree(tmp_path, [CORRECTED]), capsys)
    assert (status, problems) == (0, [])


CASES = {
    "no-front-matter": (
        [(EN_HOME, "---\ntitle: Home\ndescription: A home page for the tests.\n---\n", "")],
        "docs/en/index.md:1: no-front-matter: the page has no front matter — start the file with '---', the fields 'title:' and 'description:' (and for an Arabic article the source block), then '---'",
    ),
    "bad-front-matter": (
        [(AR_HOME, "title: الرئيسية", "title: [الرئيسية")],
        "docs/ar/index.md:3: bad-front-matter: the front matter cannot be read: expected ',' or ']', but got ':' — fix the YAML between the two '---' lines (quote values that contain ':' or '#')",
    ),
    "missing-field": (
        [(AR_HOME, "description: صفحة رئيسية للاختبار.\n", "")],
        "docs/ar/index.md:2: missing-field: required field 'description' is missing — add 'description:' (One sentence for search engines and link previews.)",
    ),
    "empty-field": (
        [(AR_ARTICLE, "description: سطر يلخص المقال.", 'description: ""')],
        "docs/ar/articles/sample.md:3: empty-field: 'description' is empty — fill in 'description': The dek: one Arabic line (20–30 words) saying what the story is; also the page's meta description.",
    ),
    "wrong-type": (
        [(AR_ARTICLE, "topics: [europe, models]", "topics: europe")],
        "docs/ar/articles/sample.md:14: wrong-type: 'topics' should be a list, not a text — write 'topics' as a list: Regions and themes the article covers; related articles are found from shared topics and terms.",
    ),
    "unknown-field": (
        [(AR_ARTICLE, "title: مقال للاختبار", "titel: مقال للاختبار\ntitle: مقال للاختبار")],
        "docs/ar/articles/sample.md:2: unknown-field: 'titel' is not a known field — did you mean 'title'?",
    ),
    "bad-value": (
        [(AR_ARTICLE, "date_basis: inferred", "date_basis: guessed")],
        "docs/ar/articles/sample.md:10: bad-value: 'source.date_basis' has the value 'guessed', which is not allowed — use one of: stated, inferred",
    ),
    "correction-date": (
        [CORRECTED, (AR_ARTICLE, 'date: "2026-01-05"', 'date: "2026-01"')],
        "docs/ar/articles/sample.md:27: correction-date: the correction's date '2026-01' is not a day of the calendar — write the day the page was corrected, as YYYY-MM-DD (e.g. 2026-11-30)",
    ),
    "correction-order": (
        [CORRECTED, (AR_ARTICLE, "corrections:\n", 'corrections:\n  - date: "2026-02-01"\n    ar: {wrong: أ, now: ب}\n    en: {wrong: a, now: b}\n')],
        "docs/ar/articles/sample.md:30: correction-order: the correction of 2026-01-05 comes after one of 2026-02-01 — keep corrections oldest first: add a new one at the end (readers' links to #correction-N depend on it)",
    ),
    "correction-unchanged": (
        [CORRECTED, (AR_ARTICLE, "now: The shares fell by 17%.", "now: The shares fell by 71%.")],
        "docs/ar/articles/sample.md:33: correction-unchanged: the 'en' correction says the same in 'wrong' and 'now' — write in 'wrong' what the page said, and in 'now' what it says after the fix",
    ),
    "bad-date": (
        [(TIMELINE, 'date: "2025-01"\n  date_precision: month', 'date: "2025-02-30"\n  date_precision: day')],
        "data/timeline.yml:2: bad-date: '2025-02-30' is not a real date (day is out of range for month) — check the source and write a date that exists",
    ),
    "date-precision": (
        [(AR_ARTICLE, "date_precision: day", "date_precision: month")],
        "docs/ar/articles/sample.md:9: date-precision: date_precision is 'month' but '2025-01-28' is written to the day — set date_precision: day, or write the date to the month",
    ),
    "missing-counterpart": (
        [("docs/ar/extra.md", None, "---\ntitle: إضافة\ndescription: صفحة.\n---\n\nنص.\n")],
        "docs/ar/extra.md:1: missing-counterpart: this page has no counterpart in 'en' (docs/en/extra.md) — create docs/en/extra.md, or remove this page",
    ),
    "duplicate-id": (
        [(TIMELINE, "- id: first-event", "- id: first-event\n  date: \"2025\"\n  date_precision: year\n  articles: [sample]\n  regions: [europe]\n  themes: [models]\n  ar: {title: حدث, text: نص.}\n  en: {title: Event, text: Text.}\n- id: first-event")],
        "data/timeline.yml:9: duplicate-id: the event id 'first-event' is used twice (first at line 1) — give each event its own id, or merge the two",
    ),
    "unknown-term": (
        [(TIMELINE, "terms: [gpu]", "terms: [open-weight]")],
        "data/timeline.yml:5: unknown-term: 'open-weight' is not a glossary id — did you mean 'open-weights'? See data/glossary.yml",
    ),
    "unknown-article": (
        [(TIMELINE, "articles: [sample]", "articles: [sampel]")],
        "data/timeline.yml:4: unknown-article: 'sampel' is not an article slug — did you mean 'sample'? See docs/ar/articles/",
    ),
    "broken-link": (
        [(AR_HOME, "(articles/sample.md#context)", "(articles/sampel.md)")],
        "docs/ar/index.md:8: broken-link: 'articles/sampel.md' points to a page that does not exist — did you mean 'articles/sample.md'? (links are relative to this page's folder)",
    ),
    "broken-anchor": (
        [(AR_HOME, "(articles/sample.md#context)", "(articles/sample.md#contxt)")],
        "docs/ar/index.md:8: broken-anchor: '#contxt' is not an anchor of docs/ar/articles/sample.md — did you mean '#context'?",
    ),
    "heading-mismatch": (
        [(EN_HOME, "## Articles {#articles}", "## Articles {#article}")],
        "docs/en/index.md:6: heading-mismatch: heading id 'article' does not exist in docs/ar/index.md — use the same heading ids in both languages (check the spelling), or add the section to the other page",
    ),
    "unsafe-html": (
        [(EN_HOME, "Read [the article]", '<script>alert(1)</script> Read [the article]')],
        "docs/en/index.md:8: unsafe-html: the page contains a <script> element — remove it: pages are Markdown, and scripts come only from the theme (ask in an issue if a page needs one)",
    ),
    "unsafe-link": (
        [(EN_HOME, "(articles/sample.md#takeaways)", "(javascript:alert(1))")],
        "docs/en/index.md:8: unsafe-html: the page contains a javascript: URL — remove it: pages are Markdown, and scripts come only from the theme (ask in an issue if a page needs one)",
    ),
    "wrong-digits": (
        [(AR_ARTICLE, "- نقطة أولى عن الأوزان المفتوحة.", "- نقطة أولى عن الأوزان المفتوحة في ١٧ بلدًا.")],
        "docs/ar/articles/sample.md:30: wrong-digits: Eastern Arabic digits (٠١٢…) in the text — write numbers with the digits 0–9, as the style guide says",
    ),
    "missing-section": (
        [(AR_ARTICLE, "## الجدل ووجهات النظر الأخرى {#debate}\n\nنص.\n\n", "")],
        "docs/ar/articles/sample.md:27: missing-section: the section with id 'debate' is missing — add a heading '## … {#debate}' (see the contributor guide for the page's sections)",
    ),
    "heading-without-id": (
        [(AR_ARTICLE, "## لماذا يهم {#why-it-matters}\n\nنص.", "## لماذا يهم {#why-it-matters}\n\n### تفصيل\n\nنص.")],
        "docs/ar/articles/sample.md:44: heading-without-id: the heading 'تفصيل' has no fixed id — end it with a Latin id, the same in every language, e.g. '## السياق {#context}'",
    ),
    "placeholder": (
        [(AR_ARTICLE, "شركتان.", "[[to write: people]]")],
        "docs/ar/articles/sample.md:54: placeholder: still to be written: [[to write: people]] — replace the [[to write: …]] marker with the real text",
    ),
    "few-events": (
        [(TIMELINE, EVENT_4, "")],
        "docs/ar/articles/sample.md:1: few-events: 3 timeline event(s) come from 'sample', not at least 4 — add the article's dated events to data/timeline.yml: make new-event ID=my-event ARTICLE=sample for each",
    ),
    "few-terms": (
        [(EN_ARTICLE, "- A point about inference in data centres.", "- A point about the price of chips.")],
        "docs/en/articles/sample.md:5: few-terms: the page mentions 3 glossary term(s), not at least 5 — explain the story with the glossary's terms as the glossary writes them; if a term is there in another form, add that form to its 'variants' in data/glossary.yml",
    ),
    "takeaway-count": (
        [(AR_ARTICLE, "- نقطة ثانية عن القدرة الحاسوبية.\n- نقطة ثالثة عن الاستدلال في مراكز البيانات.\n", "")],
        "docs/ar/articles/sample.md:28: takeaway-count: the takeaways have 1 point(s), not 3 to 5 — write 3 to 5 short points, each a line starting with '- '",
    ),
    "takeaway-count:too-many": (
        [(EN_ARTICLE, "- A point about open weights.\n", "- A point about open weights.\n" * 4)],
        "docs/en/articles/sample.md:6: takeaway-count: the takeaways have 6 point(s), not 3 to 5 — write 3 to 5 short points, each a line starting with '- '",
    ),
    "summary-length": (
        [(AR_ARTICLE, "summary_en: |\n", "summary_en: A summary of six words only.\nsummary_draft: |\n")],
        "docs/ar/articles/sample.md:15: summary-length: summary_en has 6 words, not 120 to 250 — complete it to 120–250 words: the story, its figures and why it matters",
    ),
    "extra-title": (
        [(AR_ARTICLE, "## السياق {#context}", "# عنوان آخر\n\n## السياق {#context}")],
        "docs/ar/articles/sample.md:34: extra-title: '# عنوان آخر' is a second title for the page — the title comes from 'title:' (glossary pages: data/glossary.yml); make this a section, '## … {#some-id}', or remove it",
    ),
    "extra-title:after-text": (
        [(AR_HOME, "اقرأ [المقال]", "# المقالات\n\nاقرأ [المقال]")],
        "docs/ar/index.md:8: extra-title: '# المقالات' is a second title for the page — the title comes from 'title:' (glossary pages: data/glossary.yml); make this a section, '## … {#some-id}', or remove it",
    ),
    "emphasis": (
        [(AR_ARTICLE, "نص. يعمل النموذج", "نص **مهم**. يعمل النموذج")],
        "docs/ar/articles/sample.md:36: emphasis: '**مهم**' is bold or italic — remove the marks (**, __, *, _ or <b>, <strong>, <i>, <em>); emphasise with the wording",
    ),
    "emphasis:italic": (
        [(AR_ARTICLE, "نص. يعمل النموذج", "نص _مائل_. يعمل النموذج")],
        "docs/ar/articles/sample.md:36: emphasis: '_مائل_' is bold or italic — remove the marks (**, __, *, _ or <b>, <strong>, <i>, <em>); emphasise with the wording",
    ),
    "other-language-link": (
        [(AR_HOME, "(articles/sample.md#context)", "(../en/articles/sample.md#context)")],
        "docs/ar/index.md:8: other-language-link: '../en/articles/sample.md#context' leads to the en pages (docs/en/articles/sample.md) — link to 'articles/sample.md#context', this language's page; readers reach the other language with the language switch",
    ),
    "missing-translation": (
        [(LABELS, "en: ", "fr: ")],
        "data/labels.yml:1: missing-translation: the label 'source.heading' has no 'en' text — add 'en: …' under 'source.heading'",
    ),
    "label-count": (
        [(LABELS, 'ar: "المقال المصدر"', 'ar: "# مقالات"')],
        "data/labels.yml:1: label-count: the label 'source.heading' reads «# مقالات»: the words after '#' cannot agree with every number — put the number last, after a colon: «النتائج المطابقة: #»",
    ),
    "bad-yaml": (
        [(TIMELINE, "- id: first-event", "- id: [first-event")],
        "data/timeline.yml:2: bad-yaml: the file cannot be read: expected ',' or ']', but got ':' — fix the YAML (quote values that contain ':' or '#'; indent with spaces)",
    ),
    "unused-term": (
        [(AR_ARTICLE, "يعمل النموذج على GPU.", "يعمل النموذج."), ("docs/en/articles/sample.md", "compute and graphics processing units", "compute")],
        "data/glossary.yml:10: unused-term: no article uses the term 'gpu' — use its wording (or add the form the articles use to its variants), or remove the term",
    ),
    "missing-page": (
        [("docs/en/glossary/gpu.md", DELETE)],
        "data/glossary.yml:10: missing-page: the term 'gpu' has no page docs/en/glossary/gpu.md — create it: make new-term ID=gpu LANG=en",
    ),
    "duplicate-value": (
        [(TIMELINE, "regions: [europe]", "regions: [europe, europe]")],
        "data/timeline.yml:6: duplicate-value: '0.regions' lists the same value twice — remove the repeated value",
    ),
    "duplicate-key": (
        [(AR_HOME, "title: الرئيسية", "title: الرئيسية\ntitle: البيت")],
        "docs/ar/index.md:3: duplicate-key: 'title' is written twice — keep one of the two; YAML would silently drop the first",
    ),
    "coverage-missing": (
        [(COVERAGE, DELETE)],
        "docs/ar/articles/sample.md:1: coverage-missing: the article 'sample' has no coverage list — create data/coverage/sample.yml listing the source's key facts and where each is stated (see data/schema/coverage.schema.json)",
    ),
    "coverage-place": (
        [(COVERAGE, "where: [ar#key-figures, en#key-figures]", "where: [ar#key-figure, en#key-figures]")],
        "data/coverage/sample.yml:7: coverage-place: 'ar#key-figure' is not a place of the article 'sample' — name a section id of the article (ar#funding, en#key-figures), summary, timeline/<event id>, glossary/<term id> or figures/<figure id>",
    ),
    "coverage-evidence-left": (  # the key-figures sections are generated from the ledger: read as built
        [(FIGURES, "value: 17\n  unit: percent", "value: 16\n  unit: percent")],
        "data/coverage/sample.yml:7: coverage-evidence: 'ar#key-figures' mentions none of: 17% — the fact has left that place: restore it, correct 'where', or mark the fact left-out with a reason",
    ),
    "coverage-evidence-unseen": (
        [(COVERAGE, 'evidence: ["17%"]', 'evidence: ["17%", "18%"]')],
        "data/coverage/sample.yml:8: coverage-evidence: '18%' appears in none of the places listed — quote it as the site writes it, or remove it from 'evidence'",
    ),
    "coverage-reason": (
        [(COVERAGE, "    reason: Not part of the article.\n", "")],
        "data/coverage/sample.yml:14: missing-field: required field 'facts.2.reason' is missing — add 'reason:'",
    ),
    "coverage-orphan": (
        [("data/coverage/sampel.yml", None, "source: sample.txt\nfacts:\n  - {fact: A fact, kind: claim, status: left-out, reason: Tested.}\n")],
        "data/coverage/sampel.yml:1: unknown-article: 'sampel' is not an article slug — name the file after an article's slug, or remove it",
    ),
    "figure-currency": (
        [(FIGURES, "currency: USD", "currency: XYZ")],
        "data/figures.yml:23: figure-currency: 'XYZ' is not a currency the site knows — use an ISO 4217 code (USD), or add 'currency.XYZ: {ar: …, en: …}' to data/labels.yml",
    ),
    "unknown-figure": (
        [(CHARTS, "{figure: chip-maker-value-lost,", "{figure: chip-maker-value-lots,")],
        "data/charts.yml:5: unknown-figure: 'chip-maker-value-lots' is not a figure id of data/figures.yml — did you mean 'chip-maker-value-lost'?",
    ),
    "chart-units": (
        [(CHARTS, "        - {figure: chip-maker-value-lost, ar: صانع الرقائق, en: The chip maker}\n",
          "        - {figure: chip-maker-value-lost, ar: صانع الرقائق, en: The chip maker}\n        - {figure: chip-maker-fall, ar: الهبوط, en: The fall}\n")],
        "data/charts.yml:3: chart-units: the chart 'value-lost' mixes money USD, percent — compare figures of one unit and currency (a figure's 'equivalent_of' gives another currency)",
    ),
    "unknown-chart": (
        [(EN_ARTICLE, "<!-- generated:chart value-lost -->", "<!-- generated:chart value-lots -->")],
        "docs/en/articles/sample.md:16: unknown-chart: 'value-lots' is not a chart of data/charts.yml — did you mean 'value-lost'?",
    ),
    "typed-key-figures": (
        [(EN_ARTICLE, "<!-- generated:key-figures -->", "| Figure | What it measures |\n|---|---|\n| 17% | The fall |")],
        "docs/en/articles/sample.md:14: typed-key-figures: the key-figures section is typed by hand — put the figures in data/figures.yml with 'articles: [sample]', and write <!-- generated:key-figures --> here (charts: <!-- generated:chart ID -->)",
    ),
    "figure-mismatch": (
        [(AR_ARTICLE, "fell by 17% in a day", "fell by 71% in a day")],
        "docs/ar/articles/sample.md:21: figure-mismatch: «fell by» is stated here as «71%», but data/figures.yml (chip-maker-fall) has 17% — write the ledger's figure (or the article's own, in 'as_in_article'), or correct data/figures.yml if the ledger is wrong",
    ),
    "misspelt-name": (  # a deliberately misspelt actor: «ألف ألفا» where the site writes «أليف ألفا»
        [(AR_ARTICLE, "وأليف ألفا (Aleph Alpha)", "وألف ألفا (Aleph Alpha)")],
        "docs/ar/articles/sample.md:54: misspelt-name: «ألف ألفا» is not how the site spells 'aleph-alpha' — write «أليف ألفا» (or add «ألف ألفا» to its ar.variants in data/entities.yml if it is an accepted spelling)",
    ),
    "unknown-actor": (
        [(AR_ARTICLE, "- ميسترال إيه آي (Mistral AI) وأليف ألفا (Aleph Alpha): شركتان.", "- هاغينغ فيس: منصة.")],
        "docs/ar/articles/sample.md:54: unknown-actor: «هاغينغ فيس» is not in the who's who — add it to data/entities.yml (make new-entity ID=…), or spell the name as data/entities.yml does",
    ),
    "unknown-entity": (
        [(TIMELINE, "actors: [mistral-ai]", "actors: [Mistral AI]")],
        "data/timeline.yml:8: unknown-entity: 'Mistral AI' is a name, not an entity id — write its id: mistral-ai",
    ),
    "missing-entity-page": (
        [("docs/en/who/aleph-alpha.md", DELETE)],
        "data/entities.yml:13: missing-entity-page: the entity 'aleph-alpha' has no page docs/en/who/aleph-alpha.md — create it: make new-entity ID=aleph-alpha",
    ),
    "shared-name": (
        [(ENTITIES, "    name: أليف ألفا\n", "    name: أليف ألفا\n    variants: [ميسترال]\n")],
        "data/entities.yml:16: shared-name: 'ميسترال' names both 'mistral-ai' and 'aleph-alpha' — keep it for one of them; give the other a fuller form",
    ),
    "bad-slug": (
        [("docs/ar/glossary/Open_Weights.md", None, "## a {#explanation}\n\n## b {#why-it-matters}\n"),
         ("docs/en/glossary/Open_Weights.md", None, "## a {#explanation}\n\n## b {#why-it-matters}\n")],
        "docs/ar/glossary/Open_Weights.md:1: bad-slug: 'Open_Weights' is not a valid slug — rename the file with lowercase ASCII letters, digits and '-' (e.g. black-forest-labs.md); the slug is its address",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_gives_its_message(case, tmp_path, capsys):
    edits, expected = CASES[case]
    status, problems = run_check(make_tree(tmp_path, edits), capsys)
    assert status == 1
    assert expected in problems, "\n".join(problems)


def test_every_rule_has_a_golden_case():
    covered = {expected.split(": ")[1] for _, expected in CASES.values()} | {"copied-text"}  # copied-text: its own test below
    assert set(checks.RULES) - covered == set(), "rules without a golden case in CASES"


def test_every_rule_is_explained_in_every_language_with_its_limits():
    languages = Site.load(VALID / "mkdocs.yml").languages
    for kind in checks.kinds():
        assert set(kind.title) >= set(languages), kind.name
        for rule in kind.rules:
            for lang in languages:
                meaning, fix = rule.text(lang)  # every {limit} named in the text exists
                assert meaning.strip() and fix.strip(), (rule.code, lang)
            for name, value in rule.limits.items():
                assert f"{{{name}}}" in rule.texts["en"][0] + rule.texts["en"][1], (rule.code, name)


# From the Arabic article (docs/ar/articles/sample.md), links to the glossary's GPU page as
# contributors mistype them, and the link each should be.
LINK_HINTS = {
    "glossary/gpu.md": "../glossary/gpu.md",  # written from the language root
    "../gpu.md": "../glossary/gpu.md",  # the right name in the wrong folder
    "../glossary/gpu/": "../glossary/gpu.md",  # the address, not the file
    "../glossary/gpu": "../glossary/gpu.md",  # .md missing
    "../glossary/GPU.md": "../glossary/gpu.md",  # case
    "../glossary/gpu.md#definiton": None,  # reported as a broken anchor
    "../glossary/": "../glossary/index.md",  # a folder: its index page
    "../glossary/gpuu.md": "../glossary/gpu.md",  # a close spelling
}


@pytest.mark.parametrize("written", sorted(LINK_HINTS))
def test_link_hints_name_the_link_that_works_from_the_page(written, tmp_path, capsys):
    tree = make_tree(tmp_path, [(AR_ARTICLE, "نص. يعمل النموذج", f"نص [الرابط]({written}). يعمل النموذج")])
    status, problems = run_check(tree, capsys)
    right = LINK_HINTS[written]
    if right is None:
        assert problems == ["docs/ar/articles/sample.md:36: broken-anchor: '#definiton' is not an anchor of docs/ar/glossary/gpu.md — did you mean '#definition'?"]
    else:
        assert problems == [f"docs/ar/articles/sample.md:36: broken-link: '{written}' points to a page that does not exist — "
                            f"did you mean '{right}'? (links are relative to this page's folder)"]


def test_a_link_into_the_other_language_names_this_languages_page(tmp_path, capsys):
    tree = make_tree(tmp_path, [(AR_ARTICLE, "نص. يعمل النموذج", "نص [الرابط](../../en/glossary/gpu.md). يعمل النموذج")])
    assert run_check(tree, capsys) == (1, [
        "docs/ar/articles/sample.md:36: other-language-link: '../../en/glossary/gpu.md' leads to the en pages (docs/en/glossary/gpu.md) — "
        "link to '../glossary/gpu.md', this language's page; readers reach the other language with the language switch"])


def test_all_problems_reported_in_one_run(tmp_path, capsys):
    edits = CASES["broken-anchor"][0] + CASES["unknown-term"][0] + CASES["wrong-digits"][0]
    status, problems = run_check(make_tree(tmp_path, edits), capsys)
    assert status == 1
    assert {p.split(": ")[1] for p in problems} >= {"broken-anchor", "unknown-term", "wrong-digits"}


def test_copied_text_is_found_when_sources_are_given(tmp_path, capsys):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("قالت الباحثة إن أوروبا تملك فرصة حقيقية للمنافسة في سباق الذكاء الاصطناعي اليوم", encoding="utf-8")
    tree = make_tree(tmp_path, [("docs/ar/articles/sample.md", "## السياق {#context}\n\nنص.",
                                 "## السياق {#context}\n\nوقد رأت أن أوروبا تملك فرصة حقيقية للمنافسة في سباق الذكاء الاصطناعي.")])
    status, problems = run_check(tree, capsys, "--sources", str(sources))
    assert status == 1
    assert problems == [
        "docs/ar/articles/sample.md:36: copied-text: 10 words copied from a source: «ان اوروبا تملك فرصه حقيقيه للمنافسه في سباق الذكاء الاصطناعي» — say it in your own words; facts, figures and names may stay"
    ]
    status, problems = run_check(tree, capsys)
    assert (status, problems) == (0, [])  # without sources the check is skipped, with a notice

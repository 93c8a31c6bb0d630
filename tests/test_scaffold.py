"""The scaffolds make content that `make check` rejects until every marker is filled, and
accepts once it is."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from explainer import scaffold
from explainer.checks.articles import FEW_EVENTS, FEW_TERMS
from explainer.site import Site
from test_checks import DELETE, make_tree, run_check

MARKER = re.compile(r"\[\[to write: ([^\]]*)\]\]")
ANSWERS = {
    "YYYY, YYYY-MM or YYYY-MM-DD": "2025-02",
    "year, month or day": "month",
    "stated or inferred": "stated",
    "publisher, or not stated": "not stated",
    "author, or not stated": "not stated",
    "de, en, fr… or not stated": "en",
    "https://… or not stated": "not stated",
    "us, china, europe, global, models, capital, compute, policy, markets": "europe",
    "us, china, europe or global": "europe",
    "models, capital, compute, policy or markets": "models",
    "slug of the article that tells it": "sample",
    "the number in its scale, e.g. 3.25 for 3.25 billion": "17",
    "money, percent, parameters, tokens, gpu-hours, people, users or models": "percent",
    "one, thousand, million, billion or trillion": "one",
    "original, publisher or article": "article",
    "the one Arabic term": "الضبط الدقيق",
    "the English term": "fine-tuning",
    "file name of the source text": "sample.txt",
    "the figure or name as the page writes it": "تذكر هذه النقطة",  # as fill() writes the takeaways
    "a name, spelt as in data/entities.yml (make new-entity ID=… adds one)": "ميسترال إيه آي",
    "person, company, lab, product, government, place or programme": "company",
    "us, china, europe, asia, middle-east, africa or global": "europe",
    "the one Arabic spelling the site uses": "هاغينغ فيس",
    "the English name": "Hugging Face",
    "the English summary, 120–250 words; shown on both language pages": "This English summary tells the story in plain words. " * 14,
    "file name of the source text": "rehearsal-source.txt",
    "a key fact of the source, in a short English sentence of your own": "The source reports one share.",
    "the number in its scale, e.g. 3.25 for 3.25 billion": "3.25",
    "money, percent, parameters, tokens, gpu-hours, people, users or models": "percent",
    "one, thousand, million, billion or trillion": "one",
    "original, publisher or article": "article",
    "what it measures, in Arabic": "حصة من السوق",
    "what it measures, in English": "A share of the market",
}
# How many glossary terms a filled article names (the few-terms rule's minimum).
TERMS_NAMED = FEW_TERMS.limits["min"]


def glossary_terms(tree: Path, lang: str) -> list[str]:
    """The first glossary terms of the tree, as written in `lang`, for takeaways that name them."""
    entries = yaml.safe_load((tree / "data" / "glossary.yml").read_text(encoding="utf-8"))
    return [e[lang]["term"] for e in entries][:TERMS_NAMED]


def fill(path: Path, tree: Path, article: str = "sample") -> None:
    """Write every [[to write: …]] marker of a scaffolded file as a contributor would: valid values,
    takeaways that name glossary terms, an English summary of a readable length."""
    lang = "ar" if "/ar/" in path.as_posix() else "en"

    def answer(marker):
        asked = marker.group(1)
        if asked.startswith("takeaway"):
            terms = glossary_terms(tree, lang)
            return "تذكر هذه النقطة: " + "، ".join(terms) + "." if lang == "ar" else "This point names " + ", ".join(terms) + "."
        if asked == "slug of the article that tells it":
            return article
        if asked == "the figure or name as the page writes it":  # the coverage list's evidence: a term the takeaways name
            return glossary_terms(tree, "ar")[0]
        return ANSWERS.get(asked, "نص مكتوب" if lang == "ar" else "Written text")

    path.write_text(MARKER.sub(answer, path.read_text(encoding="utf-8")), encoding="utf-8")


def test_new_article_is_reported_until_filled_then_passes(tmp_path, capsys):
    tree = make_tree(tmp_path)
    site = Site.load(tree / "mkdocs.yml")
    written = scaffold.new_article(site, "new-story")
    assert [p.relative_to(tree).as_posix() for p in written] == ["docs/ar/articles/new-story.md", "docs/en/articles/new-story.md",
                                                                 "data/coverage/new-story.yml"]
    status, problems = run_check(tree, capsys)
    assert status == 1
    assert any(": placeholder: " in p for p in problems) and any(": few-events: " in p for p in problems)
    for path in written:
        fill(path, tree)
    for number in range(FEW_EVENTS.limits["min"]):
        fill(scaffold.new_event(site, f"new-story-event-{number}", article="new-story")[0], tree)
    status, problems = run_check(tree, capsys)
    assert status == 1 and any(": typed-key-figures: no figure of data/figures.yml lists 'new-story'" in p for p in problems)
    fill(scaffold.new_figure(site, "new-story-figure", article="new-story")[0], tree)
    status, problems = run_check(tree, capsys)
    assert (status, problems) == (0, [])


def test_new_term_is_reported_until_filled_then_passes(tmp_path, capsys):
    tree = make_tree(tmp_path, [("docs/ar/articles/sample.md", "نص. يعمل", "بعد الضبط الدقيق يعمل")])
    site = Site.load(tree / "mkdocs.yml")
    written = scaffold.new_term(site, "fine-tuning")
    status, problems = run_check(tree, capsys)
    assert status == 1 and any(": placeholder: " in p for p in problems)
    for path in written:
        fill(path, tree)
    status, problems = run_check(tree, capsys)
    assert (status, problems) == (0, [])


def test_scaffold_refuses_bad_ids_and_existing_pages(tmp_path):
    site = Site.load(make_tree(tmp_path) / "mkdocs.yml")
    for bad in ("New Story", "story_1"):
        try:
            scaffold.new_article(site, bad)
        except scaffold.ScaffoldError as err:
            assert "lowercase ASCII" in str(err)
        else:
            raise AssertionError(f"{bad!r} was accepted")
    try:
        scaffold.new_article(site, "sample")
    except scaffold.ScaffoldError as err:
        assert "already exists" in str(err)
    else:
        raise AssertionError("an existing article was overwritten")


def test_only_the_missing_language_is_created_as_the_check_says(tmp_path, capsys):
    tree = make_tree(tmp_path, [("docs/en/articles/sample.md", DELETE)])
    status, problems = run_check(tree, capsys)
    assert "docs/ar/articles/sample.md:1: missing-counterpart: this page has no counterpart in 'en' (docs/en/articles/sample.md) — " \
           "run 'make new-article SLUG=sample LANG=en' to create it, or remove this page" in problems
    site = Site.load(tree / "mkdocs.yml")
    arabic = (tree / "docs/ar/articles/sample.md").read_text(encoding="utf-8")
    assert scaffold.new_article(site, "sample", "en") == [tree / "docs/en/articles/sample.md"]
    assert (tree / "docs/ar/articles/sample.md").read_text(encoding="utf-8") == arabic
    try:
        scaffold.new_article(site, "sample", "fr")
    except scaffold.ScaffoldError as err:
        assert str(err) == "'fr' is not a language of the site: use one of ar, en"
    else:
        raise AssertionError("an unknown language was accepted")


def test_missing_arguments_say_what_to_pass(tmp_path):
    site = Site.load(make_tree(tmp_path) / "mkdocs.yml")
    expected = {
        scaffold.new_article: "no slug given: run make new-article SLUG=my-slug (add LANG=en to create only that language's page)",
        scaffold.new_term: "no term id given: run make new-term ID=my-term (add LANG=en to create only that language's page)",
        scaffold.new_event: "no event id given: run make new-event ID=my-event (add ARTICLE=my-slug to fill in the article it comes from)",
    }
    for make, message in expected.items():
        try:
            make(site, "")
        except scaffold.ScaffoldError as err:
            assert str(err) == message
        else:
            raise AssertionError(f"{make.__name__} accepted no id")


def test_an_existing_page_is_not_overwritten_and_the_missing_one_is_named(tmp_path):
    tree = make_tree(tmp_path, [("docs/en/glossary/gpu.md", DELETE)])
    try:
        scaffold.new_term(Site.load(tree / "mkdocs.yml"), "gpu")
    except scaffold.ScaffoldError as err:
        assert str(err) == "docs/ar/glossary/gpu.md already exists; edit it instead; to create only the missing page, add LANG=en"
    else:
        raise AssertionError("an existing term page was overwritten")


def test_new_entity_is_reported_until_filled_then_passes(tmp_path, capsys):
    tree = make_tree(tmp_path)
    site = Site.load(tree / "mkdocs.yml")
    written = scaffold.new_entity(site, "hugging-face")
    assert [p.relative_to(tree).as_posix() for p in written] == ["data/entities.yml", "docs/ar/who/hugging-face.md", "docs/en/who/hugging-face.md"]
    status, problems = run_check(tree, capsys)
    assert status == 1 and any(": placeholder: " in p for p in problems)
    fill(written[0], tree)
    assert run_check(tree, capsys) == (0, [])
    (tree / "docs/en/who/hugging-face.md").unlink()
    status, problems = run_check(tree, capsys)
    assert any(": missing-entity-page: " in p and "make new-entity ID=hugging-face" in p for p in problems)
    assert [p.relative_to(tree).as_posix() for p in scaffold.new_entity(site, "hugging-face")] == ["docs/en/who/hugging-face.md"]
    assert run_check(tree, capsys) == (0, [])

"""The scaffolds make content that `make check` rejects until every marker is filled, and
accepts once it is."""
from __future__ import annotations

import re

from explainer import scaffold
from explainer.site import Site
from test_checks import make_tree, run_check

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
    "the one Arabic term": "الضبط الدقيق",
    "the English term": "fine-tuning",
    "file name of the source text": "sample.txt",
    "the figure or name as the page writes it": "نص مكتوب",
}


def fill(path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(MARKER.sub(lambda m: ANSWERS.get(m.group(1), "نص مكتوب" if "/ar/" in str(path) else "Written text"), text),
                    encoding="utf-8")


def test_new_article_is_reported_until_filled_then_passes(tmp_path, capsys):
    tree = make_tree(tmp_path)
    site = Site.load(tree / "mkdocs.yml")
    written = scaffold.new_article(site, "new-story")
    assert [p.relative_to(tree).as_posix() for p in written] == ["docs/ar/articles/new-story.md", "docs/en/articles/new-story.md",
                                                                 "data/coverage/new-story.yml"]
    status, problems = run_check(tree, capsys)
    assert status == 1
    assert any(": placeholder: " in p for p in problems) and any(": no-events: " in p for p in problems)
    for path in written:
        fill(path)
    event = scaffold.new_event(site, "new-story-event")[0]
    fill(event)
    event.write_text(event.read_text(encoding="utf-8").replace("articles: [\"sample\"]", "articles: [\"new-story\"]"), encoding="utf-8")
    status, problems = run_check(tree, capsys)
    assert (status, problems) == (0, [])


def test_new_term_is_reported_until_filled_then_passes(tmp_path, capsys):
    tree = make_tree(tmp_path, [("docs/ar/articles/sample.md", "نص. يعمل", "بعد الضبط الدقيق يعمل")])
    site = Site.load(tree / "mkdocs.yml")
    written = scaffold.new_term(site, "fine-tuning")
    status, problems = run_check(tree, capsys)
    assert status == 1 and any(": placeholder: " in p for p in problems)
    for path in written:
        fill(path)
    status, problems = run_check(tree, capsys)
    assert (status, problems) == (0, [])


def test_scaffold_refuses_bad_ids_and_existing_pages(tmp_path):
    site = Site.load(make_tree(tmp_path) / "mkdocs.yml")
    for bad in ("New Story", "", "story_1"):
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

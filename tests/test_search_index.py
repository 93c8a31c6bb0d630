"""What the search index is made of (explainer/search.py), read from the real content and build:
names in every spelling on the pages about them, Arabic punctuation apart from words, nothing
repeated from other pages."""
from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from explainer import entities, search
from explainer.content import load
from explainer.site import Site

ROOT = Path(__file__).resolve().parent.parent


def test_arabic_punctuation_is_set_apart_for_the_index_only():
    assert search.for_indexing("الاصطناعي، والرقائق؛ لماذا؟ «ديب سيك»") == "الاصطناعي ، والرقائق ؛ لماذا ؟ « ديب سيك »"
    assert search.for_indexing("AI, chips; why? ، ") == "AI, chips; why? ، "


def test_every_entity_is_findable_by_every_spelling_on_its_page_and_the_articles_naming_it():
    content = load(Site.load(ROOT / "mkdocs.yml"))
    for lang in content.site.languages:
        pages = search.aliases_by_page(content, lang)
        for entity in entities.search_aliases(content, lang):
            for url in (entity.url, *entity.mentioned_in):
                spellings = [forms for forms, weight in pages[url] if 1 <= weight <= search.MAX_WEIGHT]
                assert entity.forms in spellings, (lang, entity.id, url)


def test_the_index_carries_the_spellings_the_pages_do_not_and_leaves_out_repeated_blocks(site):
    article = lxml.html.parse(str(site.directory / "articles" / "china-after-deepseek" / "index.html"))
    assert not article.xpath(f"//*[@{search.ALIASES_ATTRIBUTE}]"), "search-only spellings shipped to readers"
    indexed = {page["url"]: page["content"] for page in search.fragments(site.directory / "search", "ar")}
    spellings = indexed["/articles/china-after-deepseek/"].partition(search.SPELLINGS_MARK)[2]
    assert "ديبسيك" in spellings and "DeepSeek" in spellings
    related = article.xpath("//ul[@class='related-articles']//a")
    assert related and not any(a.text_content().strip() in indexed["/articles/china-after-deepseek/"] for a in related)


def test_a_new_index_replaces_the_served_one_only_once_it_is_whole(tmp_path, monkeypatch):
    """Under `make serve` the index is rebuilt while the site is served: until Pagefind has
    finished, the served folder keeps the old index untouched; then the entry file names the new
    one, and the old one's files stay for pages opened before."""
    def write(name: str, words: str) -> None:
        page = tmp_path / name / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html lang="en"><body><article><h1>{name}</h1><p>{words}</p></article></body></html>', encoding="utf-8")

    write("alpha", "sovereign compute")
    write("beta", "open weights")
    search.index_site(tmp_path, {})
    served = tmp_path / search.FOLDER
    before = {path: path.read_bytes() for path in served.rglob("*") if path.is_file()}

    write("beta", "open weights and inference chips")
    run = search.subprocess.run

    def pagefind_then_look(*args, **kwargs):
        result = run(*args, **kwargs)
        now = {path: path.read_bytes() for path in served.rglob("*") if path.is_file()}
        assert now == before, "the served index changed while the new one was being written"
        return result

    monkeypatch.setattr(search.subprocess, "run", pagefind_then_look)
    assert search.index_site(tmp_path, {}) == {"en": 2}
    after = {path for path in served.rglob("*") if path.is_file()}
    assert search.read_entry(served) != json.loads(before[served / search.ENTRY])
    assert set(before) <= after
    assert any("inference chips" in page["content"] for page in search.fragments(served, "en"))
    assert not list(tmp_path.glob(".search-*")), "the folder the new index was written in is left behind"

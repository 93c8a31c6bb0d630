"""What the search index is made of (explainer/search.py), read from the real content and build:
names in every spelling on the pages about them, Arabic punctuation apart from words, nothing
repeated from other pages."""
from __future__ import annotations

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

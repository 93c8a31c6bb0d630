"""The built site, read with an HTML parser: languages and directions (of the page and of each
passage), alternates, description, canonical address, Open Graph and structured data, no other
hosts, the 404 pages, the sitemap, and every generated part of articles, glossary and timeline."""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

import lxml.etree

from explainer import checks
from explainer.content import INDEX
from explainer.checks.articles import ARTICLE_SECTIONS
from explainer.glossary import terms_in, terms_used
from explainer.render import Labels
from explainer.site import direction


def test_every_page_declares_its_language_and_direction(built):
    pages = built.html_files()
    for lang, rel in built.content.pages:  # every Markdown page is built
        address = rel.rpartition("/")[0] if rel.rpartition("/")[2] == INDEX else rel.removesuffix(".md")
        assert (built.dir / built.prefix(lang) / address / "index.html").exists(), (lang, rel)
    for path in pages:
        root = built.parse(str(path.relative_to(built.dir)))
        lang = built.lang_of(path)
        expected = (lang, "rtl" if lang == "ar" else "ltr")
        assert (root.get("lang"), root.get("dir")) == expected, path
        assert root.find("body").get("dir") == expected[1], path


# Letters of each script; digits and punctuation belong to neither.
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
# Code is not written in a human language; scripts and styles are not shown.
NOT_PASSAGES = {"script", "style", "code", "pre"}


def text_runs(element):
    """(text, the element it is in) for each run of text under `element`, outside NOT_PASSAGES."""
    if not isinstance(element.tag, str) or element.tag in NOT_PASSAGES:
        return
    if element.text:
        yield element.text, element
    for child in element:
        yield from text_runs(child)
        if child.tail:
            yield child.tail, element


def declared_language(element) -> str:
    return next((e.get("lang") for e in (element, *element.iterancestors()) if e.get("lang") is not None), "")


def test_every_passage_in_the_other_script_declares_its_language(built):
    """Screen readers pick a voice by `lang`: on an Arabic page each text run with Latin letters is
    inside an element whose language is written left to right, on an English page each run with
    Arabic letters inside one written right to left (lang="ar"). All of <body>, theme and content
    alike. Not checked, and why: attribute values (aria-label, title, placeholder) cannot mark a
    language inside themselves; <head> holds no passage of the page (its title is the <h1>'s)."""
    problems = []
    for path in built.html_files():
        lang = built.lang_of(path)
        other_letters = LATIN_LETTER if direction(lang) == "rtl" else ARABIC_LETTER
        body = built.parse(str(path.relative_to(built.dir))).find("body")
        for text, owner in text_runs(body):
            if other_letters.search(text) and direction(declared_language(owner)) == direction(lang):
                where = f"{path.relative_to(built.dir)}: <{owner.tag} class={owner.get('class')!r}>"
                problems.append(f"{where} {' '.join(text.split())!r}")
    assert not problems, f"{len(problems)} passages without their language:\n" + "\n".join(problems[:50])


def test_every_page_has_a_description_canonical_address_and_open_graph_in_its_language(built):
    """Search engines and link previews read these. A 404 page has no canonical address or og:url:
    it answers for every missing address, and none of them is its own."""
    locales = {"ar": "ar_AR", "en": "en_GB"}
    for path in built.html_files():
        lang, head = built.lang_of(path), built.parse(str(path.relative_to(built.dir))).find("head")
        meta = {m.get("name") or m.get("property"): m.get("content") for m in head.iterfind("meta")}
        for key in ("description", "og:title", "og:description", "og:site_name"):
            text = meta.get(key) or ""
            in_arabic = bool(ARABIC_LETTER.search(text))
            assert text.strip() and in_arabic == (lang == "ar"), (path, key, text)
        assert meta.get("og:locale") == locales[lang], path
        assert meta.get("og:description") == meta["description"], path
        canonical = [link.get("href") for link in head.iterfind("link[@rel='canonical']")]
        if path.name == "404.html":
            assert canonical == [] and "og:url" not in meta, path
        else:
            assert canonical == [built.address(path)] == [meta.get("og:url")], path


def test_every_page_is_titled_by_its_heading_then_the_site_once(built):
    """The browser's title is the page's <h1>, then the site's name; a page whose heading is the
    site's name (a home page) is titled by it alone, never "<name> - <name>". Link previews
    (og:title) name the page by its heading too, not by its navigation label («الرئيسية», "Home").
    A 404 page stands for no page: its preview names the site."""
    for path in built.html_files():
        root = built.parse(str(path.relative_to(built.dir)))
        site_name = root.find(".//head/meta[@property='og:site_name']").get("content")
        heading = " ".join(root.find(".//h1").text_content().split())
        title = root.findtext(".//head/title")
        assert title == (site_name if heading == site_name else f"{heading} - {site_name}"), path
        og_title = root.find(".//head/meta[@property='og:title']").get("content")
        assert og_title == (site_name if path.name == "404.html" else heading), path
        twitter_title = root.find(".//head/meta[@name='twitter:title']")
        assert twitter_title is None or twitter_title.get("content") == og_title, path


# What the interface says to readers without showing it as text: names and tooltips of controls,
# text alternatives, placeholders.
INTERFACE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def interface_texts(root):
    """(text, where) for each interface attribute of the page that is not marked as written in
    another language, and each of Material's strings its script shows (search counts, …)."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in INTERFACE_ATTRIBUTES:
            text = element.get(name)
            if text and declared_language(element) in ("", root.get("lang")):
                yield text, f"<{element.tag} class={element.get('class')!r}> {name}"
    for key, text in json.loads(root.get_element_by_id("__config").text)["translations"].items():
        yield text, f"Material's script: {key}"


def test_every_interface_text_is_in_the_page_language(built):
    """An Arabic page names its controls in Arabic (the colour-scheme toggle, the language menu, the
    search box…), an English page in English: each such text of an Arabic page has Arabic letters,
    none of an English page has any. Text marked with its language (the language menu's entries)
    is in that language."""
    problems = []
    for path in built.html_files():
        lang, root = built.lang_of(path), built.parse(str(path.relative_to(built.dir)))
        for text, where in interface_texts(root):
            has_arabic = bool(ARABIC_LETTER.search(text))
            if has_arabic != (lang == "ar") and (has_arabic or LATIN_LETTER.search(text)):
                problems.append(f"{path.relative_to(built.dir)}: {where}: {text!r}")
    assert not problems, f"{len(problems)} interface texts in another language:\n" + "\n".join(problems[:50])


def test_material_strings_are_the_sites_own_where_it_words_them(built):
    """data/labels.yml rewords some of Material's strings (keys "material.<key>"): every page shows
    those words, in its language, wherever Material would show its own (here: its script's strings,
    the language menu's name; the search counts are read in test_search.py)."""
    for path in built.html_files():
        lang, root = built.lang_of(path), built.parse(str(path.relative_to(built.dir)))
        labels = Labels(built.content, lang)
        for key, text in json.loads(root.get_element_by_id("__config").text)["translations"].items():
            if f"material.{key}" in labels:
                assert text == labels(f"material.{key}"), (path, key)
        menu = root.find(".//header//div[@class='md-select']/button")
        assert menu.get("aria-label") == labels("material.select.language"), path


def test_the_logo_is_decoration_in_a_link_named_for_the_site(built):
    """The logo sits in links (header, drawer) whose name is the site's: an image there is
    decorative (alt=""), so a screen reader says the name once, with no "logo" after it."""
    for path in built.html_files():
        root = built.parse(str(path.relative_to(built.dir)))
        site_name = root.find(".//head/meta[@property='og:site_name']").get("content")
        links = root.find_class("md-logo")
        assert links, path
        for link in links:
            assert link.get("aria-label") == site_name, path
            assert [image.get("alt") for image in link.iter("img")] in ([], [""]), path


def test_article_pages_describe_themselves_and_their_source_as_schema_org_articles(built):
    """Structured data: this page as an Article in its language, based on the source article with
    the source's publisher, author, date and language; other pages have none (but entity pages:
    test_entities.py)."""
    articles = {built.dir / built.prefix(lang) / "articles" / slug / "index.html": (slug, lang)
                for slug in built.content.article_slugs for lang in built.languages}
    for path in built.html_files():
        root = built.parse(str(path.relative_to(built.dir)))
        scripts = root.findall(".//head/script[@type='application/ld+json']")
        if path.parent.parent.name == "who":
            continue
        if path not in articles:
            assert scripts == [], path
            continue
        slug, lang = articles[path]
        assert len(scripts) == 1, path
        data = json.loads(scripts[0].text)
        source = built.content.article_meta(slug)["source"]
        assert data["@context"] == "https://schema.org" and data["@type"] == "Article", path
        title = root.find(".//h1").text_content()
        assert (data["inLanguage"], data["url"], data["headline"]) == (lang, built.address(path), title), path
        assert data["publisher"]["name"] and data["description"], path
        based_on = data["isBasedOn"]
        assert based_on["@type"] == "Article", path
        assert (based_on["inLanguage"], based_on["datePublished"]) == (source["language"], source["date"]), path
        assert based_on.get("publisher", {}).get("name", "not stated") == source["publisher"], path
        assert based_on.get("author", {}).get("name", "not stated") == source["author"], path


def test_every_page_has_absolute_alternates_for_each_language_and_x_default(built):
    for path in built.html_files():
        root = built.parse(str(path.relative_to(built.dir)))
        alternates = {link.get("hreflang"): link.get("href") for link in root.iterfind(".//head/link[@rel='alternate'][@hreflang]")}
        assert set(alternates) == {*built.languages, "x-default"}, path
        assert alternates["x-default"] == alternates[built.languages[0]], path
        for lang, href in alternates.items():
            assert href.startswith(built.base), (path, href)
            if path.name == "index.html":
                target = built.dir / urlparse(href).path[len(urlparse(built.base).path):] / "index.html"
                assert target.exists(), (path, lang, href)


def test_alternates_pair_each_page_with_its_counterpart(built):
    root = built.page("ar", "about/")
    alternates = {link.get("hreflang"): link.get("href") for link in root.iterfind(".//head/link[@rel='alternate'][@hreflang]")}
    assert alternates == {"ar": built.base + "about/", "en": built.base + "en/about/", "x-default": built.base + "about/"}


def test_nothing_is_loaded_from_another_host(built):
    host = urlparse(built.base).netloc
    for path in built.html_files():
        root = built.parse(str(path.relative_to(built.dir)))
        for element in root.iter("link", "script", "img", "iframe", "source", "video", "audio"):
            if element.tag == "link" and element.get("rel") in ("alternate", "canonical"):
                continue
            url = element.get("src") or (element.get("href") if element.tag == "link" else None)
            if url:
                assert urlparse(urljoin(built.base, url)).netloc == host, (path, url)
    for css in built.dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^(https?:)?//", url), (css, url)


def test_each_language_has_its_own_404_page(built):
    arabic, english = built.parse("404.html"), built.parse("en/404.html")
    assert (arabic.get("lang"), arabic.get("dir")) == ("ar", "rtl")
    assert (english.get("lang"), english.get("dir")) == ("en", "ltr")
    assert arabic.findtext(".//h1") == "الصفحة غير موجودة"
    assert english.findtext(".//h1") == "Page not found"
    home = urlparse(built.base).path
    for page in (arabic, english):
        for a in page.iterfind(".//article//a"):
            assert a.get("href").startswith(home), a.get("href")
        switch = {a.get("hreflang"): a.get("href") for a in page.iterfind(".//a[@class='md-select__link']")}
        assert switch == {"ar": home, "en": home + "en/"}


def test_sitemap_lists_both_languages_with_alternates(built):
    tree = lxml.etree.parse(str(built.dir / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = tree.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert built.base + "en/" in locations and built.base in locations
    about = tree.xpath("//s:url[s:loc='%s']/x:link/@hreflang" % (built.base + "about/"), namespaces=ns)
    assert set(about) >= set(built.languages)
    assert all(loc.startswith(built.base) for loc in locations)


# ------------------------------------------------------------------ articles


def article_pages(built):
    for slug in built.content.article_slugs:
        for lang in built.languages:
            yield slug, lang, built.page(lang, f"articles/{slug}/")


def test_article_pages_have_their_sections_source_box_and_english_summary(built):
    for slug, lang, root in article_pages(built):
        ids = {e.get("id") for e in root.iter() if e.get("id")}
        required = ARTICLE_SECTIONS["ar" if lang == "ar" else "en"] + ["source", "summary-en", "events", "related"]
        assert set(required) <= ids, (slug, lang, set(required) - ids)
        box = root.find(".//aside[@class='source-box']")
        assert box is not None, (slug, lang)
        assert box.find(".//h2[@id='source']") is not None
        summary = root.find(".//div[@class='summary-en']")
        assert (summary.get("lang"), summary.get("dir")) == ("en", "ltr"), (slug, lang)


def test_source_boxes_list_only_what_is_known_and_name_the_rest_once(built):
    """No row of a source box says "not stated"; what the source does not state is named in one
    sentence, and the sentence is there only when something is missing."""
    labels = built.content.labels.data
    for slug, lang, root in article_pages(built):
        source = built.content.article_meta(slug)["source"]
        box = root.find(".//aside[@class='source-box']")
        rows = [" ".join(dd.text_content().split()) for dd in box.iter("dd")]
        assert labels["source.not_stated"][lang] not in rows, (slug, lang, rows)
        missing = [field for field, value in source.items() if value == "not stated"]
        sentence = box.find(".//p[@class='source-unstated']")
        if not missing:
            assert sentence is None, (slug, lang)
            continue
        text = sentence.text_content()
        assert all(labels[f"source.unstated.{field}"][lang] in text for field in missing), (slug, lang, text)


def test_english_page_and_arabic_block_show_the_same_summary(built):
    for slug in built.content.article_slugs:
        texts = [" ".join(built.page(lang, f"articles/{slug}/").find(".//div[@class='summary-en']").text_content().split())
                 for lang in built.languages]
        assert texts[0] == texts[1], slug


def test_english_pages_link_to_the_full_arabic_explainer(built):
    for slug in built.content.article_slugs:
        link = built.page("en", f"articles/{slug}/").find(".//p[@id='full-explainer']/a")
        assert link.get("hreflang") == "ar"
        assert link.get("href") == f"../../../articles/{slug}/"


# Orders are checked against what the test itself knows, not recomputed with the product's sorting:
# dates compared at the precision both have (a month-precision date and a day in that month are
# in either order), and the seed content's order written out (later content may fall between).
SEED_ARTICLES_NEWEST_FIRST = ["mistral-sovereignty", "chinese-open-models-us", "black-forest-labs",
                              "china-after-deepseek", "europe-after-deepseek"]
SEED_EVENTS_OLDEST_FIRST = ["stable-diffusion-release", "us-export-controls-2022", "chatgpt-launch", "mistral-founded",
                            "deepseek-founded", "mistral-7b-release", "le-chat-launch", "ai-act-in-force"]
SEED_TERMS_IN_ORDER = {
    "ar": ["الاختبار المعياري", "الاستدلال", "الأوزان المفتوحة", "التدريب", "رأس المال الجريء", "السيادة الرقمية",
           "ضوابط التصدير", "القدرة الحاسوبية", "مركز البيانات", "النموذج اللغوي الكبير", "نموذج تحويل النص إلى صورة",
           "واجهة برمجة التطبيقات", "وحدة معالجة الرسوميات"],
}
# The Arabic alphabet, in its dictionary order; hamza seats, alif maqsura and taa marbuta are filed
# under their letters, short vowels and the article «ال» are not read.
ARABIC_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
ARABIC_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه", "ـ": None,
                              **{chr(c): None for c in range(0x064B, 0x0653)}})


def arabic_dictionary_key(term: str) -> list[int]:
    letters = term.translate(ARABIC_FOLDS)
    if letters.startswith("ال") and len(letters) > 3:
        letters = letters[2:]
    return [ARABIC_ALPHABET.index(c) + 1 if c in ARABIC_ALPHABET else 0 for c in letters]  # a space first


def in_order(found: list[str], expected: list[str]) -> bool:
    """Whether `expected` appears in `found`, in that order."""
    return [item for item in found if item in expected] == expected


def dates_descend(dates: list[str]) -> bool:
    return all(b[:min(len(a), len(b))] <= a[:min(len(a), len(b))] for a, b in zip(dates, dates[1:]))


def test_articles_index_lists_every_article_once_newest_first(built):
    for lang in built.languages:
        for page in ("articles/", ""):
            cards = built.page(lang, page).findall(".//ul[@class='article-cards']/li")
            hrefs = [c.find(".//*[@class='card-title']/a").get("href") for c in cards]
            slugs = [h.rstrip("/").split("/")[-1] for h in hrefs]
            assert sorted(slugs) == sorted(built.content.article_slugs), (lang, page)
            assert in_order(slugs, SEED_ARTICLES_NEWEST_FIRST), (lang, page, slugs)
            dates = [c.find(".//time").get("datetime") for c in cards]
            assert dates_descend(dates), (lang, page, dates)
            # Each card names its article's publisher, or says that it is the publisher that is not stated.
            for card, slug in zip(cards, slugs):
                publisher = built.content.article_meta(slug)["source"]["publisher"]
                named = Labels(built.content, lang)("card.publisher_not_stated") if publisher == "not stated" else publisher
                assert card.find(".//p[@class='card-meta']").text_content().startswith(named + " · "), (lang, page, slug)


def test_related_articles_are_other_articles_that_exist(built):
    for slug, lang, root in article_pages(built):
        links = root.findall(".//ul[@class='related-articles']/li/a")
        assert links, (slug, lang)
        for a in links:
            target = (built.dir / built.prefix(lang) / "articles" / slug / a.get("href") / "index.html").resolve()
            assert target.exists() and slug not in a.get("href"), (slug, lang, a.get("href"))


def test_each_article_lists_its_own_events_linking_to_the_timeline(built):
    for slug, lang, root in article_pages(built):
        expected = [e["id"] for e in built.content.events if slug in e["articles"]]
        items = root.findall(".//ol[@class='story-events']/li")
        links = [li.find("a").get("href") for li in items]
        assert sorted(h.split("#")[1] for h in links) == sorted(expected), (slug, lang)
        assert all(h.startswith("../../timeline/#") for h in links)
        assert dates_descend([li.find("time").get("datetime") for li in items][::-1]), (slug, lang)


def test_each_article_links_the_terms_the_check_counts_once_each(built):
    for slug, lang, root in article_pages(built):
        terms = [a.get("data-term") for a in root.iterfind(".//a[@class='glossary-term']")]
        assert len(terms) == len(set(terms)), (slug, lang)
        # The few-terms rule counts what the page links.
        assert set(terms) == set(terms_in(built.content, built.content.page(lang, f"articles/{slug}.md"))), (slug, lang)
        for a in root.iterfind(".//a[@class='glossary-term']"):
            tip = root.get_element_by_id(a.get("aria-describedby"))
            assert tip.get("role") == "tooltip" and tip.text_content().strip()
            assert a.get("href") == f"../../glossary/{a.get('data-term')}/"
            assert not any(p.tag in ("h1", "h2", "h3", "h4", "code") for p in a.iterancestors())


# ------------------------------------------------------------------ glossary


def test_every_term_page_lists_the_articles_it_appears_in(built):
    used = terms_used(built.content)
    for term_id, slugs in used.items():
        assert slugs, term_id
        for lang in built.languages:
            root = built.page(lang, f"glossary/{term_id}/")
            links = [a.get("href") for a in root.findall(".//ul[@class='appears-in']/li/a")]
            assert [h.rstrip("/").split("/")[-1] for h in links] == slugs, (term_id, lang)
            assert root.find(".//p[@id='definition']").text_content().strip()


def test_glossary_index_is_in_dictionary_order_for_each_language(built):
    for lang in built.languages:
        root = built.page(lang, "glossary/")
        terms = [dt.find("a").text_content() for dt in root.iterfind(".//dl[@class='glossary-index']/dt")]
        assert len(terms) == len(built.content.terms)
        key = arabic_dictionary_key if lang == "ar" else str.casefold
        assert terms == sorted(terms, key=key), lang
        assert in_order(terms, SEED_TERMS_IN_ORDER.get(lang, [])), (lang, terms)
        letters = [a.get("href") for a in root.iterfind(".//ul[@class='letter-bar']/li/a")]
        assert letters and all(root.get_element_by_id(h[1:]) is not None for h in letters)
    arabic = [dt.find("a").text_content() for dt in built.page("ar", "glossary/").iterfind(".//dl[@class='glossary-index']/dt")]
    assert arabic[0][0] in "اأإآ" or arabic[0].startswith("ال")


# ------------------------------------------------------------------ timeline


def test_timeline_shows_every_event_in_date_order_with_unique_anchors(built):
    events = built.content.events
    for lang in built.languages:
        root = built.page(lang, "timeline/")
        items = root.findall(".//ol[@class='timeline']/li")
        assert len(items) == len(events), lang
        ids = [li.get("id") for li in items]
        assert len(ids) == len(set(ids))
        assert sorted(ids) == sorted(e["id"] for e in events)
        assert in_order(ids, SEED_EVENTS_OLDEST_FIRST), (lang, ids)
        dates = [li.find("time").get("datetime") for li in items]
        assert dates_descend(dates[::-1]), (lang, dates)
        for li in items:
            links = li.findall(".//p[@class='event-meta']/a")
            articles = [a for a in links if "/articles/" in a.get("href")]
            assert articles, li.get("id")
            for a in articles:
                assert (built.dir / built.prefix(lang) / "timeline" / a.get("href") / "index.html").resolve().exists()


# ------------------------------------------------------------------ contributor guide


def test_contributor_guide_lists_every_rule_of_the_checks_in_each_language(built):
    expected = [[rule.code for rule in kind.rules] for kind in checks.kinds()]
    for lang in built.languages:
        root = built.page(lang, "contributing/")
        tables = []
        for kind in checks.kinds():
            heading = root.get_element_by_id(f"checks-{kind.name}")
            assert heading.text_content().strip() == kind.title[lang]
            table = heading.getnext()
            table = table if table.tag == "table" else table.find(".//table")
            tables.append([tuple(" ".join(td.text_content().split()) for td in tr.findall("td")) for tr in table.iterfind(".//tbody/tr")])
        assert [[row[0] for row in rows] for rows in tables] == expected, lang
        for kind, rows in zip(checks.kinds(), tables):
            for rule, row in zip(kind.rules, rows):
                meaning, fix = rule.text(lang)
                assert row[1] == " ".join(meaning.replace("`", "").split()) and row[2] == " ".join(fix.replace("`", "").split()), (lang, rule.code)

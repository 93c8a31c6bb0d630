"""The who's who: the data's spellings as search sees them, the spelling check on text, and the
built pages (each entity's page, the index, the articles' actors, the timeline's actors and its
filter by actor, with and without JavaScript)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainer import entities
from explainer.glossary import sort_key
from test_checks import AR_ARTICLE, make_tree, run_check
from test_search import enter, language_root, search_box, top_pages  # noqa: F401 - search_box is a fixture

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_TYPES = {"person": "Person", "company": "Organization", "lab": "ResearchOrganization", "product": "SoftwareApplication",
                "government": "GovernmentOrganization", "place": "Place", "programme": "Project"}


# ------------------------------------------------------------------ data and search aliases


def test_search_aliases_give_every_entity_all_its_spellings_in_both_scripts(built):
    content = built.content
    known = entities.complete(content)
    assert known and len(known) == len(content.actors)
    for lang in built.languages:
        aliases = {a.id: a for a in entities.search_aliases(content, lang)}
        assert set(aliases) == {e["id"] for e in known}
        for entity in known:
            alias = aliases[entity["id"]]
            assert alias.url == f"{built.prefix(lang)}who/{entity['id']}/"
            assert (built.dir / alias.url / "index.html").exists()
            assert alias.name == entity[lang]["name"]
            for other in built.languages:  # «كوين» and Qwen, on either site
                assert {entity[other]["name"], *entity[other].get("variants", [])} <= set(alias.forms)
            for url in alias.mentioned_in:
                assert (built.dir / url / "index.html").exists()


def test_every_spelling_names_one_entity(built):
    owner = {}
    for entity in entities.complete(built.content):
        for form in entities.all_forms(entity, built.languages):
            assert owner.setdefault(form.casefold(), entity["id"]) == entity["id"], form


# ------------------------------------------------------------------ the spelling check

NEAR_MISSES = [
    # (what the Arabic text says, what make check reports as found)
    ("وكانت ألف ألفا شركة.", "ألف ألفا"),  # no Latin name after it: a near miss of «أليف ألفا», its prefix و dropped
    ("وكانت أليف ألفة شركة.", "أليف ألفة"),
    ("ثم ميستral", None),  # Latin letters inside: not an Arabic rendering
    ("قالت وأليف ألفا وللاتحاد ذلك.", None),  # accepted forms with prefixes
    ("قالت ميسترال إيه آي (Mistral AI) ذلك.", None),
    ("ونماذج ميسترال (Mistral AI) كثيرة.", None),  # the short accepted form before the full Latin name
]


@pytest.mark.parametrize("text,found", NEAR_MISSES)
def test_spelling_check_finds_renderings_that_are_not_accepted(text, found, tmp_path, capsys):
    tree = make_tree(tmp_path, [(AR_ARTICLE, "## ما الذي حدث {#what-happened}\n\nنص.", f"## ما الذي حدث {{#what-happened}}\n\n{text}")])
    status, problems = run_check(tree, capsys)
    misspelt = [p for p in problems if ": misspelt-name: " in p]
    if found is None:
        assert misspelt == []
    else:
        assert misspelt == [
            f"docs/ar/articles/sample.md:40: misspelt-name: «{found}» is not how the site spells 'aleph-alpha' — write «أليف ألفا» "
            f"(or add «{found}» to its ar.variants in data/entities.yml if it is an accepted spelling)"
        ]


def test_site_content_has_one_spelling_per_name(built):
    from explainer.checks import entities as entity_rules

    assert entity_rules.spellings(built.content) == []


# ------------------------------------------------------------------ entity pages


def test_every_entity_has_a_page_in_each_language_with_its_facts_and_structured_data(built):
    content = built.content
    found = entities.mentions(content)
    for entity in entities.complete(content):
        for lang in built.languages:
            root = built.page(lang, f"who/{entity['id']}/")
            assert root.find(".//h1").text_content().strip() == entity[lang]["name"], (entity["id"], lang)
            assert root.get_element_by_id("description").text_content().strip() == entity[lang]["description"]
            scripts = root.findall(".//head/script[@type='application/ld+json']")
            assert len(scripts) == 1
            data = json.loads(scripts[0].text)
            assert (data["@type"], data["name"], data["inLanguage"]) == (SCHEMA_TYPES[entity["kind"]], entity[lang]["name"], lang)
            assert data["url"] == built.address(built.dir / built.prefix(lang) / "who" / entity["id"] / "index.html")
            # where the site names it: its articles, in the site's order, each link resolving
            mentions = root.xpath("//h2[@id='mentions']/following-sibling::ul[1][@class='appears-in']/li/a[1]")
            assert [a.get("href").rstrip("/").split("/")[-1] for a in mentions] == found[entity["id"]]["articles"]
            # its timeline events, oldest first, then the filtered timeline
            events = [e["id"] for e in entities.events(content, entity["id"])]
            listed = root.xpath("//h2[@id='events']/following-sibling::ol[1]/li/a")
            assert [a.get("href").split("#")[1] for a in listed] == events
            if events:
                assert root.xpath(f"//a[contains(@href, 'timeline/?actor={entity['id']}')]")
            for a in root.xpath("//article//a[contains(@href, '../')]"):
                target = a.get("href").split("#")[0].split("?")[0]
                page_dir = built.dir / built.prefix(lang) / "who" / entity["id"]
                assert (page_dir / target / "index.html").resolve().exists(), (entity["id"], lang, target)


def test_who_index_lists_every_entity_once_by_kind_in_dictionary_order(built):
    known = entities.complete(built.content)
    for lang in built.languages:
        root = built.page(lang, "who/")
        bar = [a.get("href")[1:] for a in root.iterfind(".//ul[@class='letter-bar']/li/a")]
        assert bar == [f"kind-{k}" for k in entities.KINDS if any(e["kind"] == k for e in known)]
        listed = []
        for group_id in bar:
            heading = root.get_element_by_id(group_id)
            entries = heading.getnext()
            names = [dt.find("a").text_content() for dt in entries.iterfind("dt")]
            assert names == sorted(names, key=lambda n: sort_key(n, lang)), (lang, group_id)
            listed += [dt.get("id")[len("who-"):] for dt in entries.iterfind("dt")]
            assert all(e["kind"] == group_id[len("kind-"):] for e in known if e["id"] in listed[-len(names):])
        assert sorted(listed) == sorted(e["id"] for e in known)


# ------------------------------------------------------------------ articles and timeline


def test_every_article_links_its_actors_to_their_pages_in_each_language(built):
    content = built.content
    for slug in content.article_slugs:
        actors = entities.actors_of(content, slug)
        assert actors, slug
        for lang in built.languages:
            root = built.page(lang, f"articles/{slug}/")
            section = root.xpath("//h2[@id='who-is-who']/following-sibling::ul[1]")[0]
            for li in section.iterfind("li"):
                assert li.xpath(".//a[contains(@href, '/who/')]"), (slug, lang, li.text_content())
            linked = {a.get("href").rstrip("/").split("/")[-1] for a in section.xpath(".//a[contains(@href, '/who/')]")}
            assert set(actors) <= linked, (slug, lang)


def test_timeline_events_link_their_actors(built):
    for lang in built.languages:
        root = built.page(lang, "timeline/")
        for event in built.content.events:
            li = root.get_element_by_id(event["id"])
            actors = event.get("actors") or []
            assert li.get("data-actor").split() == actors
            assert [a.get("data-actor") for a in li.xpath(".//a[@data-actor]")] == actors


def test_timeline_filters_by_the_actor_an_entity_page_links_to(site, page):
    page.goto(site.base + "who/deepseek/")
    page.click("a[href*='timeline/?actor=deepseek']")
    page.wait_for_url("**/timeline/?actor=deepseek")
    visible = page.locator(".timeline > li:visible")
    assert 0 < visible.count() < page.locator(".timeline > li").count()
    for actors in visible.evaluate_all("els => els.map(e => e.dataset.actor)"):
        assert "deepseek" in actors.split()
    assert page.locator("[data-timeline-count]").inner_text() == str(visible.count())
    note = page.locator("[data-timeline-actor]")
    assert note.is_visible() and "ديب سيك" in note.inner_text()
    page.click("button[data-timeline-clear]")
    assert page.locator(".timeline > li:visible").count() == page.locator(".timeline > li").count()
    assert "actor=" not in page.url and not note.is_visible()


def test_timeline_filtered_by_actor_is_complete_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.base + "en/timeline/?actor=deepseek")
    assert page.locator(".timeline > li:visible").count() == page.locator(".timeline > li").count()
    context.close()


# ------------------------------------------------------------------ search by every spelling


def test_search_index_carries_every_spelling_on_the_entity_page_and_the_articles_naming_it(built):
    """What the search index holds (Pagefind's fragments of the built site): each entity page, and
    each article that names the entity, with all its spellings, in both scripts, on both sites."""
    from explainer.search import FOLDER, SPELLINGS_MARK, fragments

    for lang in built.languages:
        indexed = {page["url"]: page["content"].partition(SPELLINGS_MARK)[2]
                   for page in fragments(built.dir / FOLDER, lang)}
        for alias in entities.search_aliases(built.content, lang):
            for url in (alias.url, *alias.mentioned_in):
                assert all(form in indexed[f"/{url}"] for form in alias.forms), (lang, alias.id, url)


@pytest.mark.parametrize("lang,query,entity", [
    ("en", "كوين", "qwen"), ("ar", "Qwen", "qwen"), ("en", "ديبسيك", "deepseek"), ("ar", "ديبسيك", "deepseek"),
    ("en", "مسترال", "mistral-ai"), ("ar", "عليبابا", "alibaba"), ("en", "a16z", "andreessen-horowitz"),
])
def test_search_finds_an_entity_by_a_spelling_in_either_script(site, search_box, lang, query, entity):
    root = language_root(site, lang)
    page = search_box(lang)
    enter(page, query, "pasted")
    assert root + f"who/{entity}/" in top_pages(page), (lang, query)

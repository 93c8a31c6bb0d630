"""Who's who as a whole: each entity's names and spellings, where the site mentions it, its
events, related entities both ways, and index order.

An entity is named in Arabic text by its Arabic name or one of its accepted Arabic spellings, or
by its Latin name or aliases (Arabic pages write «ديب سيك (DeepSeek)» at a first mention, and
model names such as Qwen stay Latin); in English text by its Latin name or aliases.
"""
from __future__ import annotations

from dataclasses import dataclass

from .content import ARTICLES, LINK, WHO, Content, Page, strip_code
from .remember import remembered
from .render import url_of
from .stories import events_of
from .terms import Term, TermMatcher

KINDS = ["company", "lab", "person", "product", "government", "programme", "place"]  # index order


def complete(content: Content) -> list[dict]:
    """Entries named in every language of the site (the checks report the others)."""
    return [
        e for e in content.actors
        if all(isinstance(e.get(lang), dict) and isinstance(e[lang].get("name"), str) for lang in content.site.languages)
    ]


def by_id(content: Content) -> dict[str, dict]:
    return {e["id"]: e for e in complete(content)}


def forms(entity: dict, lang: str) -> list[str]:
    """The name and accepted variants of one language, the name first."""
    naming = entity.get(lang) or {}
    return [naming["name"], *[v for v in naming.get("variants") or [] if isinstance(v, str)]]


def all_forms(entity: dict, languages) -> list[str]:
    """Every spelling of the entity in every language, without repeats: what a reader may type."""
    return list(dict.fromkeys(f for lang in languages for f in forms(entity, lang)))


def page_rel(entity_id: str) -> str:
    """The entity's page, as a path inside a language folder."""
    return f"{WHO}/{entity_id}.md"


# ---------------------------------------------------------------- search


@dataclass(frozen=True)
class Aliases:
    """What search needs to find one entity on one language's site."""

    id: str
    url: str  # site-relative address of its page, e.g. "who/deepseek/" or "en/who/deepseek/"
    name: str  # its name in the site's language
    forms: tuple[str, ...]  # every spelling in every language: Arabic name and spellings, Latin name and aliases
    mentioned_in: tuple[str, ...]  # site-relative addresses of the articles that mention it


def search_aliases(content: Content, lang: str) -> list[Aliases]:
    """For the search index of the `lang` site: each entity's page, its name, all its spellings
    (both scripts, so «كوين» and Qwen find it on either site) and the articles that mention it."""
    default = content.site.default_language
    found = mentions(content)
    return [
        Aliases(
            id=e["id"],
            url=url_of(lang, page_rel(e["id"]), default),
            name=e[lang]["name"],
            forms=tuple(all_forms(e, content.site.languages)),
            mentioned_in=tuple(url_of(lang, f"{ARTICLES}/{slug}.md", default) for slug in found[e["id"]]["articles"]),
        )
        for e in complete(content)
    ]


# ---------------------------------------------------------------- finding names in text


def matcher(content: Content, lang: str) -> TermMatcher:
    """Finds entities in text of `lang`: Arabic text also names them in Latin, so an Arabic
    matcher knows both scripts; English text only the Latin forms."""
    def build(c: Content) -> TermMatcher:
        languages = [lang] + ([x for x in c.site.languages if x != lang] if lang == c.site.default_language else [])
        return TermMatcher([Term(e["id"], tuple(f for x in languages for f in forms(e, x))) for e in complete(c)])

    return content.derived(f"entity-matcher:{lang}", build)


def _readable(line: str) -> str:
    """A Markdown line as read: link texts kept, addresses and code dropped, same length where possible."""
    return LINK.sub(lambda m: m.group(0)[1:m.group(0).find("](")] if m.group(0).startswith("[") else " ", strip_code(line))


def sections_mentioning(page: Page, found_by: TermMatcher) -> dict[str, list[dict]]:
    """For each entity the page names, the sections (level-2 heading id and text) where it does.
    Remembered by the page's text and the names `found_by` looks for (explainer/remember.py)."""
    return remembered("entity-sections", (found_by.version, page.text), lambda: _sections_mentioning(page, found_by))


def _sections_mentioning(page: Page, found_by: TermMatcher) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    section = {"id": "", "text": ""}
    for _, line in page.body_lines():
        heading = line.lstrip().startswith("#")
        if heading and line.startswith("## "):
            h = next((h for h in page.headings if h.level == 2 and line.startswith("## " + h.text)), None)
            section = {"id": h.id or "", "text": h.text} if h else section
            continue
        if heading:
            continue
        for _, _, entity_id in found_by.find(_readable(line)):
            places = found.setdefault(entity_id, [])
            if section not in places:
                places.append(dict(section))
    return found


def mentions(content: Content) -> dict[str, dict]:
    """Per entity id: {"articles": slugs that name it in any language, "sections": {lang: {slug:
    [sections]}}, "terms": glossary ids whose pages name it}."""
    return content.derived("entity-mentions", _mentions)


def _mentions(content: Content) -> dict[str, dict]:
    result = {e["id"]: {"articles": [], "sections": {lang: {} for lang in content.site.languages}, "terms": []}
              for e in complete(content)}
    for lang in content.site.languages:
        found_by = matcher(content, lang)
        for page in content.pages_of(lang, "article"):
            for entity_id, places in sections_mentioning(page, found_by).items():
                result[entity_id]["sections"][lang][page.slug] = places
        for page in content.pages_of(lang, "term"):
            for entity_id in sections_mentioning(page, found_by):
                if page.slug not in result[entity_id]["terms"]:
                    result[entity_id]["terms"].append(page.slug)
    order = content.article_slugs
    for entry in result.values():
        named = {slug for per_lang in entry["sections"].values() for slug in per_lang}
        entry["articles"] = [s for s in order if s in named]
        entry["terms"].sort()
    return result


# ---------------------------------------------------------------- relations


def related_both_ways(content: Content) -> dict[str, list[str]]:
    """Each entity's related entities: those it lists, those that list it, its parent and its parts."""
    return content.derived("entity-related", _related_both_ways)


def _related_both_ways(content: Content) -> dict[str, list[str]]:
    ids = set(by_id(content))
    related: dict[str, set[str]] = {i: set() for i in ids}
    for entity in complete(content):
        others = list(entity.get("related") or []) + ([entity["parent"]] if entity.get("parent") else [])
        for other in others:
            if other in ids and other != entity["id"]:
                related[entity["id"]].add(other)
                related[other].add(entity["id"])
    return {k: sorted(v) for k, v in related.items()}


def events(content: Content, entity_id: str) -> list[dict]:
    """Timeline events whose actors include the entity, oldest first."""
    return [e for e in events_of(content) if entity_id in (e.get("actors") or [])]


# ---------------------------------------------------------------- an article's who is who

WHO_IS_WHO = "who-is-who"  # the id of an Arabic article's section of actors


def who_is_who_items(page: Page):
    """(line number, bullet line) of the page's who-is-who section."""
    inside = False
    for number, line in page.body_lines():
        if line.startswith("## "):
            inside = f"#{WHO_IS_WHO}" in line
            continue
        if inside and line.startswith("- "):
            yield number, line


def head_end(item: str) -> int:
    """Where a bullet's actors end: its first colon («- ديب سيك: شركة…»), or the bullet's end."""
    colon = item.find(":")
    return colon if colon != -1 else len(item)


def actors_of(content: Content, slug: str) -> list[str]:
    """The entities an article's who-is-who section is about (named before each bullet's colon), in order."""
    page = content.page(content.site.default_language, f"{ARTICLES}/{slug}.md")
    if page is None:
        return []
    ids = [entity_id for _, item in who_is_who_items(page) for entity_id in actors_in(content, item)]
    return list(dict.fromkeys(ids))


def actors_in(content: Content, item: str) -> list[str]:
    """The entities a who-is-who bullet of the default language names before its colon."""
    found_by = matcher(content, content.site.default_language)
    return [entity_id for _, _, entity_id in found_by.find(_readable(item[:head_end(item)]))]


def link_actors(markdown: str, content: Content, lang: str, link) -> str:
    """The Markdown with each who-is-who bullet's actors linked to their pages (`link(entity_id)`
    gives the address); the words stay the article's own. Names already in a link are left."""
    found_by = matcher(content, lang)
    lines = markdown.split("\n")
    inside = False
    for i, line in enumerate(lines):
        if line.startswith("## "):
            inside = f"#{WHO_IS_WHO}" in line
            continue
        if not (inside and line.startswith("- ")):
            continue
        end = head_end(line)
        head = line[:end]
        if "](" in head:
            continue
        linked, position = [], 0
        for start, stop, entity_id in found_by.first_mentions(head):  # «بول تريولو (Paul Triolo)»: one link
            linked += [head[position:start], f"[{head[start:stop]}]({link(entity_id)})"]
            position = stop
        lines[i] = "".join(linked) + head[position:] + line[end:]
    return "\n".join(lines)

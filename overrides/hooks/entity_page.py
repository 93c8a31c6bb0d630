"""Build an entity's page (docs/<lang>/who/<id>.md) from data/entities.yml: its name, kind,
region, other spellings and parent, its one-sentence description, then whatever prose the stub
holds, then where the site names it (each article, by section; glossary entries), its timeline
events, and related terms and entities. Structured data (schema.org Person, Organization,
SoftwareApplication…) in the page's language. HTML: entity_page.html."""
from pathlib import Path

from explainer import build, entities
from explainer.render import html_block, render

TEMPLATE = Path(__file__).with_suffix(".html")
SCHEMA_TYPES = {
    "person": "Person", "company": "Organization", "lab": "ResearchOrganization", "product": "SoftwareApplication",
    "government": "GovernmentOrganization", "place": "Place", "programme": "Project",
}


def structured_data(entity: dict, lang: str, other: str | None, url: str | None) -> dict:
    """schema.org description of the entity, in the page's language; its other names as alternates."""
    names = [f for x in [lang, other] if x for f in entities.forms(entity, x) if f != entity[lang]["name"]]
    data = {
        "@context": "https://schema.org", "@type": SCHEMA_TYPES[entity["kind"]], "name": entity[lang]["name"],
        "description": entity[lang]["description"], "inLanguage": lang,
    }
    if names:
        data["alternateName"] = list(dict.fromkeys(names))
    if url:
        data["url"] = url
    return data


def on_page_markdown(markdown, page, config, files):
    here = build.page_context(page, config)
    if here.source is None or here.source.kind != "entity":
        return markdown
    content, lang, t, link = here.content, here.lang, here.labels, here.link
    known = entities.by_id(content)
    entity = known[here.source.slug]
    other = here.other_language
    page.meta["title"] = entity[lang]["name"]
    page.meta["description"] = entity[lang]["description"]
    page.meta["structured_data"] = structured_data(entity, lang, other, page.canonical_url)
    if page.edit_url:  # the page's facts are edited in the data file, not in its stub
        page.edit_url = page.edit_url.split("/docs/")[0] + "/" + content.site.rel(content.entities.path)

    def part(name, **extra):
        return html_block(render(TEMPLATE, part=name, lang=lang, t=t, entity=entity, **extra))

    def brief(entity_id):
        e = known[entity_id]
        return {"url": link(entities.page_rel(entity_id)), "name": e[lang]["name"], "description": e[lang]["description"]}

    parent = brief(entity["parent"]) if entity.get("parent") in known else None
    variants = [f for f in entities.forms(entity, lang)[1:]]
    out = [part("header", other_name=entity[other]["name"] if other else "", variants=variants, parent=parent), markdown]

    found = entities.mentions(content)[entity["id"]]
    articles = []
    for slug in found["articles"]:
        article = content.page(lang, f"articles/{slug}.md")
        url = link(f"articles/{slug}.md")
        sections = [
            {"url": f"{url}#{s['id']}" if s["id"] else url, "text": s["text"]}
            for s in found["sections"][lang].get(slug, []) if s["id"]
        ]
        articles.append({"url": url, "title": article.title, "sections": sections})
    terms = {term["id"]: term for term in content.terms}
    glossary = [{"url": link(f"glossary/{tid}.md"), "term": terms[tid][lang]["term"]} for tid in found["terms"] if tid in terms]
    out.append(f"## {t('who.mentions')} {{#mentions}}\n\n" + part("mentions", articles=articles, glossary=glossary))

    events = entities.events(content, entity["id"])
    if events:
        timeline = link("timeline.md")
        listed = [{"url": f"{timeline}#{e['id']}", "date": e["date"], "title": e[lang]["title"]} for e in events]
        out.append(f"## {t('who.events')} {{#events}}\n\n" + part("events", events=listed, filtered=f"{timeline}?actor={entity['id']}"))

    related_terms = [{"url": link(f"glossary/{tid}.md"), "term": terms[tid][lang]["term"], "definition": terms[tid][lang]["definition"]}
                     for tid in entity.get("terms") or [] if tid in terms]
    if related_terms:
        out.append(f"## {t('glossary.related')} {{#related-terms}}\n\n" + part("related-terms", related=related_terms))
    related = [brief(rid) for rid in entities.related_both_ways(content)[entity["id"]]]
    if related:
        out.append(f"## {t('who.related')} {{#related}}\n\n" + part("related", related=related))
    return "\n\n".join(o for o in out if o.strip()) + "\n"

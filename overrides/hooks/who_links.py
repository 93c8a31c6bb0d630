"""Link each article's actors to their who's who pages. The Arabic page's «who is who» section
keeps its own words, with the names before each bullet's colon linked; the other languages'
pages, which summarise, gain a «who is who» list of the same entities with their descriptions
from data/entities.yml. HTML: who_links.html."""
from pathlib import Path

from explainer import build, entities
from explainer.render import render

TEMPLATE = Path(__file__).with_suffix(".html")


def on_page_markdown(markdown, page, config, files):
    here = build.page_context(page, config)
    if here.source is None or here.source.kind != "article":
        return markdown
    content, lang = here.content, here.lang
    if lang == here.default_language:
        return entities.link_actors(markdown, content, lang, lambda eid: f"../{entities.page_rel(eid)}")
    known = entities.by_id(content)
    actors = [
        {"url": here.link(entities.page_rel(eid)), "name": known[eid][lang]["name"], "description": known[eid][lang]["description"]}
        for eid in entities.actors_of(content, here.source.slug)
    ]
    if not actors:
        return markdown
    section = f"## {here.labels('article.who_is_who')} {{#{entities.WHO_IS_WHO}}}\n\n" + render(TEMPLATE, actors=actors, lang=lang).strip()
    return markdown.rstrip("\n") + "\n\n" + section + "\n"

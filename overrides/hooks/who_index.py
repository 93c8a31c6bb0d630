"""Replace `<!-- generated:who-index -->` with every entity, grouped by kind, each group in
dictionary order for the page's language (Arabic ignoring ال, A–Z in English), with a bar to
jump to a group. HTML: who_index.html."""
from pathlib import Path

from explainer import build, entities
from explainer.glossary import sort_key
from explainer.render import grouped_index, has_marker, replace_marker

TEMPLATE = Path(__file__).with_suffix(".html")


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, "who-index"):
        return markdown
    here = build.page_context(page, config)
    lang, t, other = here.lang, here.labels, here.other_language
    groups = []
    for kind in entities.KINDS:
        members = sorted((e for e in entities.complete(here.content) if e["kind"] == kind), key=lambda e: sort_key(e[lang]["name"], lang))
        if members:
            groups.append({"id": f"kind-{kind}", "kind": kind, "entries": [
                {"id": e["id"], "name": e[lang]["name"], "other": e[other]["name"] if other else "",
                 "description": e[lang]["description"], "url": here.link(entities.page_rel(e["id"]))}
                for e in members
            ]})
    return replace_marker(markdown, "who-index", grouped_index(TEMPLATE, groups, lambda group: t('who.group.' + group['kind']), t=t, lang=lang))

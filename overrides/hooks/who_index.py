"""Replace `<!-- generated:who-index -->` with every entity, grouped by kind, each group in
dictionary order for the page's language (Arabic ignoring ال, A–Z in English), with a bar to
jump to a group. HTML: who_index.html."""
from pathlib import Path

from explainer import build, entities
from explainer.glossary import sort_key
from explainer.render import has_marker, render, replace_marker

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
    parts = [render(TEMPLATE, part="bar", groups=groups, t=t, lang=lang)]
    for group in groups:
        parts.append(f"## {t('who.group.' + group['kind'])} {{#{group['id']}}}")
        parts.append(render(TEMPLATE, part="group", group=group, t=t, lang=lang))
    return replace_marker(markdown, "who-index", "\n\n".join(p.strip() for p in parts))

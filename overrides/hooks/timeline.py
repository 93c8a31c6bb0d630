"""Replace `<!-- generated:timeline -->` with every event of data/timeline.yml, grouped by year,
oldest first, each with a stable anchor (its id), its articles, terms, actors (linked to their
pages) and tags. Readable without JavaScript; site.js adds the filters (FACETS). HTML: timeline.html."""
from itertools import groupby
from pathlib import Path

from explainer import build, entities, stories
from explainer.render import has_marker, render, html_block, replace_marker

TEMPLATE = Path(__file__).with_suffix(".html")
# The timeline's filters: (its name in the address, the field of each event it reads, the values
# it has a button for; none for a filter reached by links, as ?actor=<id> from an entity's page).
# site.js reads them from the page: a new filter is a line here and its labels.
FACETS = [
    ("region", "regions", ["us", "china", "europe", "global"]),
    ("theme", "themes", ["models", "capital", "compute", "policy", "markets"]),
    ("actor", "actors", []),
]


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, "timeline"):
        return markdown
    here = build.page_context(page, config)
    content, lang, link = here.content, here.lang, here.link
    terms = {t["id"]: t for t in content.terms}
    known = entities.by_id(content)
    events = [
        {
            "id": e["id"], "date": e["date"], "title": e[lang]["title"], "text": e[lang]["text"],
            "regions": e["regions"], "themes": e["themes"], "actors": [{"id": a, "url": link(entities.page_rel(a)), "name": known[a][lang]["name"]}
                                                                      for a in e.get("actors", [])],
            "articles": [{"url": link(f"articles/{s}.md"), "title": content.page(lang, f"articles/{s}.md").title}
                         for s in e["articles"]],
            "terms": [{"url": link(f"glossary/{tid}.md"), "term": terms[tid][lang]["term"]} for tid in e.get("terms", [])],
            "facets": {name: e.get(field, []) for name, field, _ in FACETS},
        }
        for e in stories.events_of(content)
    ]
    years = [{"year": year, "events": list(group)} for year, group in groupby(events, key=lambda e: e["date"][:4])]
    html = render(TEMPLATE, years=years, facets=FACETS, total=len(events), t=here.labels, lang=lang)
    return replace_marker(markdown, "timeline", html_block(html))

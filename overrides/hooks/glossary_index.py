"""Replace `<!-- generated:glossary-index -->` with every term in dictionary order for the
page's language (Arabic alphabet on the Arabic site, A–Z on the English), under letter
headings, with a letter bar to jump. HTML: glossary_index.html."""
from itertools import groupby
from pathlib import Path

from explainer import build
from explainer.glossary import complete_terms, initial, sort_key
from explainer.render import grouped_index, has_marker, replace_marker

TEMPLATE = Path(__file__).with_suffix(".html")


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, "glossary-index"):
        return markdown
    here = build.page_context(page, config)
    lang, t = here.lang, here.labels
    other = here.other_language
    terms = sorted(complete_terms(here.content, lang), key=lambda e: sort_key(e[lang]["term"], lang))
    groups = []
    for letter, entries in groupby(terms, key=lambda e: initial(e[lang]["term"], lang)):
        groups.append({
            "letter": letter,
            "id": f"letter-{ord(letter):04x}" if not letter.isascii() else f"letter-{letter.lower()}",
            "terms": [
                {"id": e["id"], "term": e[lang]["term"], "definition": e[lang]["definition"],
                 "other": e[other]["term"] if other else "", "abbr": e.get("abbr", ""),
                 "url": here.link(f"glossary/{e['id']}.md")}
                for e in entries
            ],
        })
    return replace_marker(markdown, "glossary-index", grouped_index(TEMPLATE, groups, lambda group: group['letter'], t=t, lang=lang))

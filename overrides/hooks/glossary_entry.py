"""Build a glossary term's page around its prose: the title, other forms and one-sentence
definition from data/glossary.yml, then related terms (both directions), the reference and
the articles the term appears in, found in the articles' text. HTML: glossary_entry.html."""
from pathlib import Path

from explainer import build
from explainer.glossary import related_both_ways, terms_used
from explainer.render import html_block, render

TEMPLATE = Path(__file__).with_suffix(".html")


def on_page_markdown(markdown, page, config, files):
    here = build.page_context(page, config)
    if here.source is None or here.source.kind != "term":
        return markdown
    content, lang, t = here.content, here.lang, here.labels
    terms = {term["id"]: term for term in content.terms}
    term = terms[here.source.slug]
    other = here.other_language
    page.meta["title"] = term[lang]["term"]
    page.meta["description"] = term[lang]["definition"]

    def part(name, **extra):
        return html_block(render(TEMPLATE, part=name, lang=lang, t=t, term=term, **extra))

    out = [part("header", other_term=term[other]["term"] if other else "", variants=term[lang].get("variants", [])), markdown]
    related = [
        {"url": here.link(f"glossary/{rid}.md"), "term": terms[rid][lang]["term"], "definition": terms[rid][lang]["definition"]}
        for rid in related_both_ways(content)[term["id"]]
    ]
    if related:
        out.append(f"## {t('glossary.related')} {{#related-terms}}\n\n" + part("related", related=related))
    if term.get("reference"):
        out.append(f"## {t('glossary.reference')} {{#reference}}\n\n" + part("reference"))
    articles = [
        {"url": here.link(f"articles/{slug}.md"), "title": content.page(lang, f"articles/{slug}.md").title}
        for slug in terms_used(content)[term["id"]]
    ]
    out.append(f"## {t('glossary.appears_in')} {{#appears-in}}\n\n" + part("appears-in", articles=articles))
    return "\n\n".join(out) + "\n"

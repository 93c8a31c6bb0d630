"""Link the first mention of each glossary term in an article to its entry, with its definition
as an accessible tooltip (explainer.markup.TermLinks; styles in assets/stylesheets/site.css)."""
from explainer import build
from explainer.glossary import complete_terms
from explainer.markup import TermLinks
from explainer.terms import matcher_for

# After attr_list (8) has read heading ids, before the table of contents (5) is made.
_processor = build.PageTreeprocessor("glossary-terms", 7)


def on_config(config):
    _processor.install(config)


def on_page_markdown(markdown, page, config, files):
    content = build.current(config)
    lang, rel = build.page_language(page, content)
    page_kind = content.page(lang, rel).kind if content.page(lang, rel) else "page"
    if page_kind != "article":
        _processor.make = None
        return markdown
    terms = complete_terms(content, lang)
    matcher = matcher_for(terms, lang)
    targets = {t["id"]: (f"../glossary/{t['id']}.md", t[lang].get("definition", "")) for t in terms}
    _processor.make = lambda md: TermLinks(md, matcher, targets, lang)
    return markdown

"""Link the first mention of each glossary term in an article to its entry, with its definition
as an accessible tooltip (explainer.markup.TermLinks; styles in assets/stylesheets/site.css)."""
from explainer import build
from explainer.glossary import complete_terms, matcher
from explainer.markup import TermLinks

# After attr_list (8) has read heading ids, before the table of contents (5) is made.
_processor = build.PageTreeprocessor("glossary-terms", 7)


def on_config(config):
    _processor.install(config)


def on_page_markdown(markdown, page, config, files):
    here = build.page_context(page, config)
    if here.source is None or here.source.kind != "article":
        _processor.make = None
        return markdown
    lang = here.lang
    terms_of_lang = matcher(here.content, lang)
    targets = {t["id"]: (f"../glossary/{t['id']}.md", t[lang]["term"], t[lang]["definition"])
               for t in complete_terms(here.content, lang)}
    _processor.make = lambda md: TermLinks(md, terms_of_lang, targets, lang)
    return markdown

"""Mark runs of the other script (Latin names in Arabic, Arabic words in English) with their
language and direction, so that names, numbers and punctuation keep their order."""
from explainer import build
from explainer.markup import ARABIC_RUN, LATIN_RUN, DirectionIsolation
from explainer.site import direction

# After the glossary links (7), so a linked term is isolated inside its link.
_processor = build.PageTreeprocessor("direction-isolation", 6)


def on_config(config):
    _processor.install(config)


def on_page_markdown(markdown, page, config, files):
    content = build.current(config)
    lang, _ = build.page_language(page, content)
    if direction(lang) == "rtl":
        _processor.make = lambda md: DirectionIsolation(md, lang, "en", "ltr", LATIN_RUN)
    else:
        _processor.make = lambda md: DirectionIsolation(md, lang, "ar", "rtl", ARABIC_RUN)
    return markdown

"""Mark runs of the other script (Latin names in Arabic, Arabic words in English) with their
language and direction, so that names, numbers and punctuation keep their order."""
from explainer import build
from explainer.markup import DirectionIsolation, other_script

# After the glossary links (7), so a linked term is isolated inside its link.
_processor = build.PageTreeprocessor("direction-isolation", 6)


def on_config(config):
    _processor.install(config)


def on_page_markdown(markdown, page, config, files):
    content = build.current(config)
    lang, _ = build.page_language(page, content)
    other_lang, other_dir, run = other_script(lang)
    _processor.make = lambda md: DirectionIsolation(md, lang, other_lang, other_dir, run)
    return markdown

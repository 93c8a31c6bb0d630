"""Put every table in the Tab order (explainer.markup.FocusableTables): on a phone a wide table
scrolls inside its own box, which the keyboard can scroll only once it has the focus."""
from explainer import build
from explainer.markup import FocusableTables

_processor = build.PageTreeprocessor("focusable-tables", 0)
_processor.make = FocusableTables


def on_config(config):
    _processor.install(config)

"""Put the page's direction on <html>, beside its lang: Material sets dir only on <body>, while
screen readers, browsers' own UI and our tests read it from the root element."""
from explainer.site import direction


def _with_dir(output: str, lang: str) -> str:
    # Material writes exactly this root tag (templates/base.html); only it is changed.
    tag = f'<html lang="{lang}" class="no-js">'
    return output.replace(tag, f'<html lang="{lang}" dir="{direction(lang)}" class="no-js">', 1)


def on_post_page(output, page, config):
    return _with_dir(output, config.theme["language"])


def on_post_template(output, template_name, config):
    return _with_dir(output, config.theme["language"]) if template_name.endswith(".html") else output

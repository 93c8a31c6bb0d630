"""Name Material's search dialog for assistive technology (its role="dialog" has no name,
which axe reports as a serious violation), in the page's language."""
from explainer import build
from explainer.render import Labels

# Material writes exactly this tag (templates/partials/search.html); only it is changed.
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output, page, config):
    label = Labels(build.current(config), config.theme["language"])("search.dialog")
    return output.replace(DIALOG, DIALOG[:-1] + f' aria-label="{label}">', 1)


def on_post_template(output, template_name, config):
    return on_post_page(output, None, config) if template_name == "404.html" else output

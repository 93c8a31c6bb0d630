"""Give the theme's templates what they need beyond Material's own: the interface labels of
data/labels.yml, as label("key"), absolute_url(link) for hreflang and Open Graph links, and the
isolate(lang) filter that marks the language of text in the other script (as the content's is)."""
from urllib.parse import urljoin

from explainer import build
from explainer.render import Labels, isolate


def on_env(env, config, files):
    env.globals["label"] = Labels(build.current(config), config.theme["language"])
    # Links are site-relative ("en/about/") or, on the 404 pages, absolute paths ("/repo/en/").
    env.globals["absolute_url"] = lambda link: urljoin(config.site_url or "", link)
    env.filters["isolate"] = isolate
    return env

"""Give the theme's templates the interface labels of data/labels.yml, as label("key")."""
from explainer import build
from explainer.render import Labels


def on_env(env, config, files):
    env.globals["label"] = Labels(build.current(config), config.theme["language"])
    return env

"""Compile the theme's templates once: Jinja keeps their compiled code in .cache/templates/ (keyed
by each template's source, so an edited template is compiled again), and a build, or a rebuild of
`make serve` (which makes the template environment anew), does not parse them again."""
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from explainer.build import TEMPLATE_CACHE


def on_env(env, config, files):
    folder = Path(config.config_file_path).resolve().parent / TEMPLATE_CACHE
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env

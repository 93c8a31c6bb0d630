"""Keep the hooks' own sources out of the built site. MkDocs copies every file of the theme folder
that is not a template or Python, so the scripts the hooks inline or append (hooks/*.js) would
be published as files of their own."""
from pathlib import Path


def on_files(files, config):
    hooks = Path(config.theme.custom_dir) / "hooks"
    for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(hooks)]:
        files.remove(file)
    return files

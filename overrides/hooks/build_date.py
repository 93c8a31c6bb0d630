"""Date a build by its last commit, not by the clock: the sitemap's lastmod is the only date MkDocs
writes, and with it from the commit two builds of one commit are identical, whatever the day.
MkDocs reads SOURCE_DATE_EPOCH (the reproducible-builds convention); one already set is kept,
and outside a Git checkout the clock is used as before."""
import os
import subprocess
from pathlib import Path


def on_config(config):
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    root = Path(config.config_file_path).resolve().parent
    try:
        last_commit = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return
    if last_commit:
        os.environ["SOURCE_DATE_EPOCH"] = last_commit

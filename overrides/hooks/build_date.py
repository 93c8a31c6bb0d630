"""Date a build by its last commit, not by the clock: the sitemap's lastmod is the only date MkDocs
writes, and with it from the commit two builds of one commit are identical, whatever the day.
MkDocs reads SOURCE_DATE_EPOCH (the reproducible-builds convention); one already set is kept,
and outside a Git checkout the clock is used as before. In a checkout git cannot read (one owned
by another user, as in a root container on a runner's files), the build warns, so a strict build
stops instead of silently dating by the clock."""
import logging
import os
import subprocess
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.build_date")


def on_config(config):
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    root = Path(config.config_file_path).resolve().parent
    try:
        last_commit = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except OSError:
        return
    except subprocess.CalledProcessError as error:
        if (root / ".git").exists():
            log.warning(f"git cannot read {root} ({error.stderr.strip().splitlines()[0] if error.stderr.strip() else error}); "
                        f"the build would be dated by the clock: if the checkout belongs to another user, run "
                        f"git config --global --add safe.directory {root}")
        return
    if last_commit:
        os.environ["SOURCE_DATE_EPOCH"] = last_commit

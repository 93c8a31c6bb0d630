"""How the project's tools build a site (the tests, `make audit`, `make bench`): strict, clean,
in a fresh interpreter, for a given address."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_command(out: Path, config_file: str | None = None) -> list[str]:
    """Never -q: it hides the warnings that strict mode counts."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(out)]
    return command + ["--config-file", config_file] if config_file else command


def build_env(site_url: str | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return env


def start(root: Path, out: Path, site_url: str) -> subprocess.Popen:
    """Start building the site whose mkdocs.yml is in `root` for `site_url`, in the background;
    `finish` waits for it."""
    return subprocess.Popen(build_command(out), cwd=root, env=build_env(site_url),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> subprocess.CompletedProcess:
    stdout, stderr = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def build(root: Path, out: Path, site_url: str) -> subprocess.CompletedProcess:
    """Build the site whose mkdocs.yml is in `root` for `site_url`; the caller reads the result."""
    return finish(start(root, out, site_url))

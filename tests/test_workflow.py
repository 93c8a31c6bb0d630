"""The GitHub workflow (.github/workflows/site.yml) on what actionlint (run by `make test`) does
not check: every action at a version whose action.yml runs on Node 24 (GitHub removed Node 20 from
its runners in September 2026), git usable in the root container on the runner's checkout, the full
history for the pages' dates, and the tested build being the one deployed, never cancelled."""
from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "site.yml"
# `runs.using` of each action version the workflow may use, read from its action.yml. Bumping an
# action means reading its action.yml and adding it here: "node24", or "composite" and what it uses.
RUNTIMES = {
    "actions/checkout@v7.0.1": "node24",
    "actions/upload-artifact@v7.0.0": "node24",
    "actions/upload-pages-artifact@v5.0.0": "composite",  # tar, then actions/upload-artifact v7.0.0
    "actions/deploy-pages@v5.0.0": "node24",
}


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps_of(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_every_action_is_pinned_to_a_version_that_runs_on_node_24():
    for name, job in workflow()["jobs"].items():
        for step in steps_of(job):
            if "uses" in step:
                assert step["uses"] in RUNTIMES, f"{name}: {step['uses']} is not a version whose action.yml was read (see RUNTIMES)"
                assert RUNTIMES[step["uses"]] in ("node24", "composite")


def test_checkouts_fetch_the_history_and_git_works_in_a_container():
    for name, job in workflow()["jobs"].items():
        steps = steps_of(job)
        checkouts = [i for i, s in enumerate(steps) if str(s.get("uses", "")).startswith("actions/checkout@")]
        for i in checkouts:
            assert steps[i].get("with", {}).get("fetch-depth") == 0, f"{name}: pages date their last change from Git: fetch-depth: 0"
            if "container" in job:
                following = steps[i + 1].get("run", "")
                assert 'safe.directory "$GITHUB_WORKSPACE"' in following, f"{name}: git refuses a checkout owned by another user"


def test_the_tested_build_is_the_one_deployed_and_deployments_are_never_cancelled():
    jobs = workflow()["jobs"]
    deploy = jobs["deploy"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    tested = jobs[deploy["needs"]]
    runs = [s.get("run", "") for s in steps_of(tested)]
    build, test = runs.index("make build"), runs.index("make test")
    assert build < test, "the build comes first, then the tests run on it"
    site_dir = steps_of(tested)[test]["env"]["SITE_DIR"]
    upload = next(s for s in steps_of(tested) if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == site_dir.rstrip("/"), "the files tested are the files uploaded"
    assert "make build" not in [s.get("run") for s in steps_of(deploy)]
    # Runs of main (the deploying ones) are never cancelled; the Pages address needs pages: read.
    assert tested["concurrency"]["cancel-in-progress"] == "${{ github.ref != 'refs/heads/main' }}"
    assert tested["permissions"]["pages"] == "read"


def test_a_checkout_git_cannot_read_is_reported_not_dated_by_the_clock(tmp_path, monkeypatch, caplog):
    """What the container job would meet without safe.directory: the checkout belongs to another user."""
    if os.geteuid() != 0:
        pytest.skip("needs root, to give the checkout to another user")
    repo = tmp_path / "checkout"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    for folder, _, names in os.walk(repo):
        for name in [".", *names]:
            os.chown(os.path.join(folder, name), 65534, 65534)
    spec = importlib.util.spec_from_file_location("build_date", WORKFLOW.parents[2] / "overrides" / "hooks" / "build_date.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))  # no safe.directory of this machine's
    hook.on_config(SimpleNamespace(config_file_path=str(repo / "mkdocs.yml")))
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert any("dubious ownership" in r.getMessage() and "safe.directory" in r.getMessage() for r in caplog.records), caplog.text

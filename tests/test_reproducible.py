"""Two clean builds of one commit are identical, file for file, whatever day they run."""
from __future__ import annotations

import datetime
import filecmp
import os
import subprocess

import lxml.etree

from conftest import ROOT


def differing_files(left, right) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [f"{comparison.left}: {name}" for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    for sub in comparison.subdirs.values():
        found += differing_files(sub.left, sub.right)
    return found


def test_two_builds_of_one_commit_are_identical(site, site_rebuilt):
    first, second = site.directory, site_rebuilt
    filecmp.clear_cache()
    assert differing_files(first, second) == []

    # The one date a build writes is the last commit's (or the one SOURCE_DATE_EPOCH gives), not the clock's.
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    committed = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).date().isoformat()
    sitemap = lxml.etree.parse(str(first / "sitemap.xml"))
    assert set(sitemap.xpath("//*[local-name()='lastmod']/text()")) == {committed}

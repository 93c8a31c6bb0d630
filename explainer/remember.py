"""Results derived from one page or file (a check's findings in it, the entities it names, the
terms it uses), remembered by what they are computed from, so a build does not compute them again:

- in memory across the rebuilds of `make serve`, which loads the content again after every edit
  while most pages have not changed. What a whole load did not ask for is forgotten at the next:
  memory stays that of one build's results however long the session, and nothing a build asks for
  is ever evicted in its course.
- on disk across builds (.cache/derived/, gitignored): a build reads the results the build before
  it wrote, and writes its own at its end. The file is named by a digest of the code and settings
  the results come from (explainer/, data/schema/, mkdocs.yml, the pinned requirements, Python's
  version), so a change to any of them starts afresh.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

CACHE = ".cache/derived"  # under the project's root
_remembered: dict = {}  # key -> (result, digest of the key), asked for since the latest load
_earlier: dict = {}  # the same, asked for during the load before
_stored: dict = {}  # digest of a key -> result, as the last build left them on disk
_store: Path | None = None  # the file `_stored` was read from, and `save` writes


def remembered(name: str, key: tuple, compute):
    """compute(), once for each `key`. The key holds everything compute reads (a page's text by
    value, `Content.data_version` for the data), so a changed input is a new key."""
    full = (name, *key)
    if full not in _remembered:
        if full in _earlier:
            _remembered[full] = _earlier.pop(full)
        else:
            digest = _digest(full)
            _remembered[full] = (_stored[digest] if digest in _stored else compute(), digest)
    return _remembered[full][0]


def _digest(key: tuple) -> bytes:
    """The same in every process (unlike hash()); a key is strings, numbers and tuples of them."""
    digest = hashlib.blake2b(digest_size=20)

    def feed(part) -> None:
        if isinstance(part, tuple):
            digest.update(b"(%d" % len(part))
            for item in part:
                feed(item)
        else:
            text = part if isinstance(part, str) else repr(part)
            digest.update(b"%s%d:" % (type(part).__name__.encode(), len(text)) + text.encode())

    feed(key)
    return digest.digest()


def new_load(root: Path) -> None:
    """A new load of the content of the project at `root` begins: what the load before did not ask
    for is forgotten; on the first load, the results stored on disk by the last build are read."""
    global _remembered, _earlier, _store, _stored
    _earlier, _remembered = _remembered, {}
    store = Path(root) / CACHE / f"{code_version(Path(root))}.pickle"
    if store != _store:
        _store, _stored = store, _read(store)


def _read(store: Path) -> dict:
    try:
        with store.open("rb") as stored:
            found = pickle.load(stored)
        return found if isinstance(found, dict) else {}
    except Exception:  # missing, from another version, half written: computed afresh
        return {}


def save() -> None:
    """Write what this load asked for to disk for the next build (replacing the file atomically,
    with results of older code removed), when it holds anything the file did not."""
    if _store is None:
        return
    results = {digest: result for result, digest in _remembered.values()}
    if results.keys() <= _stored.keys():
        return
    _store.parent.mkdir(parents=True, exist_ok=True)
    for old in _store.parent.glob("*.pickle"):
        if old != _store:
            old.unlink(missing_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=_store.parent, delete=False) as out:
        pickle.dump(results, out, protocol=5)
    os.replace(out.name, _store)
    _stored.update(results)


@lru_cache(maxsize=None)
def code_version(root: Path) -> str:
    """A digest of what the remembered results depend on besides their keys."""
    sha = hashlib.sha256(sys.version.encode())
    package = Path(__file__).parent
    parts = sorted(package.rglob("*.py")) + sorted((root / "data" / "schema").glob("*.json"))
    parts += [root / name for name in ("mkdocs.yml", "requirements.txt")]
    for path in parts:
        if path.is_file():
            sha.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    return sha.hexdigest()[:20]

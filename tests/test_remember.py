"""What explainer/remember.py keeps, across loads of the content (make serve) and across builds
(its file in .cache/derived/), and when it computes afresh."""
import pytest

from explainer import remember


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty store, as in a new process, for a project at tmp_path."""
    for name, empty in (("_remembered", {}), ("_earlier", {}), ("_stored", {}), ("_store", None)):
        monkeypatch.setattr(remember, name, empty)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return tmp_path


def computed(log: list, value):
    def compute():
        log.append(value)
        return value
    return compute


def test_a_result_is_computed_once_per_key_and_again_when_its_input_changes(fresh):
    remember.new_load(fresh)
    log = []
    assert remember.remembered("words", ("page text",), computed(log, 1)) == 1
    assert remember.remembered("words", ("page text",), computed(log, 2)) == 1
    assert remember.remembered("words", ("edited text",), computed(log, 3)) == 3
    assert remember.remembered("other", ("page text",), computed(log, 4)) == 4
    assert log == [1, 3, 4]


def test_a_load_keeps_what_the_load_before_asked_for_and_forgets_the_rest(fresh):
    log = []
    remember.new_load(fresh)
    remember.remembered("words", ("a",), computed(log, "a1"))
    remember.remembered("words", ("b",), computed(log, "b1"))
    remember.new_load(fresh)
    assert remember.remembered("words", ("a",), computed(log, "a2")) == "a1"
    remember.new_load(fresh)
    remember.new_load(fresh)
    assert remember.remembered("words", ("b",), computed(log, "b2")) == "b2"  # not asked for by the load before
    assert remember.remembered("words", ("a",), computed(log, "a3")) == "a3"
    assert log == ["a1", "b1", "b2", "a3"]


def test_a_build_reads_what_the_build_before_saved_and_nothing_from_other_code(fresh, monkeypatch):
    remember.new_load(fresh)
    remember.remembered("words", ("a", ("tuple", 1)), lambda: ["found"])
    remember.save()
    stored = list((fresh / remember.CACHE).glob("*.pickle"))
    assert len(stored) == 1

    for name, empty in (("_remembered", {}), ("_earlier", {}), ("_stored", {}), ("_store", None)):
        monkeypatch.setattr(remember, name, empty)  # the next build, a new process
    remember.new_load(fresh)
    assert remember.remembered("words", ("a", ("tuple", 1)), lambda: pytest.fail("computed again")) == ["found"]
    assert remember.remembered("words", ("a", ("tuple", 2)), lambda: "new") == "new"

    (fresh / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")  # settings the results may depend on
    remember.code_version.cache_clear()
    for name, empty in (("_remembered", {}), ("_earlier", {}), ("_stored", {}), ("_store", None)):
        monkeypatch.setattr(remember, name, empty)
    remember.new_load(fresh)
    assert remember.remembered("words", ("a", ("tuple", 1)), lambda: ["afresh"]) == ["afresh"]
    remember.save()
    assert list((fresh / remember.CACHE).glob("*.pickle")) != stored  # the old file is replaced


def test_a_damaged_store_is_ignored(fresh):
    remember.new_load(fresh)
    remember._store.parent.mkdir(parents=True)
    remember._store.write_bytes(b"not a pickle")
    remember._store = None
    remember.new_load(fresh)
    assert remember.remembered("words", ("a",), lambda: "computed") == "computed"

"""The who's who: data/entities.yml (data/schema/entities.schema.json), the entity pages
docs/<lang>/who/<id>.md, the timeline's actors, and one spelling per name across the Arabic text."""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from .. import entities as who
from ..content import Content, strip_code
from ..problems import Problem
from ..terms import normalise
from ..yamldata import line_of
from . import Kind, in_text
from .files import data_file_problems
from .glossary import duplicate_ids, unknown_term

ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0670-\u06d3\u064b-\u065f\u0640]+")
# A Latin name in brackets, after the Arabic rendering it glosses: «أليف ألفا (Aleph Alpha)».
BRACKETED_LATIN = re.compile(r"\(([^()\u0600-\u06ff]+)\)")
# The Arabic words just before such brackets (a name has at most this many).
BEFORE_BRACKETS = re.compile(r"((?:[\u0600-\u06ff]+[\s\-]+){1,10})$")
# What an Arabic word may carry before a name: a conjunction, a preposition (وب، فل، لل…).
PREFIXES = ("وال", "فال", "بال", "كال", "لل", "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")

KIND = Kind("entities", order=55, title={"ar": "الأطراف الفاعلة", "en": "Who's who"})

UNKNOWN_ENTITY = KIND.rule(
    "unknown-entity",
    ar=("معرّف طرف غير موجود، أو اسم مكان المعرّف في `actors`", "اكتب معرّفه من `data/entities.yml`، أو أضف الطرف (`make new-entity ID=…`)"),
    en=("entity id does not exist, or a name where `actors` wants an id", "write its id from `data/entities.yml`, or add it (`make new-entity ID=…`)"),
)
MISSING_ENTITY_PAGE = KIND.rule(
    "missing-entity-page",
    ar=("طرف بلا صفحة في إحدى اللغتين", "أنشئها (`make new-entity ID=…`)"),
    en=("entity lacks a page in a language", "create it (`make new-entity ID=…`)"),
)
SHARED_NAME = KIND.rule(
    "shared-name",
    ar=("صيغة اسم واحدة لطرفين", "أبقها لأحدهما"),
    en=("one spelling names two entities", "keep it for one"),
)
MISSPELT_NAME = KIND.rule(
    "misspelt-name",
    ar=("اسم طرف معروف بكتابة عربية غير معتمدة", "اكتبه كما في `data/entities.yml`، أو أضف الصيغة إلى `ar.variants` إن كانت مقبولة"),
    en=("a known name in an Arabic spelling the site does not use", "write it as `data/entities.yml` does, or add the form to `ar.variants` if accepted"),
)
UNKNOWN_ACTOR = KIND.rule(
    "unknown-actor",
    ar=("بند في قسم الأطراف الفاعلة لا يسمّي طرفًا معروفًا", "أضف الطرف (`make new-entity ID=…`) أو اكتب اسمه كما في `data/entities.yml`"),
    en=("a who-is-who bullet names no known entity", "add it (`make new-entity ID=…`) or spell it as `data/entities.yml` does"),
)
# Near misses are looked for in names of two to four words: longer ones are official titles whose
# words are common ones («الوزيرة» beside «الوزارة»), where one letter apart is grammar, not spelling.
NEAR_MISS_WORDS = 4


@KIND.check
def entities(content: Content) -> list[Problem]:
    """Schema, ids, references (parent, related, terms) and one page per entity and language."""
    problems = data_file_problems(content.entities, content, "entities")
    shown = content.site.rel(content.entities.path) if content.entities else "data/entities.yml"
    entries = content.actors
    ids = [e["id"] for e in entries]
    term_ids = [t["id"] for t in content.terms]
    problems += duplicate_ids(entries, shown, "entity")
    for entry in entries:
        parent = entry.get("parent")
        if isinstance(parent, str) and (parent not in ids or parent == entry["id"]):
            problems.append(_unknown_entity(parent, ids, shown, line_of(entry, ["parent"])))
        for i, other in enumerate(entry.get("related") or []):
            if other not in ids or other == entry["id"]:
                problems.append(_unknown_entity(other, ids, shown, line_of(entry, ["related", i])))
        for i, term_id in enumerate(entry.get("terms") or []):
            if term_id not in term_ids:
                problems.append(unknown_term(term_id, term_ids, shown, line_of(entry, ["terms", i])))
        for lang in content.site.languages:
            rel = who.page_rel(entry["id"])
            if content.page(lang, rel) is None:
                problems.append(MISSING_ENTITY_PAGE.problem(shown, line_of(entry, ["id"]),
                                                            f"the entity '{entry['id']}' has no page docs/{lang}/{rel}",
                                                            f"create it: make new-entity ID={entry['id']}"))
    for lang in content.site.languages:
        for page in content.pages_of(lang, "entity"):
            if page.slug not in ids:
                problems.append(_unknown_entity(page.slug, ids, page.shown_path, 1))
    problems += _shared_names(content, shown)
    return problems


def _unknown_entity(value, ids: list[str], shown: str, line: int) -> Problem:
    guess = difflib.get_close_matches(str(value), ids, n=1)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return UNKNOWN_ENTITY.problem(shown, line, f"'{value}' is not an entity id",
                                  f"{hint}See data/entities.yml (make new-entity ID=… adds one)")


def _shared_names(content: Content, shown: str) -> list[Problem]:
    """A spelling given to two entities would link and count one as the other."""
    problems, owner = [], {}
    for entity in who.complete(content):
        for lang in content.site.languages:
            for form in dict.fromkeys(who.forms(entity, lang)):
                key = _key(form)
                if key in owner and owner[key] != entity["id"]:
                    problems.append(SHARED_NAME.problem(shown, line_of(entity, [lang]),
                                                        f"'{form}' names both '{owner[key]}' and '{entity['id']}'",
                                                        "keep it for one of them; give the other a fuller form"))
                owner.setdefault(key, entity["id"])
    return problems


@KIND.check
def timeline_actors(content: Content) -> list[Problem]:
    """The timeline's actors are entity ids, so an event is listed on its actors' pages."""
    if content.timeline is None or content.timeline.error is not None:
        return []
    shown = content.site.rel(content.timeline.path)
    known = who.complete(content)
    ids = [e["id"] for e in known]
    by_name = {_key(f): e["id"] for e in known for f in who.all_forms(e, content.site.languages)}
    problems = []
    for event in content.events:
        for i, actor in enumerate(event.get("actors") or []):
            if not isinstance(actor, str) or actor in ids:
                continue
            line = line_of(event, ["actors", i])
            named = by_name.get(_key(actor))
            if named:
                problems.append(UNKNOWN_ENTITY.problem(shown, line, f"'{actor}' is a name, not an entity id", f"write its id: {named}"))
            else:
                problems.append(_unknown_entity(actor, ids, shown, line))
    return problems


# ---------------------------------------------------------------- one spelling per name


@lru_cache(maxsize=None)
def _key(text: str) -> str:
    """A name compared as readers see it: no short vowels, one form of hamza, ى/ي, ة/ه, no case,
    hyphens and spaces alike."""
    return " ".join(normalise(text.replace("-", " "))[0].split())


@lru_cache(maxsize=None)
def _without_prefix(word: str) -> tuple[str, ...]:
    """The word as written and without each prefix it may carry («للاتحاد» is also «الاتحاد»)."""
    forms = [word]
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            rest = word[len(prefix):]
            forms += [rest, "ال" + rest] if prefix.endswith(("ال", "لل")) else [rest]
    return tuple(forms)


def _arabic_texts(content: Content):
    """(shown path, text, whether code spans are left out) of every text that may hold Arabic:
    the default language's pages and the data files (their English lines hold no Arabic, so no
    pair is found there)."""
    for page in content.pages_of(content.site.default_language):
        yield page.shown_path, page.text, True
    for data_file in content.data_files():
        if data_file.error is None:
            yield content.site.rel(data_file.path), data_file.text, False


class SpellingIndex:
    """The accepted Arabic forms of every entity, and its Latin names, in comparable form."""

    def __init__(self, content: Content):
        default = content.site.default_language
        latin = [x for x in content.site.languages if x != default]
        self.canonical: dict[str, str] = {}
        self.accepted: dict[str, set[str]] = {}
        self.by_latin: dict[str, str] = {}
        self.by_word: dict[str, list[tuple[str, list[str], int]]] = {}
        for entity in who.complete(content):
            eid = entity["id"]
            self.canonical[eid] = entity[default]["name"]
            forms = {_key(f) for f in who.forms(entity, default)}
            self.accepted[eid] = forms
            for lang in latin:
                for form in who.forms(entity, lang):
                    self.by_latin.setdefault(_key(form), eid)
            for form in forms:
                words = form.split()
                if 2 <= len(words) <= NEAR_MISS_WORDS:
                    for position, word in enumerate(words):
                        self.by_word.setdefault(word, []).append((eid, words, position))
        self.every_accepted = set().union(*self.accepted.values()) if self.accepted else set()


@KIND.check
def spellings(content: Content) -> list[Problem]:
    """An Arabic rendering of a known entity that is not its name or an accepted spelling: before
    its Latin name in brackets, or a near miss of a name of two to four words."""
    index = content.derived("spelling-index", SpellingIndex)
    problems = []
    for shown, text, markdown in _arabic_texts(content):
        problems += in_text("spellings", content, shown, text, lambda: _misspellings(index, shown, text, markdown))
    return sorted(set(problems))


def _misspellings(index: SpellingIndex, shown: str, text: str, markdown: bool) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = strip_code(line) if markdown else line
        problems += _bracketed(index, shown, number, line) + _near_misses(index, shown, number, line)
    return problems


def _misspelt(index: SpellingIndex, shown: str, number: int, found: str, eid: str) -> Problem:
    return MISSPELT_NAME.problem(shown, number, f"«{found}» is not how the site spells '{eid}'",
                                 f"write «{index.canonical[eid]}» (or add «{found}» to its ar.variants in data/entities.yml if it is an accepted spelling)")


def _bracketed(index: SpellingIndex, shown: str, number: int, line: str) -> list[Problem]:
    problems = []
    for pair in BRACKETED_LATIN.finditer(line):
        eid = index.by_latin.get(_key(pair.group(1)))
        before = BEFORE_BRACKETS.search(line, 0, pair.start()) if eid else None
        if before is None:
            continue
        words = ARABIC_WORD.findall(before.group(1))
        accepted = index.accepted[eid]
        lengths = sorted({len(f.split()) for f in accepted})
        if any(_tail_matches(words, n, accepted) for n in lengths):
            continue
        canonical = _key(index.canonical[eid])
        n = len(canonical.split())
        tail = words[-n:]
        found = " ".join(tail)
        if tail:
            options = [" ".join([w, *tail[1:]]) for w in _without_prefix(tail[0])]
            found = max(options, key=lambda o: difflib.SequenceMatcher(None, _key(o), canonical).ratio())
        problems.append(_misspelt(index, shown, number, found, eid))
    return problems


def _tail_matches(words: list[str], n: int, accepted: set[str]) -> bool:
    if len(words) < n:
        return False
    tail = words[len(words) - n:]
    return any(_key(" ".join([first, *tail[1:]])) in accepted for first in _without_prefix(tail[0]))


def _near_misses(index: SpellingIndex, shown: str, number: int, line: str) -> list[Problem]:
    """Runs of words one or two letters away from a name of two to four words, sharing a word with it."""
    tokens = [(m.group(), m.start(), m.end()) for m in ARABIC_WORD.finditer(line)]
    keys = [_key(t[0]) for t in tokens]
    problems = []
    for i, key in enumerate(keys):
        for candidate in _without_prefix(key):
            for eid, words, position in index.by_word.get(candidate, []):
                start = i - position
                end = start + len(words)
                if start < 0 or end > len(tokens) or not _contiguous(line, tokens[start:end]):
                    continue
                window = keys[start:end]
                for first in _without_prefix(window[0]):
                    run = " ".join([first, *window[1:]])
                    if run in index.every_accepted:
                        break
                else:
                    name = " ".join(words)
                    rest = len(" ".join(window[1:])) + (len(window) > 1)
                    # (Cheap before difflib: no way of reading the first word brings the length near.)
                    if all(abs(len(first) + rest - len(name)) > 2 for first in _without_prefix(window[0])):
                        continue
                    run = " ".join([_best_first(window[0], words[0]), *window[1:]])
                    if abs(len(run) - len(name)) > 2:
                        continue
                    distance = _distance(run, " ".join(words))
                    if 0 < distance <= 2 and distance * 6 <= len(run) and not _inflected(run, words):
                        text = line[tokens[start][1]:tokens[end - 1][2]]
                        if run != " ".join(window):
                            text = text[len(window[0]) - len(_best_first(window[0], words[0])):]
                        problems.append(_misspelt(index, shown, number, text, eid))
    return problems


def _best_first(word: str, target: str) -> str:
    return max(_without_prefix(word), key=lambda w: difflib.SequenceMatcher(None, w, target).ratio())


def _inflected(run: str, words: list[str]) -> bool:
    """The name with an Arabic ending (plural, relative, pronoun): grammar, not spelling."""
    return run.startswith(" ".join(words)) or run.split()[:-1] == words[:-1] and run.split()[-1].startswith(words[-1])


_BETWEEN_NAME_WORDS = re.compile(r"[\s\-]+")


def _contiguous(line: str, tokens) -> bool:
    """Only spaces or a hyphen between the words: a name does not cross punctuation."""
    return all(_BETWEEN_NAME_WORDS.fullmatch(line, a[2], b[1]) for a, b in zip(tokens, tokens[1:]))


def _distance(a: str, b: str, most: int = 2) -> int:
    """Levenshtein distance, computed only near the diagonal: anything above `most` is `most + 1`."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    far = most + 1
    previous = [j if j <= most else far for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        current = [i if i <= most else far] + [far] * len(b)
        for j in range(max(1, i - most), min(len(b), i + most) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != b[j - 1]), far)
        if min(current) > most:
            return far
        previous = current
    return previous[-1]


@KIND.check
def article_actors(content: Content) -> list[Problem]:
    """Each bullet of an article's who-is-who section names, before its colon, an entity the site
    knows, so every actor has a page and the bullet links to it."""
    return [p for page in content.pages_of(content.site.default_language, "article")
            for p in in_text("article-actors", content, page.shown_path, page.text, lambda: [
                UNKNOWN_ACTOR.problem(page.shown_path, number, f"«{item[2:who.head_end(item)].strip()}» is not in the who's who",
                                      "add it to data/entities.yml (make new-entity ID=…), or spell the name as data/entities.yml does")
                for number, item in who.who_is_who_items(page) if not who.actors_in(content, item)])]

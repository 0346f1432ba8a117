"""Every word list lives in ``generator/vocabulary.py``, and is defined there exactly once.

The check is on the source (``ast``), so it needs no model and runs in well under a second:

* outside ``vocabulary.py``, no module-level assignment binds a collection literal holding three
  or more strings, unless every string is one of spaCy's own labels, tags or dependencies
  (``NAME_LABELS``, ``CLIMB_DEPS``: they stay with the module that reads them), the strings hold no
  letter at all (punctuation such as ``QUOTE_OPEN``), or the constant is in ``NOT_VOCABULARY``;
* inside ``vocabulary.py``, no name is bound twice and no two lists hold the same contents.
"""

from __future__ import annotations

import ast
from itertools import combinations
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from generator import vocabulary

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
VOCABULARY = PACKAGE / "vocabulary.py"
MIN_STRINGS = 3

# Constants of three or more strings that are no words of English: file names, keys of the
# front matter, names in the output schema. (module under generator/, name) → what it holds.
NOT_VOCABULARY = {
    ("analysis/__init__.py", "LAYERS"): "spaCy component names → the briefing sections they feed",
    ("cli.py", "GATED"): "gold folders → the text shapes gated on them",
    ("evaluation/corpus.py", "SHAPES"): "names of the text shapes the evaluation reads articles in",
    ("evaluation/gate.py", "FIGURES"): "names of the gated evaluation figures → their descriptions",
    ("evaluation/rubric.py", "RATINGS"): "the rubric's sections → their rating names (rating file schema)",
    ("extract/facts.py", "ASPECTS"): "names of the aspects a fact answers → spaCy entity labels",
    ("models.py", "ATTRIBUTIONS"): "values of ``Quote.attribution`` (output schema)",
    ("models.py", "EVENT_KINDS"): "values of ``Event.kind`` (output schema)",
    ("overrides.py", "SCHEMA"): "keys of the ``overrides`` front matter",
    ("overrides.py", "ACTOR_FIELDS"): "keys of an ``actors.add`` override",
    ("readers.py", "META_KEYS"): "front-matter keys kept as metadata",
    ("readers.py", "TEXT_KEYS"): "front-matter keys that must be text",
    ("readers.py", "READERS"): "file extensions → readers",
    ("render.py", "REQUIRED_TEMPLATES"): "template file names",
    ("render.py", "RENDERING_CODE"): "file names of the modules whose code shapes a page",
    ("built_pages.py", "PACKAGES"): "names of the packages whose versions shape a page's HTML",
    ("converted_pages.py", "PAGE_EVENTS"): "names of MkDocs' page events",
}

# spaCy's entity labels, part-of-speech tags and dependency labels (case-sensitive).
SPACY_LABELS = frozenset(GLOSSARY)

COLLECTIONS = (ast.Set, ast.List, ast.Tuple, ast.Dict)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != VOCABULARY and "__pycache__" not in p.parts)


def _module_assignments(tree: ast.Module) -> list[tuple[list[str], ast.expr, int]]:
    """(names bound, value, line) of every assignment at module level, also under ``if``/``try``."""
    found = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, ast.Assign):
            names = [n.id for target in node.targets for n in ast.walk(target) if isinstance(n, ast.Name)]
            found.append((names, node.value, node.lineno))
        elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
            found.append(([node.target.id], node.value, node.lineno))
        elif isinstance(node, (ast.If, ast.Try, ast.With)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, field, []):
                    pending.extend(child.body if isinstance(child, ast.ExceptHandler) else [child])
    return found


def _literal_strings(value: ast.expr) -> list[str]:
    """The strings held by collection literals anywhere in ``value``, and words of ``"a b c".split()``."""
    held: dict[int, str] = {}  # by node, so a collection inside a collection counts once
    split: list[str] = []
    for node in ast.walk(value):
        if isinstance(node, COLLECTIONS):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                    held[id(inner)] = inner.value
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
            split += node.func.value.value.split()
    return list(held.values()) + split


def _is_word_list(strings: list[str]) -> bool:
    if len(strings) < MIN_STRINGS:
        return False
    if all(s in SPACY_LABELS for s in strings):
        return False  # a spaCy label, tag or dependency set
    return any(ch.isalpha() for s in strings for ch in s)  # punctuation is no word


def word_lists(source: str) -> list[tuple[str, int]]:
    """(name, line) of each module-level word list in ``source``."""
    found = []
    for names, value, line in _module_assignments(ast.parse(source)):
        names = [n for n in names if not (n.startswith("__") and n.endswith("__"))]
        if names and _is_word_list(_literal_strings(value)):
            found.extend((name, line) for name in names)
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_word_lists_live_in_the_vocabulary(path: Path) -> None:
    module = path.relative_to(PACKAGE).as_posix()
    found = [(name, line) for name, line in word_lists(path.read_text(encoding="utf-8"))
             if (module, name) not in NOT_VOCABULARY]
    assert not found, (
        f"generator/{module} defines word lists {found}: move them to generator/vocabulary.py "
        "(or, for a constant that holds no words of English, add it to NOT_VOCABULARY with a comment)")


def test_allow_list_is_not_stale() -> None:
    """Each ``NOT_VOCABULARY`` entry still names a constant the check would flag."""
    flagged = {(p.relative_to(PACKAGE).as_posix(), name)
               for p in _modules() for name, _ in word_lists(p.read_text(encoding="utf-8"))}
    assert set(NOT_VOCABULARY) <= flagged, sorted(set(NOT_VOCABULARY) - flagged)


@pytest.mark.parametrize("source", [
    'FOO = frozenset({"a", "b", "c"})',
    'FOO: tuple[str, ...] = ("a", "b", "c")',
    'FOO = {"a": 1, "b": 2, "c": 3}',
    'FOO = set("a b c".split())',
    'if True:\n    FOO = ["a", "b", "c"]',
])
def test_check_catches_a_word_list(source: str) -> None:
    assert [name for name, _ in word_lists(source)] == ["FOO"]


@pytest.mark.parametrize("source", [
    'LABELS = frozenset({"PERSON", "ORG", "GPE"})',
    'DEPS = ("nsubj", "dobj", "ccomp")',
    'MARKS = frozenset({"“", "”", "--"})',
    'PAIR = ("a", "b")',
    '__all__ = ["a", "b", "c"]',
    'PATTERN = re.compile(r"a|b|c")',
])
def test_check_leaves_labels_and_punctuation(source: str) -> None:
    assert word_lists(source) == []


def _vocabulary_bindings() -> list[str]:
    names = []
    for node in ast.parse(VOCABULARY.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names += [n.id for target in node.targets for n in ast.walk(target) if isinstance(n, ast.Name)]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names += [(alias.asname or alias.name).split(".")[0] for alias in node.names]
    return names


def test_each_vocabulary_name_is_bound_once() -> None:
    names = _vocabulary_bindings()
    twice = sorted({name for name in names if names.count(name) > 1})
    assert not twice, f"bound more than once in generator/vocabulary.py: {twice}"


def _lists() -> dict[str, object]:
    return {name: value for name, value in vars(vocabulary).items()
            if name.isupper() and isinstance(value, (set, frozenset, list, tuple, dict))}


def _contents(value: object) -> object:
    """What a list holds, whatever its container: its items for a mapping, its words otherwise."""
    if isinstance(value, dict):
        return ("mapping", frozenset((key, repr(item)) for key, item in value.items()))
    return ("words", frozenset(value))


def test_no_two_vocabulary_lists_hold_the_same_words() -> None:
    lists = _lists()
    assert len(lists) > 50  # the check sees the vocabulary's lists
    same = [(a, b) for a, b in combinations(sorted(lists), 2) if _contents(lists[a]) == _contents(lists[b])]
    assert not same, f"lists with identical contents (keep one): {same}"


@pytest.mark.parametrize(("smaller", "larger"), [
    ("WEAK_REPORTING_VERBS", "REPORTING_VERBS"),
    ("INTRANSITIVE_REPORTING_VERBS", "REPORTING_VERBS"),
    ("FACT_REPORTING_VERBS", "REPORTING_VERBS"),
    ("TIMELINE_REPORTING_VERBS", "REPORTING_VERBS"),
    ("FIRST_SECOND_PERSON_SUBJECTS", "FIRST_SECOND_PERSON_PRONOUNS"),
    ("ORG_LOCATIVE_PREPS", "LOCATIVE_PREPS"),
    ("SURNAME_EVENT_WORDS", "EVENT_WORDS"),
])
def test_subsets_stay_subsets(smaller: str, larger: str) -> None:
    """The lists whose comment says they are a subset of another list."""
    extra = set(getattr(vocabulary, smaller)) - set(getattr(vocabulary, larger))
    assert not extra, f"{smaller} holds words {larger} lacks: {sorted(extra)}"


def test_label_types_are_actor_types() -> None:
    assert set(vocabulary.LABEL_TYPES.values()) <= set(vocabulary.ACTOR_TYPES)

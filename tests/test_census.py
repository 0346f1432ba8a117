"""A small crash census in CI: ~40 mutated real articles and every front-matter case, none may crash.

The full census (``benchmarks/census.py``, 5,000 variants) takes minutes; this sample with a fixed
seed leads with every mutation kind at least once, so a new crash site shows up here first.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLES = 40
SAMPLE_SEED = 20251202


def load_census() -> ModuleType:
    """``benchmarks/`` is not a package: load the script as the module ``census`` (workers fork with it)."""
    if "census" in sys.modules:
        return sys.modules["census"]
    spec = importlib.util.spec_from_file_location("census", ROOT / "benchmarks" / "census.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["census"] = module
    spec.loader.exec_module(module)
    return module


census = load_census()


def test_sample_leads_with_every_mutation_kind_and_is_reproducible() -> None:
    first = census.all_cases(SAMPLE_ARTICLES, SAMPLE_SEED, include_originals=False)
    second = census.all_cases(SAMPLE_ARTICLES, SAMPLE_SEED, include_originals=False)
    assert first == second
    mutated = [case for case in first if case.suffix == ".txt"]
    assert len(mutated) == SAMPLE_ARTICLES
    used = {kind for case in mutated for kind in case.mutations}
    assert set(census.MUTATION_KINDS) <= used
    front_matter = [case for case in first if case.suffix == ".md"]
    assert len(front_matter) >= len(census.FRONT_MATTER_CASES)


def test_sample_census_has_no_crash_and_nothing_over_budget(nlp: Language) -> None:
    jobs = min(2, os.cpu_count() or 1)
    result = census.run_census(SAMPLE_ARTICLES, SAMPLE_SEED, jobs, census.DEFAULT_TIME_BUDGET, nlp,
                               include_originals=False)
    summary = census.report(result, census.DEFAULT_TIME_BUDGET)
    assert not result.crashed, summary
    assert not result.over_budget, summary
    assert len(result.results) - len(result.rejected) >= SAMPLE_ARTICLES // 2, summary

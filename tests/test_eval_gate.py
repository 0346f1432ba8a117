"""The pinned quality gate: held-out figures against their floors, and gold that cannot change unseen."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys

from helpers import ROOT

from generator.evaluation.gate import Measured, check, corpus_digest, read_baseline, updated

BASELINE = ROOT / "tests" / "eval_baseline.json"


def pinned() -> list[Measured]:
    """The figures as pinned in the baseline: what a run that changed nothing measures."""
    baseline = read_baseline(BASELINE)
    return [Measured(gold, entry["digest"], copy.deepcopy(entry["measured"]))
            for gold, entry in baseline["corpora"].items()]


def test_the_figures_hold_their_pinned_floors():
    """The gate itself, through the real command: every figure at or above its floor, corpus unchanged."""
    result = subprocess.run([sys.executable, "-m", "generator.cli", "eval", "--gate"], cwd=ROOT,
                            capture_output=True, text=True, check=False, env={**os.environ, "CI": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    header, *rows = result.stdout.splitlines()
    assert "tests/heldout (one line)" in header and "tests/gold (as published)" in header
    assert any(row.startswith("speaker accuracy") for row in rows)


def test_the_baseline_pins_every_shape_of_the_held_out_set_and_its_digest():
    baseline = read_baseline(BASELINE)
    heldout = baseline["corpora"]["tests/heldout"]
    assert set(heldout["floors"]) == {"as published", "one line", "straight quotes"}
    assert heldout["digest"] == corpus_digest(ROOT / "tests" / "heldout")
    for shape, floors in heldout["floors"].items():
        for name, floor in floors.items():
            assert floor <= heldout["measured"][shape][name]


def test_a_figure_below_its_floor_fails_the_gate():
    baseline = read_baseline(BASELINE)
    measured = pinned()
    measured[0].figures["as published"]["speaker_accuracy"] -= 0.05
    (problem,) = check(baseline, measured)
    assert "speaker accuracy" in problem and "below its floor" in problem


def test_changed_annotations_fail_until_the_baseline_is_updated(tmp_path):
    gold = tmp_path / "heldout"
    shutil.copytree(ROOT / "tests" / "heldout", gold)
    path = gold / "quotes" / "h01_electoral_map_2012.json"
    annotation = json.loads(path.read_text(encoding="utf-8"))
    annotation["quotes"][0]["speaker"] = "Somebody Else"
    path.write_text(json.dumps(annotation), encoding="utf-8")
    baseline = read_baseline(BASELINE)
    measured = pinned()
    changed = [Measured(m.gold, corpus_digest(gold) if m.gold == "tests/heldout" else m.digest, m.figures)
               for m in measured]
    assert any("annotations changed" in problem for problem in check(baseline, changed))
    new, refused = updated(baseline, changed)
    assert not refused and check(new, changed) == []


def test_updating_never_lowers_a_floor_unless_told():
    baseline = read_baseline(BASELINE)
    lower = pinned()
    lower[0].figures["as published"]["quotes_f1"] -= 0.1
    old_floor = baseline["corpora"][lower[0].gold]["floors"]["as published"]["quotes_f1"]
    kept, refused = updated(baseline, lower)
    assert refused and "quotes F1" in refused[0]
    assert kept["corpora"][lower[0].gold]["floors"]["as published"]["quotes_f1"] == old_floor
    lowered, refused = updated(baseline, lower, allow_lower=True)
    assert not refused
    assert lowered["corpora"][lower[0].gold]["floors"]["as published"]["quotes_f1"] < old_floor


def test_eval_runs_without_the_test_extras():
    """The baselines' packages (textacy, pytextrank) are test extras: eval says so and goes on."""
    blocked = ("import sys; sys.modules['textacy'] = None; sys.modules['pytextrank'] = None; "
               "from generator.cli import main; sys.exit(main(['eval', '--gold', 'tests/heldout']))")
    result = subprocess.run([sys.executable, "-c", blocked], cwd=ROOT, capture_output=True, text=True,
                            check=False, env={**os.environ, "CI": "1"})
    assert result.returncode == 0, result.stderr
    assert "quotes (ours)" in result.stdout and "textacy is a test extra" in result.stdout
    assert "key facts ours" in result.stdout and "key facts textrank" not in result.stdout

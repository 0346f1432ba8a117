"""The ``briefing`` command line as a user meets it: its help, a closed pipe, a wrong file name."""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys

import pytest
from helpers import GOLD_ARTICLES, ROOT

from generator.cli import main, parser

ENV = {**os.environ, "CI": "1"}
ARTICLE = GOLD_ARTICLES / "00_carney_ukraine.txt"
EXTRACT = [sys.executable, "-m", "generator.cli", "extract", "--jobs", "1"]


def subcommands() -> list[str]:
    (action,) = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


def help_text(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_every_help_is_plain_text(capsys):
    """No reStructuredText markup (``briefing``) from a docstring in any --help."""
    commands = subcommands()
    assert {"build", "add", "extract", "eval"} <= set(commands)
    shown = {"": help_text(capsys, [])} | {name: help_text(capsys, [name]) for name in commands}
    assert "The briefing command line." in shown[""]
    for name, text in shown.items():
        assert text.startswith("usage: briefing"), name
        assert "``" not in text, f"briefing {name} --help shows markup:\n{text}"


def test_a_reader_that_goes_away_ends_extract_quietly(tmp_path):
    """The pipe is closed before the command writes a byte: no BrokenPipe traceback, and the
    exit status a shell gives a command stopped by SIGPIPE."""
    process = subprocess.Popen([*EXTRACT, str(ARTICLE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=ENV, cwd=ROOT)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=300) == 141, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr


@pytest.mark.skipif(shutil.which("head") is None or shutil.which("bash") is None, reason="needs bash and head")
def test_extract_piped_into_head_exits_quietly(tmp_path):
    """``briefing extract … | head -c 10``: more output than a pipe holds (8 briefings, over
    64 KiB), so the command is still writing when head exits, whatever the timing."""
    for number in range(8):
        shutil.copy(ARTICLE, tmp_path / f"copy{number}.txt")
    command = shlex.join([*EXTRACT, *map(str, sorted(tmp_path.glob("copy*.txt")))])
    result = subprocess.run(["bash", "-c", f'{command} | head -c 10; echo "status ${{PIPESTATUS[0]}}" >&2'],
                            capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=600, check=False)
    assert result.stdout == "[\n  {\n    "  # the first 10 bytes of the JSON
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "status 141", result.stderr


def test_a_file_that_is_not_there_is_no_such_file(tmp_path, capsys):
    missing = tmp_path / "nowhere.txt"
    assert main(["extract", str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"error: could not process {missing}: no such file" in err
    assert "disappeared" not in err


def test_a_link_to_nothing_is_named_as_such(tmp_path, capsys):
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert main(["extract", str(link)]) == 1
    assert f"error: could not process {link}: is a link to a file that does not exist" in capsys.readouterr().err


def test_a_listed_file_that_vanished_disappeared(tmp_path):
    """What the build says when a file it listed is gone by the time it is read."""
    from generator.pipeline import BuildReport, Project, read_seeds

    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    listed = [project / "seeds" / "gone.txt"]
    report = BuildReport()
    assert read_seeds(Project.at(project), report, paths=listed) == []
    assert [(e.path, e.reason) for e in report.errors] == [
        ("seeds/gone.txt", "file disappeared before it could be read")]


def test_extract_reads_a_sidecar_with_its_seed(tmp_path, capsys):
    """The command line reads what the build reads: the seed and the sidecar beside it."""
    seed = tmp_path / "carney.txt"
    shutil.copy(ARTICLE, seed)
    (tmp_path / "carney.yml").write_text("title: Carney in Kyiv\nreviewed: true\nreviewer: Ana Ruiz\n",
                                         encoding="utf-8")
    result = subprocess.run([*EXTRACT, str(seed)], capture_output=True, text=True, env=ENV, cwd=ROOT,
                            check=False)
    assert result.returncode == 0, result.stderr
    (briefing,) = json.loads(result.stdout)
    assert briefing["title"] == "Carney in Kyiv"
    assert (briefing["meta"]["reviewed"], briefing["meta"]["reviewer"]) == (True, "Ana Ruiz")
    assert main(["extract", str(tmp_path / "carney.yml")]) == 1  # the sidecar alone is no article
    assert "carney.yml: is the sidecar of carney.txt, read with it; not an article itself" in capsys.readouterr().err

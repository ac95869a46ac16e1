"""Every file of the hostile corpus (tests/hostile_corpus.py) through `accountdesk import`: a message
naming the file, exit code 0 or 1, never a traceback, never a crashed test process (the reader runs
in a child process with memory and time limits); a password-protected file named as protected, and
valid unusual layouts imported."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hostile_corpus import write_corpus

from accountdesk.cli import main


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, write_corpus(folder)


def _calamine_reads(path) -> bool:
    """Whether python-calamine itself reads the file (asked in a throwaway process: it may abort)."""
    probe = ("import sys, python_calamine as c; w = c.CalamineWorkbook.from_path(sys.argv[1]); "
             "w.get_sheet_by_index(0).to_python()")
    return subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, timeout=60).returncode == 0


def test_the_corpus_is_small_and_covers_every_family(corpus):
    folder, expect = corpus
    assert sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) < 1_000_000
    names = set(expect)
    for family in ("huge_dimension.xls", "protected.xls", "protected.ods", "protected.xlsx", "repeat_many.ods",
                   "expanding.ods", "cut.ods", "valid_renamed_sheet.xlsx", "valid_bzip2.xlsx"):
        assert family in names
    for suffix in ("xls", "xlsx", "ods", "xlsb"):
        assert sum(1 for n in names if n.startswith("fuzz_") and n.endswith(suffix)) >= 8


def test_every_hostile_workbook_ends_in_a_message(corpus, sqlite_db, capsys):
    folder, expect = corpus
    failures = []
    for name, outcome in sorted(expect.items()):
        path = folder / name
        if outcome == "imported if readable":
            outcome = "imported" if _calamine_reads(path) else "refused"
        code = main(["import", "customers", str(path), "--dry-run", "--db", str(sqlite_db.path)])
        out, err = capsys.readouterr()
        text = out + err
        if "Traceback" in text or "unexpected error" in text or code not in (0, 1):
            failures.append((name, code, text[-300:]))
            continue
        if code == 1 and name not in err:
            failures.append((name, "the message does not name the file", err[-300:]))
        if outcome == "imported" and code != 0:
            failures.append((name, "a valid file was refused", err[-300:]))
        if outcome in ("refused", "protected") and code != 1:
            failures.append((name, "a broken file was imported", out[-300:]))
        if outcome == "protected" and "password" not in err:
            failures.append((name, "not named as protected", err[-300:]))
        if name == "huge_dimension.xls" and "cannot be read" not in err:  # the reader aborted in its child
            failures.append((name, "the reader's crash was not reported as unreadable", err[-300:]))
        if name == "expanding.ods" and "MB of memory" not in err:  # refused by its expansion, before reading
            failures.append((name, "the expansion was not checked before reading", err[-300:]))
    assert not failures, "\n".join(map(str, failures))

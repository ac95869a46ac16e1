"""A full disk (a 2 MB tmpfs, as root; CI runs as root): every write fails whole, leaves nothing partial,
and says how much room it needed."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from accountdesk.cli import main
from accountdesk.core.faults import DiskFullError

TODAY = date(2026, 11, 20)


@pytest.fixture
def small_disk(tmp_path):
    # Room for the demo book (about 2 MiB with its indexes) and its write-ahead log; each test fills the rest.
    folder = tmp_path / "disk"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path, leave: int) -> None:
    """Take all but `leave` bytes of the disk."""
    free = shutil.disk_usage(folder).free
    (folder / "filler.bin").write_bytes(b"\0" * max(free - leave, 0))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json", ".ics"])
def test_an_export_to_a_full_disk_leaves_nothing_and_says_what_it_needs(demo_db, small_disk, suffix):
    from accountdesk.core.excel.exports.rows import export_json
    from accountdesk.core.excel.exports.workbook import export_workbook
    from accountdesk.core.revisits.plans import export_ics

    fill(small_disk, leave=8 * 1024)
    out = small_disk / f"customers{suffix}"
    with demo_db.session() as session, pytest.raises(DiskFullError) as failed:
        if suffix == ".json":
            export_json(session, "customers", out, as_of=TODAY)
        elif suffix == ".ics":
            export_ics(session, out, today=TODAY)
        else:
            export_workbook(session, "customers", out, as_of=TODAY)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]
    text = str(failed.value)
    assert "is full" in text and str(small_disk) in text and out.name in text
    assert failed.value.needed and failed.value.needed > 8 * 1024
    assert "Free at least" in text


def test_a_backup_to_a_full_disk_leaves_no_partial_copy_nor_its_journal(demo_db, small_disk, capsys):
    fill(small_disk, leave=64 * 1024)
    code = main(["backup", "--db", str(demo_db.path), "--to", str(small_disk)])
    err = capsys.readouterr().err
    assert code == 1 and "is full" in err and "Traceback" not in err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]


@pytest.mark.parametrize("command", ["import", "demo", "merge"])
def test_writing_a_database_on_a_full_disk_changes_nothing(demo_template, small_disk, tmp_path, capsys, command):
    book = small_disk / "book.accountdesk"
    shutil.copyfile(demo_template, book)
    from accountdesk.core.storage.database import open_database

    database = open_database(book, user="t")
    with database.session() as session:
        from sqlalchemy import func, select

        from accountdesk.core.storage.models import Customer

        before = session.scalar(select(func.count()).select_from(Customer))
    database.dispose()
    fill(small_disk, leave=16 * 1024)
    sheet = tmp_path / "new.csv"
    sheet.write_text("客户编号,客户名称,备注\n" + "".join(f"N{i:05d},新客户{i},{'备注' * 200}\n" for i in range(400)),
                     encoding="utf-8")
    other = tmp_path / "other.accountdesk"
    shutil.copyfile(demo_template, other)
    if command == "merge":
        from accountdesk.core.demo.book import generate_demo

        copy = open_database(other, user="o")
        generate_demo(copy, customers=80, seed=3, today=TODAY, follow_ups=False)
        copy.dispose()
    argv = {"import": ["import", "customers", str(sheet)],
            "demo": ["demo", "--customers", "200", "--today", TODAY.isoformat()],
            "merge": ["merge", str(other)]}[command]
    code = main([*argv, "--db", str(book)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "is full" in err and "Traceback" not in err and "MB" in err
    (small_disk / "filler.bin").unlink()
    database = open_database(book, user="t")
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == before
    database.dispose()
    assert not [p for p in small_disk.iterdir() if p.name.endswith(".partial")]

"""Every command against every bad database: a message that names the file and what to do, exit code 1
(or a read-only success), never a traceback, never a changed read-only or damaged file."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest
from hostile_databases import BAD_DATABASES, BAD_URLS, snapshot

from accountdesk.cli import main
from accountdesk.cli.entry import build_parser

# Files nothing but a restore may change: the damaged, the foreign and the read-only.
UNTOUCHABLE = {"corrupt_page", "truncated", "torn_copy", "foreign", "newer_schema", "read_only", "text", "empty"}
DAMAGED = {"corrupt_page", "truncated", "torn_copy"}


def command_lines(work: Path, good_backup: Path, good_sheet: Path, good_other: Path) -> dict[str, list[list[str]]]:
    out = work / "out"
    return {
        "demo": [["demo", "--customers", "3", "--today", "2026-11-20"]],
        "import": [["import", "customers", str(good_sheet)], ["import", "customers", str(good_sheet), "--dry-run"]],
        "export": [["export", "customers", str(out / "c.xlsx")], ["export", "customers", str(out / "c.csv")],
                   ["export", "tiers", str(out / "t.json")], ["export", "revisits", str(out / "r.ics")]],
        "retier": [["retier", "--as-of", "2026-11-20"], ["retier", "--dry-run", "--as-of", "2026-11-20"]],
        "reminders": [["reminders", "--date", "2026-11-20"]],
        "find": [["find", "hx"], ["find", "hx", "--json"]],
        "agenda": [["agenda", "--date", "2026-11-20"], ["agenda", "--date", "2026-11-20", "--days", "5"]],
        "sheets": [["sheets", str(out / "s.pdf"), "--from", "2026-11-20", "--to", "2026-11-27"]],
        "backup": [["backup", "--to", str(work / "bk")]],
        "restore": [["restore", str(good_backup)]],
        "check": [["check"]],
        "migrate": [["migrate"]],
        "merge": [["merge", str(good_other)], ["merge", str(good_other), "--dry-run"]],
        "share": [["share", "on"], ["share", "off"]],
        "duplicates": [["duplicates"], ["duplicates", "--json"]],
        "winback": [["winback", "list"], ["winback", "start", "C000001", "--reason", "price",
                                          "--action", "2026-11-25:电话回访"]],
        "care": [["care", "list", "C000001"], ["care", "add", "C000001", "--kind", "gift", "--item", "茶叶",
                                                "--value", "388.00"]],
        "greetings": [["greetings", "春节", "--year", "2027"]],
        "users": [["users", "list"]],
        "merge-customers": [["merge-customers", "C000001", "C000002", "--as-of", "2026-11-20"],
                            ["merge-customers", "C000001", "C000002", "--undo", "--as-of", "2026-11-20"]],
    }


# `bench` makes its own databases and ignores --db.
NOT_ON_A_DATABASE = {"bench"}


def test_every_command_is_in_the_battery(tmp_path):
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    listed = command_lines(tmp_path, tmp_path, tmp_path, tmp_path)
    assert set(commands) - NOT_ON_A_DATABASE == set(listed)


@pytest.fixture(scope="module")
def materials(tmp_path_factory, demo_template):
    folder = tmp_path_factory.mktemp("materials")
    backup = folder / "good-backup.accountdesk"
    shutil.copyfile(demo_template, backup)
    other = folder / "other-copy.accountdesk"
    shutil.copyfile(demo_template, other)
    sheet = folder / "customers.csv"
    sheet.write_text("客户编号,客户名称,联系方式\nX001,测试公司,13800138000\n", encoding="utf-8")
    return backup, sheet, other


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stopped:  # a usage error (exit 2) is argparse's own message
        return int(stopped.code or 0)


def _assert_no_traceback(code: int, out: str, err: str, argv: list[str]) -> None:
    text = out + err
    assert code in (0, 1), (argv, code, text)
    assert "Traceback" not in text, (argv, text)
    assert "unexpected error" not in text, (argv, text)
    assert "\x1b" not in text and "\x00" not in text


@pytest.mark.parametrize("kind", sorted(BAD_DATABASES))
def test_every_command_on_a_bad_database(kind, tmp_path, capsys, demo_template, materials):
    backup, sheet, other = materials
    work = tmp_path / "work"
    work.mkdir()
    (work / "out").mkdir()
    folder = tmp_path / "db"
    folder.mkdir()
    for name, lines in command_lines(work, backup, sheet, other).items():
        for argv in lines:
            target = BAD_DATABASES[kind](demo_template, folder / "book.accountdesk")
            before = snapshot(folder)
            code = run([*argv, "--db", str(target)])
            captured = capsys.readouterr()
            _assert_no_traceback(code, captured.out, captured.err, argv)
            if kind in DAMAGED and name not in ("restore",) and code:
                assert "damaged" in captured.err, (argv, captured.err)
            if code:
                assert captured.err.strip(), argv
                assert not list((work / "out").iterdir()), (argv, list((work / "out").iterdir()))
            if kind in UNTOUCHABLE and not (name == "restore" and code == 0):
                assert snapshot(folder) == before, (argv, kind, set(snapshot(folder)) ^ set(before))
            if kind == "missing_folder":
                assert not target.parent.exists()
            _reset(folder, work)


def _reset(folder: Path, work: Path) -> None:
    for path in list(folder.iterdir()) + list((work / "out").iterdir()):
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.chmod(0o644)
            path.unlink()


@pytest.mark.parametrize("kind", sorted(BAD_URLS))
def test_every_command_on_a_bad_server_address(kind, tmp_path, capsys, materials):
    backup, sheet, other = materials
    (tmp_path / "out").mkdir()
    for lines in command_lines(tmp_path, backup, sheet, other).values():
        for argv in lines:
            code = run([*argv, "--db", BAD_URLS[kind]])
            captured = capsys.readouterr()
            _assert_no_traceback(code, captured.out, captured.err, argv)
            assert code == 1, (argv, captured.out)
            assert BAD_URLS[kind].split("://")[0] in captured.err or "server" in captured.err, (argv, captured.err)


@pytest.mark.parametrize("kind", ["plain", "hot_journal"])
def test_every_command_on_a_database_in_a_read_only_folder(kind, tmp_path, capsys, demo_template, materials):
    """A read-only share (a bind mount remounted read-only; the suite runs as root, which chmod
    cannot stop): reads work, writes refuse with the reason, a hot journal is explained, not deleted."""
    import subprocess

    from hostile_databases import hot_journal

    backup, sheet, other = materials
    work = tmp_path / "work"
    (work / "out").mkdir(parents=True)
    folder = tmp_path / "share"
    folder.mkdir()
    target = folder / "book.accountdesk"
    if kind == "hot_journal":
        hot_journal(demo_template, target)
    else:
        shutil.copyfile(demo_template, target)
    before = snapshot(folder)
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        for name, lines in command_lines(work, backup, sheet, other).items():
            for argv in lines:
                code = run([*argv, "--db", str(target)])
                captured = capsys.readouterr()
                _assert_no_traceback(code, captured.out, captured.err, argv)
                if name == "restore":
                    assert code == 1 and "read-only" in captured.err, (argv, captured.err)
                elif kind == "hot_journal":
                    assert code == 1 and "Never delete the '-journal' file" in captured.err, (argv, captured.err)
                elif name in ("demo", "import", "share", "restore", "migrate") and "--dry-run" not in argv:
                    assert code == 1 and "read-only" in captured.err, (argv, captured.err)
                elif name in ("export", "check", "backup"):
                    assert code == 0, (argv, captured.err)
    finally:
        subprocess.run(["umount", str(folder)], check=True)
    assert snapshot(folder) == before

"""The command-line contract for database upkeep: check, migrate, backup, and refusing foreign files."""

import hashlib
import json
import sqlite3

import pytest

from accountdesk.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_on_new_database_succeeds(tmp_path, capsys):
    path = tmp_path / "d.accountdesk"
    code, out, _ = run(capsys, "check", "--db", str(path), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True and report["counts"]["customers"] == 0


def test_options_before_and_after_the_command(tmp_path, capsys):
    path = tmp_path / "d.accountdesk"
    assert run(capsys, "--db", str(path), "--json", "check")[0] == 0
    assert path.exists()


@pytest.mark.parametrize("kind", ["text", "sqlite"])
def test_check_refuses_files_that_are_not_ours(tmp_path, capsys, kind):
    path = tmp_path / ("notes.txt" if kind == "text" else "other.db")
    if kind == "text":
        path.write_text("客户拜访记录\n")
    else:
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
        connection.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = run(capsys, "check", "--db", str(path))
    assert code == 1
    assert str(path) in err and "not an AccountDesk database" in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_chinese_messages(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("x")
    code, _, err = run(capsys, "check", "--db", str(path), "--lang", "zh")
    assert code == 1 and "不是 AccountDesk 数据库" in err


def test_backup_makes_a_verified_copy(tmp_path, capsys):
    path = tmp_path / "d.accountdesk"
    assert run(capsys, "check", "--db", str(path))[0] == 0
    code, out, _ = run(capsys, "backup", "--db", str(path), "--to", str(tmp_path / "bk"), "--json")
    assert code == 0
    backup = json.loads(out)["backup"]
    assert backup.startswith(str(tmp_path / "bk"))
    assert run(capsys, "check", "--db", backup)[0] == 0


def test_migrate_creates_then_reports_up_to_date(tmp_path, capsys):
    path = tmp_path / "d.accountdesk"
    code, out, _ = run(capsys, "migrate", "--db", str(path))
    assert code == 0 and "Created the schema" in out and str(path) in out
    code, out, _ = run(capsys, "migrate", "--db", str(path))
    assert code == 0 and "up to date" in out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "nonsense", "x.json"])
    assert stopped.value.code == 2

"""`accountdesk demo` fills a database that `accountdesk check` then finds sound."""

from __future__ import annotations

import json

from accountdesk.cli import main


def test_demo_then_check(tmp_path, capsys):
    path = str(tmp_path / "demo.accountdesk")
    assert main(["demo", "--db", path, "--customers", "200", "--seed", "3", "--today", "2026-11-20"]) == 0
    assert "200" in capsys.readouterr().out
    assert main(["check", "--db", path, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["customers"] == 200
    assert report["counts"]["transactions"] > 1000


def test_demo_json_report(tmp_path, capsys):
    path = str(tmp_path / "demo.accountdesk")
    assert main(["demo", "--db", path, "--customers", "20", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["customers"] == 20 and document["first_code"] == "C000001"

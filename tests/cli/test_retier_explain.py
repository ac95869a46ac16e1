"""`retier --explain CODE` shows the same breakdown the GUI and the exports use."""

import json

from accountdesk.cli import main


def test_explain_agrees_with_export_and_adds_up(tmp_path, capsys):
    db = str(tmp_path / "d.accountdesk")
    assert main(["demo", "--db", db, "--customers", "40", "--seed", "5", "--today", "2026-11-20"]) == 0
    assert main(["retier", "--db", db, "--as-of", "2026-11-20"]) == 0
    out = tmp_path / "customers.json"
    assert main(["export", "customers", str(out), "--db", db, "--as-of", "2026-11-20"]) == 0
    capsys.readouterr()
    exported = {row["code"]: row for row in json.loads(out.read_text(encoding="utf-8"))}
    code = sorted(exported)[7]
    assert main(["retier", "--db", db, "--explain", code, "--as-of", "2026-11-20", "--json"]) == 0
    breakdown = json.loads(capsys.readouterr().out)
    assert breakdown["code"] == code
    assert breakdown["tier"] == exported[code]["tier"]
    assert abs(breakdown["score"] - float(exported[code]["score"])) < 0.01
    assert abs(sum(c["contribution"] for c in breakdown["criteria"]) - breakdown["score"]) < 0.05


def test_explain_unknown_code_fails_clearly(tmp_path, capsys):
    db = str(tmp_path / "d.accountdesk")
    assert main(["retier", "--db", db, "--explain", "X-404"]) == 1
    assert "X-404" in capsys.readouterr().err

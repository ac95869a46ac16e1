"""Eight writers on one PostgreSQL database at once (imports, interaction imports, re-grades, people at
forms), shortened; `python -m tools.team_stress --db URL --seconds 60` is the full minute."""

from __future__ import annotations

import pytest

from tools.team_stress import run

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_eight_writers_lose_nothing_and_explain_every_failure(server_db, tmp_path):
    url = server_db.url
    server_db.dispose()
    report = run(url, seconds=8, writers=8, folder=tmp_path / "stress")
    assert report["tracebacks"] == []
    assert all(not message.startswith("Traceback") and "psycopg" not in message and "sqlalchemy" not in message
               for message in report["failure_messages"])
    steps = report["steps"]
    for role in ("import", "interactions", "regrade", "create", "edit"):
        assert steps.get(f"{role} ok", 0) >= 1, (role, steps)  # every kind of writer really wrote
    assert report["customers"] == report["expected_customers"] == report["distinct_codes"]
    assert report["interactions"] == report["expected_interactions"]
    assert report["form_customers_missing"] == []
    assert report["check_ok"] and report["figures_equal"], report
    assert report["ok"]

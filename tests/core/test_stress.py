"""Four people on one shared-mode file for most of a minute: no lost update, no unhandled
"database is locked", a sound file at the end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import AuditEntry, Customer, Interaction
from accountdesk.core.team import presence as team
from accountdesk.core.team.backup import integrity_problems

WORKERS = 4
SECONDS = float(os.environ.get("ACCOUNTDESK_STRESS_SECONDS", "40"))
OPERATIONS = 400


@pytest.mark.slow
def test_four_processes_editing_the_same_customers_lose_nothing(sqlite_db, tmp_path):
    with sqlite_db.write() as session:
        ids = [archive.create_customer(session, {"name": f"客户{n}", "code": f"S{n}"}).id for n in range(6)]
    path = sqlite_db.path
    sqlite_db.dispose()
    team.set_shared_mode(path, True)

    worker = Path(__file__).with_name("stress_worker.py")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    outputs = [tmp_path / f"worker{n}.json" for n in range(WORKERS)]
    processes = [
        subprocess.Popen(
            [sys.executable, str(worker), str(path), str(n), json.dumps(ids), str(OPERATIONS), str(SECONDS), str(out)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n, out in enumerate(outputs)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=SECONDS + 60)
        assert process.returncode == 0, err
    results = [json.loads(out.read_text(encoding="utf-8")) for out in outputs]
    for result in results:
        assert result["stats"]["errors"] == []  # no unhandled error, "database is locked" included
        assert result["stats"]["busy"] == 0

    saves = [save for result in results for save in result["saves"]]
    attempts = sum(r["stats"]["attempts"] for r in results)
    conflicts = sum(r["stats"]["conflicts"] for r in results)
    interactions = sum(r["stats"]["interactions"] for r in results)
    assert attempts == len(saves) + conflicts + interactions  # every attempt saved or reported
    assert conflicts > 0 and len(saves) > 100  # the edits really overlapped

    assert integrity_problems(path) == []
    database = open_database(path, user="checker")
    try:
        assert database.shared
        with database.session() as session:
            for customer_id in ids:
                mine = sorted((s for s in saves if s["customer"] == customer_id), key=lambda s: s["version"])
                customer = session.get(Customer, customer_id)
                versions = [s["version"] for s in mine]
                # Each accepted save produced its own version: two saves from the same version
                # (the second overwriting the first unseen) would repeat one.
                assert len(set(versions)) == len(versions)
                assert customer.version == 1 + len(mine)
                increments = [s for s in mine if s["kind"] == "referrals"]
                assert customer.referrals == len(increments)  # no increment lost
                phones = [s for s in mine if s["kind"] == "phone"]
                if phones:
                    assert customer.phone == phones[-1]["value"]
                audited = session.scalar(select(func.count()).select_from(AuditEntry).where(
                    AuditEntry.customer_id == customer_id, AuditEntry.field == "referrals"))
                assert audited == len(increments)
            assert session.scalar(select(func.count()).select_from(Interaction)) == interactions
    finally:
        database.dispose()
    totals = defaultdict(int)
    for save in saves:
        totals[save["kind"]] += 1
    print(f"\nstress: {attempts} attempts, {dict(totals)} saved, {conflicts} conflicts, {interactions} interactions")

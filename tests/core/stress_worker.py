"""One simulated team member for the stress test: read a customer, think, save with the version
seen; a refused save is a conflict. Writes what it did as JSON. Run by test_stress.py."""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from datetime import datetime, timezone

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database
from accountdesk.core.team.conflicts import ConflictError, DatabaseBusyError, run_with_retry


def main(path: str, number: int, customer_ids: list[int], operations: int, seconds: float, out: str) -> None:
    rng = random.Random(number)
    database = open_database(path, user=f"worker{number}")
    saves: list[dict] = []  # every accepted save: customer, kind, value, the version it produced
    stats = {"attempts": 0, "conflicts": 0, "busy": 0, "interactions": 0, "errors": []}
    deadline = time.monotonic() + seconds
    try:
        for step in range(operations):
            if time.monotonic() > deadline:
                break
            customer_id = rng.choice(customer_ids)
            roll = rng.random()
            stats["attempts"] += 1
            try:
                if roll < 0.85:
                    # A form: read, think (others save meanwhile), save with the version seen.
                    with database.session() as session:
                        customer = archive.get_customer(session, customer_id)
                        seen_version, referrals = customer.version, customer.referrals
                    time.sleep(rng.uniform(0, 0.02))
                    if roll < 0.55:
                        kind, changes = "referrals", {"referrals": referrals + 1}
                    else:
                        kind, changes = "phone", {"phone": f"139{number:02d}{step:06d}"}

                    def save(changes=changes, seen_version=seen_version, customer_id=customer_id) -> int:
                        with database.write() as session:
                            return archive.update_customer(
                                session, customer_id, changes, expected_version=seen_version
                            ).version

                    version = run_with_retry(save, attempts=6)
                    saves.append({"customer": customer_id, "kind": kind, "value": next(iter(changes.values())),
                                  "version": version, "worker": number})
                else:
                    def log(customer_id=customer_id, step=step) -> None:
                        with database.write() as session:
                            archive.log_interaction(session, customer_id, {
                                "kind": "phone", "summary": f"worker {number} step {step}",
                                "occurred_at": datetime.now(timezone.utc),
                            })

                    run_with_retry(log, attempts=6)
                    stats["interactions"] += 1
            except ConflictError:
                stats["conflicts"] += 1
            except DatabaseBusyError:
                stats["busy"] += 1
    except Exception:
        stats["errors"].append(traceback.format_exc())
    finally:
        database.dispose()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"stats": stats, "saves": saves}, handle)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6])

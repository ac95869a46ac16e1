"""Optimistic locking: a second save of the same row is refused with mine/theirs, never lost."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from accountdesk.core.storage.models import Customer
from accountdesk.core.team.conflicts import (
    KEEP_MINE,
    KEEP_THEIRS,
    Combined,
    ConflictError,
    DatabaseBusyError,
    check_version,
    check_versions,
    resolve,
    run_with_retry,
)


def _add_customer(db, **values) -> int:
    with db.write() as session:
        customer = Customer(code=values.pop("code", "C001"), name=values.pop("name", "华为"), **values)
        session.add(customer)
        session.flush()
        return customer.id


def _save(db, customer_id: int, changes: dict, expected_version: int | None) -> None:
    with db.write() as session:
        customer = session.get(Customer, customer_id)
        check_version(customer, expected_version, changes)
        for key, value in changes.items():
            setattr(customer, key, value)


def test_second_save_of_same_row_is_refused_with_mine_and_theirs(db):
    customer_id = _add_customer(db, phone="111", notes="a")
    # Both users opened the customer at version 1.
    _save(db, customer_id, {"phone": "222"}, expected_version=1)
    with pytest.raises(ConflictError) as caught:
        _save(db, customer_id, {"phone": "333", "notes": "b"}, expected_version=1)
    conflict = caught.value
    assert conflict.entity == "customers" and conflict.id == customer_id
    assert conflict.mine == {"phone": "333", "notes": "b"}
    assert conflict.theirs == {"phone": "222", "notes": "a"}
    assert conflict.stored_version == 2
    assert "phone" in str(conflict)
    with db.session() as session:
        stored = session.get(Customer, customer_id)
        assert (stored.phone, stored.notes, stored.version) == ("222", "a", 2)


def test_resolve_keeps_a_per_field_choice(db):
    customer_id = _add_customer(db, phone="111", notes="a", email="x@example.com")
    _save(db, customer_id, {"phone": "222", "notes": "theirs"}, expected_version=1)
    with pytest.raises(ConflictError) as caught:
        _save(db, customer_id, {"phone": "333", "notes": "mine", "email": "me@example.com"}, expected_version=1)
    conflict = caught.value
    conflict.base.update({"phone": "111", "notes": "a", "email": "x@example.com"})
    contested = {c.field for c in conflict.fields if c.contested}
    assert contested == {"phone", "notes"}  # email only I changed
    resolution = resolve(conflict, {"phone": KEEP_MINE, "notes": Combined("theirs / mine")})
    assert resolution.changes == {"phone": "333", "notes": "theirs / mine", "email": "me@example.com"}
    _save(db, customer_id, resolution.changes, resolution.expected_version)
    with db.session() as session:
        stored = session.get(Customer, customer_id)
        assert (stored.phone, stored.notes, stored.email) == ("333", "theirs / mine", "me@example.com")


def test_resolve_defaults_to_mine_and_remembers_what_i_gave_up(db):
    customer_id = _add_customer(db, phone="111")
    _save(db, customer_id, {"phone": "222"}, expected_version=1)
    with pytest.raises(ConflictError) as caught:
        _save(db, customer_id, {"phone": "333"}, expected_version=1)
    resolution = resolve(caught.value)
    assert resolution.changes == {"phone": "333"} and resolution.expected_version == 2
    assert resolution.base == {"phone": "222"} and not resolution.discarded
    theirs = resolve(caught.value, {"phone": KEEP_THEIRS})
    assert theirs.changes == {} and theirs.kept_theirs == ["phone"] and theirs.discarded == {"phone": "333"}
    assert not theirs.nothing_to_save  # the given-up value still goes to the history
    with pytest.raises(ValueError):
        resolve(caught.value, {"name": KEEP_MINE})


def test_saving_a_deleted_row_is_a_conflict(db):
    customer_id = _add_customer(db)
    with db.write() as session:
        from accountdesk.core.storage.models import utcnow

        session.get(Customer, customer_id).deleted_at = utcnow()
    with pytest.raises(ConflictError) as caught:
        _save(db, customer_id, {"phone": "1"}, expected_version=None)
    assert caught.value.deleted


def test_bulk_edit_reports_each_stale_row(db):
    first, second = _add_customer(db, code="C1"), _add_customer(db, code="C2")
    _save(db, second, {"phone": "9"}, expected_version=1)
    with db.session() as session:
        rows = [(session.get(Customer, first), 1), (session.get(Customer, second), 1)]
        conflicts = check_versions(rows, {"industry": "零售"})
    assert [c.id for c in conflicts] == [second]


@pytest.mark.postgres
def test_a_write_collision_is_retried_and_merged(server_db):
    """The ORM's version check fails when another commit lands between a read and a write (a row
    read earlier in the transaction without a lock): the whole save is tried again and merged."""
    from accountdesk.core.archive import records as archive

    db = server_db  # on SQLite the write transaction holds the file's lock: nobody commits inside it
    customer_id = _add_customer(db, phone="111", email="a@example.com")
    attempts = []

    def save() -> None:
        attempts.append(1)
        with db.write() as session:
            if len(attempts) == 1:
                stale = session.get(Customer, customer_id)  # read, no lock
                _save(db, customer_id, {"phone": "222"}, expected_version=None)  # a colleague commits
                stale.email = "b@example.com"
                session.flush()  # UPDATE … WHERE version = 1 finds nothing: StaleDataError
            archive.update_customer(session, customer_id, {"email": "b@example.com"}, expected_version=1,
                                    base={"phone": "111", "email": "a@example.com"})

    run_with_retry(save, sleep=lambda _: None)
    assert len(attempts) == 2
    with db.session() as session:
        stored = session.get(Customer, customer_id)
        assert (stored.phone, stored.email) == ("222", "b@example.com")


def _locked() -> OperationalError:
    return OperationalError("UPDATE customers", {}, sqlite3.OperationalError("database is locked"))


def test_busy_database_is_retried_then_explained():
    calls, waits = [], []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise _locked()
        return "saved"

    assert run_with_retry(flaky, attempts=5, on_wait=lambda n, d: waits.append(n), sleep=lambda _: None) == "saved"
    assert waits == [1, 2]

    def always_locked():
        raise _locked()

    with pytest.raises(DatabaseBusyError) as caught:
        run_with_retry(always_locked, attempts=3, sleep=lambda _: None)
    assert "busy" in str(caught.value)


def test_other_errors_are_not_retried():
    calls = []

    def broken():
        calls.append(1)
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x"))

    with pytest.raises(OperationalError):
        run_with_retry(broken, attempts=3, sleep=lambda _: None)
    assert len(calls) == 1


def test_a_phone_saved_while_a_regrade_runs_is_no_conflict(db):
    """The form loaded the customer, the nightly re-grade moved its tier, the person saves: the
    re-grade wrote only derived columns, so the version the form holds is still the row's."""
    from datetime import date

    from accountdesk.core.archive.records import update_customer
    from accountdesk.core.storage.models import AuditEntry, Transaction
    from accountdesk.core.tiering.regrade import regrade_all

    customer_id = _add_customer(db, phone="111")
    with db.write() as session:
        session.add(Transaction(customer_id=customer_id, occurred_on=date(2026, 11, 1), amount_cents=5_000_000))
    with db.session() as session:
        loaded = session.get(Customer, customer_id)
        form_version, tier_before = loaded.version, loaded.tier
    with db.write() as session:
        regrade_all(session, date(2026, 12, 3))
    with db.write() as session:  # no ConflictError
        update_customer(session, customer_id, {"phone": "13800000000"}, expected_version=form_version)
    with db.session() as session:
        saved = session.get(Customer, customer_id)
        assert saved.phone == "13800000000" and saved.tier != tier_before and saved.tier is not None
        assert saved.version == form_version + 1
        fields = {entry.field for entry in session.query(AuditEntry).filter_by(customer_id=customer_id)}
        assert "phone" in fields and "tier" not in fields  # the tier history, not the audit, records grades

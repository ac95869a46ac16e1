"""Merging a diverged copy: by uid, one-sided changes whatever the clocks say, both-sided ones
reviewed, tombstones respected, idempotent, the other file untouched, all or nothing."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from killing import kill_when_signalled
from sqlalchemy import select

from accountdesk.core.archive import records as archive
from accountdesk.core.storage import audit
from accountdesk.core.storage.database import NotAnAccountDeskDatabase, open_database
from accountdesk.core.storage.models import (
    AuditEntry,
    Base,
    Contact,
    Customer,
    Interaction,
    Transaction,
    utcnow,
)
from accountdesk.core.team import presence as team
from accountdesk.core.team.backup import backup_database, integrity_problems
from accountdesk.core.team.merge import MergeError, last_merge, merge_databases


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(database) -> dict:
    """Every row of every table, for 'nothing changed' comparisons."""
    with database.session() as session:
        return {t.name: sorted(map(tuple, session.execute(select(t)).all()), key=repr) for t in Base.metadata.sorted_tables}


def diverge(db, tmp_path: Path):
    """A copy of `db` (as a sync tool would leave it), opened as another user's database."""
    path = backup_database(db, tmp_path / "copies", label="copy")
    other_path = tmp_path / "synced" / "crm (conflicted copy).accountdesk"
    other_path.parent.mkdir()
    path.replace(other_path)
    return open_database(other_path, user="colleague")


def seed(db) -> dict[str, int]:
    with db.write() as session:
        ids = {
            name: archive.create_customer(session, {"name": name, "code": code, "phone": "13800000000"}).id
            for name, code in (("甲公司", "C1"), ("乙公司", "C2"), ("丙公司", "C3"), ("丁公司", "C4"))
        }
    return ids


def customer(db, customer_id: int) -> SimpleNamespace:
    """The stored customer as plain values (read sessions end in a rollback that expires objects)."""
    with db.session() as session:
        row = archive.get_customer(session, customer_id, include_deleted=True)
        values = {c.key: getattr(row, c.key) for c in Customer.__mapper__.column_attrs}
    return SimpleNamespace(**values, is_deleted=values["deleted_at"] is not None)


def edit(db, customer_id: int, **changes) -> None:
    with db.write() as session:
        archive.update_customer(session, customer_id, changes)


def test_one_sided_edits_and_new_rows_come_over_with_their_references(db, tmp_path):
    ids = seed(db)
    other = diverge(db, tmp_path)
    try:
        with db.write() as session:  # ids in this file move on, so the copy's ids differ from ours
            archive.create_customer(session, {"name": "本地新客户", "code": "L1"})
        with other.write() as session:
            archive.update_customer(session, ids["乙公司"], {"industry": "零售"})
            new = archive.create_customer(session, {"name": "远方客户", "code": "R1"})
            contact = archive.add_contact(session, new.id, {"name": "王经理", "phone": "13912345678"})
            archive.add_transaction(session, new.id, {"occurred_on": date(2026, 11, 1), "amount": "1234.50"})
            archive.log_interaction(session, new.id, {"kind": "visit", "summary": "拜访", "contact_id": contact.id})
            archive.set_customer_tags(session, new.id, ["VIP"])
        report = merge_databases(db, other.path)
    finally:
        other.dispose()
    assert report.inserted["customers"] == 1 and report.updated["customers"] == 1 and not report.review
    assert customer(db, ids["乙公司"]).industry == "零售"
    with db.session() as session:
        remote = session.scalars(select(Customer).where(Customer.code == "R1")).one()
        contact = session.scalars(select(Contact).where(Contact.customer_id == remote.id)).one()
        assert contact.name == "王经理"
        assert session.scalars(select(Transaction.amount_cents).where(Transaction.customer_id == remote.id)).one() == 123450
        interaction = session.scalars(select(Interaction).where(Interaction.customer_id == remote.id)).one()
        assert interaction.contact_id == contact.id and interaction.user_id is not None
        assert [tag.name for tag in remote.tags] == ["VIP"]
        assert "wangjingli" in remote.search_key  # found by the contact's name in pinyin
        # Their history came along, attached to our ids: authored by who merged it, from that file,
        # with the copy's own attribution kept as a claim.
        trail = audit.customer_trail(session, remote.id)
        assert trail and {entry.user for entry in trail} == {db.user}
        assert {(entry.merged_from, entry.claimed_user) for entry in trail} == {
            ("crm (conflicted copy).accountdesk", "colleague")}
        assert remote.updated_by == db.user


def test_edit_edit_combines_fields_and_lists_the_contested_one(db, tmp_path):
    ids = seed(db)
    other = diverge(db, tmp_path)
    try:
        edit(db, ids["甲公司"], phone="13811111111", notes="我方备注")
        edit(other, ids["甲公司"], notes="对方备注", email="a@example.com")  # later: theirs is newer
        report = merge_databases(db, other.path)
    finally:
        other.dispose()
    merged = customer(db, ids["甲公司"])
    assert merged.phone == "13811111111"  # only we changed it
    assert merged.email == "a@example.com"  # only they changed it
    assert merged.notes == "对方备注"  # both: the newer save
    [item] = report.review
    assert (item.label, item.fields, item.reason) == ("甲公司", ["notes"], "both_changed")
    assert item.detail["notes"] == {"mine": "我方备注", "theirs": "对方备注"}
    assert last_merge(db, other.path)["review"][0]["fields"] == ["notes"]


def test_edit_against_delete_newer_wins(db, tmp_path):
    ids = seed(db)
    other = diverge(db, tmp_path)
    try:
        edit(db, ids["甲公司"], industry="制造")  # we edit, then they delete: the delete wins
        with other.write() as session:
            archive.delete_customer(session, ids["甲公司"])
        with db.write() as session:  # we delete, then they edit: the edit wins
            archive.delete_customer(session, ids["乙公司"])
        edit(other, ids["乙公司"], industry="物流")
        with other.write() as session:  # a delete only they made simply comes over
            archive.delete_customer(session, ids["丙公司"])
        report = merge_databases(db, other.path)
    finally:
        other.dispose()
    assert customer(db, ids["甲公司"]).is_deleted
    kept = customer(db, ids["乙公司"])
    assert not kept.is_deleted and kept.industry == "物流"
    assert customer(db, ids["丙公司"]).is_deleted
    assert sorted((i.label, i.reason, i.kept) for i in report.review) == [
        ("乙公司", "edit_vs_delete", "theirs"), ("甲公司", "edit_vs_delete", "theirs"),
    ]
    assert report.deleted == {"customers": 2}


def test_clocks_an_hour_apart_do_not_lose_a_one_sided_edit(db, tmp_path, monkeypatch):
    ids = seed(db)
    other = diverge(db, tmp_path)
    try:
        edit(db, ids["甲公司"], industry="制造")
        # Their computer's clock is an hour behind: every stamp it writes is older than ours.
        slow = lambda: utcnow() - timedelta(hours=1)  # noqa: E731
        monkeypatch.setattr(audit, "utcnow", slow)
        monkeypatch.setattr(archive, "utcnow", slow)
        edit(other, ids["乙公司"], industry="物流")
        edit(other, ids["甲公司"], phone="13922222222")
        with other.write() as session:
            archive.delete_customer(session, ids["丙公司"])
        monkeypatch.undo()
        assert customer(other, ids["乙公司"]).updated_at < customer(db, ids["乙公司"]).updated_at
        report = merge_databases(db, other.path)
    finally:
        other.dispose()
    assert customer(db, ids["乙公司"]).industry == "物流"
    both = customer(db, ids["甲公司"])
    assert (both.industry, both.phone) == ("制造", "13922222222")
    assert customer(db, ids["丙公司"]).is_deleted
    assert report.review == []  # different fields: nothing contested


def test_merging_twice_changes_nothing_the_second_time(db, tmp_path):
    ids = seed(db)
    other = diverge(db, tmp_path)
    try:
        edit(db, ids["甲公司"], notes="我方")
        edit(other, ids["甲公司"], notes="对方")
        edit(other, ids["丁公司"], industry="教育")
        with other.write() as session:
            archive.create_customer(session, {"name": "新客户", "code": "N1"})
            archive.set_customer_tags(session, ids["乙公司"], ["重点"])
        first = merge_databases(db, other.path)
        assert first.changed
        before = snapshot(db)
        second = merge_databases(db, other.path)
        assert not second.changed and second.review == [] and second.backup_path is None
        assert snapshot(db) == before
        # The copy moves on after the merge: only the new change comes over.
        edit(other, ids["乙公司"], industry="餐饮")
        third = merge_databases(db, other.path)
        assert third.updated == {"customers": 1} and third.review == []
    finally:
        other.dispose()


def test_dry_run_writes_nothing_and_the_other_file_is_never_changed(db, tmp_path):
    ids = seed(db)
    other = diverge(db, tmp_path)
    edit(other, ids["甲公司"], industry="零售")
    other_path = other.path
    other.dispose()
    folder_before = sorted(p.name for p in other_path.parent.iterdir())
    other_before = digest(other_path)
    before = snapshot(db)
    report = merge_databases(db, other_path, dry_run=True)
    assert report.dry_run and report.updated == {"customers": 1}
    assert snapshot(db) == before
    report = merge_databases(db, other_path)
    assert report.backup_path is None or report.backup_path.exists()
    assert customer(db, ids["甲公司"]).industry == "零售"
    assert digest(other_path) == other_before
    assert sorted(p.name for p in other_path.parent.iterdir()) == folder_before


def test_a_clashing_code_is_renamed_and_listed(db, tmp_path):
    seed(db)
    other = diverge(db, tmp_path)
    try:
        with db.write() as session:
            archive.create_customer(session, {"name": "我方新客户", "code": "C9"})
        with other.write() as session:
            archive.create_customer(session, {"name": "对方新客户", "code": "C9"})
            archive.set_customer_tags(session, 1, ["VIP"])
        with db.write() as session:  # the same tag name made on both sides is one tag
            archive.set_customer_tags(session, 2, ["VIP"])
        report = merge_databases(db, other.path)
    finally:
        other.dispose()
    with db.session() as session:
        codes = dict(session.execute(select(Customer.name, Customer.code)).all())
        assert codes["我方新客户"] == "C9" and codes["对方新客户"] == "C9-2"
        assert sorted(len(c.tags) for c in session.scalars(select(Customer).where(Customer.id.in_([1, 2])))) == [1, 1]
        assert len(archive.list_tags(session)) == 1
    assert [(i.reason, i.label) for i in report.review] == [("code_clash", "对方新客户")]


@pytest.mark.parametrize("kind", ["zero-byte", "text", "foreign-sqlite"])
def test_files_that_are_not_ours_are_refused_unchanged(db, tmp_path, kind):
    path = tmp_path / "elsewhere" / "other.accountdesk"
    path.parent.mkdir()
    if kind == "zero-byte":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("客户名单\n", encoding="utf-8")
    else:
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, uid TEXT)")
        connection.commit()
        connection.close()
    before = digest(path)
    with pytest.raises(NotAnAccountDeskDatabase):
        merge_databases(db, path)
    assert digest(path) == before and sorted(p.name for p in path.parent.iterdir()) == ["other.accountdesk"]


def test_merging_a_file_into_itself_or_a_missing_file_is_refused(sqlite_db, tmp_path):
    with pytest.raises(MergeError):
        merge_databases(sqlite_db, sqlite_db.path)
    with pytest.raises(MergeError):
        merge_databases(sqlite_db, tmp_path / "missing.accountdesk")


def test_merge_commit_is_seen_by_other_users_watchers(db, tmp_path):
    ids = seed(db)
    other = diverge(db, tmp_path)
    colleague = open_database(db.path if db.path else db.url, user="third")
    watcher = team.ChangeWatcher(colleague)
    try:
        edit(other, ids["甲公司"], industry="零售")
        merge_databases(db, other.path)
        assert watcher.poll()
    finally:
        watcher.close()
        colleague.dispose()
        other.dispose()


def test_a_merge_killed_midway_leaves_all_or_nothing(sqlite_db, tmp_path):
    ids = seed(sqlite_db)
    other = diverge(sqlite_db, tmp_path)
    with other.write() as session:
        for n in range(30):
            archive.create_customer(session, {"name": f"新客户{n}", "code": f"N{n}"})
    edit(other, ids["甲公司"], industry="零售")
    other_path, path = other.path, sqlite_db.path
    other.dispose()
    sqlite_db.dispose()
    signal_file = tmp_path / "inside-merge"
    kill_when_signalled([sys.executable, "-m", "accountdesk", "merge", str(other_path), "--db", str(path)],
                        signal_file, env={"ACCOUNTDESK_TEST_PAUSE_IN_MERGE": str(signal_file)}, timeout=30)
    assert integrity_problems(path) == []
    reopened = open_database(path, user="tester")
    try:
        with reopened.session() as session:
            assert archive.count_customers(session) == 4  # none of the merge
        assert customer(reopened, ids["甲公司"]).industry is None
        report = merge_databases(reopened, other_path)  # and a rerun does all of it
        assert report.inserted == {"customers": 30}
        with reopened.session() as session:
            assert archive.count_customers(session) == 34
            assert session.scalar(select(AuditEntry.id).where(AuditEntry.claimed_user == "colleague").limit(1))
    finally:
        reopened.dispose()
    assert integrity_problems(path) == []


def test_a_hand_edited_copy_cannot_forge_the_history(db, tmp_path):
    """Backdated entries in the name of someone nobody signed in as arrive as what they are: claims,
    merged from that file by whoever merged it, at the time of the merge."""
    from datetime import datetime, timezone

    from sqlalchemy import update

    ids = seed(db)
    other = diverge(db, tmp_path)
    try:
        with other.write() as session:
            archive.update_customer(session, ids["丙公司"], {"industry": "伪造"})
        with other.write() as session:  # the hand edit: a boss who never signed in, in 2020
            session.execute(update(AuditEntry).where(AuditEntry.field == "industry")
                            .values(user="boss", at=datetime(2020, 1, 1, tzinfo=timezone.utc)))
        before = datetime.now(timezone.utc)
        merge_databases(db, other.path)
    finally:
        other.dispose()
    with db.session() as session:
        (entry,) = [e for e in audit.customer_trail(session, ids["丙公司"]) if e.field == "industry"]
        assert entry.user == db.user != "boss"
        assert entry.at >= before.replace(microsecond=0)
        assert (entry.claimed_user, entry.claimed_at.year) == ("boss", 2020)
        assert entry.merged_from == "crm (conflicted copy).accountdesk"
        assert not session.scalar(select(AuditEntry.id).where(AuditEntry.user == "boss").limit(1))

"""Merging at the edges (issue 21): another company's file refused unless forced, code clashes renamed
with a list, tag removals that stick, and the same result whichever file is merged into which."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from test_merge import diverge, seed

from accountdesk.cli import main
from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Customer
from accountdesk.core.team.merge import UnrelatedDatabase, merge_databases


def book(db) -> dict[str, tuple]:
    """What a person sees of the customers: code → (name, industry, tags, deleted)."""
    with db.session() as session:
        return {c.code: (c.name, c.industry, tuple(sorted(t.name for t in c.tags)), c.deleted_at is not None)
                for c in session.scalars(select(Customer))}


def test_another_companys_database_is_refused_unless_forced(sqlite_db, sqlite_template, tmp_path, capsys):
    seed(sqlite_db)
    other_path = tmp_path / "other-company.accountdesk"
    other = open_database(other_path, user="them")  # created on its own: another identity
    with other.write() as session:
        archive.create_customer(session, {"name": "别家客户", "code": "C1"})
    other.dispose()
    before = book(sqlite_db)
    with pytest.raises(UnrelatedDatabase) as refused:
        merge_databases(sqlite_db, other_path)
    assert "not a copy of this database" in str(refused.value) and "--force" in str(refused.value)
    assert book(sqlite_db) == before
    code = main(["merge", str(other_path), "--db", str(sqlite_db.path)])
    assert code == 1 and "not a copy" in capsys.readouterr().err
    report = merge_databases(sqlite_db, other_path, force=True)
    merged = book(sqlite_db)
    assert len(merged) == len(before) + 1
    assert merged["C1-2"][0] == "别家客户"  # the clash is renamed and listed
    assert [(i.reason, i.detail["code"]) for i in report.review] == [("code_clash", {"mine": "C1", "theirs": "C1-2"})]
    assert "C1 → C1-2" in report.summary().en


def test_a_copy_keeps_its_identity_through_an_upgrade_on_each_side(sqlite_db, tmp_path):
    other = diverge(sqlite_db, tmp_path)
    try:
        assert other.meta("database_id") == sqlite_db.meta("database_id") is not None
    finally:
        other.dispose()


def test_a_code_renamed_into_a_clash_is_renamed_again_not_an_integrity_error(sqlite_db, tmp_path):
    db = sqlite_db
    ids = seed(db)
    other = diverge(db, tmp_path)
    try:
        with db.write() as session:
            archive.create_customer(session, {"name": "我方新客户", "code": "X9"})
        with other.write() as session:
            archive.update_customer(session, ids["乙公司"], {"code": "X9"})
        report = merge_databases(db, other.path)
    finally:
        other.dispose()
    merged = book(db)
    live_codes = [code for code, row in merged.items() if not row[3]]
    assert len(live_codes) == len(set(live_codes))
    assert {merged["X9"][0], merged["X9-2"][0]} == {"我方新客户", "乙公司"}
    assert any(item.reason == "code_clash" for item in report.review)


def _pair(sqlite_db, tmp_path) -> tuple[Path, Path]:
    ids = seed(sqlite_db)
    with sqlite_db.write() as session:
        for name in ("甲公司", "乙公司", "丙公司"):
            archive.set_customer_tags(session, ids[name], ["VIP", "老客户"])
    other = diverge(sqlite_db, tmp_path)
    try:
        with sqlite_db.write() as session:
            archive.set_customer_tags(session, ids["甲公司"], ["老客户"])  # we remove VIP
            archive.create_customer(session, {"name": "我方新客户", "code": "N1"})
            archive.update_customer(session, ids["丁公司"], {"industry": "制造"})
        with other.write() as session:
            archive.set_customer_tags(session, ids["乙公司"], ["VIP"])  # they remove 老客户
            archive.set_customer_tags(session, ids["丙公司"], [])  # they remove both …
            archive.create_customer(session, {"name": "对方新客户", "code": "N1"})
            archive.update_customer(session, ids["丁公司"], {"industry": "零售"})
        with sqlite_db.write() as session:
            archive.set_customer_tags(session, ids["丙公司"], ["VIP", "老客户", "重点"])  # … we add one later
        return Path(sqlite_db.path), Path(other.path)
    finally:
        other.dispose()


def test_tag_removals_stick_unless_added_again_later(sqlite_db, tmp_path):
    mine, theirs = _pair(sqlite_db, tmp_path)
    merge_databases(sqlite_db, theirs)
    merged = book(sqlite_db)
    assert merged["C1"][2] == ("老客户",)  # removed here: stays removed
    assert merged["C2"][2] == ("VIP",)  # removed there: stays removed
    assert merged["C3"][2] == ("重点",)  # removed there; only the tag added here later remains


def test_merging_either_way_gives_the_same_book(sqlite_db, tmp_path):
    mine, theirs = _pair(sqlite_db, tmp_path)
    sqlite_db.dispose()
    a, b = tmp_path / "a.accountdesk", tmp_path / "b.accountdesk"
    shutil.copyfile(mine, a)
    shutil.copyfile(theirs, b)
    a_db, b_db = open_database(a, user="a"), open_database(b, user="b")
    try:
        merge_databases(a_db, theirs)
        merge_databases(b_db, mine)
        assert book(a_db) == book(b_db)
        assert set(book(a_db)) >= {"N1", "N1-2"}
    finally:
        a_db.dispose()
        b_db.dispose()

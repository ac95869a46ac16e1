"""Roles on a server: each member's login sees (and changes) only the customers the row security of
migration 0020 gives it, whatever the app or raw SQL on its connection asks; admins add members."""

from __future__ import annotations

import json
import os
import uuid
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from accountdesk.core.archive import records as archive
from accountdesk.core.archive.customer_list import customer_ids
from accountdesk.core.archive.search import find_customers
from accountdesk.core.excel.exports.rows import export_rows
from accountdesk.core.i18n import AccountDeskError, set_language
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.errors import explain
from accountdesk.core.storage.models import Customer
from accountdesk.core.storage.server_roles import add_member, list_members
from accountdesk.core.team.sharing import claim_customer, release_customer, share_customer

POSTGRES_URL = os.environ.get("ACCOUNTDESK_TEST_DATABASE_URL")
needs_server = pytest.mark.skipif(not POSTGRES_URL, reason="needs a PostgreSQL server (ACCOUNTDESK_TEST_DATABASE_URL)")
AS_OF = date(2026, 11, 20)


class Team:
    """A server database with members east (rep li, rep wang, manager zhao) and west (rep chen),
    their customers, one customer in the pool, and a connection per member; dropped afterwards."""

    def __init__(self, template: str) -> None:
        suffix = uuid.uuid4().hex[:8]
        self.admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1),
                                   isolation_level="AUTOCOMMIT")
        self.name = f"accountdesk_rls_{suffix}"
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{self.name}" TEMPLATE "{template}"')
        self.logins = {who: f"{who}_{suffix}" for who in ("li", "wang", "zhao", "chen", "boss")}
        self.roles: list[str] = []
        self.opened: list = []
        self.owner = self.open_as(None)

    def url(self, login: str | None) -> str:
        url = self.admin.url.set(database=self.name)
        if login:
            url = url.set(username=login, password=None)
        return url.render_as_string(hide_password=False)

    def open_as(self, who: str | None):
        database = open_database(self.url(self.logins[who] if who else None))
        self.opened.append(database)
        return database

    def add(self, who: str, role: str, team: str | None, by=None) -> None:
        self.roles.append(self.logins[who])
        add_member(by or self.owner, self.logins[who], role=role, team=team)

    def close(self) -> None:
        for database in self.opened:
            database.dispose()
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            for role in self.roles:
                connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        self.admin.dispose()


@pytest.fixture
def team(postgres_template):
    if not POSTGRES_URL:
        pytest.skip("needs a PostgreSQL server (ACCOUNTDESK_TEST_DATABASE_URL)")
    team = Team(postgres_template)
    try:
        team.add("li", "rep", "east")
        team.add("wang", "rep", "east")
        team.add("zhao", "manager", "east")
        team.add("chen", "rep", "west")
        with team.owner.write() as session:
            for code, owner in (("L1", "li"), ("L2", "li"), ("W1", "wang"), ("C1", "chen"), ("P1", None)):
                customer = archive.create_customer(
                    session, {"code": code, "name": f"客户{code}", "owner": team.logins[owner] if owner else None})
                archive.add_contact(session, customer.id, {"name": f"联系人{code}", "phone": "13800000000"})
                archive.add_transaction(session, customer.id, {"occurred_on": date(2026, 10, 1), "amount": "100"})
        yield team
    finally:
        team.close()


def _codes(database) -> set[str]:
    with database.session() as session:
        return set(session.scalars(text("SELECT code FROM customers")))


def _ids(database, *codes: str) -> list[int]:
    with database.session() as session:
        return [session.scalar(text("SELECT id FROM customers WHERE code = :c"), {"c": code}) for code in codes]


@needs_server
def test_a_rep_sees_only_their_own_and_the_pool_even_through_raw_sql(team):
    li = team.open_as("li")
    assert _codes(li) == {"L1", "L2", "P1"}
    with li.session() as session:
        # The app's own queries: the list, search, exports.
        listed = {session.get(Customer, cid).code for cid in customer_ids(session)}
        assert listed == {"L1", "L2", "P1"}
        assert {hit.code for hit in find_customers(session, "客户")} == {"L1", "L2", "P1"}
        assert {row["code"] for row in export_rows(session, "customers", AS_OF)} == {"L1", "L2", "P1"}
        # Raw SQL on the app's connection: the rows hanging off other reps' customers are not there.
        assert session.execute(text("SELECT count(*) FROM contacts")).scalar() == 3
        assert session.execute(text("SELECT count(*) FROM transactions")).scalar() == 3
        names = set(session.scalars(text("SELECT name FROM contacts")))
        assert names == {"联系人L1", "联系人L2", "联系人P1"}
        # Changing or deleting what it cannot see touches nothing.
        assert session.execute(text("UPDATE customers SET name = 'x' WHERE code = 'W1'")).rowcount == 0
        assert session.execute(text("DELETE FROM contacts WHERE name = '联系人C1'")).rowcount == 0
    assert "W1" in _codes(team.owner) and "C1" in _codes(team.owner)


@needs_server
def test_a_manager_sees_the_teams_customers_and_an_admin_all(team):
    assert _codes(team.open_as("zhao")) == {"L1", "L2", "W1", "P1"}
    assert _codes(team.open_as("chen")) == {"C1", "P1"}
    team.add("boss", "admin", None)
    assert _codes(team.open_as("boss")) == {"L1", "L2", "W1", "C1", "P1"}


@needs_server
def test_the_command_line_exports_and_finds_only_visible_customers(team, tmp_path, capsys):
    from accountdesk.cli.entry import main

    url = team.url(team.logins["wang"]).replace("+psycopg", "")
    out = tmp_path / "customers.json"
    assert main(["export", "customers", str(out), "--db", url]) == 0
    assert {row["code"] for row in json.loads(out.read_text(encoding="utf-8"))} == {"W1", "P1"}
    capsys.readouterr()
    assert main(["find", "客户", "--db", url, "--json"]) == 0
    assert {hit["code"] for hit in json.loads(capsys.readouterr().out)} == {"W1", "P1"}


@needs_server
def test_collaborators_see_and_read_write_ones_change(team):
    l1, l2 = _ids(team.owner, "L1", "L2")
    with team.owner.write() as session:
        chen = archive.ensure_user(session, team.logins["chen"]).id
        share_customer(session, l1, chen, can_write=True)
        share_customer(session, l2, chen, can_write=False)
    chen_db = team.open_as("chen")
    assert _codes(chen_db) == {"C1", "P1", "L1", "L2"}
    with chen_db.write() as session:
        archive.update_customer(session, l1, {"industry": "贸易"})
    with pytest.raises(Exception) as refused, chen_db.write() as session:
        archive.update_customer(session, l2, {"industry": "贸易"})
    set_language("en")
    try:
        assert "not yours to change" in str(explain(refused.value))
    finally:
        set_language(None)
    with team.owner.session() as session:
        industries = dict(session.execute(text("SELECT code, industry FROM customers WHERE code IN ('L1', 'L2')")).all())
    assert industries == {"L1": "贸易", "L2": None}


@needs_server
def test_a_rep_claims_from_the_pool_and_gives_back_but_hands_over_to_no_one(team):
    li = team.open_as("li")
    p1, l1 = _ids(li, "P1", "L1")
    with li.session() as session:
        li_id = session.scalar(text("SELECT id FROM users WHERE name = :n"), {"n": team.logins["li"]})
        wang_id = session.scalar(text("SELECT id FROM users WHERE name = :n"), {"n": team.logins["wang"]})
    with li.write() as session:
        claim_customer(session, p1, li_id)
    assert _codes(team.open_as("chen")) == {"C1"}  # no longer in the pool
    with pytest.raises(Exception) as refused, li.write() as session:
        session.execute(text("UPDATE customers SET owner_id = :w WHERE id = :c"), {"w": wang_id, "c": l1})
    assert "claim a customer from the pool" in explain(refused.value).message.en
    with li.write() as session:
        release_customer(session, l1)
    assert "L1" in _codes(team.open_as("chen"))
    # A manager hands over within the team.
    zhao = team.open_as("zhao")
    with zhao.write() as session:
        session.execute(text("UPDATE customers SET owner_id = :w WHERE id = :c"), {"w": wang_id, "c": p1})
    assert _codes(team.open_as("wang")) == {"W1", "P1", "L1"}


@needs_server
def test_only_an_admin_adds_members_and_an_added_admin_can(team):
    li = team.open_as("li")
    team.roles.append(f"{team.logins['li']}_x")
    with pytest.raises(AccountDeskError) as refused:
        add_member(li, f"{team.logins['li']}_x", role="rep")
    assert "Only an admin may add users" in refused.value.message.en and "只有管理员" in refused.value.message.zh
    team.add("boss", "admin", None)
    boss = team.open_as("boss")
    newcomer = f"{team.logins['boss']}_new"
    team.roles.append(newcomer)
    add_member(boss, newcomer, role="rep", team="west")
    opened = open_database(team.url(newcomer))
    team.opened.append(opened)
    assert _codes(opened) == {"P1"}
    with boss.session() as session:
        members = {member.name: member for member in list_members(session)}
    assert members[newcomer].role == "rep" and members[newcomer].team == "west" and members[newcomer].has_login
    assert members[team.logins["li"]].customers == 2


@needs_server
def test_users_add_on_the_command_line(team, capsys, monkeypatch):
    from accountdesk.cli.entry import main

    url = team.url(None).replace("+psycopg", "")
    login = f"{team.logins['boss']}_cli"
    team.roles.append(login)
    set_language("en")
    try:
        assert main(["users", "add", login, "--role", "manager", "--team", "west", "--db", url]) == 0
        assert f"Added the login '{login}' (manager, team 'west')" in capsys.readouterr().out
        assert main(["users", "list", "--db", url, "--json"]) == 0
        listed = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
        assert listed[login]["role"] == "manager" and listed[login]["login"] is True
        # A typed password reaches the server hashed (the statement never holds it in clear).
        monkeypatch.setattr("getpass.getpass", lambda prompt: "Pw-Typed-7")
        assert main(["users", "add", f"{login}_pw", "--role", "rep", "--password-prompt", "--db", url]) == 0
        team.roles.append(f"{login}_pw")
        with team.admin.connect() as connection:
            stored = connection.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"),
                                        {"n": f"{login}_pw"}).scalar()
        assert stored.startswith("SCRAM-SHA-256$") and "Pw-Typed-7" not in stored
        li_url = team.url(team.logins["li"]).replace("+psycopg", "")
        assert main(["users", "add", f"{login}_2", "--role", "rep", "--db", li_url]) == 1
        assert "Only an admin may add users" in capsys.readouterr().err
    finally:
        set_language(None)
    manager = open_database(team.url(login))
    team.opened.append(manager)
    assert _codes(manager) == {"C1", "P1"}


def test_a_local_file_has_no_logins_and_says_so(sqlite_db):
    with pytest.raises(AccountDeskError) as refused:
        add_member(sqlite_db, "rep_li", role="rep")
    assert "a local file has no logins" in refused.value.message.en
    with sqlite_db.write() as session:
        archive.create_customer(session, {"code": "A1", "name": "甲", "owner": "rep_li"})
    with sqlite_db.session() as session:
        assert [(m.name, m.role, m.customers) for m in list_members(session)] == [("rep_li", "rep", 1)]

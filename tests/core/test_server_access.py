"""Connecting to a server fails well: a time limit, and a message that says what to do (with the GRANT to run)."""

from __future__ import annotations

import os
import re
import time
import uuid

import pytest
from fake_pg_server import FakePostgres

from accountdesk.core.i18n import set_language
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.server_access import ServerAccessError

POSTGRES_URL = os.environ.get("ACCOUNTDESK_TEST_DATABASE_URL")
needs_server = pytest.mark.skipif(not POSTGRES_URL, reason="needs a PostgreSQL server (ACCOUNTDESK_TEST_DATABASE_URL)")


def test_a_wrong_password_is_said_in_both_languages_without_the_password():
    fake = FakePostgres()
    try:
        with pytest.raises(ServerAccessError) as caught:
            open_database(f"postgresql://rep_li:S3cret%21@127.0.0.1:{fake.port}/crm")
    finally:
        fake.close()
    message = caught.value.message
    assert "密码不对" in message.zh and "PGPASSWORD" in message.zh
    assert "password for user 'rep_li' is wrong" in message.en
    assert "S3cret" not in message.zh + message.en and "sqlalche" not in message.en


def test_a_server_that_never_answers_is_given_up_after_ten_seconds():
    fake = FakePostgres("silent")
    started = time.monotonic()
    try:
        with pytest.raises(ServerAccessError) as caught:
            open_database(f"postgresql://rep_li@127.0.0.1:{fake.port}/crm")
    finally:
        fake.close()
    assert 9 <= time.monotonic() - started < 20
    assert "did not answer within 10 seconds" in caught.value.message.en


def test_a_server_that_is_not_there_is_said_plainly(capsys):
    from accountdesk.cli.entry import main

    set_language("en")
    try:
        assert main(["check", "--db", "postgresql://rep_li:S3cret@127.0.0.1:1/crm"]) == 1
    finally:
        set_language(None)
    err = capsys.readouterr().err
    assert "Cannot reach the server '127.0.0.1' (port 1)" in err
    assert "Traceback" not in err and "S3cret" not in err


@pytest.fixture
def admin():
    from sqlalchemy import create_engine

    engine = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    made: list[tuple[str, str]] = []
    yield engine, made
    with engine.connect() as connection:  # the databases (and the rights granted in them) before the roles
        for kind, name in sorted(made):
            connection.exec_driver_sql(f'DROP {kind} IF EXISTS "{name}"' + (" WITH (FORCE)" if kind == "DATABASE" else ""))
    engine.dispose()


def _new(admin, kind: str, name: str, sql: str) -> str:
    engine, made = admin
    with engine.connect() as connection:
        connection.exec_driver_sql(sql)
    made.append((kind, name))
    return name


def _run_grants(admin, message: str, database: str) -> None:
    """What the message tells the administrator to run, run as they would: in that database."""
    grants = re.findall(r"((?:GRANT|ALTER DATABASE)[^;]+;)", message)
    assert grants
    from sqlalchemy import create_engine

    there = create_engine(admin[0].url.set(database=database), isolation_level="AUTOCOMMIT")
    with there.connect() as connection:
        for grant in grants:
            connection.exec_driver_sql(grant)
    there.dispose()


@needs_server
def test_a_missing_database_names_it():
    with pytest.raises(ServerAccessError) as caught:
        open_database("postgresql://postgres@127.0.0.1/accountdesk_nowhere_42")
    assert "has no database named 'accountdesk_nowhere_42'" in caught.value.message.en
    assert "没有名为“accountdesk_nowhere_42”的数据库" in caught.value.message.zh


@needs_server
def test_a_login_without_rights_is_told_the_grant_and_the_grant_is_enough(admin, postgres_template):
    suffix = uuid.uuid4().hex[:8]
    name = _new(admin, "DATABASE", f"accountdesk_r_{suffix}", f'CREATE DATABASE "accountdesk_r_{suffix}" TEMPLATE "{postgres_template}"')
    role = _new(admin, "ROLE", f"rep_{suffix}", f'CREATE ROLE "rep_{suffix}" LOGIN')
    url = f"postgresql://{role}@127.0.0.1/{name}"
    with pytest.raises(ServerAccessError) as caught:
        open_database(url)
    text = caught.value.message.en
    assert "has no rights on the tables" in text and "alembic_version" in text
    assert "请管理员执行" in caught.value.message.zh
    _run_grants(admin, text, name)
    database = open_database(url)
    try:
        assert database.schema_revision() is not None and not database.read_only
    finally:
        database.dispose()


@needs_server
def test_first_open_without_create_rights_is_told_the_grant(admin):
    suffix = uuid.uuid4().hex[:8]
    name = _new(admin, "DATABASE", f"accountdesk_c_{suffix}", f'CREATE DATABASE "accountdesk_c_{suffix}"')
    role = _new(admin, "ROLE", f"rep_{suffix}", f'CREATE ROLE "rep_{suffix}" LOGIN')
    url = f"postgresql://{role}@127.0.0.1/{name}"
    with pytest.raises(ServerAccessError) as caught:
        open_database(url)
    text = caught.value.message.en
    assert f"may not create AccountDesk's tables in the database '{name}'" in text
    assert f'GRANT CREATE ON SCHEMA public TO "{role}";' in text
    _run_grants(admin, text, name)
    database = open_database(url)
    try:
        assert database.created
    finally:
        database.dispose()


def test_the_command_line_takes_the_server_fields(capsys, monkeypatch):
    from accountdesk.cli.entry import main

    fake = FakePostgres()
    typed = iter(["Typed-Secret"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    set_language("en")
    try:
        code = main(["check", "--host", "127.0.0.1", "--port", str(fake.port), "--dbname", "crm",
                     "--user", "rep_li", "--sslmode", "disable", "--ask-password"])
    finally:
        set_language(None)
        fake.close()
    assert code == 1 and fake.passwords == ["Typed-Secret"]
    err = capsys.readouterr().err
    assert "the password for user 'rep_li' is wrong" in err and "Typed-Secret" not in err


@needs_server
def test_the_command_line_connects_by_host_and_dbname(server_db, capsys):
    from sqlalchemy.engine import make_url

    from accountdesk.cli.entry import main

    url = make_url(server_db.url)
    assert main(["check", "--host", url.host, "--dbname", url.database, "--user", url.username, "--json"]) == 0
    assert url.database in capsys.readouterr().out


@needs_server
def test_on_a_server_the_author_is_the_login_whatever_the_client_writes(admin, postgres_template):
    from sqlalchemy import text

    from accountdesk.core.archive import records as archive
    from accountdesk.core.storage.audit import customer_trail
    from accountdesk.core.storage.server_access import member_grants

    suffix = uuid.uuid4().hex[:8]
    name = _new(admin, "DATABASE", f"accountdesk_i_{suffix}", f'CREATE DATABASE "accountdesk_i_{suffix}" TEMPLATE "{postgres_template}"')
    role = _new(admin, "ROLE", f"rep_{suffix}", f'CREATE ROLE "rep_{suffix}" LOGIN')
    _run_grants(admin, member_grants(name, role), name)
    database = open_database(f"postgresql://{role}@127.0.0.1/{name}", user="owner_mgr")  # the typed name
    try:
        assert database.user == role
        with database.write() as session:
            customer = archive.create_customer(session, {"name": "甲公司", "code": "C1"})
        with database.write() as session:
            session.info["user"] = "owner_mgr"  # a client that sends another name …
            archive.update_customer(session, customer.id, {"industry": "贸易"})
            session.execute(text("INSERT INTO audit_entries (uid, at, \"user\", entity, entity_uid, action) "
                                 "VALUES ('forged-1', now(), 'boss', 'customers', 'x', 'update')"))
            session.execute(text("UPDATE customers SET updated_by = 'boss', version = version + 1"))
        with database.session() as session:
            assert {entry.user for entry in customer_trail(session, customer.id)} == {role}
            assert session.execute(text("SELECT \"user\" FROM audit_entries WHERE uid = 'forged-1'")).scalar() == role
            assert session.execute(text("SELECT DISTINCT updated_by FROM customers")).scalars().all() == [role]
    finally:
        database.dispose()


class _Keyring:
    """Stands for the OS keyring (this machine has none): the same three calls the keyring library has."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, key: str, password: str) -> None:
        self.entries[(service, key)] = password

    def get_password(self, service: str, key: str) -> str | None:
        return self.entries.get((service, key))

    def delete_password(self, service: str, key: str) -> None:
        del self.entries[(service, key)]


def test_a_remembered_password_comes_from_the_keyring_next_time(monkeypatch):
    from accountdesk.core.storage import credentials

    keyring = _Keyring()
    monkeypatch.setattr(credentials, "_keyring", lambda: keyring)
    monkeypatch.setattr(credentials, "_session_passwords", {})
    fake = FakePostgres()
    address = f"postgresql://rep_li@127.0.0.1:{fake.port}/crm"
    try:
        assert credentials.use_password(address, "Kept-1", remember=True) is None
        assert keyring.entries == {("AccountDesk", f"rep_li@127.0.0.1:{fake.port}/crm"): "Kept-1"}
        credentials._session_passwords.clear()  # as in the next run of the program
        with pytest.raises(ServerAccessError):
            open_database(address)
        assert fake.passwords == ["Kept-1"]
        credentials.forget_password(address)
        assert keyring.entries == {}
    finally:
        fake.close()


def test_without_a_keyring_nothing_is_stored_and_the_person_is_told(monkeypatch):
    from accountdesk.core.storage import credentials

    monkeypatch.setattr(credentials, "_session_passwords", {})
    monkeypatch.setattr(credentials, "_keyring", lambda: None)
    problem = credentials.use_password("postgresql://rep_li@db.example/crm", "Not-Kept", remember=True)
    assert problem is credentials.NO_KEYRING and "PGPASSWORD" in problem.en and "系统钥匙串" in problem.zh
    assert credentials.known_password("postgresql://rep_li@db.example/crm") == "Not-Kept"  # this session only


def test_the_keyring_librarys_fail_backend_counts_as_no_keyring():
    keyring = pytest.importorskip("keyring")
    from keyring.backends import fail

    from accountdesk.core.storage import credentials

    saved = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not credentials.keyring_available()
    finally:
        keyring.set_keyring(saved)


@needs_server
def test_user_on_the_command_line_does_not_name_the_author_on_a_server(server_db, capsys):
    from sqlalchemy.engine import make_url

    from accountdesk.cli.entry import main

    url = make_url(server_db.url).render_as_string(hide_password=False).replace("+psycopg", "")
    set_language("en")
    try:
        assert main(["reminders", "--db", url, "--user", "owner_mgr"]) == 0
    finally:
        set_language(None)
    assert f"the change history names the server login '{server_db.user}'; --user 'owner_mgr' applies to local files only" \
        in capsys.readouterr().err

"""Test databases: one migrated template per run, copied per test (SQLite) or cloned (PostgreSQL)."""

from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ACCOUNTDESK_LANG"] = os.environ.get("ACCOUNTDESK_TEST_LANG", "en")

POSTGRES_URL = os.environ.get("ACCOUNTDESK_TEST_DATABASE_URL")
TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Backups, logs and the default database go to a temporary folder, never the user's."""
    monkeypatch.setenv("ACCOUNTDESK_DATA_DIR", str(tmp_path_factory.getbasetemp() / "userdata"))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    from accountdesk.core.storage.database import open_database

    os.environ["ACCOUNTDESK_DATA_DIR"] = str(tmp_path_factory.getbasetemp() / "userdata")
    path = tmp_path_factory.mktemp("template") / "template.accountdesk"
    database = open_database(path, user="template")
    database.dispose()
    return path


def _postgres_admin_url() -> str:
    url = POSTGRES_URL or ""
    return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url


@pytest.fixture(scope="session")
def postgres_template() -> str:
    from sqlalchemy import create_engine, text

    from accountdesk.core.storage.database import open_database

    name = f"accountdesk_tmpl_{uuid.uuid4().hex[:8]}"
    admin = create_engine(_postgres_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    database = open_database(url, user="template")
    database.dispose()
    yield name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _backends() -> list:
    backends = ["sqlite"]
    if POSTGRES_URL:
        backends.append(pytest.param("postgresql", marks=pytest.mark.postgres))
    return backends


@contextmanager
def postgres_database(template: str, user: str = "tester"):
    """A new PostgreSQL database cloned from the migrated template, dropped afterwards."""
    from sqlalchemy import create_engine, text

    from accountdesk.core.storage.database import open_database

    name = f"accountdesk_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(_postgres_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    database = open_database(url, user=user)
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=_backends())
def db(request, tmp_path):
    """A freshly migrated, empty database for one test, on each configured backend."""
    from accountdesk.core.storage.database import open_database

    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "test.accountdesk"
        shutil.copyfile(template, path)
        database = open_database(path, user="tester")
        yield database
        database.dispose()
        return
    with postgres_database(request.getfixturevalue("postgres_template")) as database:
        yield database


@pytest.fixture
def server_db(request):
    """PostgreSQL only (for what only a server does: row locks, sequences, concurrent writers);
    skipped unless ACCOUNTDESK_TEST_DATABASE_URL names a server."""
    if not POSTGRES_URL:
        pytest.skip("needs a PostgreSQL server (ACCOUNTDESK_TEST_DATABASE_URL)")
    with postgres_database(request.getfixturevalue("postgres_template")) as database:
        yield database


@pytest.fixture
def empty_server_url():
    """A PostgreSQL database with nothing in it, not even our schema (a server a team is given)."""
    if not POSTGRES_URL:
        pytest.skip("needs a PostgreSQL server (ACCOUNTDESK_TEST_DATABASE_URL)")
    from sqlalchemy import create_engine, text

    name = f"accountdesk_e_{uuid.uuid4().hex[:10]}"
    admin = create_engine(_postgres_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _team_backends() -> list:
    backends = ["shared-file"]
    if POSTGRES_URL:
        backends.append(pytest.param("postgresql", marks=pytest.mark.postgres))
    return backends


@pytest.fixture(params=_team_backends())
def team_target(request, tmp_path):
    """Where a team works: a file in shared mode (as on a network drive) and, when configured, a
    PostgreSQL database; an empty migrated database at a path or URL that each test opens as many
    times as it has colleagues (each opening is another program, with its own connections)."""
    if request.param == "shared-file":
        from accountdesk.core.team.presence import set_shared_mode

        path = tmp_path / "team.accountdesk"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        set_shared_mode(path, True)
        yield path
        return
    with postgres_database(request.getfixturevalue("postgres_template")) as database:
        yield database.url


@pytest.fixture
def sqlite_db(sqlite_template, tmp_path):
    """SQLite only: for tests about the file itself (pragmas, backups, bad files)."""
    from accountdesk.core.storage.database import open_database

    path = tmp_path / "test.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="tester")
    yield database
    database.dispose()


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def demo_template(sqlite_template, tmp_path_factory) -> Path:
    """120 demo customers (seed 7, as of the pinned today), made once per run; copy, don't edit."""
    from accountdesk.core.demo.book import generate_demo
    from accountdesk.core.storage.database import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="tester")
    generate_demo(database, customers=120, seed=7, today=TODAY)
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """A private copy of the demo book for one test."""
    from accountdesk.core.storage.database import open_database

    path = tmp_path / "demo.accountdesk"
    shutil.copyfile(demo_template, path)
    database = open_database(path, user="tester")
    yield database
    database.dispose()

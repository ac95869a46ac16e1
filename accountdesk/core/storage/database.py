"""Opening a database: recognising it, creating or migrating it, connection pragmas and sessions."""

from __future__ import annotations

import ast
import getpass
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from accountdesk.core.archive.search_key_refresh import refresh_search_keys
from accountdesk.core.faults import bad_address
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage import audit, change_counter  # noqa: F401  (register the audit trail and change counter on every session)
from accountdesk.core.storage.credentials import known_password, public_address, use_password
from accountdesk.core.storage.models import SQLITE_APPLICATION_ID, Meta
from accountdesk.core.storage.server_access import CONNECT_TIMEOUT_SECONDS, connect_failure, missing_rights
from accountdesk.core.storage.sqlite_file import (
    BUSY_TIMEOUT_SECONDS,
    DamagedDatabase,
    NotAnAccountDeskDatabase,
    backup_sqlite_file,
    newest_verified_backup,
    read_sqlite_facts,
)
from accountdesk.core.team.location import location_warnings
from accountdesk.paths import bundled

# Rows are stamped by their writer's clock a little before they are committed, and on a shared
# file by other machines' clocks: this much covers both.
_STAMP_LOOKBACK = timedelta(minutes=10)


class DatabaseLocationError(AccountDeskError):
    """The database cannot be created or reached where it was asked for."""


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(bundled("migrations")))
    return config


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


def _migration_chain() -> dict[str, str | None]:
    """revision → down_revision, read from the migration files' headers.

    Opening a database only needs to know the chain, and importing alembic to learn it costs
    most of a second at every start; alembic itself is imported only to migrate.
    """
    chain: dict[str, str | None] = {}
    for script in sorted((bundled("migrations") / "versions").glob("*.py")):
        fields = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" in fields:
            down = ast.literal_eval(fields.get("down_revision", "None").strip())
            chain[ast.literal_eval(fields["revision"].strip())] = down
    return chain


def head_revision() -> str:
    chain = _migration_chain()
    parents = set(chain.values())
    heads = [revision for revision in chain if revision not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must form one line, found heads {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return set(_migration_chain())


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


def default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts): still attribute the change
        return "user"


def _install_sqlite_pragmas(engine: Engine, *, shared: bool, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # We issue BEGIN ourselves (below), so pysqlite must not.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
        # 64 MiB of page cache (the default is 2 MiB): bulk work over 100,000 customers
        # otherwise rereads the same index pages from disk.
        cursor.execute("PRAGMA cache_size=-65536")
        if not read_only:
            # WAL is not safe across a network filesystem (SQLite docs); a file marked shared
            # uses the rollback journal with full syncs instead.
            if shared:
                cursor.execute("PRAGMA journal_mode=DELETE")
                cursor.execute("PRAGMA synchronous=FULL")
            else:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:
        # Writers take the write lock up front, so two savers queue instead of deadlocking.
        if connection.get_execution_options().get("immediate"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


@dataclass
class Database:
    """An open AccountDesk database: one engine, sessions per user action."""

    url: str
    engine: Engine
    path: Path | None
    user: str
    read_only: bool = False
    read_only_reason: AccountDeskError | None = None
    shared: bool = False
    migrated_from: str | None = None
    # True when opening created the schema (a new file, an empty server database).
    created: bool = False
    backup_path: Path | None = None
    # Why this file's place is risky (network drive not marked shared, a sync folder).
    location_warnings: list = field(default_factory=list)
    # SQLite's quick check failed at open: the file is open read-only, for export, and this says so.
    damaged: DamagedDatabase | None = None
    # Read as immutable: nothing (not even SQLite's -wal/-shm) may appear beside the file.
    untouchable: bool = False
    _sessions: sessionmaker = field(init=False, repr=False)
    _write_sessions: sessionmaker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(immediate=True) if self.is_sqlite else self.engine
        self._write_sessions = sessionmaker(bind=writer, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else public_address(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        session = self._sessions()
        session.info["user"] = self.user
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short write transaction: committed on success, rolled back on any error."""
        if self.read_only:
            assert self.read_only_reason is not None
            raise self.read_only_reason
        session = self._write_sessions()
        session.info["user"] = self.user
        # While this session writes, no other writer is mid-transaction and every row was stamped
        # by this machine's clock: true of a local SQLite file (BEGIN IMMEDIATE), not of a shared
        # one (other machines' clocks) nor of PostgreSQL (concurrent writers).
        session.info["sole_writer"] = self.path is not None and not self.shared
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def schema_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return _current_revision(connection)

    def meta(self, key: str) -> str | None:
        with self.session() as session:
            row = session.get(Meta, key)
            return row.value if row else None

    def analyze(self) -> None:
        """Refresh the planner's statistics after a bulk load (an import, a restore, demo data): on
        PostgreSQL autovacuum gets there eventually, but until then a plan made for the empty
        tables can turn a second's query into minutes."""
        if self.is_sqlite:
            with self.engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
            return
        with self.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")

    def dispose(self) -> None:
        self.engine.dispose()

    close = dispose


def _current_revision(connection) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


# Alembic runs a migration through module-level state (its `context` and `op` proxies), so two
# threads of one process migrating two databases at once (a server backup into a new file beside an
# import's own) would run one's steps on the other's connection.
_MIGRATING = threading.Lock()


def _migrate(engine: Engine) -> None:
    from alembic import command

    config = alembic_config()
    with _MIGRATING, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _newer_schema_error(name: str, revision: str) -> AccountDeskError:
    return AccountDeskError(
        f"数据库“{name}”由更新版本的 AccountDesk 创建（结构版本 {revision}），已以只读方式打开。请升级本程序后再修改数据。",
        f"The database '{name}' was written by a newer AccountDesk (schema {revision}); it is open "
        "read-only. Upgrade AccountDesk to change it.",
    )


def _make_sqlite_engine(path: Path, *, shared: bool, read_only: bool, untouchable: bool = False) -> Engine:
    if read_only and (untouchable or not os.access(path.parent, os.W_OK)) \
            and not path.with_name(path.name + "-wal").exists():
        # A folder nobody here can write (a read-only share, a CD: SQLite could not make the -shm
        # file a WAL database needs), a read-only or a damaged file (nothing may appear beside it):
        # with no log beside it, the file alone is complete and is read as immutable.
        url = f"sqlite+pysqlite:///file:{path.resolve()}?mode=ro&immutable=1&uri=true"
    elif read_only:
        url = f"sqlite+pysqlite:///file:{path.resolve()}?mode=ro&uri=true"
    else:
        url = f"sqlite+pysqlite:///{path.resolve()}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False})
    _install_sqlite_pragmas(engine, shared=shared, read_only=read_only)
    return engine


def _open_sqlite(path: Path, *, user: str, migrate: bool, backup_dir: Path | None) -> Database:
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseLocationError(
                f"无法在“{path.parent}”创建数据库：文件夹不存在。",
                f"Cannot create the database in '{path.parent}': the folder does not exist.",
            )
        engine = _make_sqlite_engine(path, shared=False, read_only=False)
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id={SQLITE_APPLICATION_ID}")
            _migrate(engine)
            # Put the new header into the file itself, so the file says it is ours at once.
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:
            engine.dispose()
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            raise
        return Database(url=str(engine.url), engine=engine, path=path, user=user, created=True)

    facts = read_sqlite_facts(path, quick_check=True)
    head = head_revision()
    reason = None
    damaged = None
    if facts.damage:
        # Whatever can still be read can be exported; nothing is written to a damaged file.
        reason = damaged = DamagedDatabase(path, facts.damage[0].splitlines()[-1], newest_verified_backup(path))
    elif facts.revision is not None and facts.revision not in known_revisions():
        reason = _newer_schema_error(str(path), facts.revision)
    # A file marked read-only (no write bit, as Windows' read-only attribute shows it) opens
    # read-only even for an administrator who could write it anyway.
    elif not os.access(path.parent, os.W_OK):
        reason = AccountDeskError(
            f"数据库“{path}”所在的文件夹是只读的，已以只读方式打开，无法保存修改。若要修改，请把它复制到可写的文件夹。",
            f"The folder of the database '{path}' is read-only; it is open read-only and changes cannot be "
            "saved. Copy it to a writable folder to change it.",
        )
    elif not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        reason = AccountDeskError(
            f"数据库“{path}”是只读文件，已以只读方式打开，无法保存修改。",
            f"The database '{path}' is a read-only file; it is open read-only and changes cannot be saved.",
        )
    if reason is not None:
        # A newer schema may be written by colleagues with a newer AccountDesk meanwhile; the
        # others are read as they are.
        newer = facts.revision is not None and facts.revision not in known_revisions()
        untouchable = damaged is not None or not newer
        engine = _make_sqlite_engine(path, shared=facts.shared, read_only=True, untouchable=untouchable)
        return Database(url=str(engine.url), engine=engine, path=path, user=user, read_only=True,
                        read_only_reason=reason, shared=facts.shared, damaged=damaged, untouchable=untouchable)
    engine = _make_sqlite_engine(path, shared=facts.shared, read_only=False)
    database = Database(url=str(engine.url), engine=engine, path=path, user=user, shared=facts.shared,
                        location_warnings=location_warnings(path, shared=facts.shared))
    if facts.revision != head and migrate:
        # An older schema: keep a verified copy first, so an upgrade can never lose data.
        database.backup_path = backup_sqlite_file(path, backup_dir, label=f"before-migrate-{facts.revision or 'empty'}")
        database.migrated_from = facts.revision
        _migrate(engine)
    return database


def _server_engine(url: str) -> tuple[Engine, str, float]:
    """An engine for a server URL and the address to show for it (never with its password).

    The password comes from the URL, else from what this session was given or the OS keyring;
    with none, libpq itself reads PGPASSWORD, ~/.pgpass and the service file."""
    parsed = make_url(url)
    name = public_address(url)
    if parsed.password is not None:
        use_password(name, str(parsed.password))
    else:
        password = known_password(name)
        if password is not None:
            parsed = parsed.set(password=password)
    connect_args = {}
    timeout = float(str(parsed.query.get("connect_timeout", CONNECT_TIMEOUT_SECONDS)))
    if "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args), name, timeout


def _open_server(url: str, *, user: str, migrate: bool) -> Database:
    from sqlalchemy.exc import DBAPIError

    engine, name, timeout = _server_engine(url)
    try:
        connection = engine.connect()
    except DBAPIError as error:
        engine.dispose()
        raise connect_failure(name, error, timeout) from None
    with connection:
        tables = set(inspect(connection).get_table_names())
        lacking = None
        if "alembic_version" in tables or (not tables and migrate):
            lacking = missing_rights(connection, name, empty=not tables, needs_migration=False)
        if lacking is not None:
            engine.dispose()
            raise lacking
        revision = _current_revision(connection)
        # On a server the author is the login (its triggers write it whatever we send): say so too.
        user = connection.exec_driver_sql("SELECT session_user").scalar() or user
        marker = None
        if "meta" in tables:
            marker = connection.execute(select(Meta.value).where(Meta.key == "application")).scalar()
        if tables and marker == "AccountDesk" and migrate and revision in known_revisions() \
                and revision != head_revision():
            lacking = missing_rights(connection, name, empty=False, needs_migration=True)
            if lacking is not None:
                engine.dispose()
                raise lacking
    if tables and marker != "AccountDesk":
        engine.dispose()
        raise NotAnAccountDeskDatabase(
            f"“{name}”中已有其他程序的数据表，不是 AccountDesk 数据库；未作任何改动。",
            f"'{name}' holds another program's tables, not an AccountDesk database; nothing was changed.",
        )
    if revision is not None and revision not in known_revisions():
        return Database(
            url=url, engine=engine, path=None, user=user,
            read_only=True, read_only_reason=_newer_schema_error(name, revision),
        )
    database = Database(url=url, engine=engine, path=None, user=user)
    if revision != head_revision() and migrate:
        database.migrated_from = revision
        database.created = revision is None
        _migrate(engine)
    return database


def open_database(
    target: str | Path,
    *,
    user: str | None = None,
    migrate: bool = True,
    backup_dir: Path | None = None,
) -> Database:
    """Open (or create) the database at a file path or a ``postgresql://`` URL.

    A path that does not exist becomes a new database. A file that is not ours is refused
    untouched; an older schema is backed up, then migrated; a newer one opens read-only.
    """
    user = user or default_user()
    if is_url(target):
        url = _checked_url(str(target))
        if url.startswith("sqlite"):
            file = make_url(url).database
            if not file:
                raise DatabaseLocationError("数据库地址缺少文件路径。", "The database URL names no file.")
            database = _open_sqlite(Path(file), user=user, migrate=migrate, backup_dir=backup_dir)
        else:
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://") :]
            database = _open_server(url, user=user, migrate=migrate)
    else:
        database = _open_sqlite(Path(target).expanduser(), user=user, migrate=migrate, backup_dir=backup_dir)
    if migrate:
        # Search keys are derived data; like the schema, they are brought up to date on opening.
        refresh_search_keys(database)
    return database


_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg", "sqlite", "sqlite+pysqlite")


def _checked_url(url: str) -> str:
    """A database address AccountDesk can use, or a message saying what is wrong with it."""
    from sqlalchemy.exc import ArgumentError

    scheme = url.split("://", 1)[0].lower()
    shown = url
    try:
        parsed = make_url(url)
        shown = parsed.render_as_string(hide_password=True)
        parsed.port  # noqa: B018  (a port that is not a number fails here, not deep in the driver)
    except (ArgumentError, ValueError) as error:
        raise DatabaseLocationError(bad_address(shown, str(error)).zh, bad_address(shown, str(error)).en) from None
    if scheme not in _SCHEMES:
        detail = f"不支持“{scheme}”" , f"'{scheme}' is not supported"
        raise DatabaseLocationError(bad_address(shown, detail[0]).zh, bad_address(shown, detail[1]).en)
    if scheme == "postgres":
        url = "postgresql" + url[len("postgres"):]
    return url


def settled_before(session) -> datetime:
    """An instant such that every row stamped before it that `session` may ever see is visible to
    it now: now itself in a write session on a local file (writers queue behind its lock and
    share its clock), a little before now elsewhere. "Rows changed since" questions start here."""
    now = datetime.now(timezone.utc)
    return now if session.info.get("sole_writer") else now - _STAMP_LOOKBACK

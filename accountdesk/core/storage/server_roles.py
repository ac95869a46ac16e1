"""The team's members on a server: a login per member with exactly the rights AccountDesk needs, its
role (rep, manager, admin) and team in `users`, which the row security of migration 0020 reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from accountdesk.core.i18n import AccountDeskError, ValidationError
from accountdesk.core.storage.database import Database
from accountdesk.core.storage.models import USER_ROLES, Customer, User

# What a server login may be called here: plain enough to type in a connection dialog.
_LOGIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,62}$")

ROLE_LABELS = {"rep": ("客户经理", "rep"), "manager": ("主管", "manager"), "admin": ("管理员", "admin")}


@dataclass(frozen=True)
class Member:
    """A member as `users list` and the Settings page show them."""

    name: str
    display_name: str | None
    role: str
    team: str | None
    active: bool
    has_login: bool  # a server login of that name exists (always False on a local file)
    customers: int  # the live customers they own that the reader may see


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def login_is_admin(session: Session) -> bool:
    """Whether the login may manage members: an admin in `users`, the tables' owner or a superuser."""
    return bool(session.execute(text("SELECT accountdesk_login_is_admin()")).scalar())


def on_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def may_add_members(session: Session) -> bool:
    """Whether this login may add members: a server admin with the right to create logins."""
    if not on_server(session):
        return False
    return login_is_admin(session) and bool(session.execute(text(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user")).scalar())


def list_members(session: Session) -> list[Member]:
    logins: set[str] = set()
    if on_server(session):
        logins = set(session.execute(text("SELECT rolname FROM pg_roles WHERE rolcanlogin")).scalars())
    owned = dict(session.execute(select(Customer.owner_id, func.count())
                                 .where(Customer.deleted_at.is_(None)).group_by(Customer.owner_id)).all())
    users = session.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.team, User.name)).all()
    return [Member(user.name, user.display_name, user.role, user.team, user.active, user.name in logins,
                   int(owned.get(user.id, 0))) for user in users]


def _member_grants(session: Session, name: str) -> list[str]:
    """Exactly what a member's login needs: to connect, to read the schema's version, and to read and
    write the data tables (which rows, the row security decides), with their id sequences."""
    database = session.execute(text("SELECT current_database()")).scalar()
    schema = session.execute(text("SELECT current_schema()")).scalar()
    who = _quoted(name)
    tables = session.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")).scalars().all()
    data = ", ".join(_quoted(table) for table in tables if table != "alembic_version")
    return [
        f"GRANT CONNECT ON DATABASE {_quoted(database)} TO {who}",
        f"GRANT USAGE ON SCHEMA {_quoted(schema)} TO {who}",
        f"GRANT SELECT ON alembic_version TO {who}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {data} TO {who}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {_quoted(schema)} TO {who}",
    ]


def _password_verifier(session: Session, name: str, password: str) -> str:
    # libpq hashes the password here (SCRAM, as the server asks): the clear text never travels in
    # SQL, so it cannot land in the server's statement log.
    pgconn = session.connection().connection.dbapi_connection.pgconn  # type: ignore[union-attr]
    return pgconn.encrypt_password(password.encode(), name.encode()).decode()


def add_member(database: Database, name: str, *, role: str, team: str | None = None,
               password: str | None = None, display_name: str | None = None) -> Member:
    """Create the server login `name` with a member's rights and its `users` row (or give an existing
    login or owner those); admins only. An admin's login may add members in turn: it holds its rights
    with the grant option, and may create logins."""
    if database.is_sqlite:
        raise AccountDeskError(
            "登录用户和角色只用于 PostgreSQL 服务器：本地文件没有登录，任何能打开文件的人都能看到全部客户"
            "（保护它的是操作系统的文件权限）。",
            "Logins and roles exist on a PostgreSQL server only: a local file has no logins, and whoever can "
            "open the file sees every customer (the operating system's file permissions protect it).",
        )
    if not _LOGIN_NAME.match(name or ""):
        raise ValidationError(
            f"登录名“{name}”不可用：请用字母开头，只含字母、数字、_ . -，最多 63 个字符。",
            f"The login name '{name}' cannot be used: start with a letter and use letters, digits, _ . - "
            "(at most 63 characters).", field="name")
    if role not in USER_ROLES:
        raise ValidationError(f"角色须为 {' / '.join(USER_ROLES)}，而不是“{role}”。",
                              f"The role must be {' / '.join(USER_ROLES)}, not '{role}'.", field="role")
    team = (team or "").strip() or None
    with database.write() as session:
        me = session.execute(text("SELECT session_user")).scalar()
        if not may_add_members(session):
            raise AccountDeskError(
                f"只有管理员可以添加用户；“{me}”不是管理员（或没有建立登录的权限 CREATEROLE）。",
                f"Only an admin may add users; '{me}' is not an admin (or lacks the right to create logins, "
                "CREATEROLE).",
            )
        exists = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).scalar()
        # Driver SQL: a SCRAM verifier's colons would read as bound parameters in text().
        connection = session.connection()
        if not exists:
            connection.exec_driver_sql(f"CREATE ROLE {_quoted(name)} LOGIN")
        if password:
            connection.exec_driver_sql(f"ALTER ROLE {_quoted(name)} PASSWORD "
                                       f"'{_password_verifier(session, name, password)}'")
        # An admin may pass the same rights on to the members they add.
        passing = " WITH GRANT OPTION" if role == "admin" else ""
        for grant in _member_grants(session, name):
            session.execute(text(grant + passing))
        if role == "admin":
            session.execute(text(f"ALTER ROLE {_quoted(name)} CREATEROLE"))
        user = session.scalars(select(User).where(User.name == name)).first()
        if user is None:
            user = User(name=name)
            session.add(user)
        user.role, user.team, user.active, user.deleted_at = role, team, True, None
        if display_name:
            user.display_name = display_name
        session.flush()
        owned = session.scalar(select(func.count()).where(Customer.owner_id == user.id,
                                                          Customer.deleted_at.is_(None))) or 0
        return Member(name, user.display_name, role, team, True, True, int(owned))

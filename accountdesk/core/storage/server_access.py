"""Why a PostgreSQL server would not let us in, and which rights a login lacks, said so that the person
(or their administrator, with the exact GRANT) can act."""

from __future__ import annotations

import re

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from accountdesk.core.i18n import AccountDeskError

# libpq's own limit on reaching the server and logging in; a server that accepts the connection
# and never answers otherwise hangs the program for ever.
CONNECT_TIMEOUT_SECONDS = 10

_PASSWORD_HELP_ZH = "请在“文件 → 连接服务器”中输入密码，或使用 PGPASSWORD 环境变量、~/.pgpass 文件（见 README）。"
_PASSWORD_HELP_EN = ("Enter it in File → Connect to server, or use the PGPASSWORD variable or a ~/.pgpass file "
                     "(see the README).")


class ServerAccessError(AccountDeskError):
    """The server refused us, or cannot be reached, or the login lacks a right; nothing was written."""


class PasswordRefused(ServerAccessError):
    """The server wants a (different) password for `address`: the interface may ask for it."""

    def __init__(self, zh: str, en: str, address: str) -> None:
        super().__init__(zh, en)
        self.address = address


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def connect_failure(address: str, error: BaseException, timeout: float = CONNECT_TIMEOUT_SECONDS) -> ServerAccessError:
    """The message for a failed connection to `address` (a password-free URL)."""
    url = make_url(address)
    user, host, database = url.username or "", url.host or "localhost", url.database or ""
    detail = str(getattr(error, "orig", None) or error)
    lowered = detail.lower()
    if "password authentication failed" in lowered:
        return PasswordRefused(
            f"服务器“{host}”拒绝了登录：用户“{user}”的密码不对。{_PASSWORD_HELP_ZH}",
            f"The server '{host}' refused the login: the password for user '{user}' is wrong. {_PASSWORD_HELP_EN}",
            address,
        )
    if "no password supplied" in lowered or "password is required" in lowered:
        return PasswordRefused(
            f"服务器“{host}”要求用户“{user}”输入密码。{_PASSWORD_HELP_ZH}",
            f"The server '{host}' asks for the password of user '{user}'. {_PASSWORD_HELP_EN}",
            address,
        )
    missing = re.search(r'database "([^"]*)" does not exist', detail)
    if missing:
        name = missing[1]
        return ServerAccessError(
            f"服务器“{host}”上没有名为“{name}”的数据库。请检查数据库名；或请管理员先建立它："
            f"CREATE DATABASE {_quoted(name)} OWNER {_quoted(user)};",
            f"The server '{host}' has no database named '{name}'. Check the name, or ask an administrator to "
            f"create it: CREATE DATABASE {_quoted(name)} OWNER {_quoted(user)};",
        )
    if re.search(r'role "[^"]*" does not exist', detail):
        return ServerAccessError(
            f"服务器“{host}”上没有登录用户“{user}”。请检查用户名，或请管理员建立它。",
            f"The server '{host}' has no login named '{user}'. Check the user name, or ask an administrator "
            "to create it.",
        )
    if "no pg_hba.conf entry" in lowered or "pg_hba.conf rejects" in lowered:
        return ServerAccessError(
            f"服务器“{host}”不允许用户“{user}”从这台电脑连接数据库“{database}”。请管理员在服务器的 pg_hba.conf 中允许它。",
            f"The server '{host}' does not let user '{user}' connect to the database '{database}' from this "
            "computer. An administrator must allow it in the server's pg_hba.conf.",
        )
    if "timeout expired" in lowered or "timed out" in lowered:
        return ServerAccessError(
            f"服务器“{host}”在 {timeout:g} 秒内没有应答，已放弃连接。请检查网络、地址和端口，或稍后再试。",
            f"The server '{host}' did not answer within {timeout:g} seconds; the connection was "
            "given up. Check the network, the address and the port, or try again later.",
        )
    if "failed to resolve host" in lowered or "could not translate host name" in lowered \
            or "name or service not known" in lowered:
        return ServerAccessError(
            f"找不到服务器“{host}”：这个名字无法解析。请检查服务器地址和网络。",
            f"The server '{host}' cannot be found: the name does not resolve. Check the address and the network.",
        )
    if "ssl" in lowered:
        return ServerAccessError(
            f"与服务器“{host}”建立加密连接（SSL）失败。请检查“SSL 模式”设置，或请管理员检查服务器的证书。",
            f"The encrypted (SSL) connection to the server '{host}' failed. Check the SSL mode, or ask an "
            "administrator to check the server's certificate.",
        )
    port = url.port or 5432
    return ServerAccessError(
        f"无法连接服务器“{host}”（端口 {port}）：服务器没有运行、地址或端口不对，或网络不通。",
        f"Cannot reach the server '{host}' (port {port}): it is not running, the address or port is wrong, "
        "or the network is down.",
    )


# What a member's login needs on the tables AccountDesk keeps (the owner of the database has it all).
def member_grants(database: str, role: str) -> str:
    db, who = _quoted(database), _quoted(role)
    return (f"GRANT CONNECT ON DATABASE {db} TO {who}; "
            f"GRANT USAGE ON SCHEMA public TO {who}; "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {who}; "
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {who};")


def missing_rights(connection: Connection, address: str, *, empty: bool, needs_migration: bool) -> ServerAccessError | None:
    """Why this login cannot work in this database, with what an administrator must run; None: it can."""
    url = make_url(address)
    database, host = url.database or "", url.host or "localhost"
    role = connection.execute(text("SELECT session_user")).scalar() or url.username or ""
    if empty or needs_migration:
        creates = connection.execute(text(
            "SELECT has_schema_privilege('public', 'CREATE') "
            "AND (NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public') "
            "     OR bool_and(pg_has_role(session_user, tableowner, 'USAGE'))) FROM pg_tables "
            "WHERE schemaname = 'public'")).scalar()
        if not creates:
            what_zh = "建立 AccountDesk 的数据表" if empty else "把数据库结构升级到本程序的版本"
            what_en = "create AccountDesk's tables" if empty else "upgrade the schema to this AccountDesk's version"
            grant = f"GRANT CREATE ON SCHEMA public TO {_quoted(role)};" if empty else \
                f"ALTER DATABASE {_quoted(database)} OWNER TO {_quoted(role)};"
            return ServerAccessError(
                f"用户“{role}”无权在服务器“{host}”的数据库“{database}”中{what_zh}，未作任何改动。"
                f"请数据库的所有者用本程序先打开它一次，或请管理员执行：{grant}",
                f"User '{role}' may not {what_en} in the database '{database}' on '{host}'; nothing was changed. "
                f"Have the database's owner open it once with AccountDesk, or ask an administrator to run: {grant}",
            )
        return None
    # By oid, not by name: the planner may test rows of other schemas before the filter.
    lacking = connection.execute(text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT ("
        "has_table_privilege(c.oid, 'SELECT') AND "
        "(c.relname = 'alembic_version' OR has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE'))"
        ") ORDER BY c.relname")).scalars().all()
    if not lacking:
        return None
    grants = member_grants(database, role)
    shown = ", ".join(lacking[:5]) + ("…" if len(lacking) > 5 else "")
    return ServerAccessError(
        f"用户“{role}”可以登录服务器“{host}”，但没有使用数据库“{database}”中数据表的权限（{shown}）。"
        f"请管理员执行：{grants}",
        f"User '{role}' can log in to '{host}' but has no rights on the tables of the database '{database}' "
        f"({shown}). An administrator must run: {grants}",
    )

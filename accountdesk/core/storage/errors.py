"""What a database error means for a person: busy, unreachable, a rule broken, or something else, in their language.

SQLAlchemy wraps each driver error (sqlite3, psycopg) in its own classes; the driver's error
carries what matters: PostgreSQL's SQLSTATE code, or SQLite's message. Every command and screen
turns an error it cannot handle into one of the messages below instead of showing a traceback.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError

from accountdesk.core.i18n import AccountDeskError

# PostgreSQL: serialization failure, deadlock, lock not available.
BUSY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
_BUSY_TEXTS = ("database is locked", "database is busy", "database table is locked")
# Class 08 (connection exception), the server shutting down or starting (57P01–57P03).
_GONE_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})
_GONE_TEXTS = (
    "server closed the connection", "connection refused", "could not connect", "connection is closed",
    "terminating connection", "connection timed out", "no route to host", "network is unreachable",
    "connection reset", "the connection is lost", "consuming input failed", "ssl syscall error",
    "server conn crashed", "connection failed", "name or service not known", "could not translate host name",
    "unable to open database file",
)


class DatabaseUnreachableError(AccountDeskError):
    """The server (or the shared drive) cannot be reached now; nothing was written."""


class DatabaseRuleError(AccountDeskError):
    """The database refused a write that breaks one of its rules; nothing was written."""


class UnexpectedDatabaseError(AccountDeskError):
    """Any other database error, said plainly; the technical detail goes to the log."""


def _driver_error(error: BaseException) -> BaseException:
    return getattr(error, "orig", None) or error


def sqlstate(error: BaseException) -> str | None:
    """PostgreSQL's five-character error code, when the error came from PostgreSQL."""
    return getattr(_driver_error(error), "sqlstate", None)


def _text(error: BaseException) -> str:
    return str(_driver_error(error)).lower()


def is_busy(error: BaseException) -> bool:
    """Someone else is writing (a lock, a serialization failure, a deadlock): try again shortly."""
    if not isinstance(error, DBAPIError):
        return False
    return sqlstate(error) in BUSY_SQLSTATES or any(fragment in _text(error) for fragment in _BUSY_TEXTS)


def is_connection_lost(error: BaseException) -> bool:
    """The server went away or cannot be reached: try again when it is back."""
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    code = sqlstate(error) or ""
    if code.startswith("08") or code in _GONE_SQLSTATES:
        return True
    return any(fragment in _text(error) for fragment in _GONE_TEXTS)


def is_write_collision(error: BaseException) -> bool:
    """Another writer changed the very row this one was writing (the ORM's version check)."""
    return isinstance(error, StaleDataError)


_CONSTRAINTS = {
    "uq_customers_code_live": ("客户编号已被其他客户使用", "the customer code is already used by another customer"),
    "uq_users_name": ("同名的用户已存在", "a user with that name already exists"),
    "uq_tags_name": ("同名的标签已存在", "a tag with that name already exists"),
    "uq_settings_key": ("同一设置被同时保存了两次", "the same setting was saved twice at once"),
    "uq_reminders_key": ("同一提醒已由其他同事生成", "the same reminder was already raised by a colleague"),
    "pk_customer_figures": ("另一次重新分级正在写入同样的数据", "another re-grade was writing the same figures"),
}


def _constraint(error: BaseException) -> str | None:
    diag = getattr(_driver_error(error), "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name:
        return name
    text = _text(error)
    return next((known for known in _CONSTRAINTS if known in text), None)


def explain(error: BaseException) -> AccountDeskError | None:
    """The message a person reads for a database error (None: not a database error).

    Our own errors pass through unchanged; every SQLAlchemy or driver error becomes one of
    ours, so no command prints a traceback and no screen shows SQL.
    """
    if isinstance(error, AccountDeskError):
        return error
    if isinstance(error, StaleDataError):
        return AccountDeskError(
            "同一时刻有同事保存了同一条记录，您的修改未保存；请再保存一次（只有双方都改过的字段才需要选择）。",
            "A colleague saved the same record at the same moment; your changes were not saved. "
            "Please save again (only fields both of you changed will need a choice).",
        )
    if not isinstance(error, SQLAlchemyError):
        return None
    if is_connection_lost(error):
        if type(_driver_error(error)).__module__.startswith("sqlite3"):
            return DatabaseUnreachableError(
                "无法打开数据库文件（共享盘可能已断开）；未写入任何内容。您输入的内容仍在，连接恢复后请再保存。",
                "The database file cannot be reached (is the shared drive disconnected?); nothing was written. "
                "What you typed is kept: save again when the drive is back.",
            )
        return DatabaseUnreachableError(
            "无法连接数据库服务器（网络中断或服务器已停止）；未写入任何内容。您输入的内容仍在，服务器恢复后请再保存。",
            "The database server cannot be reached (the network is down or the server stopped); nothing was "
            "written. What you typed is kept: save again when the server is back.",
        )
    if is_busy(error):
        return AccountDeskError(
            "数据库正被其他同事占用，已多次重试仍无法完成；未写入任何内容，请稍后再试。",
            "The database is kept busy by other users; several retries could not finish. Nothing was "
            "written — please try again in a moment.",
        )
    code = sqlstate(error) or ""
    text = _text(error)
    if code == "23505" or "unique constraint failed" in text:
        zh, en = _CONSTRAINTS.get(_constraint(error) or "", ("已存在相同的记录", "the same record already exists"))
        return DatabaseRuleError(f"未保存：{zh}。", f"Not saved: {en}.")
    if code == "23503" or "foreign key constraint failed" in text:
        return DatabaseRuleError(
            "未保存：它所指向的记录已被其他同事删除或合并。请刷新后再试。",
            "Not saved: a record it refers to was deleted or merged by a colleague. Refresh and try again.",
        )
    if code in ("23502", "23514") or "not null constraint failed" in text or "check constraint failed" in text:
        return DatabaseRuleError("未保存：有必填的值缺失或超出范围。", "Not saved: a required value is missing or out of range.")
    # The server's row security (migration 0020) refused a customer this login may not change.
    if "accountdesk: only a manager or an admin may hand over" in text:
        return DatabaseRuleError(
            "未保存：客户经理只能从公海认领客户或把自己的客户退回公海；把客户交给别人须由主管或管理员操作。",
            "Not saved: a rep may only claim a customer from the pool or give their own back to it; handing a "
            "customer to someone else is for a manager or an admin.",
        )
    if "row-level security" in text:
        return DatabaseRuleError(
            "未保存：这位客户不归您负责（或您只是只读协作人），服务器不允许您修改它。",
            "Not saved: this customer is not yours to change (or you collaborate on it read-only); the server "
            "refused the change.",
        )
    if code == "42501" or "permission denied" in text or "readonly database" in text:
        return DatabaseRuleError(
            "未保存：您没有修改这些数据的权限（请联系管理员）。",
            "Not saved: you have no permission to change this data (ask your administrator).",
        )
    if code in ("28P01", "28000") or "password authentication failed" in text:
        return DatabaseUnreachableError(
            "数据库服务器拒绝了登录：用户名或密码不对。", "The database server refused the login: wrong user name or password."
        )
    if code == "3D000":
        return DatabaseUnreachableError("服务器上没有这个数据库。", "The server has no database of that name.")
    if code.startswith("53") or "disk is full" in text or "disk i/o error" in text:
        return UnexpectedDatabaseError(
            "数据库所在的磁盘已满或出错，未写入任何内容。", "The disk holding the database is full or failing; nothing was written."
        )
    if code == "57014":
        return UnexpectedDatabaseError("操作超时，已取消；未写入任何内容。", "The operation took too long and was cancelled; nothing was written.")
    if "malformed" in text or "not a database" in text:
        return UnexpectedDatabaseError(
            "数据库文件已损坏：请用“从备份恢复”恢复最近的备份。",
            "The database file is damaged: restore the latest backup (File → Restore from backup).",
        )
    detail = f"（{code}）" if code else ""
    detail_en = f" ({code})" if code else ""
    return UnexpectedDatabaseError(
        f"数据库报告了一个错误{detail}，未写入任何内容；详情已记入日志。",
        f"The database reported an error{detail_en}; nothing was written. The details are in the log.",
    )

"""No lost update: optimistic-lock conflicts (mine / theirs per field), their resolution, and busy retries."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.models import Tracked

T = TypeVar("T")

KEEP_MINE = "mine"
KEEP_THEIRS = "theirs"

# Columns a user never edits: they identify or stamp a row and are not offered for a choice.
BOOKKEEPING = frozenset({"id", "uid", "created_at", "updated_at", "updated_by", "version", "search_key"})

ENTITY_NAMES = {
    "customers": ("客户", "customer"),
    "contacts": ("联系人", "contact"),
    "transactions": ("交易", "transaction"),
    "interactions": ("互动记录", "interaction"),
    "feedback": ("反馈", "feedback"),
    "revisit_plans": ("回访计划", "revisit plan"),
    "reminders": ("提醒", "reminder"),
    "users": ("用户", "user"),
    "tags": ("标签", "tag"),
    "scoring_models": ("评分模型", "scoring model"),
    "tier_policies": ("分级策略", "tier policy"),
    "tier_changes": ("分级变更", "tier change"),
    "settings": ("设置", "setting"),
}


def _entity_words(entity: str) -> tuple[str, str]:
    return ENTITY_NAMES.get(entity, (entity, entity))


def _shown(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class FieldConflict:
    """One field as the user meant it, as it is stored now, and as both started."""

    field: str
    mine: Any
    theirs: Any
    base: Any = None
    # True when the other person changed this field too (so a choice matters).
    contested: bool = True


class ConflictError(AccountDeskError):
    """A save refused because someone else saved the same row first; nothing was written.

    `mine` holds the fields this user changed (their new values), `theirs` the values stored
    now for those fields, `base` what this user started from (when known). The GUI shows
    them side by side; `resolve()` turns the user's per-field choice into a new save.
    """

    def __init__(
        self,
        *,
        entity: str,
        id: int | None,
        uid: str | None = None,
        mine: Mapping[str, Any],
        theirs: Mapping[str, Any],
        base: Mapping[str, Any] | None = None,
        stored_version: int | None = None,
        expected_version: int | None = None,
        deleted: bool = False,
        updated_by: str | None = None,
        updated_at: datetime | None = None,
        label: str | None = None,
    ) -> None:
        self.entity = entity
        self.id = id
        self.uid = uid
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.base = dict(base or {})
        self.stored_version = stored_version
        self.expected_version = expected_version
        self.deleted = deleted
        self.updated_by = updated_by
        self.updated_at = updated_at
        self.label = label
        zh_entity, en_entity = _entity_words(entity)
        name = f"“{label}”" if label else f" #{id}"
        who_zh = f"（{updated_by}）" if updated_by else ""
        who_en = f" ({updated_by})" if updated_by else ""
        if deleted:
            zh = f"{zh_entity}{name}已被他人{who_zh}删除，您的修改未保存。"
            en = f"The {en_entity} {label or f'#{id}'} was deleted by someone else{who_en}; your changes were not saved."
        else:
            contested = [c.field for c in self.fields if c.contested]
            listed = "、".join(contested) if contested else "—"
            zh = (
                f"{zh_entity}{name}在您编辑期间已被他人{who_zh}保存，您的修改未保存。"
                f"冲突字段：{listed}。请逐项选择保留您的还是对方的内容。"
            )
            en = (
                f"The {en_entity} {label or f'#{id}'} was saved by someone else{who_en} while you were editing; "
                f"your changes were not saved. Fields in conflict: {', '.join(contested) or '—'}. "
                "Choose per field whether to keep yours or theirs."
            )
        super().__init__(zh, en)

    @property
    def fields(self) -> list[FieldConflict]:
        """Every field this user changed, marked contested when the stored value moved too."""
        result = []
        for key, mine in self.mine.items():
            theirs = self.theirs.get(key)
            # With a known base, a field is contested only when the other side moved it too.
            contested = theirs != mine and (key not in self.base or theirs != self.base[key])
            result.append(FieldConflict(key, mine, theirs, self.base.get(key), contested))
        return result

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "id": self.id,
            "uid": self.uid,
            "deleted": self.deleted,
            "stored_version": self.stored_version,
            "expected_version": self.expected_version,
            "updated_by": self.updated_by,
            "fields": [
                {"field": c.field, "mine": _shown(c.mine), "theirs": _shown(c.theirs),
                 "base": _shown(c.base), "contested": c.contested}
                for c in self.fields
            ],
        }


def _label(obj: Tracked) -> str | None:
    for attribute in ("name", "code", "subject", "key", "tier"):
        value = getattr(obj, attribute, None)
        if isinstance(value, str) and value:
            return value
    return None


def stored_values(obj: Tracked, keys: Iterable[str]) -> dict[str, Any]:
    """The values of `keys` on a loaded row (column attributes only)."""
    columns = {attr.key for attr in inspect(obj).mapper.column_attrs}
    return {key: getattr(obj, key) for key in keys if key in columns}


def conflict_for(
    obj: Tracked,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None,
    base: Mapping[str, Any] | None = None,
) -> ConflictError:
    """The ConflictError describing `changes` refused against the row as `obj` holds it now."""
    return ConflictError(
        entity=obj.__tablename__,
        id=obj.id,
        uid=obj.uid,
        mine=changes,
        theirs=stored_values(obj, changes.keys()),
        base=base,
        stored_version=obj.version,
        expected_version=expected_version,
        deleted=obj.deleted_at is not None,
        updated_by=obj.updated_by,
        updated_at=obj.updated_at,
        label=_label(obj),
    )


def check_version(
    obj: Tracked,
    expected_version: int | None,
    changes: Mapping[str, Any],
    *,
    base: Mapping[str, Any] | None = None,
    allow_deleted: bool = False,
) -> None:
    """Refuse `changes` when the row moved on since the user loaded it at `expected_version`.

    None means the caller did not load the row for a form (e.g. a bulk edit that read it in
    this same transaction) and only the tombstone is checked. Call before applying changes.
    """
    stale = expected_version is not None and obj.version != expected_version
    deleted = obj.deleted_at is not None and not allow_deleted and "deleted_at" not in changes
    if stale or deleted:
        raise conflict_for(obj, changes, expected_version=expected_version, base=base)


def check_versions(
    rows: Iterable[tuple[Tracked, int | None]],
    changes: Mapping[str, Any],
) -> list[ConflictError]:
    """For bulk edits: the conflicts among (row, version the user saw) pairs; none raised."""
    conflicts = []
    for obj, expected in rows:
        try:
            check_version(obj, expected, changes)
        except ConflictError as conflict:
            conflicts.append(conflict)
    return conflicts


def conflict_from_stale(
    session: Session,
    obj: Tracked,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
    base: Mapping[str, Any] | None = None,
) -> ConflictError:
    """Turn a StaleDataError raised by flush (another writer updated the row between our read
    and our UPDATE) into a ConflictError, reading the stored values in a fresh transaction."""
    model = type(obj)
    key = inspect(obj).identity
    entity = model.__tablename__
    # The flush failed, so the transaction is dead; read the row as it is stored now.
    session.rollback()
    current = session.get(model, key[0], populate_existing=True) if key else None
    if current is None:
        return ConflictError(entity=entity, id=key[0] if key else None, mine=changes, theirs={},
                             base=base, expected_version=expected_version, deleted=True)
    return conflict_for(current, changes, expected_version=expected_version, base=base)


def flush_or_conflict(
    session: Session,
    obj: Tracked,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
    base: Mapping[str, Any] | None = None,
) -> None:
    """Flush, converting the ORM's version check failure into a ConflictError."""
    try:
        session.flush()
    except StaleDataError:
        raise conflict_from_stale(session, obj, changes, expected_version=expected_version, base=base) from None


@dataclass
class Combined:
    """A value the user typed to combine both sides (e.g. both notes joined)."""

    value: Any


@dataclass
class Resolution:
    """What to save after a conflict: the changes and the version they now apply to."""

    changes: dict[str, Any]
    expected_version: int | None
    kept_theirs: list[str] = field(default_factory=list)

    @property
    def nothing_to_save(self) -> bool:
        return not self.changes


def resolve(conflict: ConflictError, choices: Mapping[str, str | Combined] | None = None) -> Resolution:
    """Turn a per-field choice (KEEP_MINE, KEEP_THEIRS or Combined(value)) into a new save.

    Fields not named keep mine when the other side left them alone (no real conflict) and
    theirs when contested — so nothing the other person saved is dropped without a choice.
    The result applies at the version now stored; saving it may conflict again, which is right.
    """
    choices = dict(choices or {})
    unknown = set(choices) - set(conflict.mine)
    if unknown:
        raise ValueError(f"choices name fields that were not changed: {sorted(unknown)}")
    changes: dict[str, Any] = {}
    kept_theirs: list[str] = []
    for item in conflict.fields:
        choice = choices.get(item.field, KEEP_THEIRS if item.contested else KEEP_MINE)
        if isinstance(choice, Combined):
            value = choice.value
        elif choice == KEEP_MINE:
            value = item.mine
        elif choice == KEEP_THEIRS:
            kept_theirs.append(item.field)
            continue
        else:
            raise ValueError(f"unknown choice {choice!r} for {item.field}")
        if value != item.theirs:
            changes[item.field] = value
    return Resolution(changes=changes, expected_version=conflict.stored_version, kept_theirs=kept_theirs)


# --- a busy database ---------------------------------------------------------------------------


class DatabaseBusyError(AccountDeskError):
    """Another user held the database for longer than we waited; nothing was written."""


_BUSY_TEXTS = ("database is locked", "database is busy", "database table is locked")
# PostgreSQL: serialization failure, deadlock, lock not available.
_BUSY_SQLSTATES = {"40001", "40P01", "55P03"}


def is_busy_error(error: BaseException) -> bool:
    """True for the errors that mean "someone else is writing, try again shortly"."""
    if isinstance(error, OperationalError | DBAPIError):
        text = str(getattr(error, "orig", error)).lower()
        if any(fragment in text for fragment in _BUSY_TEXTS):
            return True
        sqlstate = getattr(getattr(error, "orig", None), "sqlstate", None)
        return sqlstate in _BUSY_SQLSTATES
    return False


def run_with_retry(
    fn: Callable[[], T],
    attempts: int = 5,
    on_wait: Callable[[int, float], None] | None = None,
    *,
    first_delay: float = 0.2,
    max_delay: float = 3.0,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `fn` (a whole write transaction), retrying while the database is busy.

    `fn` must open its own transaction each time (e.g. ``with database.write()``) so a retry
    starts clean. `on_wait(attempt, delay)` lets the GUI say "waiting for another user…".
    Backoff is exponential with jitter so two waiting clients do not retry in lockstep.
    """
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except (OperationalError, DBAPIError) as error:
            if not is_busy_error(error):
                raise
            if attempt == attempts:
                raise DatabaseBusyError(
                    "数据库正被其他同事长时间占用，已多次重试仍无法保存；您的修改未保存，请稍后再试。",
                    "The database is kept busy by another user; several retries could not save. "
                    "Your changes were not saved — please try again in a moment.",
                ) from error
            wait = min(max_delay, delay) * (0.75 + random.random() / 2)
            if on_wait is not None:
                on_wait(attempt, wait)
            sleep(wait)
            delay *= 2
    raise AssertionError("unreachable")

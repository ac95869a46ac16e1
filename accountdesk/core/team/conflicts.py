"""No lost update: optimistic-lock conflicts (mine / theirs per field), their resolution, and busy retries."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import object_session
from sqlalchemy.orm.exc import StaleDataError

from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage import errors
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
    # True when the other person changed this field too, to another value (so a choice matters).
    contested: bool = True
    # How a person reads mine and theirs (a user's name rather than a row id).
    mine_text: str = ""
    theirs_text: str = ""


class ConflictError(AccountDeskError):
    """A save refused because someone else changed the same fields first; nothing was written.

    `mine` holds the fields this user changed (their new values), `theirs` the values stored
    now for those fields, `base` what this user started from (when known). Only fields both
    sides changed to different values are contested: the GUI shows those side by side, and
    `resolve()` turns the user's per-field choice into a new save that also writes the fields
    only this user changed.
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
        texts: Mapping[str, str] | None = None,
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
        # repr of a value → how to show it, for values that are ids of other rows.
        self.texts = dict(texts or {})
        zh_entity, en_entity = _entity_words(entity)
        name = f"“{label}”" if label else f" #{id}"
        who_zh = f"（{updated_by}）" if updated_by else ""
        who_en = f" ({updated_by})" if updated_by else ""
        if deleted:
            zh = f"{zh_entity}{name}已被他人{who_zh}删除，您的修改未保存。"
            en = f"The {en_entity} {label or f'#{id}'} was deleted by someone else{who_en}; your changes were not saved."
        else:
            contested = [c.field for c in self.fields if c.contested]
            zh_fields = "、".join(field_words(f)[0] for f in contested) or "—"
            en_fields = ", ".join(field_words(f)[1] for f in contested) or "—"
            zh = (
                f"{zh_entity}{name}在您编辑期间已被他人{who_zh}保存，双方改了同样的字段：{zh_fields}。"
                "您的修改尚未保存，请逐项选择保留哪一个。"
            )
            en = (
                f"The {en_entity} {label or f'#{id}'} was saved by someone else{who_en} while you were editing, "
                f"and you both changed: {en_fields}. Your changes are not saved yet: choose which to keep."
            )
        super().__init__(zh, en)

    def text_of(self, value: Any) -> str:
        return self.texts.get(repr(value)) or _shown(value)

    @property
    def fields(self) -> list[FieldConflict]:
        """Every field this user changed, marked contested when the other side moved it too."""
        result = []
        for key, mine in self.mine.items():
            theirs = self.theirs.get(key)
            # With a known base, a field is contested only when the other side moved it too.
            contested = theirs != mine and (key not in self.base or theirs != self.base[key])
            result.append(FieldConflict(key, mine, theirs, self.base.get(key), contested,
                                        self.text_of(mine), self.text_of(theirs)))
        return result

    @property
    def contested(self) -> list[FieldConflict]:
        return [item for item in self.fields if item.contested]

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
                {"field": c.field, "mine": c.mine_text, "theirs": c.theirs_text,
                 "base": _shown(c.base), "contested": c.contested}
                for c in self.fields
            ],
        }


FIELD_WORDS = {
    "name": ("名称", "name"), "code": ("编号", "code"), "phone": ("电话", "phone"), "email": ("邮箱", "email"),
    "company": ("公司", "company"), "contact_person": ("联系人", "contact person"), "position": ("职位", "position"),
    "address": ("地址", "address"), "industry": ("行业", "industry"), "source": ("来源", "source"),
    "birthday": ("生日", "birthday"), "cooperation_since": ("合作起始", "customer since"), "owner_id": ("负责人", "owner"),
    "stage": ("生命周期", "stage"), "need_type": ("需求类型", "need type"), "purchasing_power": ("购买力", "purchasing power"),
    "referrals": ("转介绍数", "referrals"), "followers": ("粉丝数", "followers"), "notes": ("备注", "notes"),
    "tags": ("标签", "tags"), "wechat": ("微信", "WeChat"), "kind": ("类型", "kind"), "summary": ("摘要", "summary"),
    "outcome": ("结果", "outcome"), "next_step": ("下一步", "next step"), "satisfaction": ("满意度", "satisfaction"),
    "occurred_at": ("时间", "time"), "occurred_on": ("日期", "date"), "amount_cents": ("金额", "amount"),
    "content": ("内容", "content"), "resolution": ("处理结果", "resolution"), "due_on": ("回访日期", "due date"),
}


def field_words(field_name: str) -> tuple[str, str]:
    return FIELD_WORDS.get(field_name, (field_name, field_name))


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


def _reference_texts(obj: Tracked, values: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """Names for the values that are ids of other rows (an owner's id → the owner's name)."""
    session = object_session(obj)
    if session is None:
        return {}
    table = obj.__table__  # type: ignore[attr-defined]
    texts: dict[str, str] = {}
    for key, value in values:
        column = table.c.get(key)
        if value is None or column is None or not column.foreign_keys:
            continue
        target = next(iter(column.foreign_keys)).column.table
        model = next((m.class_ for m in obj.registry.mappers if m.local_table is target), None)  # type: ignore[attr-defined]
        row = session.get(model, value) if model is not None else None
        if row is not None:
            texts[repr(value)] = getattr(row, "display_name", None) or _label(row) or str(value)
    return texts


def conflict_for(
    obj: Tracked,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None,
    base: Mapping[str, Any] | None = None,
    stored: Mapping[str, Any] | None = None,
) -> ConflictError:
    """The ConflictError describing `changes` refused against the row as `obj` holds it now."""
    theirs = stored_values(obj, changes.keys())
    theirs.update({key: value for key, value in (stored or {}).items() if key in changes})
    pairs = [*changes.items(), *theirs.items()]
    return ConflictError(
        entity=obj.__tablename__,
        id=obj.id,
        uid=obj.uid,
        mine=changes,
        theirs=theirs,
        base={key: value for key, value in (base or {}).items() if key in changes},
        stored_version=obj.version,
        expected_version=expected_version,
        deleted=obj.deleted_at is not None,
        updated_by=obj.updated_by,
        updated_at=obj.updated_at,
        label=_label(obj),
        texts=_reference_texts(obj, pairs),
    )


def check_version(
    obj: Tracked,
    expected_version: int | None,
    changes: Mapping[str, Any],
    *,
    base: Mapping[str, Any] | None = None,
    stored: Mapping[str, Any] | None = None,
    allow_deleted: bool = False,
) -> dict[str, Any]:
    """The changes to write, merged three ways against what the user loaded; refuse real conflicts.

    `expected_version` is the version the form loaded (None with no base: the caller read the row in
    this same transaction, e.g. a bulk edit, and only the tombstone is checked). `base` holds the stored
    values the form loaded, for the fields it shows: a field whose new value equals its base was
    not changed by this user and is left as it is stored now (the other person's change stays);
    a field only this user changed is written; a field both changed to different values is a
    conflict and nothing is written. Without a base every field of a moved row is a conflict.
    `stored` gives the current value of fields that are not columns (a customer's tags).
    Call after locking the row (get_row(..., lock=True)), before applying the changes.
    """
    deleted = obj.deleted_at is not None and not allow_deleted and "deleted_at" not in changes
    if deleted:
        raise conflict_for(obj, changes, expected_version=expected_version, base=base, stored=stored)
    if (expected_version is None and base is None) or obj.version == expected_version:
        return dict(changes)
    now = stored_values(obj, changes.keys())
    now.update({key: value for key, value in (stored or {}).items() if key in changes})
    if base is None:
        raise conflict_for(obj, changes, expected_version=expected_version, stored=stored)
    mine: dict[str, Any] = {}
    contested = False
    for key, value in changes.items():
        if key in base and base[key] == value:
            continue  # this user left it alone: whatever is stored now stays
        mine[key] = value
        if now.get(key) != value and (key not in base or now.get(key) != base[key]):
            contested = True
    if contested:
        raise conflict_for(obj, mine, expected_version=expected_version, base=base, stored=stored)
    return {key: value for key, value in mine.items() if now.get(key) != value}


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


@dataclass
class Combined:
    """A value the user typed to combine both sides (e.g. both notes joined)."""

    value: Any


@dataclass
class Resolution:
    """What to save after a conflict: the changes, the values they were decided against (the
    base of the next three-way save) and the version those were read at; and the values this
    user typed but chose not to keep (kept in the change history)."""

    entity: str
    id: int | None
    changes: dict[str, Any]
    expected_version: int | None
    base: dict[str, Any] = field(default_factory=dict)
    kept_theirs: list[str] = field(default_factory=list)
    discarded: dict[str, Any] = field(default_factory=dict)

    @property
    def nothing_to_save(self) -> bool:
        return not self.changes and not self.discarded


def resolve(conflict: ConflictError, choices: Mapping[str, str | Combined] | None = None) -> Resolution:
    """Turn a per-field choice (KEEP_MINE, KEEP_THEIRS or Combined(value)) into a new save.

    Fields not named keep mine: what the user just typed wins unless they choose otherwise,
    and whatever they overwrite stays in the change history. Fields only this user changed are
    saved as they are. The result is a three-way save against the values stored now: if yet
    another colleague saves meanwhile, only their real conflicts come back.
    """
    choices = dict(choices or {})
    unknown = set(choices) - set(conflict.mine)
    if unknown:
        raise ValueError(f"choices name fields that were not changed: {sorted(unknown)}")
    changes: dict[str, Any] = {}
    kept_theirs: list[str] = []
    discarded: dict[str, Any] = {}
    for item in conflict.fields:
        choice = choices.get(item.field, KEEP_MINE)
        if isinstance(choice, Combined):
            value = choice.value
        elif choice == KEEP_MINE:
            value = item.mine
        elif choice == KEEP_THEIRS:
            kept_theirs.append(item.field)
            if item.mine != item.theirs:
                discarded[item.field] = item.mine
            continue
        else:
            raise ValueError(f"unknown choice {choice!r} for {item.field}")
        if value != item.theirs:
            changes[item.field] = value
    return Resolution(entity=conflict.entity, id=conflict.id, changes=changes,
                      expected_version=conflict.stored_version, base=dict(conflict.theirs),
                      kept_theirs=kept_theirs, discarded=discarded)


# --- a busy database ---------------------------------------------------------------------------


class DatabaseBusyError(AccountDeskError):
    """Another user held the database for longer than we waited; nothing was written."""


def is_busy_error(error: BaseException) -> bool:
    """True for the errors that mean "someone else is writing, try again shortly"."""
    return errors.is_busy(error)


def run_with_retry(
    fn: Callable[[], T],
    attempts: int = 5,
    on_wait: Callable[[int, float], None] | None = None,
    *,
    first_delay: float = 0.2,
    max_delay: float = 3.0,
    sleep: Callable[[float], None] = time.sleep,
    reconnect_seconds: float = 0.0,
    on_unreachable: Callable[[float], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """Run `fn` (a whole write transaction), retrying what a team's database throws at a writer.

    - Busy (a colleague holds the lock, a serialization failure, a deadlock): up to `attempts`
      tries with exponential backoff and jitter, so two waiting clients do not retry in lockstep;
      `on_wait(attempt, delay)` lets the GUI say "waiting for another user…".
    - A write collision (another writer changed the row between our read and our write): tried
      again, which reads the row afresh and merges three ways against what the user loaded.
    - The server unreachable: tried again every few seconds for `reconnect_seconds` (0: not at
      all), telling `on_unreachable(seconds waited)`; what the user typed stays in their form.

    `fn` must open its own transaction each time (e.g. ``with database.write()``) so a retry
    starts clean.
    """
    delay = first_delay
    attempt = 0
    offline_since: float | None = None
    while True:
        attempt += 1
        try:
            return fn()
        except StaleDataError:
            if attempt >= attempts:
                raise
            continue
        except DBAPIError as error:
            if errors.is_connection_lost(error):
                now = clock()
                offline_since = now if offline_since is None else offline_since
                waited = now - offline_since
                if waited >= reconnect_seconds:
                    raise
                if on_unreachable is not None:
                    on_unreachable(waited)
                attempt -= 1  # time, not tries, bounds waiting for the server
                sleep(min(max_delay, max(0.0, reconnect_seconds - waited)))
                continue
            if not is_busy_error(error):
                raise
            if attempt >= attempts:
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

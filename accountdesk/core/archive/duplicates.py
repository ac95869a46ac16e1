"""Likely duplicate customers: the same phone, the same code or a similar name, for a form's save and for the whole book."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from accountdesk.core.archive.search import pinyin_forms
from accountdesk.core.excel.imports.planner import CustomerIndex
from accountdesk.core.excel.read.values import code_key, name_key, phone_key
from accountdesk.core.i18n import Message, current_language

SAME_CODE = Message("同一编号", "same code")
SAME_PHONE = Message("同一电话", "same phone")
SIMILAR_NAME = Message("名称相似", "similar name")
REASONS = {"code": SAME_CODE, "phone": SAME_PHONE, "name": SIMILAR_NAME}

# Two reduced names this alike (difflib's ratio) read as one firm typed twice: 上海明远国际贸易 and
# 上海明远国贸易 pass, 上海明远贸易 and 上海华远贸易 (0.83, two firms of one city and trade) do not.
LIKENESS = 0.88
# Shorter reduced names are compared whole only: two characters apart is another name.
_FUZZY_LENGTH = 4
# Across the whole book names are compared with their neighbours in sorted order within the same
# first two characters (a sorted-neighbourhood pass), so a 100,000-customer book is not n² work.
_NEIGHBOURS = 8


@lru_cache(maxsize=65536)
def _pinyin(key: str) -> str:
    return pinyin_forms(key)[0]


def names_alike(first: str | None, second: str | None) -> bool:
    """The import's name match (company suffixes and punctuation ignored: 上海明远贸易有限公司 ==
    上海明远贸易公司), also when one is the other's pinyin or a homophone (明远 / 铭远), or a slip
    of one character in a long name."""
    a, b = name_key(first), name_key(second)
    if not a or not b:
        return False
    if a == b:
        return True
    if _pinyin(a) == _pinyin(b):
        return True
    if min(len(a), len(b)) < _FUZZY_LENGTH:
        return False
    return SequenceMatcher(None, a, b).ratio() >= LIKENESS


@dataclass(frozen=True)
class DuplicateHit:
    """An existing customer a record resembles, and why ("code", "phone", "name")."""

    customer_id: int
    code: str
    name: str
    reasons: tuple[str, ...]

    def reason_text(self, language: str | None = None) -> str:
        return reasons_text(self.reasons, language)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.customer_id, "code": self.code, "name": self.name, "reasons": list(self.reasons),
                "reason_zh": [REASONS[r].zh for r in self.reasons]}


@dataclass(frozen=True)
class DuplicatePair:
    first: DuplicateHit
    second: DuplicateHit
    reasons: tuple[str, ...]

    def reason_text(self, language: str | None = None) -> str:
        return reasons_text(self.reasons, language)

    def as_dict(self) -> dict[str, Any]:
        return {"first": {"code": self.first.code, "name": self.first.name},
                "second": {"code": self.second.code, "name": self.second.name},
                "reasons": list(self.reasons), "reason_zh": [REASONS[r].zh for r in self.reasons],
                "reason_en": [REASONS[r].en for r in self.reasons]}


def reasons_text(reasons: Iterable[str], language: str | None = None) -> str:
    """名称相似、同一电话 / similar name, same phone."""
    language = language or current_language()
    return ("、" if language == "zh" else ", ").join(REASONS[r].text(language) for r in reasons)


def _reasons(found: Mapping[int, set[str]], customer_id: int) -> tuple[str, ...]:
    return tuple(r for r in REASONS if r in found[customer_id])


def similar_customers(session: Session, fields: Mapping[str, Any], customer_id: int | None = None,
                      *, index: CustomerIndex | None = None) -> list[DuplicateHit]:
    """Live customers that a customer being created (or `customer_id` being edited) with these
    fields resembles; empty when none. A warning only: the caller may save regardless."""
    index = index or CustomerIndex(session, full=False)
    found: dict[int, set[str]] = defaultdict(set)
    code = fields.get("code")
    if code:
        matched = index.by_code.get(code_key(code))
        if matched is not None:
            found[matched].add("code")
    phone = phone_key(fields.get("phone"))
    for matched in index.by_phone.get(phone, ()) if phone else ():
        found[matched].add("phone")
    names = [text for text in (fields.get("name"), fields.get("company")) if text]
    keys = {key for key in map(name_key, names) if key}
    for key in keys:
        for matched in index.by_name_key.get(key, ()):
            found[matched].add("name")
    if keys:
        for other_id, row in index.rows.items():
            if other_id in found and "name" in found[other_id]:
                continue
            if any(names_alike(mine, theirs) for mine in names for theirs in (row.get("name"), row.get("company"))):
                found[other_id].add("name")
    found.pop(customer_id, None)  # type: ignore[arg-type]
    hits = [DuplicateHit(cid, index.rows[cid]["code"], index.rows[cid]["name"], _reasons(found, cid)) for cid in found]
    # The strongest likeness first: a shared code, then phone, then only a name.
    return sorted(hits, key=lambda hit: (-len(hit.reasons), [list(REASONS).index(r) for r in hit.reasons], hit.code))


def _groups(rows: Mapping[int, Mapping[str, Any]]) -> Iterable[tuple[str, list[int]]]:
    by_code: dict[str, list[int]] = defaultdict(list)
    by_phone: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, list[int]] = defaultdict(list)
    for cid, row in rows.items():
        if row.get("code"):
            by_code[code_key(row["code"])].append(cid)
        phone = phone_key(row.get("phone"))
        if phone:
            by_phone[phone].append(cid)
        for text in {row.get("name"), row.get("company")}:
            key = name_key(text)
            if key:
                by_name[_pinyin(key)].append(cid)  # equal keys read alike too
    for reason, groups in (("code", by_code), ("phone", by_phone), ("name", by_name)):
        for ids in groups.values():
            if len(ids) > 1:
                yield reason, sorted(set(ids))


def duplicate_pairs(session: Session) -> list[DuplicatePair]:
    """Every pair of live customers that look like one customer entered twice, with the reasons."""
    index = CustomerIndex(session, full=False)
    rows = index.rows
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    for reason, ids in _groups(rows):
        for position, first in enumerate(ids):
            for second in ids[position + 1:]:
                found[(first, second)].add(reason)
    keyed = sorted((key, cid) for cid, row in rows.items()
                   for key in {name_key(row.get("name")), name_key(row.get("company"))} if key and len(key) >= _FUZZY_LENGTH)
    for position, (key, cid) in enumerate(keyed):
        for other_key, other in keyed[position + 1 : position + 1 + _NEIGHBOURS]:
            if other_key[:2] != key[:2]:
                break
            pair = (min(cid, other), max(cid, other))
            if cid != other and "name" not in found[pair] and SequenceMatcher(None, key, other_key).ratio() >= LIKENESS:
                found[pair].add("name")

    def hit(cid: int) -> DuplicateHit:
        return DuplicateHit(cid, rows[cid]["code"], rows[cid]["name"], ())

    pairs = [DuplicatePair(hit(a), hit(b), tuple(r for r in REASONS if r in why)) for (a, b), why in found.items() if why]
    return sorted(pairs, key=lambda p: (-len(p.reasons), p.first.code, p.second.code))

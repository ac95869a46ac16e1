"""Search keys (lower-case text, full pinyin, initials, phone digits) and customer search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from accountdesk.core.storage.models import Contact, Customer

_SEPARATOR = "|"
_NON_DIGITS = re.compile(r"\D+")
_SPACES = re.compile(r"\s+")


def normalize_text(value: str) -> str:
    """Full-width to half-width, lower case, no spaces: how both keys and queries are compared."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", value)).lower()


@lru_cache(maxsize=65536)
def _char_pinyin(char: str) -> tuple[str, str]:
    # pypinyin costs ~0.2 ms a call; names share few thousand distinct characters, so a
    # per-character cache makes keys for 100,000 customers cheap.
    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
        # Imported here: its dictionaries take about a second to load, and searching (as
        # opposed to building keys) never needs them, so the app starts without them.
        from pypinyin import Style, pinyin

        full = pinyin(char, style=Style.NORMAL, errors="ignore")
        if full and full[0]:
            reading = full[0][0]
            return reading, reading[0]
    return char, char


def pinyin_forms(value: str) -> tuple[str, str]:
    """(full pinyin, initials) of a text; characters that are not Chinese stay as they are."""
    full, initials = [], []
    for char in normalize_text(value):
        reading, initial = _char_pinyin(char)
        full.append(reading)
        initials.append(initial)
    return "".join(full), "".join(initials)


def digits(value: str | None) -> str:
    return _NON_DIGITS.sub("", value or "")


def build_search_key(
    name: str,
    code: str = "",
    phone: str | None = None,
    extra_names: Iterable[str] = (),
    extra_phones: Iterable[str | None] = (),
) -> str:
    """The text a customer is found by: name in characters, full pinyin and initials; code;
    phone digits; the same for its contacts and contact person."""
    parts: list[str] = []
    for text in (name, *extra_names):
        if not text:
            continue
        plain = normalize_text(text)
        full, initials = pinyin_forms(text)
        parts.extend(p for p in (plain, full, initials) if p)
    if code:
        parts.append(normalize_text(code))
    for number in (phone, *extra_phones):
        number_digits = digits(number)
        if number_digits:
            parts.append(number_digits)
    return _SEPARATOR.join(dict.fromkeys(parts))


def customer_search_key(customer: Customer, contacts: Iterable[Contact] = ()) -> str:
    live = [c for c in contacts if c.deleted_at is None]
    return build_search_key(
        customer.name,
        customer.code,
        customer.phone,
        extra_names=[n for n in (customer.company, customer.contact_person, *(c.name for c in live)) if n],
        extra_phones=[c.phone for c in live],
    )


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_terms(text: str) -> list[str]:
    """The words of a query as the keys hold them: normalised, and a phone number as its digits."""
    terms = []
    for word in text.split():
        term = normalize_text(word)
        if not term:
            continue
        number = digits(term)
        if number and len(number) == len(term):
            term = number
        terms.append(term)
    return terms


def apply_search(query: Select, text: str) -> Select:
    """Narrow a customer query to those matching every word of `text`."""
    for term in search_terms(text):
        query = query.where(Customer.search_key.like(f"%{_escape_like(term)}%", escape="\\"))
    return query


def search_customer_ids(session: Session, text: str, limit: int | None = None) -> list[int]:
    query = apply_search(select(Customer.id).where(Customer.deleted_at.is_(None)), text).order_by(Customer.id)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


class SearchIndex:
    """Every live customer's search key in memory, in the list's default order (by code).

    A `LIKE '%…%'` cannot use an index, so each keystroke would scan the whole table; here a
    keystroke filters plain strings in Python, and a query that only extends the previous one
    (the usual case while typing) filters the previous result instead of the whole book.
    Matching is the same as `apply_search`: every word must occur in the key.
    """

    def __init__(self, ids: list[int], keys: list[str]) -> None:
        self._ids = ids
        self._keys = keys
        self._last_terms: list[str] = []
        self._last_positions: list[int] = list(range(len(ids)))

    @classmethod
    def load(cls, session: Session) -> SearchIndex:
        rows = session.execute(
            select(Customer.id, Customer.search_key).where(Customer.deleted_at.is_(None)).order_by(Customer.code, Customer.id)
        ).all()
        return cls([row[0] for row in rows], [row[1] or "" for row in rows])

    def __len__(self) -> int:
        return len(self._ids)

    def _extends_last(self, terms: list[str]) -> bool:
        # Typing on: every earlier word is still there, each possibly longer, maybe more words.
        last = self._last_terms
        return bool(last) and len(terms) >= len(last) and all(old in new for old, new in zip(last, terms, strict=False))

    def find(self, text: str) -> list[int]:
        terms = search_terms(text)
        if not terms:
            self._last_terms, self._last_positions = [], list(range(len(self._ids)))
            return list(self._ids)
        keys = self._keys
        positions = self._last_positions if self._extends_last(terms) else range(len(keys))
        for term in terms:
            positions = [p for p in positions if term in keys[p]]
        self._last_terms, self._last_positions = terms, positions
        ids = self._ids
        return [ids[p] for p in positions]

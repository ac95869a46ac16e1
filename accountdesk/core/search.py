"""Search keys (lower-case text, full pinyin, initials, phone digits) and customer search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from accountdesk.core.models import Contact, Customer

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


def apply_search(query: Select, text: str) -> Select:
    """Narrow a customer query to those matching every word of `text`."""
    for word in text.split():
        term = normalize_text(word)
        if not term:
            continue
        number = digits(term)
        if number and len(number) == len(term):
            term = number
        query = query.where(Customer.search_key.like(f"%{_escape_like(term)}%", escape="\\"))
    return query


def search_customer_ids(session: Session, text: str, limit: int | None = None) -> list[int]:
    query = apply_search(select(Customer.id).where(Customer.deleted_at.is_(None)), text).order_by(Customer.id)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))

"""Search keys (lower-case text, full pinyin, initials, phone digits) and customer search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from accountdesk.core.models import Contact, Customer
from accountdesk.core.pinyin_readings import primary_reading, reading_parts

# Raise when the way keys are built changes: databases whose keys were built otherwise have them
# rebuilt. 1: one character at a time; 2: phrases, surnames and the common other readings, in
# sections with the name first.
KEYS_VERSION = 2

# A key is sections joined by "||", the customer's name first, then its company, contact person and
# contacts, code and phone digits; a section is its text then the text's readings, joined by "|".
# The name comes first so that ranking can tell a match in the name from one elsewhere.
PART_SEPARATOR = "|"
SECTION_SEPARATOR = "||"
_NON_DIGITS = re.compile(r"\D+")
_SPACES = re.compile(r"\s+")


def normalize_text(value: str) -> str:
    """Full-width to half-width, lower case, no spaces: how both keys and queries are compared.
    A '|' reads as '/', so a typed text can never span two parts of a key."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", value)).lower().replace(PART_SEPARATOR, "/")


def pinyin_forms(value: str) -> tuple[str, str]:
    """(full pinyin, initials) of a text as it is said (长春 changchun); other characters stay."""
    return primary_reading(normalize_text(value))


def digits(value: str | None) -> str:
    return _NON_DIGITS.sub("", value or "")


@lru_cache(maxsize=8192)
def text_section(text: str) -> str:
    """One text's section of a key: the text as compared, then its full pinyin and initials for
    each way it is read (phrase, surname, everyday and the common other readings)."""
    return PART_SEPARATOR.join(reading_parts(normalize_text(text)))


def build_search_key(
    name: str,
    code: str = "",
    phone: str | None = None,
    extra_names: Iterable[str] = (),
    extra_phones: Iterable[str | None] = (),
) -> str:
    """The text a customer is found by: name in characters, full pinyin and initials; code;
    phone digits; the same for its contacts and contact person."""
    # The name's section always comes first, even empty: ranking reads the name from the front.
    sections = [text_section(name) if name else ""]
    sections.extend(text_section(text) for text in extra_names if text)
    if code:
        sections.append(normalize_text(code))
    sections.extend(digits(number) for number in (phone, *extra_phones))
    return join_sections(sections)


def join_sections(sections: Iterable[str]) -> str:
    """The key of these sections, the first (the name's) kept first; empty and repeated ones dropped."""
    first, *rest = sections
    return SECTION_SEPARATOR.join(dict.fromkeys([first, *(s for s in rest if s)]))


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

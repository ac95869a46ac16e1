"""Search keys (lower-case text, full pinyin, initials, phone digits) and ranked customer search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from accountdesk.core.archive.pinyin_readings import primary_reading, reading_parts
from accountdesk.core.storage.models import Contact, Customer, TierPolicy

# Raise when the way keys are built changes: databases whose keys were built otherwise have them
# rebuilt when they are opened (search_key_refresh.py). 1: one character at a time; 2: phrases,
# surnames and the common other readings, in sections with the name first.
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


# --- ranking ------------------------------------------------------------------------------------


class MatchKind(IntEnum):
    """How a customer matches a search, best first."""

    EXACT = 0  # the text is the customer's name or code
    PREFIX = 1  # the name or the code starts with it
    PINYIN = 2  # the name's full pinyin or initials start with it (in any of the ways it is read)
    CONTAINS = 3  # it is found elsewhere: inside the name, in the company, a contact, a phone number


@dataclass(frozen=True)
class Hit:
    """One customer a search found, with why: `matched` is the text that matched as the key holds
    it (the name, its pinyin or initials, the code, a contact's name, phone digits)."""

    id: int
    code: str
    name: str
    tier: str | None
    kind: MatchKind
    matched: str


@dataclass(frozen=True)
class _Row:
    id: int
    code: str
    name: str
    tier: str | None
    key: str


def tier_ranks(session: Session) -> dict[str, int]:
    """Each tier's place, best first (A before B before C, or as the tier policies order them)."""
    tiers = session.scalars(select(TierPolicy.tier).where(TierPolicy.deleted_at.is_(None))
                            .order_by(TierPolicy.sort_order, TierPolicy.tier))
    return {tier: place for place, tier in enumerate(tiers)}


_INDEX_COLUMNS = (Customer.id, Customer.code, Customer.name, Customer.tier, Customer.search_key)


class SearchIndex:
    """Customers' search keys in memory, in the list's default order (by code), ranked on demand.

    A `LIKE '%…%'` cannot use an index, so each keystroke would scan the whole table; here a
    keystroke filters plain strings in Python, and a query that only extends the previous one
    (the usual case while typing) filters the previous result instead of the whole book.
    Matching is the same as `apply_search`: every word must occur in the key. The matches come
    back ranked: exact name or code, then name or code prefix, then the name's pinyin or initials
    prefix, then the rest; within each, better tiers first, then by code.
    """

    def __init__(self, rows: Sequence[_Row], tier_rank: Mapping[str, int]) -> None:
        self._rows = rows
        self._ids = [row.id for row in rows]
        self._keys = [row.key or "" for row in rows]
        self._codes = [normalize_text(row.code or "") for row in rows]
        # The name's section of each key split once: its text, and "|reading|reading…" so that
        # a prefix of any reading is one substring test.
        self._names: list[str] = []
        self._readings: list[str] = []
        for key in self._keys:
            name, _bar, readings = key.partition(SECTION_SEPARATOR)[0].partition(PART_SEPARATOR)
            self._names.append(name)
            self._readings.append(PART_SEPARATOR + readings)
        unknown = len(tier_rank)
        self._tiers = [tier_rank.get(row.tier, unknown) if row.tier else unknown + 1 for row in rows]
        self._last_terms: list[str] = []
        self._last_positions: list[int] = list(range(len(rows)))

    @classmethod
    def load(cls, session: Session, text: str | None = None, query: Select | None = None) -> SearchIndex:
        """Every live customer, or those `query` (a select of Customer ids) selects; with `text`,
        only those whose key holds every word of it (the database narrows them first)."""
        rows = select(*_INDEX_COLUMNS)
        rows = rows.where(Customer.deleted_at.is_(None)) if query is None else \
            rows.where(Customer.id.in_(query.with_only_columns(Customer.id).order_by(None).scalar_subquery()))
        if text:
            rows = apply_search(rows, text)
        found = session.execute(rows.order_by(Customer.code, Customer.id)).all()
        return cls([_Row(*row) for row in found], tier_ranks(session))

    def __len__(self) -> int:
        return len(self._ids)

    def _extends_last(self, terms: list[str]) -> bool:
        # Typing on: every earlier word is still there, each possibly longer, maybe more words.
        last = self._last_terms
        return bool(last) and len(terms) >= len(last) and all(old in new for old, new in zip(last, terms, strict=False))

    def _matching(self, terms: list[str]) -> list[int]:
        if not terms:
            self._last_terms, self._last_positions = [], list(range(len(self._ids)))
            return self._last_positions
        keys = self._keys
        positions = self._last_positions if self._extends_last(terms) else range(len(keys))
        for term in terms:
            positions = [p for p in positions if term in keys[p]]
        self._last_terms, self._last_positions = terms, positions
        return positions

    def _kind(self, position: int, wanted: str) -> MatchKind:
        name, code = self._names[position], self._codes[position]
        if name == wanted or code == wanted:
            return MatchKind.EXACT
        if name.startswith(wanted) or code.startswith(wanted):
            return MatchKind.PREFIX
        if PART_SEPARATOR + wanted in self._readings[position]:
            return MatchKind.PINYIN
        return MatchKind.CONTAINS

    def _ranked(self, terms: list[str]) -> list[int]:
        positions = self._matching(terms)
        if not terms:
            return positions
        # Ranked on the whole text typed ("华兴 农业" as 华兴农业) and, for several words, on the
        # first one alone, whichever ranks better. Buckets keep the code order within them.
        wanted = ["".join(terms)] + ([terms[0]] if len(terms) > 1 else [])
        buckets: list[list[int]] = [[] for _ in MatchKind]
        kind = self._kind
        for p in positions:
            buckets[min(kind(p, w) for w in wanted)].append(p)
        tiers = self._tiers.__getitem__
        ranked: list[int] = []
        for bucket in buckets:
            bucket.sort(key=tiers)  # stable: by code within a tier
            ranked.extend(bucket)
        return ranked

    def find(self, text: str) -> list[int]:
        """Ids of the customers matching `text`, best match first (all of them, by code, for no text)."""
        ids = self._ids
        return [ids[p] for p in self._ranked(search_terms(text))]

    def hits(self, text: str, limit: int | None = None) -> list[Hit]:
        """The best `limit` matches of `text`, each with why it matched."""
        terms = search_terms(text)
        ranked = self._ranked(terms)
        wanted = ["".join(terms)] + ([terms[0]] if len(terms) > 1 else []) if terms else []
        hits = []
        for p in ranked[:limit] if limit else ranked:
            row = self._rows[p]
            kind = min((self._kind(p, w) for w in wanted), default=MatchKind.CONTAINS)
            hits.append(Hit(row.id, row.code, row.name, row.tier, kind, self._matched(p, kind, wanted, terms)))
        return hits

    def _matched(self, position: int, kind: MatchKind, wanted: list[str], terms: list[str]) -> str:
        name, code, row = self._names[position], self._codes[position], self._rows[position]
        if kind in (MatchKind.EXACT, MatchKind.PREFIX):
            return row.name if any(name.startswith(w) for w in wanted) else row.code
        sections = [s.split(PART_SEPARATOR) for s in self._keys[position].split(SECTION_SEPARATOR)]
        if kind == MatchKind.PINYIN:
            return next(part for part in sections[0][1:] if any(part.startswith(w) for w in wanted))
        for needle in (*wanted, *terms):
            for parts in sections:
                if any(needle in part for part in parts):
                    return parts[0]
        return code


def find_customers(session: Session, text: str, limit: int | None = 50) -> list[Hit]:
    """The customers matching `text` (name, code, contact, phone, pinyin or initials), best first:
    exact name or code, name or code prefix, pinyin or initials prefix, then anywhere; within each,
    the better tier first, then by code. For the instant search and `accountdesk find`."""
    if not search_terms(text):
        return []
    return SearchIndex.load(session, text).hits(text, limit)


def ranked_customer_ids(session: Session, query: Select, text: str) -> list[int]:
    """The customers `query` (a select of Customer ids) selects that match `text`, ranked as
    find_customers ranks them: the customer list with a search text."""
    return SearchIndex.load(session, query=query).find(text)  # the query holds the text's filter

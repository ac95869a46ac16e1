"""New customer codes (客户编号 C000001 …) that two people creating customers at once never share."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.storage.models import Customer
from accountdesk.core.storage.sequences import (
    draw_code_numbers,
    last_code_number,
    set_last_code_number,
    skip_code_numbers,
)

_NUMBER = re.compile(r"(\d+)$")
_IN_CHUNK = 1000


def _number(code: str | None, prefix: str) -> int | None:
    match = _NUMBER.search(code or "")
    return int(match.group(1)) if match and code[: match.start()] == prefix else None  # type: ignore[index]


def highest_code_number(session: Session, prefix: str = "C", taken: Iterable[str] = ()) -> int:
    """The highest number of a code `prefix`NNN among customers (deleted ones too) and `taken`."""
    numbers = [_number(code, prefix) for code in session.scalars(select(Customer.code).where(
        Customer.code.like(f"{prefix}%")))]
    numbers += [_number(code, prefix) for code in taken]
    return max((n for n in numbers if n is not None), default=0)


def _codes_in_use(session: Session, codes: list[str]) -> set[str]:
    used: set[str] = set()
    for start in range(0, len(codes), _IN_CHUNK):
        chunk = codes[start : start + _IN_CHUNK]
        used.update(session.scalars(select(Customer.code).where(Customer.code.in_(chunk))))
    return used


def allocate_customer_codes(session: Session, count: int, *, taken: Iterable[str] = (), prefix: str = "C") -> list[str]:
    """`count` fresh codes for customers nobody gave a code (a form's new customer, a sheet's rows).

    On a file the write transaction holds the file's lock from this scan to its commit, so the
    codes after the highest in use are free. On PostgreSQL several transactions create customers
    at once and none sees the others' uncommitted rows, so the numbers come from a sequence, which
    never hands out a number twice, and takes no lock that would make one wait for another. Codes
    someone typed or imported past the sequence are skipped: the sequence is moved beyond them.
    """
    if count <= 0:
        return []
    taken = set(taken)
    if session.get_bind().dialect.name != "postgresql":
        highest = highest_code_number(session, prefix, taken)
        return [f"{prefix}{n:06d}" for n in range(highest + 1, highest + 1 + count)]
    connection = session.connection()
    for _attempt in range(3):
        numbers = draw_code_numbers(connection, count)
        codes = [f"{prefix}{n:06d}" for n in numbers]
        if not (taken.intersection(codes) or _codes_in_use(session, codes)):
            return codes
        _move_sequence_past(session, highest_code_number(session, prefix, taken))
    raise RuntimeError("customer codes could not be allotted")  # three moves past every code in use cannot all fail


def note_codes_given(session: Session, codes: Iterable[str | None], prefix: str = "C") -> None:
    """Codes someone typed or a sheet brought: on PostgreSQL the sequence moves past them, so the
    next new customer is numbered after the highest code, as on a file."""
    if session.get_bind().dialect.name != "postgresql":
        return
    highest = max((n for n in (_number(code, prefix) for code in codes) if n is not None), default=0)
    if highest:
        _move_sequence_past(session, highest)


def _move_sequence_past(session: Session, highest: int) -> None:
    # By drawing numbers, not setval(): a sequence only ever moves forwards that way, so a number
    # another transaction drew meanwhile is never handed out again. (A jump of millions, from a
    # code typed far ahead, is set directly.)
    connection = session.connection()
    last = last_code_number(connection)
    gap = highest - last
    if gap <= 0:
        return
    if gap <= 1_000_000:
        skip_code_numbers(connection, gap)
    else:
        set_last_code_number(connection, highest)

"""What the tier board reads: ids per tier in each order, spend per column, cards with their locks."""

from __future__ import annotations

from datetime import date

import pytest
from tiering_factory import add_customer, buy, talk

from accountdesk.core.archive.records import CustomerFilter, customer_rows, ensure_user
from accountdesk.core.tiering.board import UNGRADED, board_tiers, card_rows, column_spend, load_board
from accountdesk.core.tiering.regrade import regrade_all, set_manual_tier


@pytest.fixture
def book(db, today):
    with db.write() as session:
        wang = ensure_user(session, "wang").id
        best = add_customer(session, "C001", "华兴贸易", cooperation_since=date(2019, 1, 1), referrals=6, owner_id=wang)
        for month in range(1, 13):
            buy(session, best, date(2026, month, 5), "6000.00")
        talk(session, best, date(2026, 11, 1), 5)
        middle = add_customer(session, "C002", "远方商行", cooperation_since=date(2024, 6, 1))
        for month in (2, 6, 10):
            buy(session, middle, date(2026, month, 1), "4000.00")
        talk(session, middle, date(2026, 3, 2), 4)
        quiet = add_customer(session, "C003", "安静客户")
        buy(session, quiet, date(2026, 1, 9), "500.00")
        prospect = add_customer(session, "C004", "潜在客户", owner_id=wang)
        ids = {"C001": best.id, "C002": middle.id, "C003": quiet.id, "C004": prospect.id}
    return ids


def codes(board, tier: str, ids: dict[str, int]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[i] for i in board.columns[tier].ids]


def test_ungraded_customers_get_their_own_last_column(db, book):
    with db.session() as session:
        board = load_board(session)
        assert board_tiers(session) == ["A", "B", "C"]
    assert list(board.columns) == ["A", "B", "C", UNGRADED]
    assert board.columns[UNGRADED].count == 4 and board.total == 4 and board.model_name == ""


def test_columns_follow_the_grades_orders_and_filters(db, book, today):
    with db.write() as session:
        regrade_all(session, today)
        set_manual_tier(session, book["C003"], "B", "new contract", today=date(2026, 11, 20))
    with db.session() as session:
        board = load_board(session)
        assert list(board.columns) == ["A", "B", "C"]
        assert codes(board, "B", book) == ["C002", "C003"]  # best score first
        assert board.columns["B"].locked == 1 and board.locked == 1
        silent_first = load_board(session, order="last_contact")
        assert codes(silent_first, "B", book) == ["C003", "C002"]  # never contacted first
        by_name = load_board(session, order="name")
        assert codes(by_name, "B", book) == sorted(["C002", "C003"], key=lambda c: {"C002": "远方商行", "C003": "安静客户"}[c])
        mine = load_board(session, CustomerFilter(owner_id=ensure_user(session, "wang").id))
        assert mine.total == 2 and codes(mine, "A", book) == ["C001"]


def test_spend_per_column_is_the_same_either_way(db, book, today):
    with db.write() as session:
        regrade_all(session, today)
    with db.session() as session:
        whole = column_spend(session)
        assert whole == {"A": 7_200_000, "B": 1_200_000, "C": 50_000}
        narrowed = column_spend(session, CustomerFilter(text="C00"))  # matches everyone, looked up per customer
        assert narrowed == whole
        assert column_spend(session, CustomerFilter(text="远方")) == {"B": 1_200_000}


def test_cards_are_the_list_rows_plus_the_lock(db, book, today):
    with db.write() as session:
        regrade_all(session, today)
        set_manual_tier(session, book["C002"], "A", "key account", today=date(2026, 11, 20))
    with db.session() as session:
        ids = list(book.values())
        cards = card_rows(session, ids)
        rows = customer_rows(session, ids)
    assert {i: c.row for i, c in cards.items()} == rows
    assert cards[book["C002"]].locked and cards[book["C002"]].lock_reason == "key account"
    assert not cards[book["C001"]].locked

"""The tier board: columns per tier, drag-to-override with a reason, filters, opening a card, re-grading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from tier_book import fill_book, grade

from accountdesk.core.storage.models import Customer
from accountdesk.core.tiering.regrade import tier_history


@pytest.fixture
def book(db, today):
    ids = fill_book(db)
    grade(db, today)
    return ids


@pytest.fixture
def board(window, book):
    return window.show_page("tier_board")


def column_codes(board, tier: str) -> list[str]:
    model = board.column(tier).model
    return [model.card(i).row.code for i in model.ids()]


def stored(db, customer_id: int) -> tuple[str | None, bool, str | None]:
    """The customer's tier, lock and lock reason as stored."""
    with db.session() as session:
        return tuple(session.execute(select(Customer.tier, Customer.tier_locked, Customer.tier_lock_reason)
                                     .where(Customer.id == customer_id)).one())


def drop_cards(board, ids: list[int], source_tier: str, target_tier: str) -> None:
    """What a mouse drag does: the source view packs the cards, the target view gets the drop."""
    source = board.column(source_tier)
    indexes = [source.model.index(source.model.row_of(i)) for i in ids]
    mime = source.model.mimeData(indexes)
    target = board.column(target_tier).view.viewport()
    point = QPoint(target.width() // 2, target.height() // 2)
    enter = QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def test_columns_show_each_tier_with_count_spend_and_cards(board):
    assert list(board.columns) == ["A", "B", "C"]
    assert column_codes(board, "A") == ["C001", "C005"]  # best score first
    assert column_codes(board, "B") == ["C002"]
    assert column_codes(board, "C") == ["C003", "C004"]
    a = board.column("A")
    assert a.title.text() == "Tier A" and a.count_label.text() == "2"
    assert "spend ¥90,000" in a.figures.text()  # 12 × 6,000 + 6 × 3,000
    assert "40% of customers" in a.figures.text()
    assert "Revisit every 30 days" in a.policy_label.text()
    assert board.count_label.text().startswith("5 customers")
    card = a.model.card(a.model.ids()[0])
    assert card.row.name == "华兴贸易" and card.row.owner == "wang" and not card.locked


def test_dragging_a_card_sets_the_tier_by_hand_with_the_reason(board, book, db, dialogs, qtbot):
    customer = book["C002"]
    dialogs.answers.append("签了三年框架协议")
    drop_cards(board, [customer], "B", "A")
    qtbot.waitUntil(lambda: board.column("A").model.row_of(customer) is not None)
    asked = dialogs.messages("get_text")
    assert len(asked) == 1 and "远方商行" in asked[0].text and "tier A" in asked[0].text
    # The card moved: gone from B, in A by its score, counts follow, the lock shows.
    assert column_codes(board, "A") == ["C001", "C005", "C002"]
    assert column_codes(board, "B") == []
    assert board.column("A").count_label.text() == "3" and board.column("B").count_label.text() == "0"
    assert board.column("A").model.card(customer).locked
    # Stored: the tier, its lock and reason, and a manual entry in the tier history.
    assert stored(db, customer) == ("A", True, "签了三年框架协议")
    with db.session() as session:
        latest = tier_history(session, customer)[0]
    assert (latest.old_tier, latest.new_tier, latest.manual, latest.reason) == ("B", "A", True, "签了三年框架协议")
    assert latest.by == "tester"


def test_a_drop_without_a_reason_changes_nothing(board, book, db, dialogs, qtbot):
    customer = book["C003"]
    dialogs.answers.append(None)  # the reason box was cancelled
    drop_cards(board, [customer], "C", "B")
    qtbot.waitUntil(lambda: not dialogs.answers)
    dialogs.answers.append("   ")  # OK pressed on a blank reason
    drop_cards(board, [customer], "C", "B")
    qtbot.waitUntil(lambda: bool(dialogs.messages("warn")))
    assert column_codes(board, "C") == ["C003", "C004"]
    assert stored(db, customer) == ("C", False, None)


def test_dropping_on_its_own_column_asks_nothing(board, book, dialogs):
    source = board.column("A")
    mime = source.model.mimeData([source.model.index(0)])
    assert not source.model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, source.model.index(-1))
    assert dialogs.shown == []


def test_filters_and_search_narrow_the_cards(board, qtbot):
    owner = board.filters.owner
    owner.setCurrentIndex(owner.findText("li"))
    qtbot.waitUntil(lambda: board.column("A").count_label.text() == "0")
    assert column_codes(board, "B") == ["C002"] and column_codes(board, "C") == ["C003"]
    assert board.count_label.text().startswith("2 customers match")
    board.filters.clear()
    tag = board.filters.tag
    tag.setCurrentIndex(tag.findText("VIP"))
    qtbot.waitUntil(lambda: column_codes(board, "C") == ["C004"])
    assert column_codes(board, "A") == ["C001"] and column_codes(board, "B") == []
    board.filters.clear()
    stage = board.filters.stage
    stage.setCurrentIndex(stage.findText("Potential"))
    qtbot.waitUntil(lambda: column_codes(board, "A") == [])
    assert column_codes(board, "C") == ["C004"]
    board.filters.clear()
    qtbot.keyClicks(board.filters.search, "shunda")  # pinyin of 顺达
    qtbot.waitUntil(lambda: column_codes(board, "A") == ["C005"])
    assert column_codes(board, "C") == []
    assert "No customer in this tier matches" in board.column("C").view.empty_text


def test_double_click_opens_the_customer(window, board, book, qtbot):
    view = board.column("B").view
    rect = view.visualRect(view.model().index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "customers"
    detail = window.customers_page().detail
    assert detail.customer_id == book["C002"] and detail.name_label.text() == "远方商行"


def test_regrade_previews_the_migration_and_applies_on_confirm(board, book, db, qtbot):
    with db.write() as session:  # someone edited C001 down to C without locking it
        session.get(Customer, book["C001"]).tier = "C"
    board.reload()
    assert column_codes(board, "C")[0] == "C001"
    qtbot.mouseClick(board.regrade_button, Qt.MouseButton.LeftButton)
    dialog = board.active_dialog
    assert dialog.isVisible() and not board.regrade_button.isEnabled()
    matrix = dialog.matrix
    rows = [matrix.verticalHeaderItem(r).text() for r in range(matrix.rowCount())]
    columns = [matrix.horizontalHeaderItem(c).text() for c in range(matrix.columnCount())]
    assert columns == ["→ A", "→ B", "→ C", "Total"] and rows[-1] == "After"
    c_now = rows.index("C now")
    assert matrix.item(c_now, columns.index("→ A")).text() == "1"
    assert matrix.item(c_now, columns.index("→ C")).text() == "2"
    assert matrix.item(len(rows) - 1, 0).text() == "2"  # A after the re-grade
    assert dialog.moves.rowCount() == 1 and dialog.moves.item(0, 0).text() == "C001"
    assert stored(db, book["C001"])[0] == "C"  # the preview wrote nothing
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert stored(db, book["C001"])[0] == "A"
    qtbot.waitUntil(lambda: column_codes(board, "A") == ["C001", "C005"])
    assert board.regrade_button.isEnabled()
    with db.session() as session:
        latest = tier_history(session, book["C001"])[0]
    assert (latest.old_tier, latest.new_tier, latest.manual) == ("C", "A", False)


def test_cancelled_preview_writes_nothing(board, book, db, qtbot):
    qtbot.mouseClick(board.regrade_button, Qt.MouseButton.LeftButton)
    dialog = board.active_dialog
    assert dialog.moves.rowCount() == 0
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and board.regrade_button.isEnabled()


def test_cards_can_be_ordered_by_longest_silence(board, qtbot):
    assert column_codes(board, "C") == ["C003", "C004"]  # by score
    order = board.order
    order.setCurrentIndex(order.findData("last_contact"))
    qtbot.waitUntil(lambda: column_codes(board, "C") == ["C004", "C003"])  # C004 was never contacted
    assert order.currentText() == "Last contact, longest ago first"

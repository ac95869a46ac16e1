"""Settings → Users: an admin on a server adds a member from the form; a local file says it has no logins."""

from __future__ import annotations

import os
import uuid

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import create_engine


@pytest.fixture
def logins():
    """Logins a test creates, dropped after its database (requested first, so torn down last)."""
    made: list[str] = []
    yield made
    if made:
        url = os.environ["ACCOUNTDESK_TEST_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for login in made:
                connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
        admin.dispose()


def _rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_an_admin_adds_a_member_from_settings(logins, make_window, server_db, qtbot, tmp_path):
    window = make_window(server_db)
    users = window.show_page("settings").show_section("users")
    assert users.add_box.isVisible() and users.add_box.isEnabled()
    login = f"rep_gui_{uuid.uuid4().hex[:8]}"
    logins.append(login)
    qtbot.keyClicks(users.name_edit, login)
    users.role_combo.setCurrentIndex(users.role_combo.findData("rep"))
    qtbot.keyClicks(users.team_edit, "east")
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    assert [login, "Rep", "east", "0", "yes"] in _rows(users.table)
    assert users.name_edit.text() == ""
    window.grab().save(str(tmp_path / "settings-users.png"))


def test_a_local_file_shows_its_owners_and_says_it_has_no_logins(make_window, sqlite_db):
    window = make_window(sqlite_db)
    users = window.show_page("settings").show_section("users")
    assert not users.add_box.isVisible()
    assert "A local file has no logins" in users.explanation.text()

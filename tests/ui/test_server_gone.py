"""The server goes away while a manager is typing: what they typed stays, the save waits for the
server and goes through when it is back; if it stays away, they are told so in a sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.engine import make_url
from tcp_proxy import CuttableProxy

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def through_proxy(server_db):
    """The test database reached through a relay the test can cut, as a network cable."""
    url = make_url(server_db.url)
    proxy = CuttableProxy((url.host or "127.0.0.1", url.port or 5432))
    database = open_database(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False),
                             user="zhangsan")
    yield database, proxy
    proxy.close()
    database.dispose()


@pytest.fixture
def threaded_window(qtbot, dialogs, ui_settings, today):
    from accountdesk.ui.main_window import create_main_window

    windows = []

    def make(database):
        window = create_main_window(database, synchronous=False, dialogs=dialogs, settings=ui_settings,
                                    today=lambda: today, language="en")
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.context.runner.shutdown(wait=True)


def open_form(window, qtbot, customer_id):
    page = window.customers_page()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)  # the list has loaded, as after a while at work
    window.context.runner.wait_idle()
    page.open_customer(customer_id)
    form = page.detail.show_tab("basic")
    qtbot.waitUntil(lambda: form.widgets["phone"].isEnabled())
    window.context.runner.wait_idle()
    return form


def test_a_save_waits_for_the_server_and_goes_through_when_it_is_back(through_proxy, threaded_window, qtbot,
                                                                      type_text, server_db):
    from PySide6.QtCore import QTimer

    database, proxy = through_proxy
    with database.write() as session:
        customer_id = archive.create_customer(session, {"name": "恒通机电"}).id
    window = threaded_window(database)
    form = open_form(window, qtbot, customer_id)
    messages: list[str] = []
    window.context.hub.status_message.connect(messages.append)
    type_text(form.widgets["phone"], "0512-66778899")

    proxy.cut()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("cannot be reached" in m for m in messages), timeout=15000)
    assert form.widgets["phone"].text() == "0512-66778899"  # the window is alive and keeps the typing
    with server_db.session() as session:
        assert archive.get_customer(session, customer_id).phone is None
    QTimer.singleShot(500, proxy.restore)
    qtbot.waitUntil(lambda: form.status.text() == "Saved.", timeout=30000)
    with server_db.session() as session:
        assert archive.get_customer(session, customer_id).phone == "0512-66778899"


def test_a_server_that_stays_away_is_explained_and_the_typing_stays(through_proxy, threaded_window, qtbot,
                                                                     type_text, dialogs, server_db):
    database, proxy = through_proxy
    with database.write() as session:
        customer_id = archive.create_customer(session, {"name": "恒通机电"}).id
    window = threaded_window(database)
    window.context.operations.reconnect_seconds = 2.0
    form = open_form(window, qtbot, customer_id)
    type_text(form.widgets["phone"], "0512-66778899")
    proxy.cut()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.messages("error")), timeout=20000)
    (error,) = dialogs.messages("error")
    assert error.text.startswith("The database server cannot be reached")
    assert "psycopg" not in error.text and "OperationalError" not in error.text
    assert form.widgets["phone"].text() == "0512-66778899" and form.save_button.isEnabled()
    proxy.restore()  # back: saving again works
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.status.text() == "Saved.", timeout=30000)
    with server_db.session() as session:
        assert archive.get_customer(session, customer_id).phone == "0512-66778899"

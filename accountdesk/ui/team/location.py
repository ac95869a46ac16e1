"""Where the database file lives, said once at open (network drive, sync folder), and switching the
file between single-user and shared mode, which closes and reopens it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from accountdesk.core.tiering.sheet_text import switch_shared_mode
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.team.watch import stop_team_of

DISMISSED_KEY = "team/dismissed_location_warnings"  # "path|kind" entries the user asked not to see again


def switch_mode_and_reopen(context, window, on: bool, *, parent=None, title: str = "") -> bool:
    """Switch the open file to shared (``on``) or single-user mode and open it again.

    Everything of ours lets go of the file first (the change watcher, our presence entry, the
    background jobs, queued writes): changing the journal mode needs the file to itself, and
    our own presence would otherwise count as "someone else is using it". False when refused;
    the file is then unchanged and opened again as it was.
    """
    database = context.database
    location = str(getattr(database, "path", "") or "")
    if window is not None:
        stop_team_of(window)
        bridge = getattr(window, "scheduler_bridge", None)
        if bridge is not None:
            bridge.stop()
    context.runner.shutdown(wait=True)  # drains the presence leave queued just now
    try:
        path = switch_shared_mode(database, on)
    except Exception as error:
        context.dialogs.error(parent, title, error_text(error))
        if window is not None:
            window.database_switch_requested.emit(location)  # open it again as it was
        return False
    done = QCoreApplication.translate("TeamLocation", "Done. AccountDesk opens the database again now.")
    context.dialogs.info(parent, title, done)
    if window is not None:
        window.database_switch_requested.emit(str(path))
    return True


# --- the warnings at open -------------------------------------------------------------------


def _dismissed(settings) -> set[str]:
    value = settings.value(DISMISSED_KEY, [])
    if isinstance(value, str):  # QSettings hands back a one-element list as a plain string
        value = [value]
    return {str(v) for v in (value or []) if v}


def _entry(path: Path | None, kind: str) -> str:
    return f"{path}|{kind}"


def dismiss_location_warning(settings, path: Path | None, kind: str) -> None:
    settings.set_value(DISMISSED_KEY, sorted(_dismissed(settings) | {_entry(path, kind)}))


def show_location_warnings(window) -> None:
    """Explain, once per opening, each risk of where the file lives; offer shared mode where that
    is the remedy. "Don't show again for this file" is remembered on this computer."""
    context = window.context
    database = context.database
    path = getattr(database, "path", None)
    dismissed = _dismissed(context.settings)
    for warning in list(getattr(database, "location_warnings", []) or []):
        if _entry(path, warning.kind) in dismissed:
            continue
        if warning.kind == "network":
            title = QCoreApplication.translate("TeamLocation", "The database is on a network drive")
        else:
            title = QCoreApplication.translate("TeamLocation", "The database is in a sync folder")
        text = str(warning.message)
        offer = warning.offer_shared_mode and not context.read_only and path is not None
        if offer:
            options = [
                QCoreApplication.translate("TeamLocation", "Switch to shared mode now"),
                QCoreApplication.translate("TeamLocation", "Not now"),
                QCoreApplication.translate("TeamLocation", "Don't show again for this file"),
            ]
            text += "\n\n" + QCoreApplication.translate(
                "TeamLocation", "Switching needs everyone else to close the file; AccountDesk opens it again afterwards.")
        else:
            options = [QCoreApplication.translate("TeamLocation", "OK"),
                       QCoreApplication.translate("TeamLocation", "Don't show again for this file")]
        choice = context.dialogs.choose(window, title, text, options)
        if choice == len(options) - 1:
            dismiss_location_warning(context.settings, path, warning.kind)
        elif offer and choice == 0:
            title = QCoreApplication.translate("TeamLocation", "Shared mode")
            switch_mode_and_reopen(context, window, True, parent=window, title=title)
            return  # the window is replaced; the new one says what is still worth saying


__all__ = ["dismiss_location_warning", "show_location_warnings", "switch_mode_and_reopen"]

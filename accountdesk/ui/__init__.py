"""The PySide6 desktop interface, a thin client of accountdesk.core."""

from accountdesk.ui.kit.binding_guard import guard_singleton_refcounts

guard_singleton_refcounts()

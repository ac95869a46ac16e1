"""The PySide6 desktop interface, a thin client of accountdesk.core."""

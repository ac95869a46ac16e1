"""The command line (the stable contract in DESIGN.md): parsing, printing, --json and exit codes.
The only place that prints for the command line; one module per command group."""

from accountdesk.cli.entry import main, main_gui

__all__ = ["main", "main_gui"]

"""Printed revisit sheets (回访单) and the weekly plan as PDF; QtGui only, used by the CLI and the GUI."""

"""Colours and the style sheet shared by every screen (tier colours, navigation, badges)."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Tier colours are the same everywhere (list, detail badge, tier board, charts).
TIER_COLORS = {
    "A": "#c2410c",  # warm: the customers who matter most
    "B": "#1d4ed8",
    "C": "#4b5563",
}
UNKNOWN_TIER_COLOR = "#9ca3af"
OVERDUE_COLOR = "#b91c1c"
MUTED_TEXT = "#6b7280"
ACCENT = "#1f6feb"


def tier_color(tier: str | None) -> QColor:
    return QColor(TIER_COLORS.get(tier or "", UNKNOWN_TIER_COLOR))


STYLE_SHEET = f"""
QListWidget#navigation {{
    background: #1f2937;
    color: #e5e7eb;
    border: none;
    padding-top: 8px;
    font-size: 15px;
}}
QListWidget#navigation::item {{
    padding-left: 18px;
    border-left: 4px solid transparent;
}}
QListWidget#navigation::item:hover {{
    background: #374151;
}}
QListWidget#navigation::item:selected {{
    background: #111827;
    color: #ffffff;
    border-left: 4px solid {ACCENT};
}}
QLabel#pageTitle {{
    font-size: 20px;
    font-weight: 600;
}}
QLabel#mutedText, QLabel#countLabel {{
    color: {MUTED_TEXT};
}}
QLabel#tierBadge {{
    color: white;
    border-radius: 6px;
    padding: 3px 10px;
    font-weight: 600;
}}
QPushButton#primaryButton {{
    background: {ACCENT};
    color: white;
    border: none;
    border-radius: 4px;
    padding: 6px 14px;
    font-weight: 600;
}}
QPushButton#primaryButton:disabled {{
    background: #9ca3af;
}}
QPushButton#emptyStateButton {{
    padding: 12px 22px;
    font-size: 15px;
    min-width: 180px;
}}
QPushButton#emptyStateButton[primary="true"] {{
    background: {ACCENT};
    color: white;
    border: none;
    border-radius: 4px;
    font-weight: 600;
}}
QStatusBar QLabel, QStatusBar QPushButton {{
    padding: 0 10px;
    border-left: 1px solid #d1d5db;
}}
QTableView {{
    gridline-color: #e5e7eb;
    selection-background-color: #dbeafe;
    selection-color: #111827;
}}
QHeaderView::section {{
    padding: 4px 6px;
    font-weight: 600;
}}
"""

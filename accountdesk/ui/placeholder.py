"""The page shown for a feature that is not built yet (or failed to load), naming it clearly."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from accountdesk.ui.retranslate import Retranslating


class PlaceholderPage(Retranslating, QWidget):
    def __init__(self, spec, parent: QWidget | None = None, error: BaseException | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.error = error
        self.setObjectName(f"placeholder_{spec.key}")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = QLabel()
        self.title.setObjectName("placeholderTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.description = QLabel()
        self.description.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.description.setWordWrap(True)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: palette(mid);")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.title, self.description, self.status):
            layout.addWidget(widget)
        layout.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("Navigation", self.spec.title))
        self.description.setText(QCoreApplication.translate("Navigation", self.spec.description))
        if self.error is not None:
            self.status.setText(self.tr("This page could not be loaded: %1").replace("%1", str(self.error)))
        else:
            self.status.setText(self.tr("This page is being built and will appear here in a coming version."))

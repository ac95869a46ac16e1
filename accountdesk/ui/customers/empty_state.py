"""What a fresh database shows instead of an empty table: three ways to get started."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from accountdesk.ui.kit.retranslate import Retranslating


class EmptyState(Retranslating, QWidget):
    load_demo = Signal()
    import_excel = Signal()
    new_customer = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customersEmptyState")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setObjectName("mutedText")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.text)
        layout.addSpacing(24)
        row = QHBoxLayout()
        row.addStretch(1)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("emptyStateButton")
        self.import_button = QPushButton()
        self.import_button.setObjectName("emptyStateButton")
        self.new_button = QPushButton()
        self.new_button.setObjectName("emptyStateButton")
        # Most managers arrive with a spreadsheet: importing it is the main way in.
        self.import_button.setProperty("primary", True)
        for button in (self.demo_button, self.import_button, self.new_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
        self.demo_button.clicked.connect(self.load_demo)
        self.import_button.clicked.connect(self.import_excel)
        self.new_button.clicked.connect(self.new_customer)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("No customers yet"))
        self.text.setText(self.tr("Bring in your customer sheet, add customers one by one, "
                                  "or look around with demo data first."))
        self.demo_button.setText(self.tr("Load demo data"))
        self.import_button.setText(self.tr("Import Excel"))
        self.new_button.setText(self.tr("New customer"))

"""Settings → Users: the team's members with their roles and teams; on a server an admin adds a member
(the login with its rights, as `accountdesk users add` does)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.changes import Changes
from accountdesk.core.storage.models import USER_ROLES
from accountdesk.core.storage.server_roles import add_member, list_members, may_add_members
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.retranslate import Retranslating


class MembersSettings(Retranslating, QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.members: list = []
        self.admin = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.explanation = QLabel()
        self.explanation.setObjectName("mutedText")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("membersTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.add_box = QGroupBox()
        form = QFormLayout(self.add_box)
        self.name_label, self.role_label, self.team_label, self.password_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("memberName")
        self.name_edit.setMaxLength(63)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("memberRole")
        for role in USER_ROLES:
            self.role_combo.addItem("", role)
        self.team_edit = QLineEdit()
        self.team_edit.setObjectName("memberTeam")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("memberPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addMember")
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.role_label, self.role_combo)
        form.addRow(self.team_label, self.team_edit)
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.add_button)
        layout.addWidget(self.add_box)
        self.add_button.clicked.connect(self.add)
        self.retranslate()
        self.reload()

    @property
    def on_server(self) -> bool:
        return getattr(self.context.database, "path", None) is None

    def reload(self) -> None:
        def work(session):
            return list_members(session), may_add_members(session)

        self.members, self.admin = self.context.operations.read_now(work)
        self._show()

    def _show(self) -> None:
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            login = self.tr("yes") if member.has_login else ("" if not self.on_server else self.tr("none"))
            for column, value in enumerate((member.name, self._role_text(member.role), member.team or "",
                                            str(member.customers), login)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.add_box.setVisible(self.on_server)
        self.add_box.setEnabled(self.admin)
        self._explain()

    def _role_text(self, role: str) -> str:
        return {"rep": self.tr("Rep"), "manager": self.tr("Manager"), "admin": self.tr("Admin")}.get(role, role)

    def _explain(self) -> None:
        if not self.on_server:
            self.explanation.setText(self.tr(
                "A local file has no logins: whoever can open the file sees every customer; only the operating "
                "system's file permissions protect it. Roles are enforced on a PostgreSQL server."))
        elif self.admin:
            self.explanation.setText(self.tr(
                "The server decides what each login sees: a rep their own, shared and unowned (pool) customers, "
                "a manager also their team's, an admin all. Adding a member creates the server login with "
                "exactly the rights it needs."))
        else:
            self.explanation.setText(self.tr(
                "The server decides what each login sees: a rep their own, shared and unowned (pool) customers, "
                "a manager also their team's, an admin all. Only an admin may add members."))

    def add(self) -> None:
        name = self.name_edit.text().strip()
        role = self.role_combo.currentData()
        team = self.team_edit.text().strip() or None
        password = self.password_edit.text() or None

        def work(database):
            return add_member(database, name, role=role, team=team, password=password)

        def done(member) -> None:
            self.name_edit.clear()
            self.team_edit.clear()
            self.password_edit.clear()
            self.reload()
            self.context.hub.status_message.emit(self.tr("Added the member %1.").replace("%1", member.name))

        self.context.operations.run_write(work, done, lambda error: self.context.dialogs.error(
            self, self.tr("Add a member"), error_text(error)), changes=Changes(users=True))

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Login"), self.tr("Role"), self.tr("Team"),
                                              self.tr("Customers"), self.tr("Server login")])
        self.add_box.setTitle(self.tr("Add a member"))
        self.name_label.setText(self.tr("Login name:"))
        self.role_label.setText(self.tr("Role:"))
        self.team_label.setText(self.tr("Team:"))
        self.password_label.setText(self.tr("Password:"))
        self.password_edit.setPlaceholderText(self.tr("optional; sent to the server hashed"))
        self.add_button.setText(self.tr("Add member"))
        for index, role in enumerate(USER_ROLES):
            self.role_combo.setItemText(index, self._role_text(role))
        self._explain()
        if self.members:
            self._show()

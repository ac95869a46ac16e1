"""File → Connect to server: host, port, database, user, password, SSL mode, and "remember the password"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from accountdesk.core.storage.credentials import (
    DEFAULT_PORT,
    SSL_MODES,
    ServerAddress,
    keyring_available,
    public_address,
    use_password,
)


class ConnectDialog(QDialog):
    """Asks where the server is and who is connecting; the password never goes into the address."""

    def __init__(self, parent=None, address: ServerAddress | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to server"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A team's PostgreSQL server. The change history names the server login you "
                               "connect as; the name typed in Settings applies to local files only."))
        intro.setWordWrap(True)
        intro.setObjectName("mutedText")
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit(objectName="host", placeholderText="db.example.com")
        self.port = QSpinBox(objectName="port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(objectName="database", placeholderText="crm")
        self.user = QLineEdit(objectName="user")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox(objectName="sslmode")
        self.sslmode.addItems(list(SSL_MODES))
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keyring"), objectName="remember")
        if not keyring_available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("This computer has no keyring: use PGPASSWORD or ~/.pgpass instead."))
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User (server login):"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("SSL mode:"), self.sslmode)
        form.addRow(self.remember)
        layout.addLayout(form)
        hint = QLabel(self.tr("Leave the password empty to use PGPASSWORD, ~/.pgpass or a service file."))
        hint.setWordWrap(True)
        hint.setObjectName("mutedText")
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.host, self.database):
            edit.textChanged.connect(self._update_ok)
        if address is not None:
            self.host.setText(address.host)
            self.port.setValue(address.port)
            self.database.setText(address.database)
            self.user.setText(address.user)
            self.sslmode.setCurrentText(address.sslmode)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = bool(self.host.text().strip() and self.database.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def address(self) -> ServerAddress:
        return ServerAddress(host=self.host.text().strip(), database=self.database.text().strip(),
                             user=self.user.text().strip(), port=self.port.value(), sslmode=self.sslmode.currentText())

    def target(self) -> tuple[str, str | None]:
        """The address to open (no password in it), and why the password could not be remembered."""
        url = self.address().url()
        problem = None
        if self.password.text():
            problem = use_password(url, self.password.text(), remember=self.remember.isChecked())
        return url, None if problem is None else str(problem)


def ask_for_server(parent, address: str | None, dialogs) -> str | None:
    """The dialog, filled in from `address` (a password-free URL) if given; the address to open, or None."""
    dialog = ConnectDialog(parent, ServerAddress.of(public_address(address)) if address else None)
    if address:
        dialog.password.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    url, problem = dialog.target()
    if problem:
        dialogs.warn(parent, dialog.windowTitle(), problem)
    return url


def connect_to_server(window) -> None:
    """Run the dialog over `window` and ask the application to open the server it names."""
    database = window.context.database
    on_server = getattr(database, "path", None) is None
    url = ask_for_server(window, database.url if on_server else None, window.context.dialogs)
    if url is not None:
        window.database_switch_requested.emit(url)

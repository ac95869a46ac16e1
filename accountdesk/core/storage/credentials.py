"""Server passwords: never in a stored address, a log or a title; kept for this session, in the OS keyring
when asked, or left to libpq's own PGPASSWORD, ~/.pgpass and service files."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy.engine import URL, make_url

from accountdesk.core.i18n import Message

KEYRING_SERVICE = "AccountDesk"
SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable", "allow")
DEFAULT_PORT = 5432

log = logging.getLogger(__name__)

# Passwords met in this process (typed, read from a URL): a log record that somehow carries one
# (a traceback quoting a URL, a driver message) has it replaced before it reaches the file.
_secrets: set[str] = set()
# Typed passwords for this session only, by the password-free address they unlock.
_session_passwords: dict[str, str] = {}
_lock = threading.Lock()


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and "://" in target and not target.lower().startswith("sqlite")


def _parsed(url: str) -> URL | None:
    try:
        return make_url(url)
    except Exception:  # not an address at all: nothing in it can be parsed out
        return None


def public_address(target: object) -> str:
    """A database address as it may be stored, listed and shown: a path as it is, a URL without its
    password (the driver name dropped too: ``postgresql://rep_li@db.example.com/crm``)."""
    text = str(target)
    if "://" not in text:
        return text
    url = _parsed(text)
    if url is None:
        # Unparseable, yet it may hold "user:secret@": cut whatever stands between ':' and '@'.
        return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1@", text)
    if url.password is not None:
        remember_secret(str(url.password))
    drivername = url.drivername.split("+", 1)[0] if url.drivername.startswith("postgres") else url.drivername
    # URL.set() reads None as "unchanged": the tuple's own replace drops the password.
    return url._replace(drivername=drivername, password=None).render_as_string(hide_password=False)


def password_of(target: object) -> str | None:
    url = _parsed(str(target)) if "://" in str(target) else None
    return None if url is None or url.password is None else str(url.password)


def remember_secret(secret: str | None) -> None:
    """Scrub `secret` from every log record from now on (see `SecretFilter`)."""
    if secret:
        with _lock:
            _secrets.add(secret)


def scrub(text: str) -> str:
    """`text` with every known password replaced by ***, also in its URL-quoted form."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        for form in {secret, quote(secret, safe=""), quote(secret)}:
            text = text.replace(form, "***")
    return re.sub(r"(postgres(?:ql)?(?:\+\w+)?://[^:/@\s]*):[^@/\s]+@", r"\1:***@", text)


class SecretFilter(logging.Filter):
    """Installed on the log file's handler: no record leaves with a password in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = scrub(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if clean != message:
            record.msg, record.args = clean, None
        return True


@dataclass(frozen=True)
class ServerAddress:
    """The fields of the "Connect to server" dialog and of --host/--port/--dbname/--user/--sslmode."""

    host: str
    database: str
    user: str = ""
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"

    def url(self) -> str:
        query = {} if self.sslmode in ("", "prefer") else {"sslmode": self.sslmode}
        return URL.create("postgresql", username=self.user or None, host=self.host or None,
                          port=self.port or None, database=self.database, query=query) \
            .render_as_string(hide_password=False)

    @classmethod
    def of(cls, target: str) -> ServerAddress:
        url = make_url(target)
        return cls(host=url.host or "", database=url.database or "", user=url.username or "",
                   port=url.port or DEFAULT_PORT, sslmode=str(url.query.get("sslmode", "prefer")))


def _keyring_key(address: str) -> str:
    # One entry per login on one server database: "rep_li@db.example.com:5432/crm".
    url = make_url(address)
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or DEFAULT_PORT}/{url.database or ''}"


def _keyring():
    """The OS keyring, or None when this machine has none (no Secret Service, no keyring library)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


NO_KEYRING = Message(
    "这台电脑没有可用的系统钥匙串（Windows 凭据管理器、macOS 钥匙串或 Secret Service），密码未保存。"
    "可改用 PGPASSWORD 环境变量或 ~/.pgpass 文件（见 README）。",
    "This computer has no system keyring (Windows Credential Manager, macOS Keychain or a Secret Service), "
    "so the password was not saved. Use the PGPASSWORD variable or a ~/.pgpass file instead (see the README).",
)


def use_password(address: str, password: str, *, remember: bool = False) -> Message | None:
    """Use `password` for `address` in this session, and keep it in the OS keyring when `remember`;
    returns why it could not be remembered (no keyring), or None."""
    public = public_address(address)
    remember_secret(password)
    with _lock:
        _session_passwords[public] = password
    if not remember:
        return None
    keyring = _keyring()
    if keyring is None:
        return NO_KEYRING
    keyring.set_password(KEYRING_SERVICE, _keyring_key(public), password)
    return None


def forget_password(address: str) -> None:
    public = public_address(address)
    with _lock:
        _session_passwords.pop(public, None)
    keyring = _keyring()
    if keyring is not None:
        try:
            keyring.delete_password(KEYRING_SERVICE, _keyring_key(public))
        except Exception:  # nothing was stored: nothing to forget
            log.debug("no stored password for %s", public)


def known_password(address: str) -> str | None:
    """The password this session was given for `address`, else the one in the keyring, else None
    (then libpq looks in PGPASSWORD, ~/.pgpass and the service file itself)."""
    public = public_address(address)
    with _lock:
        password = _session_passwords.get(public)
    if password is None:
        keyring = _keyring()
        if keyring is not None:
            try:
                password = keyring.get_password(KEYRING_SERVICE, _keyring_key(public))
            except Exception:  # a locked or broken keyring: libpq's own files still work
                log.warning("the keyring could not be read for %s", public)
    remember_secret(password)
    return password

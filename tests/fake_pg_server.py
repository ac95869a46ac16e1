"""A pretend PostgreSQL server on a local port: it asks for a password and refuses it (as a server with
password authentication does for a wrong one), or accepts the connection and never answers.

The test server on 127.0.0.1 trusts every login, so a wrong password can only be met here."""

from __future__ import annotations

import socket
import struct
import threading

SSL_REQUEST, GSSENC_REQUEST = 80877103, 80877104


def _read_exactly(connection: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the client went away")
        data += chunk
    return data


def _error_response(code: str, message: str) -> bytes:
    fields = b"".join(kind + value.encode() + b"\0" for kind, value in
                      ((b"S", "FATAL"), (b"V", "FATAL"), (b"C", code), (b"M", message)))
    body = fields + b"\0"
    return b"E" + struct.pack("!I", len(body) + 4) + body


class FakePostgres:
    """`mode` "wrong_password": every password is refused (SQLSTATE 28P01); "silent": never answers.
    `passwords` collects what clients sent, so a test can tell the password did travel."""

    def __init__(self, mode: str = "wrong_password") -> None:
        self.mode = mode
        self.passwords: list[str] = []
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self.port = self._listener.getsockname()[1]
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            if self.mode == "silent":
                self._held.append(connection)
                continue
            threading.Thread(target=self._refuse, args=(connection,), daemon=True).start()

    def _refuse(self, connection: socket.socket) -> None:
        with connection:
            try:
                while True:
                    length, code = struct.unpack("!II", _read_exactly(connection, 8))
                    if code in (SSL_REQUEST, GSSENC_REQUEST):
                        connection.sendall(b"N")  # no encryption here: the client goes on in clear
                        continue
                    startup = _read_exactly(connection, length - 8)
                    break
                parts = startup.split(b"\0")
                user = parts[parts.index(b"user") + 1].decode() if b"user" in parts else ""
                connection.sendall(b"R" + struct.pack("!II", 8, 3))  # AuthenticationCleartextPassword
                kind = _read_exactly(connection, 1)
                (size,) = struct.unpack("!I", _read_exactly(connection, 4))
                body = _read_exactly(connection, size - 4)
                if kind == b"p":
                    self.passwords.append(body.rstrip(b"\0").decode())
                connection.sendall(_error_response("28P01", f'password authentication failed for user "{user}"'))
            except (ConnectionError, OSError, ValueError):
                return

    def close(self) -> None:
        self._listener.close()
        for connection in self._held:
            connection.close()

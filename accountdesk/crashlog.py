"""The crash safety net: a rotating log in the user data directory and a hook for unhandled exceptions."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from accountdesk.core.faults import describe
from accountdesk.core.storage.credentials import SecretFilter, scrub
from accountdesk.paths import log_dir

LOG_NAME = "accountdesk.log"
_handler: RotatingFileHandler | None = None


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file (5 × 2 MB) once per process; returns its path."""
    global _handler
    path = log_path()
    if _handler is None:
        _handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
        # No password reaches the file, whatever a message or a traceback quotes.
        _handler.addFilter(SecretFilter())
        root = logging.getLogger()
        root.addHandler(_handler)
        root.setLevel(min(root.level or level, level))
    return path


# What to show: the text, the log's path, and whether it is a fault a person can act on (a full
# disk, a damaged file: the text says what to do) rather than a bug.
ShowCrash = Callable[[str, Path, bool], None]


def install_excepthook(show: ShowCrash | None = None, *,
                       known: Callable[[BaseException], bool] | None = None) -> None:
    """Log every unhandled exception (main and worker threads) and let `show` tell the user.

    `known(error)` may handle an error that is no crash at all (a database server gone away
    while a screen refreshed): it tells the user in its own words and returns True.
    Database writes run inside `Database.write()`, which rolls back on any exception, so a
    crash never leaves a transaction open; the hook only has to record and explain.
    """
    path = setup_logging()
    logger = logging.getLogger("accountdesk.crash")

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        logger.error("unhandled exception\n%s", text)
        try:
            if known is not None and known(error):
                return
        except Exception:
            logger.exception("could not explain the error")
        if show is not None:
            message = describe(error)
            try:
                if message is not None:
                    show(str(message), path, True)
                else:
                    show(scrub(f"{kind.__name__}: {error}"), path, False)
            except Exception:  # the dialog itself failed: the log still has everything
                logger.exception("could not show the crash dialog")

    sys.excepthook = handle
    threading.excepthook = lambda args: handle(args.exc_type, args.exc_value, args.exc_traceback)  # type: ignore[arg-type]

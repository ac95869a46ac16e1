"""The crash safety net logs unhandled exceptions and tells the user where the log is."""

import errno
import sys
import threading

from accountdesk import crashlog


def test_unhandled_exception_is_logged_and_shown(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCOUNTDESK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(crashlog, "_handler", None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = []
    crashlog.install_excepthook(lambda summary, path, expected: shown.append((summary, path, expected)))
    try:
        raise ValueError("客户编号重复")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    log = crashlog.log_path()
    crashlog._handler.flush()
    text = log.read_text(encoding="utf-8")
    assert "ValueError: 客户编号重复" in text and "ZeroDivisionError" in text
    assert [(s, e) for s, _, e in shown] == [("ValueError: 客户编号重复", False),
                                             ("ZeroDivisionError: division by zero", False)]
    assert shown[0][1] == log and log.parent == tmp_path / "logs"
    # A fault a person can act on is explained, not called a crash.
    try:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "c.xlsx"))
    except OSError:
        sys.excepthook(*sys.exc_info())
    text, _path, expected = shown[-1]
    assert expected and "is full" in text and "Traceback" not in text
    import logging

    logging.getLogger().removeHandler(crashlog._handler)

"""Keeps the interface alive on a Qt binding that hands back None/True/False without a reference.

Some PySide6 builds made for Python 3.12+ (where None, True and False are immortal) return
those singletons from C++ calls without taking a reference. On Python 3.11 every such call
(``setText``, ``emit`` …) then lowers the singleton's count by one, and after a few thousand
calls the interpreter aborts with "Fatal Python error: none_dealloc". Seen with PySide6
6.12.0 on CPython 3.11.

We detect the defect by measuring it, and only then give the three singletons a reference
count so large it can never reach zero, which is what Python 3.12 does for them anyway.
"""

from __future__ import annotations

import ctypes
import sys

# 2**60 references: at a billion leaking calls a second this lasts for decades.
_RESERVE = 1 << 60

_applied = False


def _leaks_singletons() -> bool:
    from PySide6.QtCore import QObject

    probe = QObject()
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(64):
        probe.setObjectName("probe")  # a void call: returns None
        probe.objectNameChanged.emit("probe")  # returns True
    leaked = sys.getrefcount(None) < before_none - 32 or sys.getrefcount(True) < before_true - 32
    del probe
    return leaked


def guard_singleton_refcounts() -> bool:
    """Apply the guard if this interpreter and binding need it; True when applied."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _applied
    if not _leaks_singletons():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object, at the object's address.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _applied = True
    return True

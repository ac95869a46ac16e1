"""Reading an untrusted workbook in a child process with a memory and a time limit: a crash, a panic or
a runaway allocation of the reader (python-calamine is native code) becomes "this file cannot be
read", and the application that asked stays up."""

from __future__ import annotations

import importlib
import json
import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

from accountdesk.core.excel.read.limits import SpreadsheetError

log = logging.getLogger(__name__)

# Address space of the reading process: a sheet at the cell limit takes about 1.5 GB as Python rows;
# a reader asking for more (a 1 KB .xls claiming billions of cells) is stopped here.
MEMORY_LIMIT_BYTES = 3 * 1024 * 1024 * 1024
# A 100,000-row workbook reads in a few seconds; a reader still busy after this is looping.
TIME_LIMIT_SECONDS = 180.0
_CHILD_FLAG = "ACCOUNTDESK_READER_CHILD"


def read_in_child(function: str, *args: Any) -> Any:
    """Run `function` ("package.module:name", found by name in the child) with `args` (the file first)
    in a child process and return its result; its own refusals (SpreadsheetError) come back as they
    are, anything else as "cannot be read"."""
    path = Path(args[0])
    if os.environ.get(_CHILD_FLAG) == "inline":
        # Explicitly asked for (a debugger session, a bench comparison): read here, without the safety net.
        return _resolve(function)(*args)
    request = pickle.dumps((function, args), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        child = subprocess.Popen(
            _child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, _CHILD_FLAG: "1"},
        )
    except OSError as error:
        raise _cannot_read(path, f"the reading process could not start ({error.strerror})",
                           f"无法启动读取进程（{error.strerror}）") from None
    try:
        out, err = child.communicate(request, timeout=TIME_LIMIT_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise _cannot_read(path, f"reading it took longer than {TIME_LIMIT_SECONDS:.0f} seconds",
                           f"读取超过 {TIME_LIMIT_SECONDS:.0f} 秒仍未完成") from None
    if child.returncode != 0 or not out:
        log.warning("the reader of %s stopped (exit code %s): %s", path, child.returncode,
                    err.decode("utf-8", "replace")[-2000:])
        if _ran_out_of_memory(child.returncode, err):
            raise _cannot_read(path, "reading it needs more memory than a spreadsheet of its size should",
                               "读取它所需的内存远超同样大小的表格")
        raise _cannot_read(path, "the spreadsheet reader stopped on it (the file is damaged or malformed)",
                           "表格读取程序无法处理它（文件已损坏或格式异常）")
    kind, *payload = pickle.loads(out)
    if kind == "ok":
        return payload[0]
    if kind == "refused":
        zh, en, hostile = payload
        from accountdesk.core.excel.read.limits import HostileFileError

        raise (HostileFileError if hostile else SpreadsheetError)(zh, en)
    log.warning("the reader of %s failed:\n%s", path, payload[0])
    if kind == "memory":
        raise _cannot_read(path, "reading it needs more memory than a spreadsheet of its size should",
                           "读取它所需的内存远超同样大小的表格")
    raise _cannot_read(path, "the file is damaged or malformed", "文件已损坏或格式异常")


def _resolve(function: str):
    module, name = function.split(":")
    return getattr(importlib.import_module(module), name)


def _child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        # The frozen application reads the request itself when started with this argument.
        return [sys.executable, "--read-workbook-child"]
    # The parent's import path first, so a checkout, an editable install and a wheel all find us.
    bootstrap = ("import sys, json; sys.path[:0] = json.loads(sys.argv[1]); "
                 "from accountdesk.core.excel.read.isolated import child_main; child_main()")
    return [sys.executable, "-c", bootstrap, json.dumps([p for p in sys.path if p])]


def _ran_out_of_memory(returncode: int, err: bytes) -> bool:
    text = err.decode("utf-8", "replace").lower()
    return "memory allocation" in text or "memoryerror" in text or "out of memory" in text or returncode == -6


def _cannot_read(path: Path, en: str, zh: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"无法导入“{path.name}”：这个文件无法读取（{zh}）。请在 Excel 或 WPS 中打开它并另存为 .xlsx 后再导入。数据库未作任何改动。",
        f"Cannot import '{path.name}': this file cannot be read ({en}). Open it in Excel or WPS, save it as "
        ".xlsx and import that. Nothing was written.",
    )


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit still holds
        return
    limit = MEMORY_LIMIT_BYTES
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def child_main() -> None:
    """The child: one request on stdin, one pickled answer on stdout."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    function, args = pickle.loads(stdin.read())
    _limit_memory()
    import traceback

    try:
        answer: tuple = ("ok", _resolve(function)(*args))
    except SpreadsheetError as error:
        from accountdesk.core.excel.read.limits import HostileFileError

        answer = ("refused", error.message.zh, error.message.en, isinstance(error, HostileFileError))
    except MemoryError:
        answer = ("memory", "MemoryError")
    except BaseException:  # noqa: BLE001  (a panic of the native reader is a BaseException)
        answer = ("failed", traceback.format_exc())
    try:
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory", "MemoryError while sending the rows"))
    stdout.write(data)
    stdout.flush()

"""Killing a child process at a chosen point, for the tests that a crash loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path


def kill_when_signalled(command: list[str], signal_file: Path, *, env: dict | None = None, timeout: float = 60) -> None:
    """Start `command`, wait until it creates `signal_file` (its chosen moment), then SIGKILL it."""
    environment = {**os.environ, "PYTHONPATH": str(Path.cwd()), **(env or {})}
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while not signal_file.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, f"{command[:3]} never reached the point to be killed at"
            time.sleep(0.05)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()

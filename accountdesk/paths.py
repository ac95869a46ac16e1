"""Where AccountDesk finds its own files (migrations, resources) and keeps the user's."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "AccountDesk"
DEFAULT_DATABASE_NAME = "accountdesk.accountdesk"


def bundled(name: str) -> Path:
    """A folder of the package's own files, "migrations" or "resources": beside this module in a
    checkout and an installed wheel, under the unpacked bundle in the frozen app."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) / "accountdesk" if frozen_root else Path(__file__).resolve().parent
    path = root / name
    if not path.is_dir():
        raise FileNotFoundError(f"AccountDesk cannot find its {name} folder ({path})")
    return path


def data_dir() -> Path:
    override = os.environ.get("ACCOUNTDESK_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get("ACCOUNTDESK_DATA_DIR")
    path = Path(override) / "logs" if override else Path(user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    return data_dir() / DEFAULT_DATABASE_NAME


def backup_root() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path

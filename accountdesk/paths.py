"""Where AccountDesk finds its own files (migrations, resources) and keeps the user's."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "AccountDesk"
DEFAULT_DATABASE_NAME = "accountdesk.accountdesk"


def bundled(name: str) -> Path:
    """A top-level project folder such as "migrations" or "resources".

    In a source checkout it sits beside the package; a wheel and the frozen app carry
    it inside the package (see pyproject.toml and build_installer.spec).
    """
    package_dir = Path(__file__).resolve().parent
    candidates = [package_dir / name, package_dir.parent / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "accountdesk" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"AccountDesk cannot find its {name} folder (looked in {candidates})")


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

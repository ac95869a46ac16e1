"""What the settings screen edits that the core keeps in JSON: scoring bands as a line of text,
the stored scoring models at a glance, and the facts about the open database (mode, warnings, backups)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from accountdesk.core.i18n import Message, ValidationError
from accountdesk.core.storage.models import cents_to_decimal, decimal_to_cents
from accountdesk.core.tiering.metrics import METRICS
from accountdesk.core.tiering.scoring import list_models

# --- bands as text ---------------------------------------------------------------------------------
# One band per part, parts separated by ";" (or "；"): "≥12 → 100; ≥6 → 80; * → 0".
# "≥ x" at least x, "≤ x" at most x, "x–y" from x to y, "*" anything else; "→", "->", "=" or ":"
# before the points. Money bounds are in yuan.

_ARROW = re.compile(r"\s*(?:→|->|=>|=|:|：)\s*")
_NUMBER = r"-?\d+(?:\.\d+)?"


def _show(value, money: bool) -> str:
    if money:
        text = str(value)
        try:
            return format(cents_to_decimal(decimal_to_cents(text)).normalize(), "f")
        except Exception:
            return text
    number = float(value)
    return f"{number:g}"


def bands_text(criterion: dict) -> str:
    """A criterion's bands as the line the editor shows."""
    money = METRICS.get(criterion.get("metric", ""), None) is not None and METRICS[criterion["metric"]].unit == "money"
    parts = []
    for band in criterion.get("bands") or []:
        low, high, points = band.get("min"), band.get("max"), band.get("points", 0)
        if low is not None and high is not None:
            bound = f"{_show(low, money)}–{_show(high, money)}"
        elif low is not None:
            bound = f"≥{_show(low, money)}"
        elif high is not None:
            bound = f"≤{_show(high, money)}"
        else:
            bound = "*"
        parts.append(f"{bound} → {float(points):g}")
    return "; ".join(parts)


def _bad_band(part: str, index: int) -> ValidationError:
    return ValidationError(
        f"第 {index} 档“{part}”看不懂：请写成“≥12 → 100”“≤0 → 100”“1–5 → 50”或“* → 0”",
        f"band {index} '{part}' is not understood: write it as '≥12 → 100', '≤0 → 100', '1–5 → 50' or '* → 0'",
        field="bands",
    )


def parse_bands(text: str, money: bool) -> list[dict]:
    """Bands from the editor's text; money bounds stay decimal text (yuan), as the model keeps them."""
    bands: list[dict] = []
    parts = [p.strip() for p in re.split(r"[;；\n]", text or "") if p.strip()]
    if not parts:
        raise ValidationError("至少需要一个分档", "needs at least one band", field="bands")
    for index, part in enumerate(parts, start=1):
        pieces = _ARROW.split(part.replace(">=", "≥").replace("<=", "≤"), maxsplit=1)
        if len(pieces) != 2 or not re.fullmatch(_NUMBER, pieces[1].strip()):
            raise _bad_band(part, index)
        bound, points = pieces[0].replace(" ", ""), float(pieces[1])
        band: dict = {}

        def value(raw: str, part: str = part, index: int = index):
            if not re.fullmatch(_NUMBER, raw):
                raise _bad_band(part, index)
            if money:
                return raw
            number = float(raw)
            return int(number) if number.is_integer() else number

        if bound == "*":
            pass
        elif bound[:1] in ("≥", ">"):
            band["min"] = value(bound[1:])
        elif bound[:1] in ("≤", "<"):
            band["max"] = value(bound[1:])
        elif match := re.fullmatch(rf"({_NUMBER})(?:–|—|~|～|-(?=\d))({_NUMBER})", bound):
            band["min"], band["max"] = value(match[1]), value(match[2])
        else:
            raise _bad_band(part, index)
        band["points"] = int(points) if points.is_integer() else points
        bands.append(band)
    return bands


def parse_numbers(text: str, what: Message) -> list[float]:
    """"75, 50" or "20%, 30%, 50%" (percentages become shares) → numbers."""
    numbers = []
    for part in (p.strip() for p in re.split(r"[,，;；/\s]+", text or "") if p.strip()):
        percent = part.endswith("%")
        try:
            number = float(part.rstrip("%"))
        except ValueError:
            raise ValidationError(f"{what.zh}：“{part}”不是数字", f"{what.en}: '{part}' is not a number",
                                  field="grading") from None
        numbers.append(number / 100 if percent else number)
    return numbers


def parse_tier_names(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,，;；/\s]+", text or "") if p.strip()]


# --- models at a glance ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelSummary:
    id: int
    name: str
    version: int
    active: bool
    definition: dict


def model_summaries(session: Session) -> list[ModelSummary]:
    """Every stored scoring model; the default one is created on first use (so there always is one),
    except on a database opened read-only, where the list may then be empty."""
    from sqlalchemy.exc import DBAPIError

    from accountdesk.core.tiering.scoring import active_model

    try:
        active_id: int | None = active_model(session).id
    except DBAPIError:  # a read-only file cannot take the default model; show what is there
        session.rollback()
        active_id = next((m.id for m in list_models(session) if m.is_active), None)
    return [ModelSummary(m.id, m.name, m.version, m.id == active_id, dict(m.definition)) for m in list_models(session)]


# --- the open database -----------------------------------------------------------------------------


@dataclass
class DatabaseFacts:
    """Where the database is, how it is used, what to watch out for, and its backups (newest first)."""

    location: str
    mode: str  # local | shared | server
    read_only: bool
    warnings: list = field(default_factory=list)  # LocationWarning
    backup_dir: Path | None = None
    backups: list = field(default_factory=list)  # BackupInfo

    @property
    def can_switch_mode(self) -> bool:
        return self.mode in ("local", "shared") and not self.read_only


def database_facts(database) -> DatabaseFacts:
    from accountdesk.core.team.backup import backup_dir_for_database, list_backups

    path = getattr(database, "path", None)
    mode = "server" if path is None else ("shared" if getattr(database, "shared", False) else "local")
    try:
        backup_dir = backup_dir_for_database(database)
        backups = list_backups(database)
    except Exception:  # a server without a local backup folder, or a folder we cannot read
        backup_dir, backups = None, []
    return DatabaseFacts(
        location=str(path) if path is not None else database.display_name,
        mode=mode,
        read_only=bool(getattr(database, "read_only", False)),
        warnings=list(getattr(database, "location_warnings", []) or []),
        backup_dir=backup_dir,
        backups=backups,
    )


def switch_shared_mode(database, on: bool) -> Path:
    """Close this program's connections and switch the file's mode; the caller opens it again.

    Refused (SharedModeError, file unchanged) while anyone else has the file open.
    """
    from accountdesk.core.team.presence import set_shared_mode

    path = getattr(database, "path", None)
    if path is None:
        raise ValidationError("服务器数据库没有共享模式", "a server database has no shared mode", field="mode")
    database.dispose()
    set_shared_mode(Path(path), on)
    return Path(path)

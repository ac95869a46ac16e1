"""What a merge did or would do: counts per table and the rows a person should review."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from accountdesk.core.i18n import Message, counted


@dataclass
class ReviewItem:
    """A row both sides changed (or a clash) that a person should look at after the merge."""

    entity: str
    uid: str
    label: str
    reason: str  # both_changed | edit_vs_delete | code_clash
    fields: list[str]
    kept: str  # mine | theirs | combined
    detail: dict[str, dict[str, Any]] = field(default_factory=dict)  # field -> {mine, theirs}

    def as_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "uid": self.uid, "label": self.label, "reason": self.reason,
                "fields": self.fields, "kept": self.kept,
                "detail": {k: {s: _jsonable(v) for s, v in d.items()} for k, d in self.detail.items()}}


@dataclass
class MergeReport:
    other: str
    dry_run: bool
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)  # rows the merge turned into tombstones
    audit_entries: int = 0
    tag_links: int = 0
    tag_unlinks: int = 0  # tags removed on the other side (and not added again here later)
    review: list[ReviewItem] = field(default_factory=list)
    backup_path: Path | None = None

    @property
    def changed(self) -> bool:
        return bool(sum(self.inserted.values()) + sum(self.updated.values()) + self.audit_entries + self.tag_links
                    + self.tag_unlinks)

    def as_dict(self) -> dict[str, Any]:
        return {
            "other": self.other, "dry_run": self.dry_run, "changed": self.changed,
            "inserted": self.inserted, "updated": self.updated, "deleted": self.deleted,
            "audit_entries": self.audit_entries, "tag_links": self.tag_links, "tag_unlinks": self.tag_unlinks,
            "review": [item.as_dict() for item in self.review],
            "backup": str(self.backup_path) if self.backup_path else None,
        }

    def summary(self) -> Message:
        ins, upd, dele = sum(self.inserted.values()), sum(self.updated.values()), sum(self.deleted.values())
        head_zh = "试合并（未写入）" if self.dry_run else "已合并"
        head_en = "Dry run (nothing written)" if self.dry_run else "Merged"
        if not self.changed:
            return Message(f"{head_zh}：{self.other} 中没有新的内容。", f"{head_en}: nothing new in {self.other}.")
        lines_zh = [f"{head_zh} {self.other}：新增 {ins} 条，更新 {upd} 条（其中删除 {dele} 条），"
                    f"历史记录 {self.audit_entries} 条。"]
        lines_en = [f"{head_en} {self.other}: {counted(ins, 'row')} added, {upd} updated ({dele} of them deleted), "
                    f"{counted(self.audit_entries, 'history entry', 'history entries')}."]
        if self.backup_path:
            lines_zh.append(f"合并前备份：{self.backup_path}")
            lines_en.append(f"Backup before the merge: {self.backup_path}")
        clashes = [item for item in self.review if item.reason == "code_clash"]
        if clashes:
            lines_zh.append(f"客户编号重复，已改名 {len(clashes)} 位（原编号 → 新编号）：")
            lines_en.append(f"{len(clashes)} customers' codes clashed and were renamed (old → new):")
            for item in clashes[:200]:
                old, new = item.detail["code"]["mine"], item.detail["code"]["theirs"]
                lines_zh.append(f"  {item.label}：{old} → {new}")
                lines_en.append(f"  {item.label}: {old} → {new}")
        if self.review:
            lines_zh.append(f"双方都修改过、请核对的记录 {len(self.review)} 条：")
            lines_en.append(f"Changed on both sides: {counted(len(self.review), 'row')}; please check:")
            for item in self.review[:50]:
                kept_zh = {"mine": "保留本库", "theirs": "采用对方", "combined": "合并两边"}[item.kept]
                lines_zh.append(f"  {item.entity} “{item.label}”：{'、'.join(item.fields)}（{kept_zh}）")
                lines_en.append(f"  {item.entity} '{item.label}': {', '.join(item.fields)} (kept {item.kept})")
        return Message("\n".join(lines_zh), "\n".join(lines_en))


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    return str(value)

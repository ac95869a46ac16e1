"""What an import tells the manager: the per-row report, the JSON summary, and the workbook of rejected rows."""

from __future__ import annotations

from pathlib import Path

from accountdesk.core.excel.imports.planner import ImportPlan
from accountdesk.core.excel.read.headers import FIELDS, column_letter
from accountdesk.core.excel.read.values import show
from accountdesk.core.i18n import Message

REPORT_LINES = 200
_ACTION = {
    "new": Message("新增", "new"),
    "update": Message("更新", "update"),
    "unchanged": Message("无变化", "unchanged"),
    "duplicate": Message("重复，跳过", "duplicate, skipped"),
    "error": Message("错误，未导入", "error, not imported"),
}


def _say(text: str) -> None:
    print(text)


def plan_lines(plan: ImportPlan, limit: int = REPORT_LINES) -> list[str]:
    """One line per row that is not a plain new record (errors, warnings, duplicates, updates)."""
    lines: list[str] = []
    labels = {spec.name: spec.label for spec in FIELDS[plan.kind]}
    shown = 0
    hidden = 0
    for row in plan.rows:
        if not row.problems and (row.action == "unchanged" or (row.action == "new" and row.note is None)):
            continue  # nothing to tell about a plain new row or one already as the sheet says
        if shown >= limit:
            hidden += 1
            continue
        shown += 1
        action = _ACTION[row.action]
        parts = [str(Message(f"第 {row.row} 行：{action.zh}", f"row {row.row}: {action.en}"))]
        if row.note is not None:
            parts.append(str(row.note))
        if row.changes:
            changed = ", ".join(
                f"{labels.get(name, Message(name, name))} {show(old) if old is not None else '∅'} → {show(new)}"
                for name, (old, new) in row.changes.items())
            parts.append(changed)
        lines.append(" — ".join(parts))
        for problem in row.problems:
            lines.append("    " + problem.text())
    if hidden:
        lines.append(str(Message(f"……另有 {hidden} 行未列出（用 --errors 导出全部被拒行，或 --json 查看全部）",
                                 f"… {hidden} more rows not listed (use --errors for all rejected rows, or --json)")))
    return lines


_DUPLICATE_REASONS = (Message("编号相同", "same code"), Message("电话相同", "same phone"),
                      Message("名称相同", "same name"), Message("名称相似", "similar name"))


def reason_groups(plan: ImportPlan) -> list[dict]:
    """The rows that did not go in as the sheet says, grouped by reason with a count and one
    example: "103 行：生日无法识别 → 已导入客户，生日留空" reads better than 103 lines."""
    labels = {spec.name: spec.label for spec in FIELDS[plan.kind]}
    groups: dict[tuple, dict] = {}
    for row in plan.rows:
        seen_here: set[tuple] = set()
        for problem in row.problems:
            if problem.field == "similar":
                continue
            key = ("warning" if problem.warning else "error", problem.field)
            if key in seen_here:
                continue
            seen_here.add(key)
            group = groups.setdefault(key, {"rows": 0, "example": problem.text(), "problem": problem})
            group["rows"] += 1
        if row.action == "duplicate" and row.note is not None:
            reason = next((r for r in _DUPLICATE_REASONS if r.zh in row.note.zh), None)
            group = groups.setdefault(("duplicate", reason.en if reason else None),
                                      {"rows": 0, "example": str(row.note), "reason": reason})
            group["rows"] += 1
    found = []
    for (what, name), group in groups.items():
        count = group["rows"]
        if what == "duplicate":
            reason = group["reason"] or Message("重复", "duplicate")
            message = Message(f"{count} 行：与已有客户或前面的行重复（{reason.zh}）→ 已跳过",
                              f"{count} rows: duplicates ({reason.en}) → skipped")
        else:
            label = labels.get(name, Message("整行", "the row")) if name else Message("整行", "the row")
            if name == "birthday" and what == "warning":
                message = Message(f"{count} 行：生日无法识别 → 已导入客户，生日留空",
                                  f"{count} rows: birthday unreadable → customer imported, birthday left empty")
            elif what == "warning":
                message = Message(f"{count} 行：{label.zh}需核对 → 已导入", f"{count} rows: {label.en} to check → imported")
            else:
                message = Message(f"{count} 行：{label.zh}有误 → 未导入", f"{count} rows: {label.en} invalid → not imported")
        found.append({"kind": what, "field": name, "rows": count, "message_zh": message.zh, "message_en": message.en,
                      "example": group["example"], "message": message})
    order = {"error": 0, "warning": 1, "duplicate": 2}
    return sorted(found, key=lambda g: (order[g["kind"]], -g["rows"]))


def reason_lines(plan: ImportPlan) -> list[str]:
    lines = []
    for group in reason_groups(plan):
        lines.append(f"  {group['message']}")
        lines.append("      " + str(Message(f"例如 {group['example']}", f"e.g. {group['example']}")))
    if lines:
        lines.insert(0, str(Message("按原因汇总：", "By reason:")))
    return lines


def nothing_written_for_errors(plan: ImportPlan) -> bool:
    """Rows were rejected and none went in: the import failed (exit 1), even though it ran."""
    return bool(plan.rejected) and plan.writes == 0


def mapping_lines(plan: ImportPlan) -> list[str]:
    header = plan.header
    labels = {spec.name: spec.label for spec in FIELDS[plan.kind]}
    pairs = ", ".join(f"{header.describe_column(i)} → {labels[name]}" for name, i in
                      sorted(header.columns.items(), key=lambda item: item[1]))
    lines = [str(Message(f"表头在第 {header.header_rows[1] + 1} 行；列对应：{pairs}",
                         f"header on row {header.header_rows[1] + 1}; columns: {pairs}"))]
    lines += [str(note) for note in plan.notes]
    return lines


def summary_dict(outcome, *, dry_run: bool, errors_path: str | None = None) -> dict:
    plan: ImportPlan = outcome.plan
    result = outcome.result
    sheet = plan.sheet
    return {
        "ok": not nothing_written_for_errors(plan),
        "file": str(sheet.path),
        "sheet": sheet.sheet,
        "format": sheet.format,
        "encoding": sheet.encoding,
        "kind": plan.kind,
        "dry_run": dry_run,
        "written": result is not None,
        "batch_id": result.batch_id if result else None,
        "backup": str(outcome.backup) if outcome.backup else None,
        "mapping": plan.header.as_dict(),
        "counts": plan.counts(),
        "created": result.created if result else 0,
        "updated": result.updated if result else 0,
        "customers_created": result.customers_created if result else 0,
        "problems": [p.as_dict() for p in plan.problems()],
        "reasons": [{k: v for k, v in group.items() if k != "message"} for group in reason_groups(plan)],
        "duplicates": [{"row": r.row, "note_zh": r.note.zh if r.note else None, "note_en": r.note.en if r.note else None}
                       for r in plan.rows if r.action == "duplicate"],
        "errors_file": errors_path if errors_path and plan.rejected else None,
        "seconds": round(outcome.seconds, 3),
    }


def write_error_workbook(plan: ImportPlan, out: Path) -> int:
    """The rejected rows as they were in the sheet, with the row number and the reason, ready to fix
    and import again."""
    from accountdesk.core.excel.exports.writer import SheetWriter

    header = plan.header
    width = max([len(header.labels)] + [len(plan.sheet.rows[r.index]) for r in plan.rejected] or [0])
    labels = [header.labels[i] if i < len(header.labels) and header.labels[i] else column_letter(i) for i in range(width)]
    writer = SheetWriter(out, title=str(Message("被拒的行", "Rejected rows")))
    writer.header([str(Message("原行号", "Sheet row")), str(Message("原因", "Reason")), *labels])
    for row in plan.rejected:
        cells = list(plan.sheet.rows[row.index]) + [""] * (width - len(plan.sheet.rows[row.index]))
        reason = "；".join(str(p.message) for p in row.errors) or (str(row.note) if row.note else "")
        writer.row([row.row, reason, *[None if c == "" else c for c in cells]])
    writer.close()
    return len(plan.rejected)

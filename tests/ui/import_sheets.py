"""Messy workbooks for the import GUI tests, built at test time the way managers' sheets really look."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

# Rows 4–8 are good (phones as numbers and text, dates in five forms), row 9 repeats row 4,
# row 10 has an impossible date.
GOOD_NAMES = ["上海恒通贸易有限公司", "杭州明达科技", "苏州新宇实业", "南京华康医药", "宁波远航物流"]
BAD_ROW = 10
DUPLICATE_ROW = 9


def messy_customers(path: Path) -> Path:
    """A title row above a two-level header with merged cells, then the customer rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "客户名单"
    sheet.append(["2026年重点客户名单（华东区）"])
    sheet.merge_cells("A1:F1")
    sheet.append(["客户名称", "联系信息", None, "合作开始日期", "客户等级", "备注"])
    sheet.append([None, "手机", "邮箱", None, None, None])
    for cells in ("A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3"):
        sheet.merge_cells(cells)
    rows = [
        [GOOD_NAMES[0], 13800138000, "hengtong@example.cn", datetime(2024, 1, 5), "A", None],
        [GOOD_NAMES[1], "138 0013 8001", None, "2024/1/5", "B", None],
        [GOOD_NAMES[2], "+86 138-0013-8002", None, "2024年1月5日", "C", None],
        [GOOD_NAMES[3], 13800138003.0, None, 20240105, "B", None],
        [GOOD_NAMES[4], 13800138004, None, "2024.1.5", "A", "老客户"],
        [GOOD_NAMES[0], 13800138000, None, datetime(2024, 1, 5), "A", "重复"],
        ["合肥坏数据有限公司", 13800138009, None, "2024/13/45", "A", None],
    ]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path

"""What `accountdesk bench` measures for Excel, each beside its floor: a customer sheet, its import, its export.

How the bench calls it (N customers, a scratch folder D, a fresh migrated database file for each run):

    sheet = make_customer_sheet(D / "customers.xlsx", N)
    floor = import_floor(sheet, fresh_db_1)                  # python-calamine read + bare executemany
    ours = import_process(sheet, fresh_db_2, data_dir=D)     # `accountdesk import customers`, process start included
    # ours / floor: the issue asks for at most 2.5

    columns, rows = export_sources.customers_table(session, as_of)[1:]   # the customer export's cells
    floor = export_floor(D / "floor.xlsx", [c.label for c in columns], rows)   # openpyxl write-only, bare
    ours = export_timed(D / "ours.xlsx", "客户", columns, rows)                 # styled, frozen, filtered, guarded
    # ours / floor: at most 1.3.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

# The columns of the generated customer sheet, as a manager's sheet heads them.
SHEET_HEADER = ("客户编号", "客户名称", "联系人", "联系方式", "邮箱", "地址", "行业", "客户来源", "生日", "合作开始日期", "备注")
_CITIES = ("上海", "北京", "广州", "深圳", "杭州", "成都", "武汉", "南京", "苏州", "天津")
_WORDS = "华信达鑫盛源恒泰祥瑞丰宏远通安康博创新科嘉和顺隆兴德"
_TRADES = ("贸易", "科技", "实业", "电子", "物流", "餐饮")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_EXCEL_EPOCH = date(1899, 12, 30)


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def make_customer_sheet(path: Path | str, count: int, *, seed: int = 1) -> Path:
    """A customer sheet of `count` rows, written straight as SpreadsheetML (openpyxl would take
    half a minute for 100,000 rows; this takes a second or two). Phones are numbers and dates are
    date cells, as Excel stores them."""
    rng = random.Random(seed)
    path = Path(path)
    letters = [_column(i) for i in range(len(SHEET_HEADER))]

    def text(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'

    def rows():
        cells = "".join(text(f"{letters[i]}1", label) for i, label in enumerate(SHEET_HEADER))
        yield f'<row r="1">{cells}</row>'
        for n in range(count):
            r = n + 2
            city = _CITIES[n % len(_CITIES)]
            name = city + "".join(rng.choice(_WORDS) for _ in range(3)) + str(n) + rng.choice(_TRADES) + "有限公司"
            birthday = (date(1960 + n % 40, 1 + n % 12, 1 + n % 28) - _EXCEL_EPOCH).days
            since = (date(2010, 1, 1) + timedelta(days=n % 5000) - _EXCEL_EPOCH).days
            yield (f'<row r="{r}">' + text(f"A{r}", f"C{n + 1:06d}") + text(f"B{r}", name)
                   + text(f"C{r}", rng.choice(_SURNAMES) + rng.choice(_WORDS))
                   + f'<c r="D{r}"><v>{13000000000 + n}</v></c>' + text(f"E{r}", f"user{n}@example.com")
                   + text(f"F{r}", f"{city}市{rng.choice(_WORDS)}路{n % 999 + 1}号")
                   + text(f"G{r}", rng.choice(("制造", "零售", "金融", "教育"))) + text(f"H{r}", rng.choice(("展会", "转介绍", "网络")))
                   + f'<c r="I{r}" s="1"><v>{birthday}</v></c><c r="J{r}" s="1"><v>{since}</v></c>'
                   + (text(f"K{r}", "重点客户") if n % 7 == 0 else "") + "</row>")

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>'))
        archive.writestr("xl/styles.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write((f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">'
                        f'<dimension ref="A1:K{count + 1}"/><sheetData>').encode())
            batch: list[str] = []
            for row in rows():
                batch.append(row)
                if len(batch) == 2000:
                    part.write("".join(batch).encode())
                    batch.clear()
            part.write(("".join(batch) + "</sheetData></worksheet>").encode())
    return path


def import_floor(sheet: Path | str, database_path: Path | str) -> float:
    """Seconds for the floor: python-calamine reading the sheet, then one bare executemany of its
    rows (the same columns, the bookkeeping columns the table requires) into `customers`."""
    import uuid

    import python_calamine

    started = time.perf_counter()
    rows = python_calamine.CalamineWorkbook.from_path(str(sheet)).get_sheet_by_index(0).to_python()
    now = "2026-01-01 00:00:00.000000"
    data = [(str(uuid.uuid4()), now, now, 1, r[0], r[1], r[2], str(r[3]), r[4], r[5], r[6], r[7],
             r[8].isoformat() if r[8] else None, r[9].isoformat() if r[9] else None, r[10] or None, "", 0, 0, 0)
            for r in rows[1:]]
    connection = sqlite3.connect(str(database_path))
    try:
        connection.executemany(
            "INSERT INTO customers (uid, created_at, updated_at, version, code, name, contact_person, phone, email, "
            "address, industry, source, birthday, cooperation_since, notes, search_key, tier_locked, referrals, "
            "followers) VALUES (" + ", ".join("?" * 19) + ")", data)
        connection.commit()
    finally:
        connection.close()
    return time.perf_counter() - started


def import_process(sheet: Path | str, database_path: Path | str, *, data_dir: Path | str | None = None) -> float:
    """Seconds for `accountdesk import customers SHEET` as a user runs it: process start included."""
    import os

    env = dict(os.environ)
    if data_dir is not None:
        env["ACCOUNTDESK_DATA_DIR"] = str(data_dir)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "accountdesk", "--db", str(database_path), "import", "customers", str(sheet),
                    "--json"], check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def export_floor(path: Path | str, header: list[str], rows: list[list]) -> float:
    """Seconds for the floor: openpyxl's bare write-only workbook of the same cells."""
    from openpyxl import Workbook

    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Sheet")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(str(path))
    return time.perf_counter() - started


def export_timed(path: Path | str, title: str, columns: list, rows: list[list]) -> float:
    """Seconds for our styled export of the same cells (frozen, filtered, fitted, formatted, guarded)."""
    from accountdesk.core.excel.exports.writer import write_table

    started = time.perf_counter()
    write_table(Path(path), title, columns, rows)
    return time.perf_counter() - started

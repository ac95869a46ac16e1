"""Messy and hostile spreadsheets built at test time: the kinds of files managers (and attackers) bring."""

from __future__ import annotations

import csv
import struct
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import openpyxl


def write_xlsx(path: Path, rows: Sequence[Sequence], *, title: str = "Sheet1", merges: Sequence[str] = (),
               extra_sheets: dict[str, Sequence[Sequence]] | None = None, start_row: int = 1,
               formulas: bool = False) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for r, row in enumerate(rows, start=start_row):
        for c, value in enumerate(row, start=1):
            if value is not None:
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, str) and value.startswith("=") and not formulas:
                    cell.data_type = "s"  # text a manager typed, not a formula
    for merge in merges:
        sheet.merge_cells(merge)
    for name, sheet_rows in (extra_sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in sheet_rows:
            other.append(list(row))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path


def messy_customer_sheet(path: Path) -> Path:
    """A manager's customer list: a merged title row, a blank row, the header, then every form of
    phone and date a sheet holds, a duplicate, a bad date and a 合计 line."""
    rows = [
        ["2024 年大客户名单（华东区）", None, None, None, None, None, None],
        [None] * 7,
        ["客户编号", "客户名称", "联系人", "联系方式", "生日", "合作开始日期", "备注"],
        ["0001", "上海某某贸易有限公司", "张伟", 13800138000, date(1980, 1, 5), 45000, "老客户"],
        ["0002", "北京甲乙科技有限公司", "李娜", "138 0013 8001", "1981/2/6", "2024/1/5", None],
        [None, "杭州丙丁实业有限公司", "王芳", "+86 138-0013-8002", "1982.3.7", "2024.1.5", None],
        [None, "广州戊己电子", "刘洋", "13800138003.0", "1983年4月8日", "2024年1月5日", None],
        [None, "深圳庚辛有限公司", "陈静", "１３８００１３８００４", 19840509, 20240105, " 全角号码 "],
        [None, "成都壬癸贸易", "杨勇", "(021) 6123-4567", "19850610", "20240105", None],
        [None] * 7,
        [None, "上海某某贸易公司", "张伟", "13800138099", None, None, "与第 4 行同名（模糊）"],
        [None, "武汉子丑商行", "赵磊", "13800138007", "2024/13/01", None, None],
        ["合计", None, None, None, None, None, None],
    ]
    return write_xlsx(path, rows, title="客户", merges=["A1:G1"])


def two_level_header_sheet(path: Path) -> Path:
    """A header in two rows: group titles merged across, the column names below, and a name merged down."""
    rows = [
        ["客户名称", "联系方式", None, "消费金额(万元)"],
        [None, "手机", "邮箱", None],
        ["甲公司", "13900139000", "a@example.com", 1.5],
        ["乙公司", "13900139001", "b@example.com", 2],
    ]
    return write_xlsx(path, rows, merges=["A1:A2", "B1:C1", "D1:D2"])


# --- hostile and broken files ----------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def raw_xlsx(path: Path, sheet_xml: str, *, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> Path:
    """An .xlsx whose worksheet XML is given verbatim."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", prolog + sheet_xml)
    return path


def cells_xml(cells: Sequence[tuple[str, str]], dimension: str | None = None) -> str:
    """Worksheet XML with inline-string cells at the given references."""
    rows: dict[int, list[str]] = {}
    for ref, text in cells:
        row = int("".join(ch for ch in ref if ch.isdigit()))
        rows.setdefault(row, []).append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
    body = "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(rows.items()))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dim}'
            f"<sheetData>{body}</sheetData></worksheet>")


def far_cell_xlsx(path: Path) -> Path:
    """Two cells, A1 and XFD1048576: a few hundred bytes that a reader would expand to 17 billion cells."""
    return raw_xlsx(path, cells_xml([("A1", "客户名称"), ("XFD1048576", "x")], dimension="A1"))


def lying_dimension_xlsx(path: Path) -> Path:
    """Declares A1:B2 but hides a cell far outside it."""
    return raw_xlsx(path, cells_xml([("A1", "客户名称"), ("B2", "x"), ("A900000", "y"), ("ZZ5", "z")], dimension="A1:B2"))


def entity_xlsx(path: Path) -> Path:
    """The "billion laughs": nested entities that expand to gigabytes."""
    dtd = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
           '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    return raw_xlsx(path, cells_xml([("A1", "客户名称"), ("A2", "&c;")]), prolog='<?xml version="1.0"?>' + dtd)


def zip_bomb_xlsx(path: Path, megabytes: int = 24) -> Path:
    """A worksheet part of zeros that inflates a thousandfold."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>')
            block = b" " * (1024 * 1024)
            for _ in range(megabytes):
                part.write(block)
            part.write(b"</worksheet>")
    return path


def forged_size_xlsx(path: Path) -> Path:
    """A zip whose directory claims a small worksheet while the data inflates to far more."""
    raw_xlsx(path, cells_xml([("A1", "客户名称"), ("A2", "甲" * 20000)]))
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    # Shrink the declared uncompressed size in both the local header and the central directory.
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while True:
            at = data.find(signature, start)
            if at < 0:
                break
            name_length_offset = 26 if signature == b"PK\x03\x04" else 28
            name_length = struct.unpack_from("<H", data, at + name_length_offset)[0]
            header_size = 30 if signature == b"PK\x03\x04" else 46
            if bytes(data[at + header_size: at + header_size + name_length]) == name:
                struct.pack_into("<I", data, at + size_offset, 300)
            start = at + 4
    path.write_bytes(bytes(data))
    return path


def ods_file(path: Path, content_body: str) -> Path:
    """A minimal OpenDocument spreadsheet around the given <office:spreadsheet> body."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{content_body}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def ods_cell(text: str, repeat: int = 1) -> str:
    attr = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{attr}><text:p>{text}</text:p></table:table-cell>'


def ods_rows(rows: Sequence[Sequence[str]], name: str = "Sheet1") -> str:
    body = "".join("<table:table-row>" + "".join(ods_cell(v) for v in row) + "</table:table-row>" for row in rows)
    return f'<table:table table:name="{name}">{body}</table:table>'


def ods_bomb(path: Path) -> Path:
    """A row of 16,384 repeated filled cells, itself repeated a million times."""
    body = ('<table:table table:name="Sheet1"><table:table-row table:number-rows-repeated="1000000">'
            + ods_cell("x", 16384) + "</table:table-row></table:table>")
    return ods_file(path, body)


def encrypted_xlsx(path: Path) -> Path:
    """What Excel writes for "Encrypt with Password": an OLE compound file holding the streams
    EncryptionInfo and EncryptedPackage (their content is ciphertext; here, filler)."""
    sector = 512
    free, end, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    streams = [("EncryptionInfo", b"\x04\x00\x04\x00" + b"\x00" * 5000), ("EncryptedPackage", b"\x00" * 9000)]
    data_sectors: list[bytes] = []
    fat = [fat_sector, end]  # sector 0: FAT, sector 1: directory
    starts = []
    for _name, content in streams:
        count = -(-len(content) // sector)
        first = 2 + len(data_sectors)
        starts.append(first)
        for i in range(count):
            data_sectors.append(content[i * sector:(i + 1) * sector].ljust(sector, b"\x00"))
            fat.append(first + i + 1 if i < count - 1 else end)
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", left, right, child) + b"\x00" * 16 + struct.pack("<I", 0)
                + b"\x00" * 16 + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, no_stream, no_stream, 1, end, 0)
                 + entry(streams[0][0], 2, no_stream, 2, no_stream, starts[0], len(streams[0][1]))
                 + entry(streams[1][0], 2, no_stream, no_stream, no_stream, starts[1], len(streams[1][1]))
                 + entry("", 0, no_stream, no_stream, no_stream, 0, 0))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\x00" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    body = struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(data_sectors)
    path.write_bytes(header + body)
    return path


def truncated_copy(source: Path, target: Path) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def empty_workbook(path: Path) -> Path:
    openpyxl.Workbook().save(path)
    return path


def transactions_rows() -> list[list]:
    return [
        ["客户名称", "交易日期", "产品", "数量", "金额"],
        ["上海某某贸易有限公司", date(2024, 1, 5), "A型设备", 2, "¥1,234.50"],
        [None, datetime(2024, 2, 5, 14, 30), "耗材", 10, 800],
        ["北京甲乙科技有限公司", "2024年3月1日", "维保服务", 1, "1.2万"],
    ]

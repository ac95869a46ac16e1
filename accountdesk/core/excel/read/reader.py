"""Reading a sheet into rows: python-calamine for .xlsx/.xlsm/.xls/.ods, CSV with its encoding and delimiter found."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from accountdesk.core.excel.read.headers import fill_merged
from accountdesk.core.excel.read.isolated import read_in_child
from accountdesk.core.excel.read.limits import (
    MAX_COLUMNS,
    MAX_CSV_FIELD,
    MAX_ROWS,
    OLE_MAGIC,
    SpreadsheetError,
    check_cells,
    check_file_size,
    check_zip,
    ole_stream_names,
)

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
_CHINESE_ENCODINGS = {"gb2312", "gbk", "gb18030", "hz", "cp936", "gb_2312_80"}


@dataclass
class SheetData:
    """One sheet's cells, row 1 first, as the manager sees them: a merged cell's value fills its
    whole range (CSV cells are all text)."""

    path: Path
    format: str  # xlsx | xls | ods | csv
    sheet: str | None
    sheet_names: list[str]
    rows: list[list]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def where(self) -> str:
        return f"“{self.path.name}”" + (f"工作表“{self.sheet}”" if self.sheet else "")

    @property
    def where_en(self) -> str:
        return f"'{self.path.name}'" + (f" sheet '{self.sheet}'" if self.sheet else "")


def _failure(path: Path, zh: str, en: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"无法导入“{path.name}”：{zh}。数据库未作任何改动。", f"Cannot import '{path.name}': {en}. Nothing was written."
    )


def sniff_format(path: Path) -> str:
    """What the file is, from its first bytes rather than its name."""
    if not path.exists():
        raise _failure(path, "文件不存在", "the file does not exist")
    if path.is_dir():
        raise _failure(path, "这是一个文件夹", "it is a folder")
    size = check_file_size(path)
    with path.open("rb") as handle:
        head = handle.read(4096)
    if size == 0:
        raise _failure(path, "文件是空的", "the file is empty")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    suffix = path.suffix.lower()
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")) or b"<html" in lowered[:512]:
        raise _failure(
            path,
            "这是网页或 XML 文件，只是扩展名像表格；请在 Excel 中打开并另存为 .xlsx",
            "it is a web page or XML file with a spreadsheet name; open it in Excel and save it as .xlsx",
        )
    if head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        raise _failure(path, "这不是表格文件", "it is not a spreadsheet")
    if suffix in CSV_SUFFIXES or _looks_like_text(head):
        return "csv"
    raise _failure(path, "这不是表格文件（不是 Excel、WPS、ODS 或 CSV）", "it is not a spreadsheet (not Excel, ODS or CSV)")


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls == 0


def sheet_names(path: Path) -> list[str]:
    """The worksheets of a file (a CSV has one, unnamed), read in a child process (read/isolated.py)."""
    sniff_format(path)
    return read_in_child(f"{__name__}:sheet_names_here", Path(path))


def sheet_names_here(path: Path) -> list[str]:
    kind = sniff_format(path)
    if kind == "csv":
        return []
    workbook = _open_workbook(path, kind)
    try:
        return [m.name for m in workbook.sheets_metadata if _is_worksheet(m)]
    finally:
        workbook.close()


def _is_worksheet(meta) -> bool:
    from python_calamine import SheetTypeEnum

    return meta.typ == SheetTypeEnum.WorkSheet


def _open_workbook(path: Path, kind: str):
    import python_calamine

    if kind == "zip":
        facts = check_zip(path)
        names = facts.names
        if not facts.ods and "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
            if any(n.startswith("word/") for n in names) or any(n.startswith("ppt/") for n in names):
                raise _failure(path, "这是 Word 或 PowerPoint 文件，不是表格", "it is a Word or PowerPoint file, not a spreadsheet")
            if not any(n.lower().endswith((".xml", ".bin")) for n in names):
                raise _failure(path, "这是一个压缩包，不是表格文件", "it is a zip archive, not a spreadsheet")
            # An unusual but valid layout (parts under other names): the reader decides.
    elif kind == "ole":
        streams = ole_stream_names(path)
        if "EncryptedPackage" in streams or "EncryptionInfo" in streams or "FILEPASS" in streams:
            raise _failure(
                path, "文件设置了打开密码；请在 Excel 中取消密码后另存再导入",
                "the file is password-protected; remove the password in Excel, save it and import again",
            )
        if not ({"Workbook", "Book"} & streams):
            raise _failure(path, "这是 Word 或其他 Office 文件，不是表格", "it is a Word or other Office file, not a spreadsheet")
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise _failure(
            path, "文件设置了密码；请在 Excel 中取消密码后另存再导入",
            "the file is password-protected; remove the password in Excel, save it and import again",
        ) from None
    except (python_calamine.CalamineError, python_calamine.ZipError, python_calamine.XmlError, ValueError, OSError) as error:
        if kind == "zip" and not facts.ods and "xl/workbook.xml" not in facts.names and "xl/workbook.bin" not in facts.names:
            raise _failure(path, "这是一个压缩包，不是表格文件", "it is a zip archive, not a spreadsheet") from None
        raise _failure(path, f"文件已损坏或不完整（{error}）", f"the file is damaged or incomplete ({error})") from None


def read_sheet(path: Path | str, sheet: str | int | None = None, *, choose=None) -> SheetData:
    """Read one sheet. `sheet` is a name or a 1-based number; by default the first worksheet with
    data, or the one `choose(rows)` scores highest when several have data (`choose` must pickle:
    the file is read in a child process with memory and time limits, read/isolated.py)."""
    path = Path(path)
    sniff_format(path)  # a missing file, a folder or a file too large is said at once
    return read_in_child(f"{__name__}:read_sheet_here", path, sheet, choose)


def read_sheet_here(path: Path, sheet: str | int | None = None, choose=None) -> SheetData:
    """read_sheet in this process: only for the child that reads (and for the floor of the bench)."""
    kind = sniff_format(path)
    if kind == "csv":
        if sheet not in (None, "", 1, "1"):
            raise _failure(path, "CSV 文件没有多个工作表", "a CSV file has no sheets to choose from")
        return read_csv(path)
    workbook = _open_workbook(path, kind)
    try:
        metas = [m for m in workbook.sheets_metadata if _is_worksheet(m)]
        names = [m.name for m in metas]
        if not names:
            raise _failure(path, "工作簿中没有工作表", "the workbook has no worksheets")
        if sheet not in (None, ""):
            name = _resolve_sheet_name(path, names, sheet)
            rows, merged = _load(path, workbook, name)
            if not _has_data(rows):
                raise _failure(path, f"工作表“{name}”是空的", f"sheet '{name}' is empty")
            return SheetData(path, _format_name(path, kind), name, names, rows, merged)
        from python_calamine import SheetVisibleEnum

        ordered = [m.name for m in metas if m.visible == SheetVisibleEnum.Visible] + [
            m.name for m in metas if m.visible != SheetVisibleEnum.Visible
        ]
        found: list[tuple[str, list[list], list]] = []
        for name in ordered:
            rows, merged = _load(path, workbook, name)
            if _has_data(rows):
                found.append((name, rows, merged))
                if choose is None or choose(rows) > 0:
                    break
        if not found:
            raise _failure(path, "工作簿是空的（没有任何数据）", "the workbook is empty (no data in any sheet)")
        if choose is not None and len(found) > 1:
            found.sort(key=lambda item: -choose(item[1]))
        name, rows, merged = found[0]
        return SheetData(path, _format_name(path, kind), name, names, rows, merged)
    finally:
        workbook.close()


def _format_name(path: Path, kind: str) -> str:
    if kind == "ole":
        return "xls"
    return "ods" if path.suffix.lower() == ".ods" else "xlsx"


def _resolve_sheet_name(path: Path, names: list[str], sheet: str | int) -> str:
    if isinstance(sheet, str) and sheet in names:
        return sheet
    text = str(sheet).strip()
    for name in names:
        if name.strip().casefold() == text.casefold():
            return name
    if text.isdigit() and 1 <= int(text) <= len(names):
        return names[int(text) - 1]
    listed = "、".join(names)
    raise _failure(path, f"没有名为“{sheet}”的工作表（有：{listed}）", f"there is no sheet '{sheet}' (there are: {', '.join(names)})")


def _load(path: Path, workbook, name: str) -> tuple[list[list], list]:
    import python_calamine

    try:
        sheet = workbook.get_sheet_by_name(name)
        end = sheet.end
        if end is not None:
            check_cells(path, end[0] + 1, end[1] + 1, f"工作表“{name}”")
        rows = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or []
        fill_merged(rows, merged)
    except python_calamine.PasswordError:
        raise _failure(path, "文件设置了密码", "the file is password-protected") from None
    except (python_calamine.CalamineError, python_calamine.ZipError, python_calamine.XmlError, ValueError, OSError) as error:
        raise _failure(path, f"工作表“{name}”已损坏（{error}）", f"sheet '{name}' is damaged ({error})") from None
    except BaseException as error:
        # The Rust reader turns its own failures into PanicException, a BaseException.
        if type(error).__name__ == "PanicException":
            raise _failure(path, f"工作表“{name}”无法读取", f"sheet '{name}' cannot be read") from None
        raise
    return rows, list(merged)


def _has_data(rows: list[list]) -> bool:
    return any(any(v not in ("", None) for v in row) for row in rows)


# --- CSV -----------------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (with or without BOM), UTF-16, GBK/GB18030 and
    whatever charset-normalizer recognises."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data[: 512 * 1024])
    encodings = [m.encoding.lower() for m in matches]
    # GBK files are the common non-UTF-8 case here; GB18030 is its superset, so reading as
    # GB18030 never loses a character GBK could hold.
    if any(e.replace("-", "").replace("_", "") in {x.replace("_", "") for x in _CHINESE_ENCODINGS} for e in encodings) or (
        not encodings and _decodes(data, "gb18030")
    ):
        return data.decode("gb18030"), "gb18030"
    best = matches.best()
    if best is None:
        if _decodes(data, "gb18030"):
            return data.decode("gb18030"), "gb18030"
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no encoding fits")
    return data.decode(best.encoding), best.encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, and most consistent, fields."""
    lines = [line for line in text[: 64 * 1024].splitlines()[:50] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", (0, 0)
    for candidate in (",", "\t", ";", "|", "，"):
        counts = [len(row) for row in csv.reader(lines, delimiter=candidate)]
        common = max(set(counts), key=counts.count)
        if common < 2:
            continue
        score = (counts.count(common), common)
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv(path: Path) -> SheetData:
    check_file_size(path)
    data = path.read_bytes()
    try:
        text, encoding = decode_text(data)
    except (UnicodeDecodeError, LookupError):
        raise _failure(path, "无法识别文件的文字编码，它可能不是 CSV 文本文件", "its text encoding is not recognised; it may not be a CSV text file") from None
    if "\x00" in text[:4096]:
        raise _failure(path, "这不是文本文件", "it is not a text file")
    first_line, _newline, rest = text.partition("\n")
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:
        # Excel's hint line ("sep=;") names the delimiter and is not data.
        delimiter, text = first_line.strip()[4], rest
    else:
        delimiter = sniff_delimiter(text)
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_CSV_FIELD)
    rows: list[list] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(row) > MAX_COLUMNS:
                check_cells(path, len(rows) + 1, len(row))
            # Our own CSV export guards text that starts with = + - @ TAB CR by an apostrophe.
            rows.append([_unguard(v) for v in row])
            if len(rows) > MAX_ROWS:
                check_cells(path, len(rows), max(len(r) for r in rows[:10]))
    except csv.Error as error:
        raise _failure(path, f"CSV 格式有误（第 {len(rows) + 1} 行：{error}）", f"malformed CSV (row {len(rows) + 1}: {error})") from None
    finally:
        csv.field_size_limit(previous)
    if not _has_data(rows):
        raise _failure(path, "文件中没有数据", "the file holds no data")
    return SheetData(path, "csv", None, [], rows, encoding=encoding, delimiter=delimiter)


def _unguard(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value

"""Hostile spreadsheets: zip bombs, XML entity tricks and absurd dimensions are refused before any parser runs."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from accountdesk.core.i18n import AccountDeskError

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_UNCOMPRESSED_TOTAL = 2 * 1024 * 1024 * 1024
MAX_PART_BYTES = 1024 * 1024 * 1024
# Spreadsheet XML compresses about 10:1; a part far beyond that is a bomb, not a sheet.
MAX_RATIO = 250
RATIO_FLOOR_BYTES = 4 * 1024 * 1024
# The reader holds the rectangle from A1 to the last cell in memory (32 bytes a cell),
# so it is the rectangle, not the number of filled cells, that must stay bounded.
MAX_CELLS = 12_000_000
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_CSV_FIELD = 1024 * 1024
PROLOG_BYTES = 64 * 1024
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 96


class SpreadsheetError(AccountDeskError):
    """A file that cannot be imported; the message names the file and what is wrong with it."""


class HostileFileError(SpreadsheetError):
    """A file built to exhaust memory or run something; refused before it is parsed."""


def _hostile(path: Path, zh: str, en: str) -> HostileFileError:
    return HostileFileError(
        f"已拒绝“{path.name}”：{zh}。文件未被读取，数据库未作任何改动。",
        f"Refused '{path.name}': {en}. The file was not read and nothing was written.",
    )


def check_file_size(path: Path) -> int:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _hostile(
            path,
            f"文件太大（{size // (1024 * 1024)} MB，上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）",
            f"the file is too large ({size // (1024 * 1024)} MB, the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)",
        )
    return size


def check_cells(path: Path, rows: int, columns: int, where: str = "") -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise _hostile(
            path,
            f"{where}表格范围过大（{rows} 行 × {columns} 列，上限 {MAX_CELLS:,} 个单元格）",
            f"{where}the sheet spans too many cells ({rows} rows × {columns} columns, the limit is {MAX_CELLS:,} cells)",
        )


# The reader holds every cell of the rectangle it reads (CELL_BYTES each); a file whose rectangle
# needs far more memory than its own size plausibly describes (ODS repeats, a stray far cell) is
# refused before reading. Small rectangles always pass.
CELL_BYTES = 32
MAX_EXPANSION = 1000
EXPANSION_FLOOR_BYTES = 64 * 1024 * 1024


def check_expansion(path: Path, rows: int, columns: int, where: str = "") -> None:
    memory = rows * columns * CELL_BYTES
    size = path.stat().st_size
    if memory > max(EXPANSION_FLOOR_BYTES, size * MAX_EXPANSION):
        raise _hostile(
            path,
            f"{where}{rows:,} 行 × {columns:,} 列读入需约 {memory // (1024 * 1024):,} MB 内存，而文件只有 "
            f"{max(size // 1024, 1):,} KB（若是表格远处有一个无用的单元格，请删除后另存）",
            f"{where}its {rows:,} rows × {columns:,} columns would take about {memory // (1024 * 1024):,} MB of memory "
            f"to read, from a file of {max(size // 1024, 1):,} KB (if a stray cell lies far from the data, delete it "
            "and save again)",
        )


# --- zip containers (xlsx, xlsm, ods) ------------------------------------------------------------

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")


def _raw_chunks(handle, info: zipfile.ZipInfo) -> Iterator[bytes]:
    handle.seek(info.header_offset)
    header = handle.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    fields = _LOCAL_HEADER.unpack(header)
    handle.seek(info.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11])
    left = info.compress_size
    while left > 0:
        chunk = handle.read(min(_CHUNK, left))
        if not chunk:
            raise zipfile.BadZipFile("truncated entry")
        left -= len(chunk)
        yield chunk


def _inflate(path: Path, handle, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The entry's bytes, never more than the directory declares: a stream that inflates past its
    declared size (or stops short of it) is a forgery, whatever the directory says."""
    if info.flag_bits & 0x1:
        raise _hostile(path, "其中的内容已加密", "part of it is encrypted")
    produced = 0
    if info.compress_type == zipfile.ZIP_STORED:
        for chunk in _raw_chunks(handle, info):
            produced += len(chunk)
            yield chunk
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        for raw in _raw_chunks(handle, info):
            data = inflater.decompress(raw, _CHUNK)
            while True:
                produced += len(data)
                if produced > info.file_size:
                    raise _hostile(path, "压缩内容比声明的大（压缩炸弹）", "a part inflates beyond its declared size (a zip bomb)")
                if data:
                    yield data
                if not inflater.unconsumed_tail:
                    break
                data = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        tail = inflater.flush()
        produced += len(tail)
        if tail:
            yield tail
        if not inflater.eof:
            raise zipfile.BadZipFile("deflate stream does not end")
    elif info.compress_type in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        # Rarer methods valid zips use: read through zipfile, still never past the declared size.
        with zipfile.ZipFile(path) as archive, archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                produced += len(chunk)
                if produced > info.file_size:
                    raise _hostile(path, "压缩内容比声明的大（压缩炸弹）", "a part inflates beyond its declared size (a zip bomb)")
                yield chunk
    else:
        raise _hostile(path, "使用了不支持的压缩方式", "it uses an unsupported compression method")
    if produced != info.file_size:
        raise zipfile.BadZipFile("size mismatch")


_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


# XML parsers (libxml2, expat) take UTF-16 and UTF-32 by a part's first bytes, so an entity
# declaration in those encodings must be seen as such.
_WIDE_ENCODINGS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                   (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
                   (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"), (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"))


def _narrow(head: bytes) -> bytes:
    for signature, encoding in _WIDE_ENCODINGS:
        if head.startswith(signature):
            return head.decode(encoding, "replace").encode("utf-8")
    return head


def _looks_like_xml(head: bytes) -> bool:
    narrow = _narrow(head)
    return narrow is not head or narrow.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"


def _check_prolog(path: Path, name: str, head: bytes) -> None:
    head = _narrow(head)
    start = _FIRST_ELEMENT.search(head)
    prolog = head[: start.start()] if start else head
    if _DOCTYPE.search(prolog) or _DOCTYPE.search(head):
        raise _hostile(path, f"“{name}”含有 XML 实体声明（可被用于攻击）", f"'{name}' declares XML entities (an attack vector)")
    if start is None and len(head) >= PROLOG_BYTES:
        raise _hostile(path, f"“{name}”的 XML 开头异常", f"'{name}' has a malformed XML prolog")


_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?"')
_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})\d')


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _column_name(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _columns_up_to(max_col: int) -> str:
    """A regex matching exactly the column names A … the name of max_col (at most ZZ)."""
    if max_col <= 26:
        return f"[A-{chr(64 + max_col)}]"
    name = _column_name(max_col)  # two letters, e.g. AD
    parts = ["[A-Z]"]
    if name[0] > "A":
        parts.append(f"[A-{chr(ord(name[0]) - 1)}][A-Z]")
    parts.append(f"{name[0]}[A-{name[1]}]")
    return "|".join(parts)


def _number_above(limit: int) -> str:
    """A regex matching decimal numbers greater than `limit`."""
    text = str(limit)
    parts = [rf"\d{{{len(text) + 1},}}"]
    for i, ch in enumerate(text):
        if ch != "9":
            rest = len(text) - i - 1
            parts.append(re.escape(text[:i]) + f"[{int(ch) + 1}-9]" + (rf"\d{{{rest}}}" if rest else ""))
    return "(?:" + "|".join(parts) + ")"


@dataclass
class _SheetExtent:
    """Verifies, while a worksheet part streams by, that no cell lies outside the declared dimension."""

    path: Path
    name: str
    claim: tuple[int, int] | None = None
    outside: re.Pattern[bytes] | None = None
    suspicious: bool = False
    chunks: list[bytes] = field(default_factory=list)

    def first(self, head: bytes) -> None:
        """Set the rectangle every cell must fall in: as wide as the declared dimension or the widest
        of the first rows, and as tall as MAX_CELLS allows at that width. A cell outside it sends
        the part to the exact scan, which decides."""
        max_col = 0
        match = _DIMENSION.search(head[:PROLOG_BYTES])
        if match and match[1]:
            max_col = _column_number((match[3] or match[1]).decode())
        for ref in _CELL_COLUMN.findall(head):
            max_col = max(max_col, _column_number(ref.decode()))
        max_col = max(max_col, 1)
        if max_col > 702:
            self.suspicious = True
            return
        max_row = min(MAX_ROWS, MAX_CELLS // max_col)
        self.claim = (max_row, max_col)
        # A cell tag whose reference is missing or lies outside the rectangle (the simpler row
        # pattern when the limit allows any six-digit row: it is a third faster).
        rows = r"\d{1,6}" if max_row >= 999_999 else rf'(?!{_number_above(max_row)}")\d+'
        pattern = rf'<c (?!r="(?:{_columns_up_to(max_col)}){rows}")|<c[/>\t\r\n]'
        if max_row >= 999_999:
            self.claim = (999_999, max_col)
        self.outside = re.compile(pattern.encode())

    def feed(self, buffer: bytes, end: int) -> None:
        """Look for a stray cell starting before `end`; the bytes after it are seen again next time."""
        if self.suspicious:
            return
        assert self.outside is not None
        match = self.outside.search(buffer)
        if match and match.start() < end:
            self.suspicious = True

    def exact(self, chunks: Iterator[bytes]) -> None:
        """The slow, exact extent: every row and cell tag, references or counted positions."""
        tag = re.compile(rb"<(row|c)(?=[\s/>])([^>]*)>")
        ref_attr = re.compile(rb'\br="([^"]*)"')
        max_row = max_col = 0
        row = 0
        col = 0
        tail = b""
        for chunk in chunks:
            buffer = tail + chunk
            cut = buffer.rfind(b"<")
            cut = len(buffer) if cut < 0 else cut
            for match in tag.finditer(buffer, 0, cut):
                kind, attrs = match[1], match[2]
                ref = ref_attr.search(attrs)
                if kind == b"row":
                    row = int(ref[1]) if ref and ref[1].isdigit() else row + 1
                    col = 0
                    continue
                if ref:
                    parsed = _REF.fullmatch(ref[1].decode("ascii", "replace"))
                    if parsed:
                        col, row_of_cell = _column_number(parsed[1]), int(parsed[2])
                    else:
                        col, row_of_cell = col + 1, row
                else:
                    col, row_of_cell = col + 1, row
                if attrs.endswith(b"/"):
                    continue  # an empty, formatted cell holds nothing to read
                max_row, max_col = max(max_row, row_of_cell), max(max_col, col)
                if max_col > MAX_COLUMNS or max_row > MAX_ROWS or max_row * max_col > MAX_CELLS:
                    check_cells(self.path, max_row, max_col, f"工作表“{self.name}”" if self.name else "")
            tail = buffer[cut:]
        check_cells(self.path, max_row, max_col)
        check_expansion(self.path, max_row, max_col)


_ROOT_NAME = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def _is_worksheet(name: str, head: bytes) -> bool:
    """By its name, or by its root element: readers find worksheets through the package's
    relationships, so a worksheet may be called anything."""
    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
        return True
    narrow = _narrow(head)
    start = _FIRST_ELEMENT.search(narrow)
    root = _ROOT_NAME.match(narrow, start.start()) if start else None
    return root is not None and root[1] == b"worksheet"


@dataclass
class ZipFacts:
    names: set[str]
    ods: bool


def check_zip(path: Path) -> ZipFacts:
    """Open the zip directory, check sizes and ratios, and stream every XML part once to check its
    prolog (no DTD, no entities), its true size, and (for worksheets) its extent."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise SpreadsheetError(
            f"“{path.name}”已损坏或不完整（可能只复制了一部分），无法读取；数据库未作任何改动。",
            f"'{path.name}' is damaged or incomplete (perhaps only partly copied) and cannot be read; nothing was written.",
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise _hostile(path, f"包含 {len(infos)} 个部件", f"it holds {len(infos)} parts")
        total = sum(info.file_size for info in infos)
        if total > MAX_UNCOMPRESSED_TOTAL:
            raise _hostile(path, f"解压后共 {total // (1024 * 1024)} MB", f"it unpacks to {total // (1024 * 1024)} MB")
        for info in infos:
            if info.file_size > MAX_PART_BYTES or (
                info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1)
            ):
                raise _hostile(
                    path,
                    f"部件“{info.filename}”压缩比异常（{info.compress_size} → {info.file_size} 字节，疑似压缩炸弹）",
                    f"part '{info.filename}' expands from {info.compress_size} to {info.file_size} bytes (a zip bomb)",
                )
        names = {info.filename for info in infos}
        ods = "content.xml" in names and "mimetype" in names
        if ods and "META-INF/manifest.xml" in names:
            with archive.open("META-INF/manifest.xml") as manifest:
                if b"encryption-data" in manifest.read(PROLOG_BYTES * 16):
                    raise SpreadsheetError(
                        f"无法导入“{path.name}”：文件设置了密码；请在 WPS 或 LibreOffice 中取消密码后另存再导入。数据库未作任何改动。",
                        f"Cannot import '{path.name}': the file is password-protected; remove the password in WPS or "
                        "LibreOffice, save it and import again. Nothing was written.",
                    )
        with path.open("rb") as handle:
            try:
                for info in infos:
                    lower = info.filename.lower()
                    if ods and info.filename == "content.xml":
                        _check_ods_content(path, _inflate(path, handle, info))
                    elif lower.endswith(".xml") or lower.endswith(".rels"):
                        _stream_part(path, handle, info)
                    else:
                        _check_other_part(path, archive, info)
            except zipfile.BadZipFile:
                raise SpreadsheetError(
                    f"“{path.name}”已损坏或不完整，无法读取；数据库未作任何改动。",
                    f"'{path.name}' is damaged or incomplete and cannot be read; nothing was written.",
                ) from None
        return ZipFacts(names=names, ods=ods)


def _check_other_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """A part by another name is still parsed as XML if the package's relationships say so (openpyxl
    follows them to any name), so one that starts like XML gets the same prolog check."""
    if info.flag_bits & 0x1:
        raise _hostile(path, "其中的内容已加密", "part of it is encrypted")
    try:
        with archive.open(info) as part:
            head = part.read(PROLOG_BYTES)  # bounded, whatever the part inflates to
    except NotImplementedError:
        raise _hostile(path, "使用了不支持的压缩方式", "it uses an unsupported compression method") from None
    except (zlib.error, EOFError):
        raise zipfile.BadZipFile("bad entry") from None
    if _looks_like_xml(head):
        _check_prolog(path, info.filename, head)
        if _is_worksheet(info.filename, head):
            with path.open("rb") as handle:
                _stream_part(path, handle, info)


def _stream_part(path: Path, handle, info: zipfile.ZipInfo) -> None:
    extent = None
    tail = b""
    first = True
    for chunk in _inflate(path, handle, info):
        buffer = tail + chunk
        if first:
            head = buffer[:PROLOG_BYTES]
            _check_prolog(path, info.filename, head)
            if _is_worksheet(info.filename, head):
                if _narrow(head) is not head:
                    # Its cells could not be counted here; Excel and every other writer use UTF-8.
                    raise _hostile(path, f"工作表“{info.filename}”使用了 UTF-16/UTF-32 编码",
                                   f"worksheet '{info.filename}' is in UTF-16 or UTF-32")
                extent = _SheetExtent(path, info.filename)
                extent.first(buffer)
            first = False
        if extent:
            end = max(len(buffer) - _OVERLAP, 0)
            extent.feed(buffer, end)
            tail = buffer[end:]
    if extent and tail:
        extent.feed(tail, len(tail))
    if extent and extent.suspicious:
        extent.exact(_inflate(path, handle, info))


# --- ODS content ---------------------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _repeat(path: Path, value: str | None) -> int:
    if not value:
        return 1
    if not value.isdigit():
        raise SpreadsheetError(
            f"“{path.name}”的内容已损坏（重复次数“{value[:20]}”不是数字）；数据库未作任何改动。",
            f"'{path.name}' has damaged content (a repeat count '{value[:20]}' is not a number); nothing was written.",
        )
    return max(int(value), 1)


def _check_ods_content(path: Path, chunks: Iterator[bytes]) -> None:
    """ODS repeats rows and cells by attribute, so a few bytes can describe billions of cells;
    count the rectangle the filled cells span, repeats included."""
    parser = expat.ParserCreate(namespace_separator=" ")
    state = {"row": 0, "col": 0, "max_row": 0, "max_col": 0, "row_repeat": 1, "row_has_value": False, "depth": 0}

    def refuse_entities(*_args) -> None:
        raise _hostile(path, "content.xml 含有 XML 实体声明", "content.xml declares XML entities")

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == f"{_TABLE} table":
            state.update(row=0, col=0)
        elif name == f"{_TABLE} table-row":
            state["row_repeat"] = _repeat(path, attrs.get(f"{_TABLE} number-rows-repeated"))
            state["col"] = 0
            state["row_has_value"] = False
        elif name in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell"):
            repeat = _repeat(path, attrs.get(f"{_TABLE} number-columns-repeated"))
            first_col = state["col"] + 1
            state["col"] += repeat
            if f"{_OFFICE} value-type" in attrs:
                state["row_has_value"] = True
                state["max_col"] = max(state["max_col"], state["col"] if repeat > 1 else first_col)
                state["max_row"] = max(state["max_row"], state["row"] + 1)

    def end(name: str) -> None:
        if name == f"{_TABLE} table-row":
            if state["row_has_value"] and state["row_repeat"] > 1:
                state["max_row"] = max(state["max_row"], state["row"] + state["row_repeat"])
            state["row"] += state["row_repeat"]
            check_cells(path, state["max_row"], state["max_col"])
            check_expansion(path, state["max_row"], state["max_col"])

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = refuse_entities
    parser.StartDoctypeDeclHandler = refuse_entities
    first = True
    for chunk in chunks:
        if first:
            _check_prolog(path, "content.xml", chunk[:PROLOG_BYTES])
            first = False
        try:
            parser.Parse(chunk, False)
        except expat.ExpatError as error:
            raise SpreadsheetError(
                f"“{path.name}”的内容已损坏（{error}）；数据库未作任何改动。",
                f"'{path.name}' has damaged content ({error}); nothing was written.",
            ) from None
    parser.Parse(b"", True)


# --- OLE containers (xls, encrypted xlsx) -----------------------------------------------------

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# A BIFF5/BIFF8 workbook's first record (BOF of the globals) followed at once by FILEPASS: the file is
# encrypted with a password (the reader would only call it damaged).
_XLS_FILEPASS = re.compile(rb"\x09\x08([\x08\x10])\x00\x00[\x05\x06]\x05\x00", re.DOTALL)


def _xls_has_filepass(data: bytes) -> bool:
    for match in _XLS_FILEPASS.finditer(data):
        after = match.start() + 4 + match[1][0]
        if data[after:after + 2] == b"\x2f\x00":
            return True
    return False


def ole_stream_names(path: Path) -> set[str]:
    """Names of the streams an OLE compound file declares, found by their UTF-16 spelling; "FILEPASS"
    when an .xls is encrypted with a password."""
    data = path.read_bytes()
    found = set()
    if _xls_has_filepass(data):
        found.add("FILEPASS")
    for name in ("EncryptedPackage", "EncryptionInfo", "Workbook", "Book", "WordDocument", "PowerPoint Document"):
        if name.encode("utf-16-le") in data:
            found.add(name)
    return found

"""The hostile-workbook corpus, generated (a few hundred KB in all, nothing binary kept in the repository):
what issue 21's battery found, in families. `python tests/hostile_corpus.py DIR` writes it to DIR;
tests/core/excel/test_hostile_corpus.py imports every file and fails on any traceback or crash.

The calamine project's own 133 test workbooks cannot be fetched here (no network); the fuzzed
variants below (byte flips and cuts of valid .xls, .xlsx, .ods and .xlsb files) stand in for them.
"""

from __future__ import annotations

import random
import struct
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from excel_corpus import encrypted_xlsx, ods_cell, ods_file, ods_rows

HEADER = ["客户编号", "客户名称", "联系方式", "累计消费金额"]
ROWS = [["C001", "上海某某贸易有限公司", "13800138000", "1200"], ["C002", "北京甲乙科技", "13800138001", "300"]]


# --- a minimal BIFF8 workbook in an OLE compound file (no .xls writer is installed) -----------------

def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _label(row: int, column: int, text: str) -> bytes:
    encoded = text.encode("utf-16-le")
    return _record(0x0204, struct.pack("<HHHHB", row, column, 15, len(text), 1) + encoded)


def biff8(*, dimensions: tuple[int, int, int, int] = (0, 3, 0, 4), cells=((1, 3, 1200.0), (2, 3, 300.0)),
          texts=((0, 0, "客户编号"), (0, 1, "客户名称"), (0, 3, "累计消费金额"), (1, 0, "C001"), (1, 1, "上海某某贸易"),
                 (2, 0, "C002"), (2, 1, "北京甲乙科技")), encrypted: bool = False) -> bytes:
    """A Workbook stream: globals (BOF, [FILEPASS], CODEPAGE, padding, BOUNDSHEET, EOF), then one sheet
    (BOF, DIMENSIONS, LABEL and NUMBER cells, EOF). Padded past 4,096 bytes so it lives in ordinary sectors."""
    bof = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6))
    filepass = _record(0x002F, struct.pack("<HHH", 1, 1, 1) + bytes(range(48))) if encrypted else b""
    padding = _record(0x1001, b"\0" * 2000) * 2 + _record(0x1001, b"\0" * 300)
    name = b"Sheet1"

    def globals_part(sheet_at: int) -> bytes:
        sheet = _record(0x0085, struct.pack("<IBB", sheet_at, 0, 0) + bytes([len(name), 0]) + name)
        return bof + filepass + _record(0x0042, struct.pack("<H", 1200)) + padding + sheet + _record(0x000A)

    head = globals_part(0)
    head = globals_part(len(head))
    sheet = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 6))
    sheet += _record(0x0200, struct.pack("<IIHHH", *dimensions, 0))
    for row, column, value in cells:
        sheet += _record(0x0203, struct.pack("<HHHd", row, column, 15, value))
    for row, column, text in texts:
        sheet += _label(row, column, text)
    return head + sheet + _record(0x000A)


def compound_file(stream: bytes, name: str = "Workbook") -> bytes:
    sector = 512
    stream = stream.ljust(4096, b"\0")
    count = -(-len(stream) // sector)
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [3 + i if i < count - 1 else 0xFFFFFFFE for i in range(count)]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", 0) + struct.pack("<I", 0xFFFFFFFF) * 108)

    def entry(entry_name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = entry_name.encode("utf-16-le") + b"\0\0"
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, 0xFFFFFFFF, 0xFFFFFFFF, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    empty = b"\0" * 64 + struct.pack("<HBBIII", 0, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + b"\0" * 48
    directory = entry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + entry(name, 2, 0xFFFFFFFF, 2, len(stream)) + empty * 2
    return header + struct.pack("<128I", *fat) + directory + stream.ljust(count * sector, b"\0")


def xls(path: Path, **options) -> Path:
    path.write_bytes(compound_file(biff8(**options)))
    return path


# --- valid bases ------------------------------------------------------------------------------------

def xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    workbook.save(path)
    return path


def ods(path: Path) -> Path:
    return ods_file(path, ods_rows([HEADER, *ROWS]))


def rezipped(source: Path, target: Path, *, compression: int = zipfile.ZIP_DEFLATED,
             rename: dict[str, str] | None = None) -> Path:
    """The same parts in another valid zip layout: another compression, or parts under other names
    (their references renamed too)."""
    rename = rename or {}
    parts = []
    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            for old, new in rename.items():
                data = data.replace(old.encode(), new.encode()).replace(old.split("/", 1)[-1].encode(),
                                                                        new.split("/", 1)[-1].encode())
            parts.append((rename.get(info.filename, info.filename), data))
    with zipfile.ZipFile(target, "w", compression) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return target


def xlsb_like(path: Path) -> Path:
    """What an .xlsb looks like from outside (binary parts in a zip); the parts are not real BIFF12."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("xl/workbook.bin", bytes(range(256)) * 4)
        archive.writestr("xl/worksheets/sheet1.bin", bytes(reversed(range(256))) * 8)
    return path


# --- fuzzing ----------------------------------------------------------------------------------------

def flipped(source: Path, target: Path, seed: int) -> Path:
    """A copy with a few bytes changed (bit rot, a bad transfer), the same every time for a seed."""
    rng = random.Random(seed)
    data = bytearray(source.read_bytes())
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(data))
        data[at] = rng.randrange(256)
    target.write_bytes(bytes(data))
    return target


def cut(source: Path, target: Path, seed: int) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: random.Random(seed).randrange(64, len(data))])
    return target


# --- the corpus -------------------------------------------------------------------------------------

FUZZ_PER_FORMAT = 8


def write_corpus(folder: Path) -> dict[str, str]:
    """Write every hostile file into `folder`; returns name -> what a reader must make of it:
    "imported", "refused", or "protected" (refused and named as password-protected)."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = folder / "_bases"
    bases.mkdir(exist_ok=True)
    base = {"xlsx": xlsx(bases / "base.xlsx"), "ods": ods(bases / "base.ods"), "xls": xls(bases / "base.xls"),
            "xlsb": xlsb_like(bases / "base.xlsb")}
    expect: dict[str, str] = {}

    def add(name: str, make: Callable[[Path], Path], outcome: str) -> None:
        make(folder / name)
        expect[name] = outcome

    add("huge_dimension.xls", lambda p: xls(p, dimensions=(0, 0xFFFFFFFF, 0, 0xFFFF),
                                            cells=((0, 0, 1.0), (65535, 255, 2.0))), "refused")
    add("protected.xls", lambda p: xls(p, encrypted=True), "protected")
    add("protected.xlsx", encrypted_xlsx, "protected")
    add("protected.ods", lambda p: _encrypted_ods(p), "protected")
    add("repeat_many.ods", lambda p: ods_file(p, '<table:table table:name="S"><table:table-row>'
                                                '<table:table-cell office:value-type="string" '
                                                'table:number-columns-repeated="many"><text:p>x</text:p>'
                                                '</table:table-cell></table:table-row></table:table>'), "refused")
    add("expanding.ods", lambda p: ods_file(p, '<table:table table:name="S">'
                                              '<table:table-row table:number-rows-repeated="400000">'
                                              + ods_cell("x", 30) + "</table:table-row></table:table>"), "refused")
    add("cut.ods", lambda p: cut(base["ods"], p, 5), "refused")
    add("valid.xls", lambda p: xls(p), "imported")
    add("valid_bzip2.xlsx", lambda p: rezipped(base["xlsx"], p, compression=zipfile.ZIP_BZIP2), "imported if readable")
    add("valid_stored.xlsx", lambda p: rezipped(base["xlsx"], p, compression=zipfile.ZIP_STORED), "imported")
    add("valid_renamed_sheet.xlsx", lambda p: rezipped(base["xlsx"], p, rename={
        "xl/worksheets/sheet1.xml": "xl/worksheets/data_part.xml"}), "imported")
    add("xlsb_like.xlsb", lambda p: xlsb_like(p), "refused")
    for kind, source in base.items():
        for seed in range(FUZZ_PER_FORMAT):
            add(f"fuzz_flip_{seed:02d}.{kind}", lambda p, s=seed, src=source: flipped(src, p, s), "any")
            if seed % 3 == 0:
                add(f"fuzz_cut_{seed:02d}.{kind}", lambda p, s=seed, src=source: cut(src, p, s), "refused")
    return expect


def _encrypted_ods(path: Path) -> Path:
    """An ODS saved with a password: the manifest names the encryption, content.xml is ciphertext."""
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="900">'
                '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
                '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
                '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" '
                'manifest:salt="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", bytes(random.Random(1).randrange(256) for _ in range(900)),
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    outcomes = write_corpus(target)
    print(f"{len(outcomes)} files in {target}")

"""Hostile and broken files are refused with a message that names the file, before any parser runs."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from excel_corpus import (
    cells_xml,
    empty_workbook,
    encrypted_xlsx,
    entity_xlsx,
    far_cell_xlsx,
    forged_size_xlsx,
    lying_dimension_xlsx,
    messy_customer_sheet,
    ods_bomb,
    raw_xlsx,
    truncated_copy,
    write_xlsx,
    zip_bomb_xlsx,
)

from accountdesk.core.excel.read.limits import HostileFileError, SpreadsheetError
from accountdesk.core.excel.read.reader import read_sheet


def _refused(path, error=SpreadsheetError):
    with pytest.raises(error) as caught:
        read_sheet(path)
    message = caught.value.message
    assert path.name in message.en and path.name in message.zh
    return message.en


def test_cells_far_apart_are_refused_before_the_reader_allocates_them(tmp_path):
    assert "too many cells" in _refused(far_cell_xlsx(tmp_path / "far.xlsx"), HostileFileError)


def test_a_dimension_that_lies_is_checked_cell_by_cell(tmp_path):
    # A1:B2 declared; the hidden cells make a 900,000 × 702 rectangle.
    assert "too many cells" in _refused(lying_dimension_xlsx(tmp_path / "lie.xlsx"), HostileFileError)


@pytest.mark.parametrize("name", ["xl/worksheets/sheet1.bin", "xl/cells.xml", "data"])
def test_far_cells_in_a_worksheet_by_another_name_are_refused(tmp_path, name):
    # Readers find the worksheet through the package's relationships, whatever it is called.
    def rename(part, data):
        data = data.replace(b"worksheets/sheet1.xml", name.removeprefix("xl/").encode())
        return (name if part == "xl/worksheets/sheet1.xml" else part), data

    path = _rewrite(far_cell_xlsx(tmp_path / "renamed.xlsx"), rename)
    assert "too many cells" in _refused(path, HostileFileError)


def test_a_worksheet_in_utf16_is_refused(tmp_path):
    def widen(part, data):
        if part != "xl/worksheets/sheet1.xml":
            return part, data
        return part, data.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")

    path = _rewrite(far_cell_xlsx(tmp_path / "wide.xlsx"), widen)
    assert "UTF-16" in _refused(path, HostileFileError)


def test_an_honest_sparse_sheet_within_limits_is_read(tmp_path):
    path = raw_xlsx(tmp_path / "ok.xlsx", cells_xml([("A1", "客户名称"), ("A2", "甲"), ("C5000", "x")], dimension="A1"))
    assert read_sheet(path).rows[1][0] == "甲"


def test_xml_entities_are_refused(tmp_path):
    assert "entities" in _refused(entity_xlsx(tmp_path / "laughs.xlsx"), HostileFileError)


def test_zip_bomb_is_refused_from_the_directory(tmp_path):
    assert "zip bomb" in _refused(zip_bomb_xlsx(tmp_path / "bomb.xlsx"), HostileFileError)


def test_a_part_that_inflates_past_its_declared_size_is_refused(tmp_path):
    message = _refused(forged_size_xlsx(tmp_path / "forged.xlsx"))
    assert "zip bomb" in message or "damaged" in message


def test_ods_repeat_bomb_is_refused(tmp_path):
    assert "too many cells" in _refused(ods_bomb(tmp_path / "bomb.ods"), HostileFileError)


def test_truncated_file(tmp_path):
    whole = messy_customer_sheet(tmp_path / "whole.xlsx")
    assert "incomplete" in _refused(truncated_copy(whole, tmp_path / "half.xlsx"))


def test_password_protected_file(tmp_path):
    assert "password" in _refused(encrypted_xlsx(tmp_path / "locked.xlsx"))


def test_empty_workbook(tmp_path):
    assert "empty" in _refused(empty_workbook(tmp_path / "empty.xlsx"))


def test_empty_file(tmp_path):
    path = tmp_path / "nothing.xlsx"
    path.write_bytes(b"")
    assert "empty" in _refused(path)


@pytest.mark.parametrize("name, content, words", [
    ("photo.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not a spreadsheet"),
    ("report.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not a spreadsheet"),
    ("page.xls", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "web page"),
    ("data.xlsx", b"\x00\x01\x02binary\xff\xfe" * 50, "not a spreadsheet"),
])
def test_files_that_are_not_spreadsheets(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    assert words in _refused(path)


def test_a_word_document_is_not_a_spreadsheet(tmp_path):
    import zipfile

    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "Word" in _refused(path)


def test_a_missing_sheet_name_lists_the_sheets(tmp_path):
    path = write_xlsx(tmp_path / "b.xlsx", [["客户名称"], ["甲"]], title="客户")
    with pytest.raises(SpreadsheetError) as caught:
        read_sheet(path, "交易")
    assert "客户" in caught.value.message.zh


# --- hostile templates: openpyxl parses a template's parts (with lxml when it is installed) ----------

_LAUGHS = ('<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa">'
           + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>")


def _template(path):
    return write_xlsx(path, [["某某公司 客户表"], ["客户编号", "客户名称"]])


def _rewrite(path, replace):
    """Copy the package with `replace(name, data)` → (new name, new data) applied to every part."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(*replace(name, data))
    return path


def _with_dtd(data: bytes, encoding: str = "UTF-8") -> str:
    """The part's XML (openpyxl writes it without a declaration) behind a billion-laughs DTD."""
    return f'<?xml version="1.0" encoding="{encoding}"?>' + _LAUGHS + data.decode()


def _export_into(template, out):
    from accountdesk.core.excel.exports.templates import write_into_template
    from accountdesk.core.excel.exports.writer import ExportColumn

    columns = [ExportColumn("code", "客户编号"), ExportColumn("name", "客户名称")]
    return write_into_template(template, out, columns, [["C1", "甲"]], "customers")


def test_the_template_itself_fills_in(tmp_path):
    out = tmp_path / "out.xlsx"
    assert _export_into(_template(tmp_path / "t.xlsx"), out) == 1
    assert [c.value for c in openpyxl.load_workbook(out).active[3]] == ["C1", "甲"]


def test_a_template_declaring_entities_is_refused_before_it_is_parsed(tmp_path):
    template = _rewrite(_template(tmp_path / "t.xlsx"),
                        lambda name, data: (name, _with_dtd(data).encode() if name == "xl/workbook.xml" else data))
    with pytest.raises(HostileFileError) as caught:
        _export_into(template, tmp_path / "out.xlsx")
    assert "entities" in caught.value.message.en and not (tmp_path / "out.xlsx").exists()


def test_a_zip_bomb_template_is_refused(tmp_path):
    with pytest.raises(HostileFileError) as caught:
        _export_into(zip_bomb_xlsx(tmp_path / "bomb.xlsx"), tmp_path / "out.xlsx")
    assert "zip bomb" in caught.value.message.en


def test_entities_in_a_part_not_named_xml_are_refused(tmp_path):
    # openpyxl finds the workbook part through the package's relationships, whatever it is called.
    def rename(name, data):
        data = data.replace(b"/xl/workbook.xml", b"/xl/book.bin").replace(b'Target="xl/workbook.xml"', b'Target="xl/book.bin"')
        if name == "xl/workbook.xml":
            return "xl/book.bin", _with_dtd(data).encode()
        if name == "xl/_rels/workbook.xml.rels":
            return "xl/_rels/book.bin.rels", data
        return name, data

    template = _rewrite(_template(tmp_path / "t.xlsx"), rename)
    with pytest.raises(HostileFileError) as caught:
        _export_into(template, tmp_path / "out.xlsx")
    assert "xl/book.bin" in caught.value.message.en


@pytest.mark.parametrize("codec, declared", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"), ("utf-32", "UTF-32")])
def test_entities_in_a_wide_encoding_are_refused(tmp_path, codec, declared):
    def widen(name, data):
        return name, _with_dtd(data, declared).encode(codec) if name == "xl/workbook.xml" else data

    template = _rewrite(_template(tmp_path / "t.xlsx"), widen)
    with pytest.raises(HostileFileError) as caught:
        _export_into(template, tmp_path / "out.xlsx")
    assert "entities" in caught.value.message.en


def test_an_image_in_the_package_is_not_taken_for_xml(tmp_path):
    template = _template(tmp_path / "t.xlsx")
    with zipfile.ZipFile(template, "a") as archive:
        archive.writestr("xl/media/image1.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 300)
    assert _export_into(template, tmp_path / "out.xlsx") == 1


@pytest.mark.parametrize("doctype, body", [
    (_LAUGHS.replace("workbook", "r"), "<r>&i;</r>"),  # a gigabyte, if expanded
    ('<!DOCTYPE r [<!ENTITY s SYSTEM "file:///{secret}">]>', "<r>&s;</r>"),  # a local file
    ('<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///{dtd}"> %p;]>', "<r>&b;</r>"),  # a local file's declarations
])
def test_openpyxl_never_expands_entities_behind_our_checks(tmp_path, doctype, body):
    """The backstop behind check_zip: openpyxl's own parser (lxml's with resolve_entities=False when
    lxml is installed, defusedxml's otherwise) refuses entities or leaves them unexpanded."""
    from openpyxl.xml.functions import fromstring, tostring

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY b "SECRET-DTD">')
    prolog = doctype.format(secret=secret.as_posix().lstrip("/"), dtd=dtd.as_posix().lstrip("/"))
    try:
        parsed = tostring(fromstring(('<?xml version="1.0"?>' + prolog + body).encode()))
    except (ValueError, SyntaxError):  # refused (defusedxml; libxml2 past its amplification limit): as good
        return
    assert b"SECRET" not in parsed and len(parsed) < 1000

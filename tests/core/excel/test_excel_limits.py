"""Hostile and broken files are refused with a message that names the file, before any parser runs."""

from __future__ import annotations

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

from accountdesk.core.excel.limits import HostileFileError, SpreadsheetError
from accountdesk.core.excel.reader import read_sheet


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

"""`accountdesk find` prints the instant search's ranked hits, as a person types them."""

from __future__ import annotations

import json
import shutil

from accountdesk.cli import main
from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database


def _book(tmp_path, sqlite_template):
    path = tmp_path / "find.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="me")
    with database.write() as session:
        for code, name, company in [
            ("K001", "长春禾达化工", "长春市禾达化工股份有限公司"),
            ("K002", "重庆华兴农业", "重庆华兴农业科技有限公司"),
            ("K003", "厦门星联五金", "厦门市星联五金制品股份有限公司"),
            ("K004", "曾红", ""),
            ("K005", "华兴", ""),
            ("K006", "华兴农业科技", ""),
            ("K007", "张春", ""),
        ]:
            archive.create_customer(session, {"code": code, "name": name, "company": company or None})
    database.dispose()
    return path


def _find(capsys, path, text, *extra):
    assert main(["find", text, "--db", str(path), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_place_names_and_surnames_are_found_the_way_they_are_said(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    assert [hit["code"] for hit in _find(capsys, path, "changchun")] == ["K001"]  # not 张春 (zhangchun)
    assert [hit["code"] for hit in _find(capsys, path, "chongqing")] == ["K002"]
    assert [hit["code"] for hit in _find(capsys, path, "xiamen")] == ["K003"]
    assert [hit["code"] for hit in _find(capsys, path, "zeng")] == ["K004"]


def test_exact_name_first_then_prefix_then_pinyin(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    hits = _find(capsys, path, "华兴")
    assert [hit["code"] for hit in hits[:2]] == ["K005", "K006"]
    assert [hit["match"] for hit in hits[:2]] == ["exact", "prefix"]
    assert set(hits[0]) >= {"code", "name", "tier"}
    assert [hit["code"] for hit in _find(capsys, path, "hx")][:1] in (["K005"], ["K006"])


def test_text_output_and_an_empty_text(tmp_path, sqlite_template, capsys):
    path = _book(tmp_path, sqlite_template)
    assert main(["find", "zeng", "--db", str(path)]) == 0
    assert "曾红" in capsys.readouterr().out
    assert main(["find", "  ", "--db", str(path)]) == 2
    assert main(["find", "nobody-here", "--db", str(path), "--lang", "en"]) == 0
    assert "No customer matches" in capsys.readouterr().out

"""`accountdesk duplicates` and `merge-customers` as a script uses them."""

import json

from accountdesk.cli import main
from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def book(path, *rows):
    database = open_database(path, user="tester")
    with database.write() as session:
        for row in rows:
            archive.create_customer(session, dict(row))
    database.dispose()


def test_duplicates_lists_pairs_with_the_reason(tmp_path, capsys):
    path = tmp_path / "d.accountdesk"
    book(path, {"code": "C1", "name": "上海明远贸易有限公司", "phone": "13800138000"},
         {"code": "C2", "name": "上海明远贸易公司"}, {"code": "C3", "name": "杭州西子", "phone": "138-0013-8000"},
         {"code": "C4", "name": "广州南方物流"})
    code, out, _ = run(capsys, "duplicates", "--db", str(path), "--json")
    assert code == 0
    pairs = {(p["first"]["code"], p["second"]["code"]): p["reason_zh"] for p in json.loads(out)}
    assert pairs == {("C1", "C2"): ["名称相似"], ("C1", "C3"): ["同一电话"]}
    code, out, _ = run(capsys, "duplicates", "--db", str(path), "--lang", "zh")
    assert code == 0
    assert "C1 上海明远贸易有限公司  ⇄  C2 上海明远贸易公司  (名称相似)" in out

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


def test_merge_customers_by_code_and_undo(tmp_path, capsys):
    path = tmp_path / "d.accountdesk"
    book(path, {"code": "C1", "name": "上海明远贸易有限公司"}, {"code": "C2", "name": "上海明远贸易公司"})
    database = open_database(path, user="tester")
    with database.write() as session:
        first, second = (archive.customer_ids(session, archive.CustomerFilter(text=code))[0] for code in ("C1", "C2"))
        archive.add_contact(session, second, {"name": "李采购"})
        archive.add_transaction(session, second, {"occurred_on": "2026-05-01", "amount": "1200"})
    database.dispose()
    code, out, _ = run(capsys, "merge-customers", "C1", "C2", "--db", str(path), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["moved"]["transactions"] == 1
    code, out, _ = run(capsys, "merge-customers", "C1", "C2", "--db", str(path), "--lang", "zh")
    assert code == 0 and "已把 C2 上海明远贸易公司 合并到 C1 上海明远贸易有限公司，移入 2 条记录" in out
    code, out, _ = run(capsys, "duplicates", "--db", str(path), "--json")
    assert json.loads(out) == []  # the tombstone is no duplicate
    code, _, err = run(capsys, "merge-customers", "C1", "C2", "--db", str(path))
    assert code == 1 and "C2" in err  # already merged: nothing written
    code, out, _ = run(capsys, "merge-customers", "C1", "C2", "--undo", "--db", str(path), "--json")
    assert code == 0 and json.loads(out)["undone"] is True
    database = open_database(path, user="tester")
    with database.session() as session:
        assert [t.amount_cents for t in archive.list_transactions(session, second)] == [120_000]
        assert [c.name for c in archive.list_contacts(session, second)] == ["李采购"]
        assert archive.list_transactions(session, first) == []
    database.dispose()


def test_retier_explain_says_what_the_customer_lacks_for_the_next_tier(tmp_path, capsys):
    path = tmp_path / "d.accountdesk"
    book(path, {"code": "C1", "name": "恒通机电", "cooperation_since": "2026-05-01"})
    database = open_database(path, user="tester")
    with database.write() as session:
        customer = archive.customer_ids(session, archive.CustomerFilter(text="C1"))[0]
        for day in ("2026-03-01", "2026-06-01"):
            archive.add_transaction(session, customer, {"occurred_on": day, "amount": "1500"})
    database.dispose()
    code, out, _ = run(capsys, "retier", "--explain", "C1", "--as-of", "2026-11-20", "--db", str(path), "--lang", "zh")
    assert code == 0
    assert "升级：再购买 1 次、消费再增 ¥2,000 即可升为 B 级" in out
    assert "  购买频率：再购买 1 次（+7.5 分）；单此一项：再购买 10 次" in out
    code, out, _ = run(capsys, "retier", "--explain", "C1", "--as-of", "2026-11-20", "--db", str(path), "--json")
    gap = json.loads(out)["next_tier"]
    assert (gap["tier"], gap["next_tier"], gap["needed_score"]) == ("C", "B", 50.0)
    assert [step["text_en"] for step in gap["plan"]] == ["1 more purchase", "¥2,000 more spend"]
    assert gap["plan"][1]["target"] == "5000.00"

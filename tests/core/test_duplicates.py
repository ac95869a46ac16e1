"""Customers entered twice: a form's save is warned, and the whole book's likely pairs are listed with why."""

from accountdesk.core.archive import records as archive
from accountdesk.core.archive.duplicates import duplicate_pairs, names_alike, similar_customers


def add(db, *rows: dict) -> list[int]:
    with db.write() as session:
        return [archive.create_customer(session, dict(row)).id for row in rows]


def test_a_company_suffix_or_a_homophone_is_the_same_name_but_another_firm_of_the_city_is_not():
    assert names_alike("上海明远贸易公司", "上海明远贸易有限公司")
    assert names_alike("上海铭远贸易有限公司", "上海明远贸易公司")  # 明/铭 read alike
    assert names_alike("Shanghai Mingyuan Maoyi", "上海明远贸易有限公司")
    assert names_alike("上海明远国际贸易", "上海明远国贸易")  # one character slipped
    assert not names_alike("上海华远贸易有限公司", "上海明远贸易有限公司")
    assert not names_alike("北京", "南京")


def test_creating_a_customer_like_one_kept_names_it_and_why(db):
    kept, other, _ = add(db, {"name": "上海明远贸易有限公司", "code": "K-1", "phone": "021-6666 8888"},
                         {"name": "杭州西子电器", "phone": "+86 138 0013 8000"},
                         {"name": "上海华远贸易有限公司"})
    with db.session() as session:
        hits = similar_customers(session, {"name": "上海明远贸易公司"})
        assert [(h.customer_id, h.reasons) for h in hits] == [(kept, ("name",))]
        assert hits[0].reason_text("zh") == "名称相似"
        by_phone = similar_customers(session, {"name": "西子", "phone": "13800138000"})
        assert [(h.customer_id, h.reasons) for h in by_phone] == [(other, ("phone",))]
        all_three = similar_customers(session, {"name": "明远", "code": "k-1", "phone": "02166668888"})
        assert [(h.customer_id, h.reasons) for h in all_three] == [(kept, ("code", "phone"))]
        assert similar_customers(session, {"name": "深圳新客户", "phone": "0755-1234567"}) == []
        # Editing a customer never warns of itself.
        assert similar_customers(session, {"name": "上海明远贸易有限公司", "code": "K-1"}, kept) == []


def test_a_warned_customer_can_still_be_saved_and_then_the_pair_is_listed(db):
    add(db, {"name": "上海明远贸易有限公司", "phone": "021-66668888"})
    add(db, {"name": "上海明远贸易公司"})  # the core warns through similar_customers, never refuses
    add(db, {"name": "宁波港达物流", "phone": "021 6666 8888"}, {"name": "宁波港达物流园区管理"},
        {"name": "上海华远贸易有限公司"})
    with db.session() as session:
        pairs = duplicate_pairs(session)
    shown = {(p.first.name, p.second.name): p.reason_text("zh") for p in pairs}
    assert shown == {
        ("上海明远贸易有限公司", "上海明远贸易公司"): "名称相似",
        ("上海明远贸易有限公司", "宁波港达物流"): "同一电话",
    }


def test_a_deleted_customer_is_no_duplicate(db):
    first, _ = add(db, {"name": "上海明远贸易有限公司"}, {"name": "上海明远贸易公司"})
    with db.write() as session:
        archive.delete_customer(session, first)
    with db.session() as session:
        assert duplicate_pairs(session) == []
        assert similar_customers(session, {"name": "明远贸易有限公司上海"}) == []

"""Finding customers as a manager types: place names and surnames read as they are said, ranked results."""

from __future__ import annotations

import itertools
import os
import random
import stat

import pytest
from sqlalchemy import select

from accountdesk.core.archive import records as archive
from accountdesk.core.archive.pinyin_readings import (
    COMMON_HETERONYMS,
    COMPOUND_SURNAMES,
    MAX_READINGS,
    PLACE_READINGS,
    SURNAMES,
    reading_parts,
)
from accountdesk.core.archive.search import (
    KEYS_VERSION,
    MatchKind,
    build_search_key,
    find_customers,
    normalize_text,
    pinyin_forms,
)
from accountdesk.core.archive.search_key_refresh import KEYS_VERSION_KEY, stored_keys_version
from accountdesk.core.demo import vocabulary as vocab
from accountdesk.core.excel.imports.searchkeys import SearchKeyBuilder
from accountdesk.core.storage.change_counter import read_change_counter
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Customer, Meta


def add(db, *rows: dict, contacts: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Customers by name; `contacts` adds contact records to the named customers."""
    with db.write() as session:
        ids = {row["name"]: archive.create_customer(session, dict(row)).id for row in rows}
        for name, people in (contacts or {}).items():
            for person in people:
                archive.add_contact(session, ids[name], {"name": person})
    return ids


def found(db, text: str, limit: int | None = 50) -> list[str]:
    with db.session() as session:
        return [hit.name for hit in find_customers(session, text, limit)]


@pytest.fixture
def places(db):
    return add(
        db,
        {"name": "长春一汽物流", "code": "C001"},
        {"name": "重庆火锅餐饮管理", "code": "C002"},
        {"name": "厦门华信电子", "code": "C003"},
        {"name": "佛山顺德家电", "code": "C004"},
        {"name": "宁波恒泰模具", "code": "C005", "contact_person": "曾伟"},
        {"name": "南京博源软件", "code": "C006"},
        {"name": "长治晋东化工", "code": "C007"},
        contacts={"南京博源软件": ["单田芳", "尉迟恭"]},
    )


@pytest.mark.parametrize("typed, expected", [
    ("changchun", "长春一汽物流"),  # 长 is chang in 长春 (zhang on its own)
    ("ccyq", "长春一汽物流"),
    ("chongqing", "重庆火锅餐饮管理"),  # 重 is chong in 重庆
    ("cqhg", "重庆火锅餐饮管理"),
    ("xiamen", "厦门华信电子"),  # 厦 is xia in 厦门
    ("foshan", "佛山顺德家电"),
    ("changzhi", "长治晋东化工"),  # a place pypinyin's own phrases read zhangzhi
    ("zeng", "宁波恒泰模具"),  # the contact person 曾伟: the surname 曾 is zeng
    ("zengwei", "宁波恒泰模具"),
    ("shantianfang", "南京博源软件"),  # a contact 单田芳: the surname 单 is shan
    ("yuchigong", "南京博源软件"),  # 尉迟 is yuchi
])
def test_place_names_and_surnames_are_found_as_they_are_said(places, db, typed, expected):
    assert found(db, typed) == [expected]


@pytest.mark.parametrize("typed, expected", [
    ("zhongqing", "重庆火锅餐饮管理"),  # 重's everyday reading
    ("shamen", "厦门华信电子"),
    ("zhangchun", "长春一汽物流"),
    ("cengwei", "宁波恒泰模具"),
    ("dantianfang", "南京博源软件"),
])
def test_the_other_reading_of_a_polyphonic_character_still_finds(places, db, typed, expected):
    assert found(db, typed) == [expected]


def test_readings_of_place_names_and_surnames():
    assert pinyin_forms("长春一汽") == ("changchunyiqi", "ccyq")
    assert pinyin_forms("重庆银行") == ("chongqingyinhang", "cqyh")
    assert pinyin_forms("厦门") == ("xiamen", "xm")
    assert pinyin_forms("北京朝阳区") == ("beijingchaoyangqu", "bjcyq")
    key = build_search_key("宁波恒泰", "C1", extra_names=["曾伟", "万俟卨", "区志明", "朴树"])
    for reading in ("zengwei", "moqixie", "ouzhiming", "piaoshu"):
        assert reading in key.split("|")


def test_a_name_full_of_polyphonic_characters_keeps_a_bounded_key():
    text = normalize_text("长乐重行朝会都单曾厦")
    parts = reading_parts(text)
    assert parts[0] == text
    # The text, then full pinyin and initials of at most MAX_READINGS readings.
    assert len(parts) <= 1 + 2 * MAX_READINGS
    assert len(parts) > 3  # and it does hold alternatives


def test_every_reading_in_the_tables_is_one_pypinyin_knows():
    from pypinyin import Style, pinyin

    def readings(char: str) -> set[str]:
        return set(pinyin(char, style=Style.NORMAL, heteronym=True)[0])

    for char, others in COMMON_HETERONYMS.items():
        assert set(others) <= readings(char), char
    for char, reading in SURNAMES.items():
        assert reading in readings(char), char
    for table in (COMPOUND_SURNAMES, PLACE_READINGS):
        for phrase, syllables in table.items():
            assert len(syllables) == len(phrase), phrase
            for char, syllable in zip(phrase, syllables, strict=True):
                assert syllable in readings(char), phrase


def _realistic_texts(count: int = 400) -> list[tuple[str, str, str, str]]:
    """(name, company, contact person, phone) the way the demo makes them: brands, trades, cities,
    districts and people, compound surnames included."""
    rng = random.Random(17)
    people = [s + g for s, g in itertools.product(vocab.SURNAMES, vocab.GIVEN_CHARS_MALE + vocab.GIVEN_CHARS_FEMALE)]
    rows = []
    for index in range(count):
        _province, city, districts, area = vocab.CITIES[index % len(vocab.CITIES)]
        industry = vocab.INDUSTRIES[index % len(vocab.INDUSTRIES)]
        brand = "".join(rng.sample(vocab.BRAND_CHARS, 2)) + rng.choice(industry.name_words)
        name = brand if index % 3 else city + brand
        company = f"{city}市{rng.choice(districts)}{brand}{rng.choice(vocab.COMPANY_SUFFIXES)}"
        rows.append((name, company, rng.choice(people), f"{area}-{rng.randrange(10**7, 10**8)}"))
    return rows


@pytest.mark.parametrize("prepared", [True, False])
def test_the_import_builder_and_the_archive_build_the_same_keys(prepared):
    rows = _realistic_texts()
    builder = SearchKeyBuilder()
    if prepared:
        builder.prepare(t for name, company, person, _phone in rows for t in (name, company, person))
    for index, (name, company, person, phone) in enumerate(rows):
        code = f"C{index:06d}"
        assert builder.key(name, code, phone, extra_names=[company, person]) == \
            build_search_key(name, code, phone, extra_names=[company, person]), name


def test_phrase_readings_are_pypinyins_where_we_add_no_place_of_our_own():
    from pypinyin import lazy_pinyin

    ours = tuple(PLACE_READINGS)
    texts = [t for row in _realistic_texts(300) for t in row[:3]]
    texts += [f"{city}{district}" for _p, city, districts, _a in vocab.CITIES for district in districts]
    texts += list(vocab.ROADS) + [b for b in vocab.BUILDINGS if b]
    compared = [t for t in texts if not any(place in t for place in ours)]
    assert len(compared) > 800
    for text in compared:
        assert pinyin_forms(text)[0] == "".join(lazy_pinyin(normalize_text(text))), text


@pytest.fixture
def hx_book(db):
    """104 customers whose keys hold 'hx' somewhere was the issue; here a handful, ranked."""
    return add(
        db,
        {"name": "胡霞五金店", "code": "C001", "tier": "A"},  # initials hxwjd: a prefix too
        {"name": "江苏华兴电子", "code": "C002", "tier": "A"},  # jshxdz: hx inside
        {"name": "恒鑫五金", "code": "C003", "tier": "C"},  # hxwj
        {"name": "宁波港物流", "code": "C004", "tier": "A", "contact_person": "何欣"},  # a contact hx
        {"name": "华夏建材", "code": "C005", "tier": "B"},  # hxjc
        {"name": "华兴农业科技", "code": "C050", "tier": "A"},  # hxnykj
        {"name": "华兴", "code": "C099", "tier": "C"},
        {"name": "北京星辰科技", "code": "C100", "tier": "A"},  # no hx at all
    )


def test_initials_prefix_ranks_by_tier_then_code_before_matches_elsewhere(hx_book, db):
    assert found(db, "hx") == [
        "胡霞五金店", "华兴农业科技",  # tier A, by code
        "华夏建材",  # B
        "恒鑫五金", "华兴",  # C, by code
        "江苏华兴电子", "宁波港物流",  # found inside a name and in a contact: after every prefix
    ]


def test_hx_lists_huaxing_agriculture_first_among_tier_a_names_starting_with_it(hx_book, db):
    with db.write() as session:
        archive.delete_customer(session, hx_book["胡霞五金店"])
    assert found(db, "hx")[0] == "华兴农业科技"
    assert found(db, "hxny") == ["华兴农业科技"]


def test_exact_name_first_then_name_prefix_then_contains(hx_book, db):
    assert found(db, "华兴") == ["华兴", "华兴农业科技", "江苏华兴电子"]
    assert found(db, "huaxing") == ["华兴农业科技", "华兴", "江苏华兴电子"]  # pinyin prefix: by tier
    assert found(db, "c00") == ["胡霞五金店", "江苏华兴电子", "宁波港物流", "华夏建材", "恒鑫五金"]  # code prefix
    assert found(db, "c0050") == []
    assert found(db, "C050")[0] == "华兴农业科技"


def test_a_hit_says_why_it_matched(hx_book, db):
    with db.session() as session:
        hits = {hit.name: hit for hit in find_customers(session, "hx", None)}
        exact = find_customers(session, "华兴", 1)[0]
        by_code = find_customers(session, "c099", 1)[0]
        by_phrase = find_customers(session, "hx 科技", None)
    assert (exact.kind, exact.matched, exact.code, exact.tier) == (MatchKind.EXACT, "华兴", "C099", "C")
    assert (by_code.name, by_code.kind, by_code.matched) == ("华兴", MatchKind.EXACT, "C099")
    assert (hits["华兴农业科技"].kind, hits["华兴农业科技"].matched) == (MatchKind.PINYIN, "hxnykj")
    assert (hits["宁波港物流"].kind, hits["宁波港物流"].matched) == (MatchKind.CONTAINS, "何欣")
    assert (hits["江苏华兴电子"].kind, hits["江苏华兴电子"].matched) == (MatchKind.CONTAINS, "江苏华兴电子")
    assert [(hit.name, hit.kind) for hit in by_phrase] == [("华兴农业科技", MatchKind.PINYIN)]


def test_find_limits_and_ignores_blank_text(hx_book, db):
    assert found(db, "hx", 2) == ["胡霞五金店", "华兴农业科技"]
    assert found(db, "   ") == []


def test_the_customer_list_orders_a_search_by_rank(hx_book, db):
    with db.session() as session:
        ranked = [hit.id for hit in find_customers(session, "hx", None)]
        assert archive.customer_ids(session, archive.CustomerFilter(text="hx")) == ranked
        only_a = archive.customer_ids(session, archive.CustomerFilter(text="hx", tier="A"))
        assert only_a == [hx_book[n] for n in ("胡霞五金店", "华兴农业科技", "江苏华兴电子", "宁波港物流")]
        # A column the manager sorts by wins over the rank.
        by_name = archive.customer_ids(session, archive.CustomerFilter(text="hx"), order_by="name")
        names = [session.get(Customer, i).name for i in by_name]
        assert names == sorted(names)


def test_the_in_memory_index_ranks_like_the_database(hx_book, db):
    from accountdesk.core.archive.search import SearchIndex

    with db.session() as session:
        index = SearchIndex.load(session)
        for typed in ["h", "hx", "hxn", "hx", "华兴", "c0", "c050", "he xin", "zz"]:
            assert index.find(typed) == archive.customer_ids(session, archive.CustomerFilter(text=typed)), typed


# --- keys built the old way --------------------------------------------------------------------


def _age_keys(database, keys: dict[int, str]) -> None:
    """What a database written before phrase readings holds: old keys and no keys version."""
    with database.write() as session:
        for customer_id, key in keys.items():
            session.execute(Customer.__table__.update().where(Customer.__table__.c.id == customer_id)
                            .values(search_key=key))
        session.execute(Meta.__table__.delete().where(Meta.key == KEYS_VERSION_KEY))


def test_keys_built_the_old_way_are_rebuilt_when_the_database_is_opened(sqlite_db):
    ids = add(sqlite_db, {"name": "长春一汽物流", "code": "C001", "contact_person": "曾伟"},
              {"name": "厦门华信电子", "code": "C002"})
    _age_keys(sqlite_db, {ids["长春一汽物流"]: "长春一汽物流|zhangchunyiqiwuliu|zcyqwl|曾伟|cengwei|cw|c001",
                          ids["厦门华信电子"]: "厦门华信电子|shamenhuaxindianzi|smhxdz|c002"})
    with sqlite_db.session() as session:
        before = {c.id: (c.version, c.updated_at) for c in session.scalars(select(Customer))}
        counter = read_change_counter(session.connection())
        assert stored_keys_version(session) == 1
        assert find_customers(session, "changchun") == []
    path = sqlite_db.path
    sqlite_db.dispose()

    reopened = open_database(path, user="tester")
    try:
        with reopened.session() as session:
            assert stored_keys_version(session) == KEYS_VERSION
            assert [h.name for h in find_customers(session, "changchun")] == ["长春一汽物流"]
            assert [h.name for h in find_customers(session, "zeng")] == ["长春一汽物流"]
            assert [h.name for h in find_customers(session, "xiamen")] == ["厦门华信电子"]
            # Derived data: no edit version or stamp moved, so nobody's open form conflicts; the
            # change counter did, so colleagues' lists refresh.
            assert {c.id: (c.version, c.updated_at) for c in session.scalars(select(Customer))} == before
            rebuilt = read_change_counter(session.connection())
            assert rebuilt > counter
    finally:
        reopened.dispose()
    again = open_database(path, user="tester")  # current keys: nothing written
    try:
        with again.session() as session:
            assert read_change_counter(session.connection()) == rebuilt
    finally:
        again.dispose()


def test_a_read_only_database_with_old_keys_opens_and_keeps_them(sqlite_db):
    ids = add(sqlite_db, {"name": "长春一汽物流", "code": "C001"})
    _age_keys(sqlite_db, {ids["长春一汽物流"]: "长春一汽物流|zhangchunyiqiwuliu|zcyqwl|c001"})
    path = sqlite_db.path
    sqlite_db.dispose()
    mode = path.stat().st_mode
    os.chmod(path, stat.S_IREAD)
    try:
        database = open_database(path, user="tester")
        try:
            assert database.read_only
            with database.session() as session:
                assert stored_keys_version(session) == 1
                assert [h.name for h in find_customers(session, "zhangchun")] == ["长春一汽物流"]
        finally:
            database.dispose()
    finally:
        os.chmod(path, mode)

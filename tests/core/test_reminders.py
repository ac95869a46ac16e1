"""Care and churn reminders: raised once by key, lunar birthdays, festivals, snoozing, catch-up, two processes."""

from __future__ import annotations

import multiprocessing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accountdesk.core.i18n import ValidationError
from accountdesk.core.reminders.centre import (
    add_custom_reminder,
    count_due,
    due_reminders,
    set_state,
    set_state_many,
    snooze,
)
from accountdesk.core.reminders.runs import generate_reminders, raise_reminders, run_generation
from accountdesk.core.reminders.settings import (
    ANY_TIER,
    ChurnThresholds,
    load_reminder_settings,
    save_reminder_settings,
)
from accountdesk.core.reminders.sources import Candidate
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.models import Contact, Customer, Feedback, Interaction, Reminder, Transaction
from accountdesk.core.time import local_noon_utc


def add_customer(session, code: str, tier: str | None = "A", **values) -> Customer:
    values.setdefault("created_at", datetime(2026, 11, 1, 12, tzinfo=timezone.utc))
    customer = Customer(code=code, name=values.pop("name", f"客户{code}"), tier=tier, **values)
    session.add(customer)
    session.flush()
    # A contact a few days ago keeps the no-contact rule and the revisit cadence quiet.
    session.add(Interaction(customer_id=customer.id, kind="phone", occurred_at=local_noon_utc(date(2026, 11, 15))))
    session.flush()
    return customer


def add_contact(session, customer: Customer, name: str, month: int, day: int, *, lunar: bool = False,
                leap: bool = False) -> Contact:
    contact = Contact(customer_id=customer.id, name=name, birth_calendar="lunar" if lunar else "solar",
                      birth_month=month, birth_day=day, birth_leap_month=leap)
    session.add(contact)
    session.flush()
    return contact


def reminders_by_key(session) -> dict[str, Reminder]:
    return {r.key: r for r in session.scalars(select(Reminder))}


def quiet_settings(session, **changes):
    """Only the festivals asked for, so a test sees just the reminders it is about."""
    settings = load_reminder_settings(session)
    settings.festivals = changes.pop("festivals", [])
    for name, value in changes.items():
        setattr(settings, name, value)
    save_reminder_settings(session, settings)


# --- birthdays -----------------------------------------------------------------------------------


def test_lunar_birthday_in_a_leap_month_and_in_a_year_without_it(db):
    with db.write() as s:
        quiet_settings(s)
        customer = add_customer(s, "C1")
        leap = add_contact(s, customer, "闰月生", 6, 10, lunar=True, leap=True)  # 闰六月初十
        plain = add_contact(s, customer, "六月生", 6, 10, lunar=True)  # 六月初十
    # Lunar 2025 has a leap sixth month: 闰六月初十 is 3 Aug 2025, 六月初十 is 4 Jul 2025.
    with db.write() as s:
        generate_reminders(s, date(2025, 8, 1))
        found = reminders_by_key(s)
        assert found[f"birthday:{leap.uid}:lunar-2025"].event_on == date(2025, 8, 3)
        assert found[f"birthday:{leap.uid}:lunar-2025"].due_on == date(2025, 7, 31)  # 3 days' lead
        assert "闰六月初十" in found[f"birthday:{leap.uid}:lunar-2025"].subject
        assert not any(plain.uid in key for key in found)  # 4 July is long past the catch-up window
    # Lunar 2026 has no leap sixth month: the leap-month birthday falls on the ordinary 六月初十.
    with db.write() as s:
        generate_reminders(s, date(2026, 7, 21))
        found = reminders_by_key(s)
        assert found[f"birthday:{leap.uid}:lunar-2026"].event_on == date(2026, 7, 23)
        assert found[f"birthday:{plain.uid}:lunar-2026"].event_on == date(2026, 7, 23)


def test_lunar_day_thirty_in_a_short_month_and_a_lunar_year_crossing_new_year(db):
    with db.write() as s:
        quiet_settings(s)
        customer = add_customer(s, "C1")
        thirtieth = add_contact(s, customer, "腊月三十", 12, 30, lunar=True)
    # The twelfth month of lunar 2026 has 29 days; its birthday is kept on 腊月廿九, 5 Feb 2027,
    # in the solar year after the lunar year it belongs to.
    with db.write() as s:
        generate_reminders(s, date(2027, 2, 3))
        reminder = reminders_by_key(s)[f"birthday:{thirtieth.uid}:lunar-2026"]
        assert reminder.event_on == date(2027, 2, 5)


def test_solar_birthday_recomputed_each_year_and_29_february(db):
    with db.write() as s:
        quiet_settings(s)
        customer = add_customer(s, "C1")
        leapling = add_contact(s, customer, "闰日生", 2, 29)
    with db.write() as s:
        generate_reminders(s, date(2027, 2, 26))
        assert reminders_by_key(s)[f"birthday:{leapling.uid}:2027"].event_on == date(2027, 2, 28)
    with db.write() as s:
        generate_reminders(s, date(2028, 2, 27))
        assert reminders_by_key(s)[f"birthday:{leapling.uid}:2028"].event_on == date(2028, 2, 29)


def test_birthday_greeting_follows_the_tier(db, today):
    with db.write() as s:
        quiet_settings(s)
        a = add_customer(s, "A1", "A")
        c = add_customer(s, "C1", "C")
        add_contact(s, a, "张总", 11, 22)
        add_contact(s, c, "李工", 11, 22)
        generate_reminders(s, today)
    with db.session() as s:
        rows = {row.customer_code: row for row in due_reminders(s, today, 7, kinds=("birthday",))}
        assert "张总" in rows["A1"].data["greeting"] and "生日心意" in rows["A1"].data["greeting"]
        assert rows["C1"].data["greeting"] == "李工，祝您生日快乐！"


# --- festivals, custom days, anniversaries -------------------------------------------------------


def test_mid_autumn_and_lantern_festivals(db):
    with db.write() as s:
        quiet_settings(s, festivals=["mid_autumn", "lantern", "national_day"])
        add_customer(s, "A1", "A")
        add_customer(s, "B1", "B")
    with db.write() as s:
        generate_reminders(s, date(2026, 9, 22))
        found = reminders_by_key(s)
        mid_autumn = found["festival:mid_autumn:2026"]  # 2026-09-25 from the holidays library
        assert mid_autumn.event_on == date(2026, 9, 25) and mid_autumn.due_on == date(2026, 9, 22)
        assert mid_autumn.subject.startswith("中秋节")
        assert "中秋节快乐" in mid_autumn.data["greetings"]["A"]
        assert mid_autumn.data["customers_by_tier"] == {"A": 1, "B": 1}
        assert "festival:national_day:2026" not in found  # 1 October is beyond the lead time
    with db.write() as s:
        generate_reminders(s, date(2026, 3, 1))
        # 元宵 (lunar 1/15) is not a public holiday; it is computed: 3 March 2026.
        assert reminders_by_key(s)["festival:lantern:2026"].event_on == date(2026, 3, 3)


def test_user_defined_day_and_lead_time_from_settings(db, today):
    with db.write() as s:
        settings = load_reminder_settings(s)
        settings.festivals = []
        settings.lead_days["festival"] = 10
        from accountdesk.core.reminders.care_dates import CustomDay

        settings.custom_days = [CustomDay("expo", "行业展会", "Trade fair", 11, 28)]
        save_reminder_settings(s, settings)
        add_customer(s, "A1")
        generate_reminders(s, today)
        reminder = reminders_by_key(s)["festival:custom-expo:2026"]
        assert reminder.event_on == date(2026, 11, 28) and reminder.due_on == date(2026, 11, 18)


def test_cooperation_anniversary(db, today):
    with db.write() as s:
        quiet_settings(s)
        customer = add_customer(s, "A1", cooperation_since=date(2020, 11, 25))
        add_customer(s, "A2", cooperation_since=date(2026, 11, 25))  # this year's start is no anniversary
        generate_reminders(s, today)
        found = reminders_by_key(s)
        reminder = found[f"anniversary:{customer.uid}:2026"]
        assert reminder.data["years"] == 6 and reminder.due_on == date(2026, 11, 18)
        assert [k for k in found if k.startswith("anniversary:")] == [reminder.key]


# --- churn ---------------------------------------------------------------------------------------


def _buy(session, customer, *days_and_cents):
    for on, cents in days_and_cents:
        session.add(Transaction(customer_id=customer.id, occurred_on=on, amount_cents=cents))
    session.flush()


def test_churn_rules_say_which_rule_fired_with_the_numbers(db, today):
    with db.write() as s:
        # The sharper thresholds this scenario was written for (the defaults were later made calmer
        # for a key-account list, see test_default_churn_thresholds_are_calm): the rules' logic is
        # what is tested here, not the defaults.
        quiet_settings(s, churn=ChurnThresholds(gap_factor=2.0, min_purchase_days=3, min_silence_days=14,
                                                window_days=90, spend_drop_percent=50, min_previous_spend_cents=0,
                                                silence_days={"A": 45, "B": 90, "C": 150, ANY_TIER: 180}))
        # Buys every 10 days, last on 20 Oct: 31 days > 2 × 10.
        gap = add_customer(s, "G1", "B")
        _buy(s, gap, *[(date(2026, 9, 10) + timedelta(days=10 * i), 100_00) for i in range(5)])
        # Same rhythm, bought on 12 Nov: quiet.
        steady = add_customer(s, "S1", "B")
        _buy(s, steady, *[(date(2026, 10, 3) + timedelta(days=10 * i), 100_00) for i in range(5)])
        # Spent 10,000 in the previous 90 days, 2,000 in the last 90: down 80 %.
        spend = add_customer(s, "P1", "A")
        _buy(s, spend, (date(2026, 7, 1), 10_000_00), (date(2026, 11, 10), 2_000_00))
        # Tier A allows 45 days without contact.
        silent = Customer(code="Q1", name="沉默客户", tier="A", created_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
        s.add(silent)
        s.flush()
        s.add(Interaction(customer_id=silent.id, kind="email", occurred_at=local_noon_utc(date(2026, 9, 1))))
        complaint = Feedback(customer_id=steady.id, kind="complaint", received_on=date(2026, 11, 5),
                             content="交货延迟两周")
        fresh = Feedback(customer_id=steady.id, kind="complaint", received_on=date(2026, 11, 18), content="新投诉")
        s.add_all([complaint, fresh])
        s.flush()
        generate_reminders(s, today)
        found = reminders_by_key(s)
        gap_warning = found[f"churn:purchase_gap:{gap.uid}:2026-10-20"]
        assert gap_warning.data["rule"] == "purchase_gap"
        assert gap_warning.data["days_since_last_purchase"] == 31 and gap_warning.data["median_gap_days"] == 10
        assert "31" in gap_warning.detail and "10" in gap_warning.detail
        # It held from 10 November; raised now, it appears at the start of the 7-day catch-up window.
        assert gap_warning.event_on == date(2026, 10, 20) and gap_warning.due_on == date(2026, 11, 13)
        assert not any(k.startswith("churn:purchase_gap:" + steady.uid) for k in found)
        spend_warning = next(r for k, r in found.items() if k.startswith(f"churn:spend_drop:{spend.uid}:"))
        assert spend_warning.data["drop_percent"] == "80.0"
        assert spend_warning.data["previous_spend"] == "10000.00" and spend_warning.data["recent_spend"] == "2000.00"
        silence = found[f"churn:no_contact:{silent.uid}:2026-09-01"]
        assert silence.data["days_without_contact"] == 80 and silence.data["limit_days"] == 45
        unresolved = found[f"complaint:{complaint.uid}"]
        assert unresolved.kind == "complaint" and unresolved.data["days_open"] == 15
        assert f"complaint:{fresh.uid}" not in found  # 2 days old: within the 7 allowed
        assert "交货延迟两周" in unresolved.detail


def test_default_churn_thresholds_are_calm(db, today):
    """The defaults flag a customer who missed orders or contact for a while, not every quiet one."""
    with db.write() as s:
        quiet_settings(s)
        # A monthly buyer 50 days after its last order: late, but not a churn case yet.
        late = add_customer(s, "L1", "B")
        _buy(s, late, *[(date(2026, 10, 1) - timedelta(days=30 * i), 1_000_00) for i in range(6)])
        # The same rhythm, silent for 100 days: more than 3 × 30 and more than 60 days.
        gone = add_customer(s, "L2", "B")
        _buy(s, gone, *[(date(2026, 8, 12) - timedelta(days=30 * i), 1_000_00) for i in range(6)])
        generate_reminders(s, today)
        keys = list(reminders_by_key(s))
        assert not any(k.startswith(f"churn:purchase_gap:{late.uid}") for k in keys)
        assert any(k.startswith(f"churn:purchase_gap:{gone.uid}") for k in keys)
        assert load_reminder_settings(s).churn.silence_for("A") == 60


# --- states, snoozing, catch-up ------------------------------------------------------------------


def test_snoozed_reminder_comes_back_on_its_date(db, today):
    with db.write() as s:
        quiet_settings(s)
        customer = add_customer(s, "A1")
        add_contact(s, customer, "张总", 11, 22)
        generate_reminders(s, today)
        reminder = s.scalar(select(Reminder).where(Reminder.kind == "birthday"))
        snooze(s, reminder.id, date(2026, 11, 22))
    with db.session() as s:
        assert due_reminders(s, today, 7) == []
        assert count_due(s, today) == 0
    with db.write() as s:
        report = generate_reminders(s, date(2026, 11, 22))
        assert report.woken == 1 and report.total_created == 0
    with db.session() as s:
        rows = due_reminders(s, date(2026, 11, 22), 0)
        assert [(row.kind, row.state) for row in rows] == [("birthday", "new")]
        assert count_due(s, date(2026, 11, 22)) == 1


def test_states_and_bulk_actions(db, today):
    with db.write() as s:
        first = add_custom_reminder(s, "寄送样品", today)
        second = add_custom_reminder(s, "确认报价", today)
        set_state(s, first.id, "seen")
        assert [r.state for r in due_reminders(s, today)] == ["seen", "new"]
        assert set_state_many(s, [first.id, second.id], "done") == 2
        assert due_reminders(s, today) == []
        with pytest.raises(ValidationError):
            set_state(s, first.id, "forgotten")


def test_restart_does_not_duplicate_and_catches_up(tmp_path, sqlite_template):
    import shutil

    path = tmp_path / "team.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="me")
    with database.write() as s:
        quiet_settings(s, festivals=["national_day"])
        customer = add_customer(s, "A1")
        add_contact(s, customer, "张总", 11, 15)
    with database.write() as s:
        first = generate_reminders(s, date(2026, 11, 10))
    database.dispose()
    # The app stays closed until the 20th: the 15 November birthday fell due meanwhile.
    database = open_database(path, user="me")
    with database.write() as s:
        report = generate_reminders(s, date(2026, 11, 20))
        assert report.created["birthday"] == 1
    database.dispose()
    database = open_database(path, user="me")  # and once more, the same day
    with database.write() as s:
        again = generate_reminders(s, date(2026, 11, 20))
        assert again.total_created == 0
        total = s.scalar(select(func.count()).select_from(Reminder))
        keys = s.scalar(select(func.count(func.distinct(Reminder.key))).select_from(Reminder))
        assert total == keys == first.total_created + report.total_created
    with database.session() as s:
        # Raised once, late, and closed as missed at once: its day passed while the app was closed.
        assert due_reminders(s, date(2026, 11, 20), 0, kinds=("birthday",)) == []
        missed = s.scalar(select(Reminder).where(Reminder.kind == "birthday"))
        assert missed.event_on == date(2026, 11, 15) and missed.state == "dismissed"
        assert missed.data["missed"] is True and missed.data["missed_on"] == "2026-11-20"
    database.dispose()


def test_a_key_raised_by_someone_else_meanwhile_is_not_raised_again(db, today, monkeypatch):
    import accountdesk.core.reminders.runs as module

    def candidate(key: str) -> Candidate:
        return Candidate(key=key, kind="custom", subject_zh="寄样品", subject_en="Send samples", detail_zh=None,
                         detail_en=None, customer_id=None, contact_id=None, event_on=today, due_on=today)

    with db.write() as s:
        assert raise_reminders(s, [candidate("custom:a")]) == ["custom:a"]
    # The other process inserts between our existence check and our insert: the check saw nothing.
    monkeypatch.setattr(module, "existing_keys", lambda session, keys: set())
    with db.write() as s:
        assert raise_reminders(s, [candidate("custom:a"), candidate("custom:b")]) == ["custom:b"]
        assert s.scalar(select(func.count()).select_from(Reminder)) == 2


def _generate_in_another_process(path: str, today: date, barrier, short_transactions: bool) -> int:
    database = open_database(Path(path), user="proc")
    try:
        barrier.wait(timeout=60)
        if short_transactions:  # as the app's scheduler and the CLI run it
            return run_generation(database, today, batch=7).total_created
        with database.write() as s:
            return generate_reminders(s, today).total_created
    finally:
        database.dispose()


def _worker(path, today, barrier, short_transactions, results):
    results.put(_generate_in_another_process(path, today, barrier, short_transactions))


@pytest.mark.parametrize("short_transactions", [True, False], ids=["app", "one-transaction"])
def test_two_processes_generating_at_once_raise_each_reminder_once(sqlite_db, today, short_transactions):
    with sqlite_db.write() as s:
        quiet_settings(s, festivals=["national_day"], lead_days={"birthday": 3, "festival": 3, "anniversary": 7,
                                                                 "revisit": 90})
        for index in range(40):
            customer = add_customer(s, f"K{index:03}", "ABC"[index % 3], cooperation_since=date(2019, 11, 21))
            add_contact(s, customer, f"联系人{index}", 11, 21 + index % 3)
            add_contact(s, customer, f"农历{index}", 10, 12 + index % 3, lunar=True)
    path = str(sqlite_db.path)
    sqlite_db.dispose()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [context.Process(target=_worker, args=(path, today, barrier, short_transactions, results))
               for _ in range(2)]
    for worker in workers:
        worker.start()
    created = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    database = open_database(Path(path), user="check")
    try:
        with database.session() as s:
            total = s.scalar(select(func.count()).select_from(Reminder))
            distinct = s.scalar(select(func.count(func.distinct(Reminder.key))).select_from(Reminder))
            plans = s.scalar(select(func.count()).select_from(Reminder).where(Reminder.kind == "revisit"))
    finally:
        database.dispose()
    assert total == distinct == sum(created)  # every reminder raised exactly once, by one of them
    assert total >= 40 * 3 and plans == 40  # birthdays, lunar birthdays, anniversaries, one revisit each
    if not short_transactions:
        assert sorted(created)[0] == 0  # the second one found everything already raised


def test_due_list_json_has_the_cli_contract(db, today):
    with db.write() as s:
        quiet_settings(s)
        customer = add_customer(s, "A1")
        add_contact(s, customer, "张总", 11, 21)
        generate_reminders(s, today)
    with db.session() as s:
        row = due_reminders(s, today, 7)[0].as_json("en")
    assert {"kind", "subject", "customer_code", "due_date", "state"} <= set(row)
    assert row["customer_code"] == "A1" and row["due_date"] == "2026-11-18" and row["subject"].startswith("张总's")


def test_later_runs_the_same_day_look_only_at_what_changed(db, today):
    with db.write() as s:
        quiet_settings(s)
        first = add_customer(s, "A1")
        add_contact(s, first, "张总", 11, 22)
    with db.write() as s:
        report = generate_reminders(s, today)
        assert report.full and report.created["birthday"] == 1
    with db.write() as s:
        quiet = generate_reminders(s, today)
        # Scoped to rows written since the last run (with a few minutes' margin): just A1 here.
        assert not quiet.full and quiet.scope_size <= 1 and quiet.total_created == 0
    with db.write() as s:  # a colleague adds a contact whose birthday is the day after tomorrow
        add_contact(s, s.get(Customer, first.id), "李总", 11, 22)
        other = add_customer(s, "B1", "B")
        add_contact(s, other, "王总", 11, 23)
    with db.write() as s:
        scoped = generate_reminders(s, today)
        assert not scoped.full and scoped.scope_size == 2  # A1 and B1
        assert scoped.created["birthday"] == 2
    with db.write() as s:
        settings = load_reminder_settings(s)
        settings.lead_days["birthday"] = 10
        save_reminder_settings(s, settings)
    with db.write() as s:
        assert generate_reminders(s, today).full  # new rules: everyone is looked at again
    with db.write() as s:
        assert generate_reminders(s, today + timedelta(days=1)).full  # and on every new day


def test_short_transaction_run_raises_the_same_as_one_transaction(db, today):
    with db.write() as s:
        quiet_settings(s, festivals=["national_day"])
        for index in range(12):
            customer = add_customer(s, f"K{index:02}", "ABC"[index % 3], cooperation_since=date(2018, 11, 22))
            add_contact(s, customer, f"联系人{index}", 11, 21 + index % 3)
    report = run_generation(db, today, batch=5)  # several short write transactions
    assert report.full and report.created == {"birthday": 12, "anniversary": 12}
    with db.write() as s:
        again = generate_reminders(s, today, full=True)
        assert again.total_created == 0
        assert s.scalar(select(func.count()).select_from(Reminder)) == 24

"""`accountdesk check` finds logical damage SQLite's integrity check cannot see, says how to repair it,
and `check --repair` mends what can be derived."""

from __future__ import annotations

import json
import sqlite3

from accountdesk.cli import main

AS_OF = ["--as-of", "2026-11-20"]


def raw(path, *statements):
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        connection.execute(statement)
    connection.close()


def check(capsys, path, *extra):
    code = main(["check", "--db", str(path), *AS_OF, *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_demo_book_is_sound(demo_db, capsys):
    demo_db.dispose()
    code, text = check(capsys, demo_db.path)
    assert code == 0 and "sound" in text


def test_two_live_customers_sharing_a_code_are_found_and_renamed_by_repair(demo_db, capsys):
    path = demo_db.path
    demo_db.dispose()
    raw(path, "DROP INDEX uq_customers_code_live",
        "UPDATE customers SET code = (SELECT code FROM customers ORDER BY id LIMIT 1) "
        "WHERE id = (SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET 1)")
    code, text = check(capsys, path)
    assert code == 1 and "used by more than one live customer" in text and "--repair" in text
    assert "index that keeps customer codes unique is missing" in text
    code, text = check(capsys, path, "--repair")
    assert code == 0, text
    assert "code " in text and "-2" in text and "Database is sound" in text
    assert main(["check", "--db", str(path), "--json", *AS_OF]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_orphans_are_named_derived_ones_dropped_and_user_data_left_for_a_person(demo_db, capsys):
    path = demo_db.path
    demo_db.dispose()
    raw(path, "INSERT INTO customer_tags (customer_id, tag_id) VALUES (999999, (SELECT id FROM tags LIMIT 1))",
        "UPDATE contacts SET customer_id = 888888 WHERE id = (SELECT id FROM contacts ORDER BY id LIMIT 1)")
    code, text = check(capsys, path)
    assert code == 1
    assert "customer_tags have a customer_id that points at no customers row" in text
    assert "contacts have a customer_id that points at no customers row" in text and "restore" in text
    code, text = check(capsys, path, "--repair")
    assert code == 1  # the contact is a person's data: not dropped by guessing
    assert "dropped 1 derived rows of customer_tags" in text
    assert "customer_tags" not in text.split("Database has problems")[1]
    assert "contacts have a customer_id" in text


def test_kept_figures_that_disagree_with_their_rows_are_recomputed(demo_db, capsys):
    path = demo_db.path
    demo_db.dispose()
    assert main(["retier", "--db", str(path), *AS_OF]) == 0
    capsys.readouterr()
    raw(path, "UPDATE customer_figures SET spend_cents = spend_cents + 100 "
              "WHERE customer_id = (SELECT customer_id FROM customer_figures ORDER BY customer_id LIMIT 1)")
    code, text = check(capsys, path)
    assert code == 1 and "grading figures of 1 customers disagree" in text
    code, text = check(capsys, path, "--repair")
    assert code == 0 and "recomputed" in text

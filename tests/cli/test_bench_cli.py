"""`accountdesk bench` measures every registered figure beside its floor and prints them as JSON."""

from __future__ import annotations

import json
import os
from datetime import date

from accountdesk.bench import STEPS, BenchContext, Measurement, bench_step, fixed, framework, run_step
from accountdesk.cli import main
from accountdesk.core.i18n import Message


def test_bench_json_lists_every_figure_with_its_floor(tmp_path, capsys):
    assert main(["bench", "--customers", "300", "--json", "--keep", str(tmp_path)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["customers"] == 300
    figures = {f["name"]: f for f in document["figures"]}
    server = bool(os.environ.get("ACCOUNTDESK_TEST_DATABASE_URL"))
    assert list(figures) == [step.name for step in STEPS] + (["server_restore"] if server else [])
    if server:  # the PostgreSQL column: the same figures on a server copy of the book
        restore = figures.pop("server_restore")
        assert restore["postgres"] > 0 and restore["note"].endswith(" rows")
        for name in ("regrade", "reminders", "open_customer_list", "backup"):
            assert figures[name]["postgres"] > 0 and not figures[name]["postgres_note"], figures[name]
    else:
        assert all(figure["postgres"] is None for figure in figures.values())
    for figure in figures.values():
        assert figure["floor_label"], figure["name"]
        assert figure["status"] in ("ok", "over target", "skipped"), figure
        if figure["status"] != "skipped":
            assert figure["value"] > 0 and figure["floor"] > 0, figure
            assert figure["ratio"] == round(figure["value"] / figure["floor"], 2)
        else:
            assert figure["note"], "a skipped figure says why"
    assert figures["demo_generation"]["status"] != "skipped"
    assert figures["search_keystroke"]["worst"] >= figures["search_keystroke"]["value"]
    assert figures["peak_memory"]["unit"] == "MiB"
    assert (tmp_path / "bench.accountdesk").exists(), "--keep keeps the generated database"


def test_bench_table_names_every_figure(capsys):
    assert main(["bench", "--customers", "50"]) == 0
    out = capsys.readouterr().out
    for step in STEPS:
        assert step.label.en in out
    assert "bare LIKE over search_key" in out
    assert ("PostgreSQL" in out.splitlines()[1]) == bool(os.environ.get("ACCOUNTDESK_TEST_DATABASE_URL"))


def _context(tmp_path) -> BenchContext:
    return BenchContext(customers=10, seed=1, today=date(2026, 11, 20), workdir=tmp_path,
                        db_path=tmp_path / "none.accountdesk", baseline_rss_mib=1.0)


def test_one_decorated_function_adds_a_figure(tmp_path, monkeypatch):
    monkeypatch.setattr(framework, "STEPS", [])

    @bench_step("slow_thing", floor=lambda ctx: Measurement(0.5), floor_label=Message("下限", "floor"),
                label=Message("慢的事", "slow thing"), target=fixed(0.8))
    def slow_thing(ctx):
        return Measurement(1.0)

    @bench_step("broken_thing", floor=lambda ctx: Measurement(0.5), floor_label=Message("下限", "floor"),
                label=Message("坏的事", "broken thing"))
    def broken_thing(ctx):
        raise RuntimeError("boom")

    slow, broken = (run_step(step, _context(tmp_path)) for step in framework.STEPS)
    assert (slow.value, slow.floor, slow.ratio, slow.status) == (1.0, 0.5, 2.0, "over target")
    assert broken.status == "failed" and "boom" in broken.note


def test_without_getrusage_memory_is_skipped_not_broken(tmp_path, monkeypatch):
    monkeypatch.setattr(framework, "resource", None)
    context = _context(tmp_path)
    context.baseline_rss_mib = framework.peak_rss_mib()
    step = next(step for step in STEPS if step.name == "peak_memory")
    figure = run_step(step, context)
    assert figure.status == "skipped" and "getrusage" in figure.note


def test_targets_relative_to_the_floor_and_on_the_slowest_keystroke(tmp_path, monkeypatch):
    monkeypatch.setattr(framework, "STEPS", [])

    @bench_step("export_like", floor=lambda ctx: Measurement(1.0), floor_label=Message("下限", "floor"),
                label=Message("导出", "export"), max_ratio=1.3)
    def export_like(ctx):
        return Measurement(1.5)

    @bench_step("keystrokes", floor=lambda ctx: Measurement(0.01), floor_label=Message("下限", "floor"),
                label=Message("按键", "keystrokes"), target=fixed(0.1))
    def keystrokes(ctx):
        return Measurement(0.04, worst=0.2)

    export, keys = (run_step(step, _context(tmp_path)) for step in framework.STEPS)
    assert export.status == "over target" and export.max_ratio == 1.3
    assert keys.status == "over target"  # the typical keystroke is fast, the slowest is not

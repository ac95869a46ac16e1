"""The architecture as tests: no import cycle (in-function imports counted), printing without
widgets, the ORM metadata agreeing with a migrated database, and driver-level SQL in storage only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import accountdesk
from accountdesk.core.storage.models import Base, autogenerate_includes

PACKAGE = Path(accountdesk.__file__).parent


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("accountdesk", *path.relative_to(PACKAGE).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports anywhere in its body (functions included)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.append(sub if sub in modules else node.module)
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_module_graph_has_no_cycle_even_counting_imports_inside_functions():
    assert _cycles(_import_graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_page_and_customer_tab_module_is_imported_by_name():
    # A page reached through a string would vanish quietly from a wheel that lacks it.
    graph = _import_graph()
    pages = {m for m in graph if m.startswith("accountdesk.ui.") and m.endswith(".page")}
    assert pages <= graph["accountdesk.ui.navigation"]
    tabs = {"accountdesk.ui.customers." + t for t in
            ("basic_form", "record_tabs", "interactions", "revisit_tab", "tier_tab", "audit_tab", "care_tab",
             "winback_tab")}
    assert tabs <= graph["accountdesk.ui.customers.detail"]


def test_printing_uses_qtgui_never_widgets():
    for path in (PACKAGE / "printing").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("PySide6.QtWidgets", "accountdesk.ui")), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("PySide6.QtWidgets") for a in node.names), path


def test_the_metadata_matches_a_migrated_database(db):
    # What `alembic revision --autogenerate` would do: nothing.
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": autogenerate_includes, "render_as_batch": True})
        assert compare_metadata(context, Base.metadata) == []


def test_the_installer_spec_carries_every_module_and_the_package_files():
    spec = (PACKAGE.parent / "build_installer.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("accountdesk")' in spec
    tree = ast.parse(spec)
    datas = next(node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "datas" for t in node.targets))
    sources = {ast.literal_eval(pair)[0] for pair in datas.elts}
    assert sources == {"accountdesk/migrations", "accountdesk/resources"}
    for source in sources:
        assert (PACKAGE.parent / source).is_dir(), source


# --- one write path: driver-level SQL lives in core/storage only ---------------------------------

# Where statements written as SQL text belong: storage owns them; migrations are DDL by nature and
# bench measures raw SQL floors on purpose.
SQL_HOMES = ("core/storage/", "migrations/", "bench/")
_DRIVER_CALLS = {"exec_driver_sql", "driver_executemany", "executemany", "executescript"}
_SQL_STATEMENT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|BEGIN|COMMIT|ROLLBACK|"
                            r"SET|WITH|VACUUM|ANALYZE|REINDEX)\b", re.IGNORECASE)
_SQL_WORDS = re.compile(r"\bPRAGMA\s+\w|pg_advisory|pg_try_advisory|\bnextval\(|\bsetval\(|\bSET LOCAL\b")


def _text_of(node: ast.AST) -> str | None:
    """The literal text of a string or f-string argument (f-string holes as {})."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text_of(node.left), _text_of(node.right)
        return None if left is None and right is None else (left or "{}") + (right or "{}")
    return None


def driver_sql(source: str) -> list[str]:
    """Driver-level SQL in a module's source: calls straight to the driver, SQLAlchemy's text(),
    SQL statements handed to execute(), and pragma, advisory-lock or sequence SQL in any string
    (docstrings aside)."""
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            found += [f"line {node.lineno}: imports {a.name}" for a in node.names if a.name == "text"]
        elif isinstance(node, ast.Attribute) and node.attr == "text" and isinstance(node.value, ast.Name) \
                and node.value.id in ("sqlalchemy", "sa"):
            found.append(f"line {node.lineno}: {node.value.id}.text")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = _text_of(node.args[0]) if node.args else None
            if name in _DRIVER_CALLS:
                found.append(f"line {node.lineno}: {name}()")
            elif name == "execute" and first is not None and _SQL_STATEMENT.match(first):
                found.append(f"line {node.lineno}: execute({first[:40]!r})")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                and _SQL_WORDS.search(node.value):
            found.append(f"line {node.lineno}: {node.value[:40]!r}")
    return found


def test_driver_level_sql_lives_in_storage_only():
    # One write path: every statement written as SQL text, every pragma, lock and sequence call is
    # a named function in accountdesk/core/storage/, so what the database is told is in one place.
    found = {}
    for path in PACKAGE.rglob("*.py"):
        where = path.relative_to(PACKAGE).as_posix()
        if not where.startswith(SQL_HOMES) and (hits := driver_sql(path.read_text(encoding="utf-8"))):
            found[where] = hits
    assert found == {}


def test_the_driver_sql_check_finds_each_kind():
    planted = '''
"""A docstring may say PRAGMA data_version."""
import sqlite3
from sqlalchemy import select, text

def f(session, connection, path):
    connection.exec_driver_sql("UPDATE t SET a = 1")
    driver_executemany(connection, "UPDATE t SET a = a + ?", [])
    sqlite3.connect(path).execute(f"PRAGMA journal_mode={'WAL'}")
    sqlite3.connect(path).execute("SELECT key FROM meta")
    session.execute(select(1))
    label.text()
    return "SELECT nextval('customer_code_seq')"
'''
    assert {hit.split(":")[0] for hit in driver_sql(planted)} == {
        "line 4", "line 7", "line 8", "line 9", "line 10", "line 13"}

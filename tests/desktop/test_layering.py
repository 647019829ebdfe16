"""The screens only render and call db/: no GUI module opens a transaction or queries models.

Read with ``ast``, not imported: every module under desktop/ except the command line
(desktop/cli), the Qt-free report renderers (desktop/reports) and the kit (desktop/kit) is GUI
code. A call to ``atomic()``, ``transaction()``, ``select(``, ``get_by_id``, ``get_or_none``
or ``Model.get(`` there is a use case or a query that belongs in a named db/ function.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_GUI = ("cli", "reports", "kit")
FORBIDDEN = {"atomic", "transaction", "get_by_id", "get_or_none"}
# ``select`` and ``get`` are queries on a model (``Case.select()``, ``Case.alias().select()``);
# a widget's own ``select(row)`` and a dict's ``get`` are not.
ON_MODELS = {"select", "get"}


def model_names() -> set[str]:
    tree = ast.parse((ROOT / "db" / "store" / "models.py").read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.ClassDef)}


def gui_modules() -> list[Path]:
    desktop = ROOT / "desktop"
    return sorted(
        path for path in desktop.rglob("*.py") if path.relative_to(desktop).parts[0] not in NOT_GUI
    )


def _receiver(func: ast.expr) -> str:
    value = func.value if isinstance(func, ast.Attribute) else None
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        value = value.func.value  # Case.alias().select(): the model is at the chain's root
    return value.id if isinstance(value, ast.Name) else ""


def _on_model(func: ast.expr, models: set[str]) -> bool:
    if isinstance(func, ast.Name):
        return func.id == "select"  # peewee's bare select, if ever imported
    return _receiver(func) in models


def offences(source: str, models: set[str]) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in FORBIDDEN:
            found.append((node.lineno, name))
        elif name in ON_MODELS and _on_model(func, models):
            found.append((node.lineno, f"{_receiver(func)}.{name}"))
    return sorted(found)


def test_the_check_sees_each_kind_of_offence():
    models = {"Case", "Staff"}
    source = (
        "with database.atomic():\n    pass\n"
        "database.transaction()\n"
        "Case.select().where(x)\n"
        "Case.alias().select()\n"
        "self.select(3)\n"  # a widget selecting a row is no query
        "Staff.get_by_id(1)\n"
        "Staff.get_or_none(Staff.id == 1)\n"
        "Case.get(Case.id == 1)\n"
        "settings.get('x')\n"  # a dict's get is no query
    )
    assert [name for _line, name in offences(source, models)] == [
        "atomic",
        "transaction",
        "Case.select",
        "Case.select",
        "get_by_id",
        "get_or_none",
        "Case.get",
    ]


def test_no_gui_module_queries_or_opens_a_transaction():
    models = model_names()
    assert {"Case", "Staff", "WorkOrder"} <= models
    modules = gui_modules()
    assert any(p.name == "case_actions.py" for p in modules)
    assert not any("cli" in p.relative_to(ROOT / "desktop").parts[:1] for p in modules)
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in modules
        for line, name in offences(path.read_text(encoding="utf-8"), models)
    ]
    assert found == []

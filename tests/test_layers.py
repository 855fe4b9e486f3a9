"""The package tree is the way of the data: each layer imports only the layers before it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# layer -> the layers it may import (besides itself and the shared modules at pipeline/*.py)
ALLOWED = {
    "extract": {"raw", "read"},  # an import is validated by its reader before it is stored
    "raw": set(),
    "read": {"raw"},
    "build": {"raw", "read"},
    "report": set(),
}
SHARED = {"paths", "registry", "disclosure", "formatting", "i18n"}
# modules that may import more than their layer, and why
EXCEPTIONS = {
    # the dashboard's upload of own files ("Lisää omat tiedot"): checks a file as the refresh reads it,
    # stores it in data/local/ and rebuilds the database; the only write the dashboard makes
    "pipeline/report/own_files.py": {"raw", "read", "build"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "pipeline" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in ALLOWED else None


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_before_it(layer):
    wrong = []
    for path in sorted((ROOT / "pipeline" / layer).rglob("*.py")):
        for module in imported_modules(path):
            other = layer_of(module)
            allowed = ALLOWED[layer] | EXCEPTIONS.get(str(path.relative_to(ROOT)), set())
            if other and other != layer and other not in allowed:
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []


def test_the_shared_modules_import_no_layer():
    wrong = [
        f"{name}.py imports {module}"
        for name in SHARED
        if (ROOT / "pipeline" / f"{name}.py").exists()
        for module in imported_modules(ROOT / "pipeline" / f"{name}.py")
        if layer_of(module)
    ]
    assert wrong == []


def test_the_dashboard_reads_only_the_report_layer_and_shared_modules():
    wrong = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        for module in imported_modules(path):
            other = layer_of(module)
            if other and other != "report":
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []


def test_the_checker_sees_a_wrong_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from pipeline.build.warehouse import build\n")
    assert layer_of(next(m for m in imported_modules(bad) if m.endswith("warehouse"))) == "build"

"""The registry, the readers, the SQL models and the Pandera models agree (nothing is kept by hand twice)."""

from __future__ import annotations

import importlib

import duckdb
import pytest

from pipeline import paths, registry
from pipeline.build import models
from pipeline.build.schemas import LAYER_MODULES, models_of, schema_for
from pipeline.read import reader, reading_order

KEYS = {"year"}  # whole-number columns that are keys, not counts


def sql_models() -> dict[str, models.Model]:
    return {m.name: m for m in models.models()}


def test_every_sql_model_has_a_pandera_model_of_its_layer():
    missing = [m.name for m in sql_models().values() if m.name not in models_of(LAYER_MODULES[m.layer])]
    assert missing == []


def test_every_pandera_model_has_a_sql_model_or_is_a_seed_or_build_table():
    known = set(sql_models()) | set(models.SEEDS) | set(models_of(LAYER_MODULES["meta"]))
    orphans = [name for layer, module in LAYER_MODULES.items() for name in models_of(module) if name not in known]
    assert orphans == []


def test_a_model_of_the_wrong_layer_module_is_found():
    """The check above compares layers: a mart's model in the staging module would not count."""
    staging_names = set(models_of(LAYER_MODULES["staging"]))
    assert "population" not in staging_names and "stg_population" in staging_names


@pytest.mark.parametrize("dataset", sorted(registry.datasets()))
def test_every_registry_dataset_has_a_reader_and_a_staging_model(dataset):
    module = importlib.import_module(f"pipeline.read.{registry.reader_name(dataset)}")
    assert callable(module.read) and reader(dataset) is module.read
    assert f"stg_{dataset}" in sql_models()
    assert registry.formats(dataset), f"{dataset}: no raw formats declared"
    assert registry.raw_columns(dataset)[-2:] == ["source_file", "source_row"]


def test_every_own_file_kind_has_a_staging_model():
    assert [k for k in registry.local_kinds() if f"stg_local_{k}" not in sql_models()] == []


def test_readers_run_after_the_datasets_they_need():
    order = reading_order()
    for dataset in registry.datasets():
        assert all(order.index(need) < order.index(dataset) for need in registry.needs(dataset))


def whole_number_columns(mart: str) -> set[str]:
    schema = models_of(LAYER_MODULES["marts"])[mart].to_schema()
    return {c for c, col in schema.columns.items() if str(col.dtype).lower().startswith(("int", "uint"))}


def test_every_count_column_of_a_mart_is_in_the_policy_or_says_why_not():
    policy, unprotected = registry.protection_policy(), registry.unprotected()
    uncovered = {}
    for mart in [m.name for m in sql_models().values() if m.layer == "marts"]:
        covered = set(unprotected.get(mart, {})) | KEYS
        for rule in policy.get(mart, []):
            covered |= {rule["count"], *rule.get("derived", [])}
        if whole_number_columns(mart) - covered:
            uncovered[mart] = sorted(whole_number_columns(mart) - covered)
    assert uncovered == {}


def test_a_count_column_added_without_a_policy_is_caught(monkeypatch):
    """Inject the fault: drop quota_refugees' arrivals from the policy; the check above must see it."""
    real = registry.protection_policy()
    monkeypatch.setattr(registry, "protection_policy", lambda: {k: v for k, v in real.items() if k != "quota_refugees"})
    covered = set(registry.unprotected()["quota_refugees"]) | KEYS
    assert whole_number_columns("quota_refugees") - covered == {"arrived_persons", "arrived_families"}


def test_every_policy_names_columns_its_mart_has():
    for mart, rules in registry.protection_policy().items():
        columns = set(models_of(LAYER_MODULES["marts"])[mart].to_schema().columns)
        for rule in rules:
            named = {rule["count"], *rule.get("derived", []), *rule.get("where", {}), *rule.get("notes", [])}
            assert named <= columns, (mart, named - columns)


def test_model_order_comes_from_the_sql_table_references():
    order = [m.name for m in models.ordered()]
    for m in models.ordered():
        for table in m.reads & set(order):
            assert order.index(table) < order.index(m.name), (table, m.name)
    assert models.table_references("with a as (select * from b) select * from a join c using (x)") == {"b", "c"}


def test_a_model_that_reads_a_later_layer_is_refused(tmp_path, monkeypatch):
    for layer in models.LAYERS:
        (tmp_path / layer).mkdir()
    (tmp_path / "staging" / "stg_x.sql").write_text("select * from raw_x join population using (year)")
    (tmp_path / "marts" / "population.sql").write_text("select 1 as year")
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    with pytest.raises(models.ModelError, match="staging model reads population of a later layer"):
        models.ordered(tmp_path)


def test_every_table_of_the_build_is_validated(build_con):
    tables = [r[0] for r in build_con.execute("select table_name from information_schema.tables").fetchall()]
    assert [t for t in tables if schema_for(t) is None] == []
    assert any(t.startswith("int_") for t in tables) and any(t.startswith("raw_") for t in tables)


def test_the_dashboard_flags_come_from_the_policy():
    from pipeline.registry import flag_columns

    assert flag_columns()["quota_refugees"] == ["arrived_persons_flag", "arrived_families_flag"]


def test_a_table_without_a_model_fails_validation():
    from pipeline.build.validate import validate_database

    con = duckdb.connect()
    con.execute("create table stg_municipalities as select '111' as kunta_code, '07' as region_code")
    con.execute("create table stg_municipality_mergers as select '588' as old_code")
    con.execute("create table mystery as select 1 as n")
    report = validate_database(con, skip=("stg_municipalities", "stg_municipality_mergers"))
    assert report[["table", "check"]].values.tolist() == [["mystery", "has_a_pandera_model"]]

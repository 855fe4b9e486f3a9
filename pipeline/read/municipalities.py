"""Municipality classification: the 2025 boundary file (codes, fi/sv/en names, region, polygon) and
the wellbeing services county of each municipality (Yle's 2021 file, looked up by code)."""

from __future__ import annotations

import json

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import RawFormatError, unknown_format
from pipeline.read.shapes import expected_shape

COLUMNS = registry.raw_columns("municipalities")  # declared in pipeline/sources.yaml
GEOJSON_PROPERTIES = {
    "kunta": "kunta_code",
    "nimi": "name_fi",
    "namn": "name_sv",
    "name": "name_en",
    "maakunta": "region_code",
    "nimi_2": "region_name_fi",
    "namn_2": "region_name_sv",
    "name_2": "region_name_en",
}


def read(files: list[RawFile]) -> pd.DataFrame:
    by_format = {f.meta.get("format"): f for f in files}
    for f in files:
        if f.meta.get("format") not in ("statfin_kunnat_geojson", "yle_hva_topojson"):
            raise unknown_format(f, "municipalities")
    if "statfin_kunnat_geojson" not in by_format:
        raise RawFormatError(f"{files[0].path.parent}: no municipality boundary file (format statfin_kunnat_geojson)")
    frame = _boundaries(by_format["statfin_kunnat_geojson"])
    if "yle_hva_topojson" in by_format:
        frame = frame.merge(_wellbeing_counties(by_format["yle_hva_topojson"]), on="kunta_code", how="left")
    return frame.reindex(columns=COLUMNS)


def _boundaries(file: RawFile) -> pd.DataFrame:
    with expected_shape(file, "GeoJSON FeatureCollection, format statfin_kunnat_geojson"):
        return _boundary_rows(file)


def _boundary_rows(file: RawFile) -> pd.DataFrame:
    features = file.json().get("features", [])
    rows = []
    for i, feature in enumerate(features):
        props = feature.get("properties", {})
        missing = [key for key in GEOJSON_PROPERTIES if key not in props]
        if missing:
            raise RawFormatError(f"{file.path}: feature {i}: property(ies) {missing} missing")
        row = {col: str(props[key]) for key, col in GEOJSON_PROPERTIES.items()}
        row["geometry_geojson"] = json.dumps(feature.get("geometry"), separators=(",", ":"))
        row["source_row"] = f"feature {i}"
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["source_file"] = str(file.path)
    return frame


def _wellbeing_counties(file: RawFile) -> pd.DataFrame:
    """kunta_code -> Yle's county code and names (Helsinki and Åland belong to none: empty code)."""
    with expected_shape(file, "TopoJSON with objects hva and munis, format yle_hva_topojson"):
        return _county_rows(file)


def _county_rows(file: RawFile) -> pd.DataFrame:
    objects = file.json()["objects"]
    counties = {g["properties"]["hva_id"]: g["properties"] for g in objects["hva"]["geometries"]}
    rows = []
    for g in objects["munis"]["geometries"]:
        code = g["properties"].get("hva_id") or None
        county = counties.get(code, {}) if code else {}
        rows.append(
            {
                "kunta_code": g["properties"]["id"],
                "wellbeing_county_code": code,
                "wellbeing_county_name_fi": county.get("name_fi"),
                "wellbeing_county_name_sv": county.get("name_sv"),
            }
        )
    return pd.DataFrame(rows)

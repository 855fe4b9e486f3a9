"""Build the bundled offline snapshot in ``data/raw/`` from the real public files the team collected.

Run once by a developer who has the collection (``shared/data/raw-sources/``)::

    python -m pipeline.extract.bundle ../shared/data/raw-sources

Nothing else in the project needs that folder: its output is committed. Every file is copied
unchanged, with a sidecar saying what it is (a conversion of a third-party copy, not a response
recorded by this pipeline), where it came from, and its licence; each folder's PROVENANCE.md is
copied beside the data.

To get the same data by hand if a link breaks: foreign-language shares are StatFin table 159t
(content ``vaesto_kieli_ulk_p``) at https://pxdata.stat.fi/PxWeb/pxweb/fi/StatFin/StatFin__vaerak/;
populations are StatFin 11re / the monthly preliminary population statistics (vamuu).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.raw.snapshot import SnapshotWriter, utc_now

SNAPSHOT_ID = "20261123-bundled"
CONVERSION = "conversion_of_third_party_copy"
STATFIN = "Tilastokeskus (Statistics Finland)"

# dataset -> [(source folder, file, format, extra sidecar fields)]
BUNDLE: dict[str, list[tuple[str, str, str, dict]]] = {
    "foreign_language_speakers": [
        (
            "statfin-159t-foreign-language-share",
            "foreign_language_municipal.json",
            "statfin_159t_share_json",
            {
                "url": "https://pxdata.stat.fi/PxWeb/api/v1/en/StatFin/vaerak/159t.px",
                "method": "POST",
                "request_body": {
                    "content": "vaesto_kieli_ulk_p",
                    "areas": "KU### (all municipalities)",
                    "years": "2020-2025",
                },
                "producer": STATFIN,
                "citation": "Tilastokeskus, StatFin 159t, vieraskielisten osuus (vaesto_kieli_ulk_p)",
                "licence": "CC BY 4.0",
                "derived_from": {
                    "repository": "jvmarten/naapurustot",
                    "path": "scripts/foreign_language_municipal.json",
                    "commit": "3e5c7dd61c6d14388c84dbab56b2a9855df0f34f",
                },
                "note": "Shares only (%, one decimal), 308 municipalities on the 2025 division, years 2020-2025 (31.12.). No counts.",
            },
        ),
    ],
    "population": [
        (
            "kuukausiraportti-population-map",
            "population_2023_final_and_2024M07_2025M01_prelim_long.csv",
            "kuukausiraportti_population_long_csv",
            {
                "url": "https://kangasalakehitys.github.io/ylojarvi/ (data/ylöjärvi_population_map.csv, 7 versions)",
                "method": "GET",
                "producer": STATFIN,
                "citation": "Tilastokeskus, väestörakenne (lopullinen 31.12.2023) ja ennakkoväkiluku kuukauden lopussa (vamuu)",
                "licence": "CC BY 4.0",
                "derived_from": {
                    "repository": "Kangasalakehitys/ylojarvi",
                    "path": "data/ylöjärvi_population_map.csv",
                    "commit": "beac596d…f83a590 (7 commits, see PROVENANCE.md)",
                },
                "note": "Final 31.12.2023 (2024 division, 309 municipalities) and preliminary month ends 2024M07-2025M01. "
                "Month labels inferred by the collector. Preliminary is not final.",
            },
        ),
    ],
    "municipalities": [
        (
            "municipality-boundaries-2025",
            "Kunnat2025_geo.geojson",
            "statfin_kunnat_geojson",
            {
                "url": "https://github.com/Kangasalakehitys/kuukausiraportti (src/data/maps/Kunnat2025_geo.geojson)",
                "producer": STATFIN,
                "citation": "Tilastokeskus, kuntapohjaiset tilastointialueet 2025 (kunnat, maakunnat)",
                "licence": "CC BY 4.0",
                "derived_from": {
                    "repository": "Kangasalakehitys/kuukausiraportti",
                    "path": "src/data/maps/Kunnat2025_geo.geojson",
                    "commit": "b5767a7c0ee4ab9499f6d45deeee6af2aecda82e",
                },
                "note": "308 municipalities of the 1.1.2025 division, fi/sv/en names, region; generalised polygons (about 1:4.5M).",
            },
        ),
        (
            "hyvinvointialue-2021",
            "finland-hva-2021.topo.json",
            "yle_hva_topojson",
            {
                "url": "https://github.com/Yleisradio/geodata (finland/finland-hva-2021.topo.json)",
                "producer": "Yle, from Statistics Finland / NLS open boundary data",
                "citation": "Yle (Yleisradio/geodata), hyvinvointialueet 2021; Tilastokeskus",
                "licence": "CC BY 4.0 upstream (Statistics Finland, NLS); attribute Yle",
                "derived_from": {
                    "repository": "Yleisradio/geodata",
                    "path": "finland/finland-hva-2021.topo.json",
                    "commit": "131fa8628120ceba5a5f0003d3dad241ef25e004",
                },
                "note": "Municipality -> wellbeing services county, 2021 division (309). Codes are Yle's 2-letter codes, not official.",
            },
        ),
    ],
    "published_figures": [
        (
            "published-programme-figures",
            "figures.csv",
            "published_figures_csv",
            {
                "url": "Public documents of the City of Heinola, the Heinola-Orimattila integration programme and Statistics Finland (see PROVENANCE.md)",
                "producer": "Heinolan kaupunki; Orimattilan kaupunki; Tilastokeskus",
                "citation": "Heinolan ja Orimattilan kotoutumisohjelma 2026 (22.10.2025); Heinola vuosikertomus 2023; "
                "Heinola kotoutumispalveluiden katsaus 2024; Tilastokeskus 11ra/11rm (koko maa)",
                "licence": "Public documents of Finnish authorities; Statistics Finland figures CC BY 4.0",
                "kind": "hand_copied_from_documents",
                "note": "One published figure a row, with its source document. Never mixed silently with StatFin series.",
            },
        ),
    ],
    "kuntaliitto_survey": [
        (
            "published-programme-figures",
            "kuntaliitto_survey_2023.csv",
            "kuntaliitto_survey_csv",
            {
                "url": "Kuntaliitto, Kotoutumisen yhdyspinnat -foorumi 20.1.2023 (presentation of the municipal survey)",
                "producer": "Kuntaliitto (Association of Finnish Municipalities)",
                "citation": "Kuntaliitto, kuntakysely kotoutumisen yhdyspinnoista (20.12.2022-13.1.2023)",
                "licence": "Public document of Kuntaliitto; cite the document",
                "kind": "hand_copied_from_documents",
                "note": "Percentages as published; 172 answers from 157 municipalities.",
            },
        ),
    ],
}

# A later snapshot (the newest wins for its dataset): real StatFin populations 1972-2023 (the reader keeps
# the registry's years, from 2015) and the preliminary month ends 2024M01-2025M01 (revised values).
LATER_SNAPSHOT_ID = "20261201-bundled"
POPULATION_MONTHLY = "statfin-population-1972-2025-monthly"
LATER_BUNDLE: dict[str, list[tuple[str, str, str, dict]]] = {
    "foreign_language_speakers": [
        BUNDLE["foreign_language_speakers"][0],  # the municipal shares again: the newest snapshot has all files
        (
            "statfin-11rl-regions-2025",
            "foreign_language_by_region_11rl_2025.csv",
            "statfin_11rl_region_totals_csv",
            {
                "url": "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/statfin_vaerak_pxt_11rl.px",
                "method": "POST",
                "request_body": {
                    "Alue": "MK## (19 regions)",
                    "Kieli": "all",
                    "Ikä": "SSS",
                    "Sukupuoli": "SSS",
                    "Vuosi": "2025",
                },  # fmt: skip
                "producer": STATFIN,
                "citation": "Tilastokeskus, StatFin 11rl, 31.12.2025: maakuntien vieraskieliset (käsin kopioidut "
                "yhteismäärät) / regions' foreign-language speakers (transcribed totals)",
                "licence": "CC BY 4.0",
                "kind": "transcribed_totals",
                "derived_from": {
                    "repository": "advaitsridhar/DemographicMap",
                    "path": "data/processed/finland_region.json (transcribed by hand, see PROVENANCE.md)",
                    "commit": "86b75399ec292b6a3cf4abc261e6da62f47dd088",
                },
                "note": "Foreign-language speakers = population - Finnish - Swedish - Sami per region, 31.12.2025; "
                "transcribed by hand from paged text; the 19 regions sum exactly to the national figures "
                "(646 392 of 5 652 881). Region level only.",
            },
        ),
    ],
    "population": [
        (
            POPULATION_MONTHLY,
            "statfin_11re_population_all_municipalities_1972_2023.csv",
            "statfin_11re_totals_csv",
            {
                "url": "https://pxdata.stat.fi:443/PxWeb/api/v1/fi/StatFin/vaerak/statfin_vaerak_pxt_11re.px",
                "method": "POST",
                "request_body": {"Alue": "SSS + all KU###", "Ikä": "SSS", "Sukupuoli": "SSS", "Vuosi": "1972-2023"},
                "producer": STATFIN,
                "table_updated": "2024-04-26",
                "citation": "Tilastokeskus, StatFin 11re (väestö 31.12., lopullinen)",
                "licence": "CC BY 4.0",
                "derived_from": {
                    "repository": "Kangasalakehitys/kuukausiraportti",
                    "path": "src/data/rdata/statfin_vaerak_pxt_11re_all (R pxweb_data object, converted to CSV)",
                    "commit": "5aa26432aa78c553e4f404881e8e9685412d1d19",
                },
                "note": "Final population 31.12. of the whole country and 309 municipalities (1.1.2024 division, with "
                "Pertunmaa), 1972-2023, totals of age and sex. Retrieved by the collector 2025-03-19.",
            },
        ),
        (
            POPULATION_MONTHLY,
            "statfin_11lj_prelim_population_all_municipalities_2024M01_2025M01.csv",
            "statfin_11lj_months_csv",
            {
                "url": "https://pxdata.stat.fi:443/PxWeb/api/v1/fi/StatFin/vamuu/statfin_vamuu_pxt_11lj.px",
                "method": "POST",
                "request_body": {"Kuukausi": "2024M01-2025M01", "Alue": "SSS + all KU###", "Sukupuoli": "SSS"},
                "producer": STATFIN,
                "table_updated": "2025-02-25",
                "citation": "Tilastokeskus, väestön ennakkotilasto (vamuu 11lj), ennakkoväkiluku kuukauden lopussa",
                "licence": "CC BY 4.0",
                "derived_from": {
                    "repository": "Kangasalakehitys/kuukausiraportti",
                    "path": "src/data/rdata/statfin_vamuu_pxt_11lj_all.Rdata (converted to CSV)",
                    "commit": "5aa26432aa78c553e4f404881e8e9685412d1d19",
                },
                "note": "Preliminary month-end population 2024M01-2025M01 (1.1.2025 division, 308 municipalities), "
                "revised values of the table updated 2025-02-25. Preliminary is not final.",
            },
        ),
    ],
}

MERGERS_CSV = "old_code,old_name_fi,new_code,new_name_fi,valid_from\n588,Pertunmaa,507,Mäntyharju,2025-01-01\n"


def build(sources: Path, raw_root: Path) -> None:
    """Copy every bundled file with its sidecar and provenance into ``raw_root`` (datasets not there yet)."""
    copied_at = utc_now()
    for snapshot_id, bundle in ((SNAPSHOT_ID, BUNDLE), (LATER_SNAPSHOT_ID, LATER_BUNDLE)):
        _build_bundle(sources, raw_root, snapshot_id, bundle, copied_at)
    if not (raw_root / "unemployment" / LATER_SNAPSHOT_ID).exists():
        _build_unemployment(sources, raw_root, copied_at)
    if not (raw_root / "employment" / LATER_SNAPSHOT_ID).exists():
        _build_employment(sources, raw_root, copied_at)
    if not (raw_root / "municipality_mergers" / SNAPSHOT_ID).exists():
        _build_mergers(raw_root, copied_at)
    if not (raw_root / "temporary_protection" / SNAPSHOT_ID).exists():
        _build_temporary_protection(sources, raw_root, copied_at)


def _build_bundle(sources: Path, raw_root: Path, snapshot_id: str, bundle: dict, copied_at: str) -> None:
    for dataset, files in bundle.items():
        if (raw_root / dataset / snapshot_id).exists():
            continue
        writer = SnapshotWriter(dataset, snapshot_id, raw_root)
        for folder, name, fmt, meta in files:
            content = (sources / folder / name).read_bytes()
            writer.add(
                name,
                content,
                {
                    "kind": CONVERSION,
                    "format": fmt,
                    "retrieved_at": copied_at,
                    "http_status": None,
                    "table_updated": None,
                    **meta,
                    "provenance": f"{folder}.PROVENANCE.md",
                },
            )
            _copy_provenance(sources / folder, writer.folder / f"{folder}.PROVENANCE.md")
        writer.commit()


def _copy_provenance(source_folder: Path, target: Path) -> None:
    if not target.exists():
        target.write_bytes((source_folder / "PROVENANCE.md").read_bytes())


def _build_unemployment(sources: Path, raw_root: Path, copied_at: str) -> None:
    """The recorded 12r5 answer (PxWeb's older json format) of the unemployment rate of all municipalities."""
    folder = sources / "recorded-api-answers-2025" / "statfin"
    name = "statfin_12r5_OLD_308kunnat_TYOTOSUUS.POST_json.json"
    writer = SnapshotWriter("unemployment", LATER_SNAPSHOT_ID, raw_root)
    writer.add(name, (folder / "converted" / name).read_bytes(), {
        "kind": CONVERSION, "format": "pxweb_json", "retrieved_at": copied_at, "http_status": None,
        "url": "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/tyonv/statfin_tyonv_pxt_12r5.px",
        "method": "POST", "request_body": {"Alue": "308 KU codes", "Kuukausi": "*", "Tiedot": "TYOTOSUUS"},
        "table_updated": "2025-02-25", "producer": "Tilastokeskus; Työ- ja elinkeinoministeriö, Työnvälitystilasto",
        "citation": "Tilastokeskus, StatFin tyonv 12r5: työttömien työnhakijoiden osuus työvoimasta (TEM, työnvälitystilasto)",
        "licence": "CC BY 4.0",
        "derived_from": {"repository": "Kangasalakehitys/kuukausiraportti",
                         "path": "src/data/rdata/statfin_tyonv_pxt_12r5_map.Rdata (R pxweb_data, converted to JSON)",
                         "commit": "5aa26432aa78c553e4f404881e8e9685412d1d19"},
        "note": "Unemployment rate (%) of 308 municipalities by month 2007M01-2025M01, old interface (before "
                "8 June 2026); 692 cells '...' (not published). Recorded by the collector 2025-03-19.",
        "provenance": "recorded-api-answers-2025-statfin.PROVENANCE.md",
    })  # fmt: skip
    _copy_provenance(folder, writer.folder / "recorded-api-answers-2025-statfin.PROVENANCE.md")
    writer.commit()


def _build_employment(sources: Path, raw_root: Path, copied_at: str) -> None:
    """The recorded 115h answer (json-stat2, older interface): jobs in Päijät-Häme, Kanta-Häme and the country."""
    folder = sources / "recorded-api-answers-2025" / "statfin"
    name = "_alueentyopaikat_115h_response.json"
    writer = SnapshotWriter("employment", LATER_SNAPSHOT_ID, raw_root)
    writer.add("statfin_115h_OLD_PHA_KHA_tyolliset3.json", (folder / "original" / "ennakointi_node_rest" / name).read_bytes(), {
        "kind": CONVERSION, "format": "jsonstat2", "retrieved_at": copied_at, "http_status": None,
        "url": "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/tyokay/statfin_tyokay_pxt_115h.px",
        "method": "POST", "request_body": json.loads((folder / "original" / "ennakointi_node_rest" / "_alueentyopaikat_115h.json").read_text()),
        "table_updated": "2024-12-17T06:00:00Z", "producer": STATFIN,
        "citation": "Tilastokeskus, StatFin tyokay 115h: alueella työssäkäyvät (työpaikat), työssäkäyntitilasto",
        "licence": "CC BY 4.0",
        "derived_from": {"repository": "Jollyjoo/Ennakointi-node-rest",
                         "path": "_alueentyopaikat_115h_response.json (git blob b7e30f1075f8eb3cf0636805387de6bffa79a442)",
                         "commit": "3ec765212b068be04915ac4435fb4dad4e6e7ed1"},
        "note": "Recorded json-stat2 answer of the older interface (before 8 June 2026), re-indented by the recorder "
                "(values and key order the server's); the request body is the recorder's template: jobs (tyolliset3) of the whole "
                "country and 21 municipalities of Päijät-Häme and Kanta-Häme, all industries, by sex, 2007-2023. "
                "Other municipalities come with refresh --online.",
        "provenance": "recorded-api-answers-2025-statfin.PROVENANCE.md",
    })  # fmt: skip
    _copy_provenance(folder, writer.folder / "recorded-api-answers-2025-statfin.PROVENANCE.md")
    writer.commit()


def _build_mergers(raw_root: Path, copied_at: str) -> None:
    writer = SnapshotWriter("municipality_mergers", SNAPSHOT_ID, raw_root)
    writer.add(
        "mergers.csv",
        MERGERS_CSV.encode("utf-8"),
        {
            "kind": "hand_kept_reference",
            "format": "mergers_csv",
            "retrieved_at": copied_at,
            "producer": STATFIN,
            "citation": "Tilastokeskus, kuntaluokitus: kuntien muutokset 1.1.2025",
            "licence": "CC BY 4.0",
            "url": "https://stat.fi/fi/luokitukset/kunta/ (kuntaliitokset)",
            "note": "Kept by hand. Pertunmaa (588) joined Mäntyharju (507) on 1.1.2025; seen in the data as 309 "
            "municipalities in 2024 and 308 in 2025. Add a row for each future merger.",
        },
    )
    writer.commit()


def _build_temporary_protection(sources: Path, raw_root: Path, copied_at: str) -> None:
    """The published month-end points of figures.csv, in the table form an analyst would import."""
    import csv
    import io

    folder = "published-programme-figures"
    with open(sources / folder / "figures.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["measure"] == "temporary_protection_with_municipality"]
    out = io.StringIO()
    writer_csv = csv.writer(out, lineterminator="\n")
    writer_csv.writerow(["kuntakoodi", "kunta", "päivämäärä", "lukumäärä", "huomautus"])
    for r in rows:
        writer_csv.writerow([r["kunta_code"], r["kunta_name_fi"], r["reference_date"], r["value"], r["note"]])
    writer = SnapshotWriter("temporary_protection", SNAPSHOT_ID, raw_root)
    writer.add(
        "temporary_protection_published_points.csv",
        out.getvalue().encode("utf-8"),
        {
            "kind": "conversion_of_hand_copied_figures",
            "format": "temporary_protection_table",
            "retrieved_at": copied_at,
            "http_status": None,
            "table_updated": None,
            "url": "Heinolan ja Orimattilan kaupunkien kotoutumisohjelma 2026 (22.10.2025), osio 2a",
            "producer": "Maahanmuuttovirasto (Migri) / TEM, as quoted by the cities of Heinola and Orimattila",
            "citation": "Migri/TEM: tilapäistä suojelua saavat, joilla on kotikunta, 30.9.2025 "
            "(Heinolan ja Orimattilan kotoutumisohjelma 2026)",
            "licence": "Public documents of Finnish authorities",
            "derived_from": {
                "repository": "team collection",
                "path": f"{folder}/figures.csv",
                "commit": "rows with measure temporary_protection_with_municipality",
            },
            "provenance": f"{folder}.PROVENANCE.md",
            "note": "Only the two points the programme publishes (Heinola 42, Orimattila 155 on 30.9.2025). "
            "The monthly table for all municipalities is fetched with --online or imported.",
        },
    )
    _copy_provenance(sources / folder, writer.folder / f"{folder}.PROVENANCE.md")
    writer.commit()


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/raw-sources")
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    from pipeline import paths

    build(src, out or paths.raw_dir())
    print(f"bundled snapshot {SNAPSHOT_ID} written under {out or paths.raw_dir()}")

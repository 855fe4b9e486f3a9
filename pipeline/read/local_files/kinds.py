"""The kinds of hand-kept file and their columns: :data:`KINDS`, :func:`kind_spec`."""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa

from pipeline.i18n import Said, said
from pipeline.read.local_files.forms import THEME_ALIASES_FI, THEMES
from pipeline.read.local_files.models import (
    ACTIVITY_COUNTS,
    ActivityModel,
    ArrivalsModel,
    GroupsModel,
    QuotaModel,
    SurveyModel,
)


@dataclass(frozen=True)
class LocalColumn:
    """One column of a kind: canonical English ``name``, Finnish header ``fi`` (ASCII) and its type."""

    name: str
    fi: str
    type: str  # a key of parse.PARSERS; its form is the catalog's own_form.<type>
    required: bool
    description_fi: str
    description_en: str
    example: str = ""

    @property
    def form(self) -> Said:
        """The expected form of a value of the column, in any language (``form("fi")``)."""
        return said(f"own_form.{self.type}")


@dataclass(frozen=True)
class LocalKind:
    """A kind of hand-kept file: its columns, its Pandera model and how to fill it in."""

    name: str
    title_fi: str
    title_en: str
    row_fi: str  # what one row is, for the instructions
    row_en: str
    columns: tuple[LocalColumn, ...]
    model: type[pa.DataFrameModel]
    at_least_one: tuple[str, ...] = ()  # at least one of these must have a value on each row
    example_note: str = "esimerkkirivi / example row"

    def column(self, name: str) -> LocalColumn:
        return next(c for c in self.columns if c.name == name)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _code() -> LocalColumn:
    return LocalColumn(
        "kunta_code",
        "kuntakoodi",
        "kunta_code",
        True,
        "kunnan kolminumeroinen koodi",
        "the municipality's three-digit code",
        "111",
    )


def _source(example: str) -> LocalColumn:
    return LocalColumn(
        "source_document",
        "lahde",
        "document",
        True,
        "asiakirja, josta luku on (lyhyt tunnus, esim. vuosikertomus_2023)",
        "the document the figure is from (a short name, e.g. vuosikertomus_2023)",
        example,
    )


def _note(example: str = "esimerkki / example") -> LocalColumn:
    return LocalColumn("note", "huomautus", "text", False, "vapaa huomautus", "a free note", example)


def _period(example_start: str, example_end: str) -> tuple[LocalColumn, LocalColumn]:
    return (
        LocalColumn(
            "period_start",
            "alkupaiva",
            "date",
            True,
            "ajanjakson ensimmäinen päivä",
            "the first day of the period",
            example_start,
        ),
        LocalColumn(
            "period_end",
            "loppupaiva",
            "date",
            True,
            "ajanjakson viimeinen päivä (ei ennen alkupäivää)",
            "the last day of the period (not before the first day)",
            example_end,
        ),
    )


def _optional_count(name: str, fi: str, what_fi: str, what_en: str, example: str = "") -> LocalColumn:
    return LocalColumn(name, fi, "count", False, what_fi, what_en, example)


KINDS: dict[str, LocalKind] = {
    "quota": LocalKind(
        "quota",
        "Pakolaiskiintiö",
        "Refugee quota",
        "yksi rivi kuntaa ja vuotta kohden",
        "one row per municipality and year",
        (
            _code(),
            LocalColumn("year", "vuosi", "year", True, "vuosi, jota kiintiö koskee", "the year of the quota", "2024"),
            LocalColumn(
                "quota",
                "kiintio",
                "count",
                True,
                "kiintiöpakolaisten määrä vuodessa (0 = ei kiintiötä)",
                "quota refugees per year (0 = no quota)",
                "15",
            ),
            LocalColumn(
                "emergency_cases",
                "hatatapaukset",
                "count",
                False,
                "kiintiöstä hätätapauksia",
                "of the quota, emergency cases",
                "5",
            ),
            _source("kotoutuminen_katsaus_2024"),
            _note(),
        ),
        QuotaModel,
    ),
    "arrivals": LocalKind(
        "arrivals",
        "Saapuneet kiintiöpakolaiset",
        "Quota refugees arrived",
        "yksi rivi kuntaa ja ajanjaksoa kohden",
        "one row per municipality and period",
        (
            _code(),
            *_period("1.1.2024", "29.2.2024"),
            _optional_count("persons", "henkiloita", "saapuneita henkilöitä", "persons arrived", "9"),
            _optional_count("families", "perheita", "saapuneita perheitä", "families arrived"),
            _source("kotoutuminen_katsaus_2024"),
            _note(),
        ),
        ArrivalsModel,
        at_least_one=("persons", "families"),
    ),
    "activity": LocalKind(
        "activity",
        "Kotoutumistyön toiminta",
        "Activity of integration work",
        "yksi rivi kuntaa ja ajanjaksoa kohden",
        "one row per municipality and period",
        (
            _code(),
            *_period("1.1.2024", "31.12.2024"),
            _optional_count(
                "dropin_visits",
                "matalan_kynnyksen_kaynnit",
                "käyntejä matalan kynnyksen palvelussa",
                "visits to the drop-in service",
            ),
            _optional_count("clients", "asiakkaat", "asiakkaita", "clients"),
            _optional_count(
                "integration_plans",
                "kotoutumissuunnitelmat",
                "laadittuja kotoutumissuunnitelmia",
                "integration plans made",
            ),
            _optional_count(
                "network_meetings", "verkostotapaamiset", "verkoston tapaamisia", "meetings of the network", "4"
            ),
            _optional_count(
                "network_participants",
                "verkoston_osallistujat",
                "osallistujia verkoston tapaamisissa",
                "participants in the network's meetings",
            ),
            _optional_count(
                "guided_to_work_or_education",
                "ohjatut_tyohon_tai_koulutukseen",
                "työhön tai koulutukseen ohjattuja",
                "persons guided to work or education",
            ),
            _source("kotoutuminen_katsaus_2024"),
            _note(),
        ),
        ActivityModel,
        at_least_one=tuple(ACTIVITY_COUNTS),
    ),
    "survey": LocalKind(
        "survey",
        "Kyselyt: asiakastyytyväisyys, osallisuus, turvallisuus, merkityksellisyys",
        "Surveys: customer satisfaction, inclusion, safety, meaningfulness",
        "yksi rivi kysymystä ja ajanjaksoa kohden",
        "one row per question and period",
        (
            _code(),
            LocalColumn(
                "period", "ajanjakso", "period", True, "kyselyn ajanjakso", "the period of the survey", "2025-H1"
            ),
            LocalColumn(
                "theme",
                "teema",
                "theme",
                True,
                "teema: " + ", ".join(THEMES) + " (myös suomeksi: " + ", ".join(THEME_ALIASES_FI) + ")",
                "theme: " + ", ".join(THEMES),
                "customer_satisfaction",
            ),
            LocalColumn(
                "question",
                "kysymys",
                "text",
                True,
                "kysymys sellaisenaan",
                "the question as asked",
                "Kuinka tyytyväinen olit palveluun?",
            ),
            LocalColumn(
                "scale",
                "asteikko",
                "scale",
                True,
                "vastausasteikko, esim. 1-5 tai %",
                "the answer scale, e.g. 1-5 or %",
                "1-5",
            ),
            LocalColumn("mean", "keskiarvo", "number", False, "vastausten keskiarvo", "the mean of the answers", "4.2"),
            LocalColumn(
                "share_pct",
                "osuus_pct",
                "share",
                False,
                "samaa mieltä olevien tms. osuus, %",
                "the share agreeing or similar, %",
            ),
            LocalColumn("n", "vastaajia", "count", True, "vastaajien määrä", "number of respondents", "25"),
            _source("asiakaskysely_2025"),
            _note("keksitty esimerkki / made-up example"),
        ),
        SurveyModel,
        at_least_one=("mean", "share_pct"),
        example_note="keksitty esimerkki / made-up example",
    ),
    "groups": LocalKind(
        "groups",
        "Kuntaryhmät (yhteinen ohjelma tai koordinaattori)",
        "Groups of municipalities (a joint programme or coordinator)",
        "yksi rivi ryhmän jäsenkuntaa kohden",
        "one row per member municipality of a group",
        (
            LocalColumn(
                "group_id",
                "ryhma",
                "group_id",
                True,
                "ryhmän tunnus: pienet kirjaimet, numerot, - ja _",
                "the group's id: lower-case letters, digits, - and _",
                "heinola-orimattila",
            ),
            LocalColumn(
                "name_fi",
                "nimi_fi",
                "text",
                True,
                "ryhmän nimi suomeksi",
                "the group's name in Finnish",
                "Heinola ja Orimattila",
            ),
            LocalColumn(
                "name_sv",
                "nimi_sv",
                "text",
                True,
                "ryhmän nimi ruotsiksi",
                "the group's name in Swedish",
                "Heinola och Orimattila",
            ),
            LocalColumn(
                "name_en",
                "nimi_en",
                "text",
                True,
                "ryhmän nimi englanniksi",
                "the group's name in English",
                "Heinola and Orimattila",
            ),
            _code(),
            _source("kotoutumisohjelma_2026"),
            _note(),
        ),
        GroupsModel,
    ),
}


def kind_spec(kind: str) -> LocalKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; the kinds are {', '.join(KINDS)}") from None

"""The constants of the hand-kept files: suffixes, themes, periods, years and the expected form of each type."""

from __future__ import annotations

from datetime import date

SUFFIXES = (".csv", ".xlsx")
THEMES = ["customer_satisfaction", "inclusion", "safety", "meaningfulness"]
# Finnish names of the themes, accepted when reading and turned into the English ones.
THEME_ALIASES_FI = {
    "asiakastyytyvaisyys": "customer_satisfaction",
    "osallisuus": "inclusion",
    "turvallisuus": "safety",
    "merkityksellisyys": "meaningfulness",
}
PERIOD_PATTERN = (
    r"^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$"
    r"|^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$"
)
# The years a figure of one's own may be about: from 1970 (the first year of the statistics' schemas) to
# next year for a quota (a council decides next year's quota in the autumn) and this year for a date (an
# arrival or a meeting cannot have happened later); a count is no larger than any municipality's.
FIRST_YEAR = 1970
YEAR_RANGE = (FIRST_YEAR, date.today().year + 1)
DATE_RANGE = (date(FIRST_YEAR, 1, 1), date(date.today().year, 12, 31))
MAX_COUNT = 10_000_000

# The expected form of a value of each type: (Finnish, English).
FORMS: dict[str, tuple[str, str]] = {
    "kunta_code": ("kuntakoodi, esim. 111 tai KU111", "a municipality code, e.g. 111 or KU111"),
    "year": ("vuosi, esim. 2025", "a year, e.g. 2025"),
    "date": ("päivämäärä, esim. 31.3.2024 tai 2024-03-31", "a date, e.g. 31.3.2024 or 2024-03-31"),
    "count": ("kokonaisluku ≥ 0, esim. 12", "a whole number ≥ 0, e.g. 12"),
    "number": ("luku, esim. 4,2", "a number, e.g. 4.2"),
    "share": ("osuus 0–100, esim. 42,5", "a share 0–100, e.g. 42.5"),
    "period": (
        "ajanjakso, esim. 2025, 2025-H1, 2025-Q3, 2025-03 tai 2025-01-01/2025-06-30",
        "a period, e.g. 2025, 2025-H1, 2025-Q3, 2025-03 or 2025-01-01/2025-06-30",
    ),
    "theme": ("yksi teemoista " + ", ".join(THEMES), "one of the themes " + ", ".join(THEMES)),
    "document": (
        "lähdeasiakirjan lyhyt tunnus, esim. vuosikertomus_2023",
        "the source document's short name, e.g. vuosikertomus_2023",
    ),
    "scale": ("vastausasteikko, esim. 1-5 tai %", "the answer scale, e.g. 1-5 or %"),
    "text": ("tekstiä", "text"),
    "group_id": (
        "ryhmän tunnus pienin kirjaimin, esim. heinola-orimattila",
        "a group id in lower case, e.g. heinola-orimattila",
    ),
}
# The expected form of a value that parsed but is outside its range: (Finnish, English).
OUT_OF_RANGE: dict[str, tuple[str, str]] = {
    "year": (f"vuosi {YEAR_RANGE[0]}–{YEAR_RANGE[1]}", f"a year from {YEAR_RANGE[0]} to {YEAR_RANGE[1]}"),
    "date": (
        f"päivämäärä {DATE_RANGE[0]:%-d.%-m.%Y}–{DATE_RANGE[1]:%-d.%-m.%Y} (ei tulevaisuudessa)",
        f"a date from {DATE_RANGE[0]:%-d.%-m.%Y} to {DATE_RANGE[1]:%-d.%-m.%Y} (not in the future)",
    ),
    "count": (
        "kokonaisluku 0–10 000 000 (suurempi ei ole minkään kunnan luku)",
        "a whole number from 0 to 10 000 000 (a larger one is no municipality's count)",
    ),
}
FORMULA = (
    "arvo eikä kaava ilman tallennettua tulosta; avaa tiedosto Excelissä ja tallenna se, tai kirjoita luku",
    "a value, not a formula without a saved result; open the file in Excel and save it, or type the value",
)
REQUIRED_FI, REQUIRED_EN = "pakollinen tieto puuttuu", "a required value is missing"
UNKNOWN_MUNICIPALITY = ("olemassa olevan kunnan koodi", "the code of an existing municipality")

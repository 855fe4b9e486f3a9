"""The constants of the hand-kept files: suffixes, themes, periods, years, and the expected forms (:class:`Said`)."""

from __future__ import annotations

from datetime import date

from pipeline.i18n import said

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

# The expected form of a value that parsed but is outside its range, and of a formula without its result
OUT_OF_RANGE = {
    "year": said("own_range.year", first=YEAR_RANGE[0], last=YEAR_RANGE[1]),
    "date": said("own_range.date", first=f"{DATE_RANGE[0]:%-d.%-m.%Y}", last=f"{DATE_RANGE[1]:%-d.%-m.%Y}"),
    "count": said("own_range.count"),
}
FORMULA = said("own_problem.formula")

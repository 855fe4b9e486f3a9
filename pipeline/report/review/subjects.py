"""Who a review is about: one municipality, several (a joint review), or a group from the groups file."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.report.profile import ProfileError, complete_years, default_year, find_municipality, years_with_data
from pipeline.report.review.marts import Marts


@dataclass(frozen=True)
class Subject:
    members: tuple[dict, ...]  # dim_municipality rows, in the order given
    group: dict | None = None  # {"group_id", "name_fi", "name_sv", "name_en", "source"} of a named group

    @property
    def joint(self) -> bool:
        return len(self.members) > 1

    def name(self, lang: str) -> str:
        if self.group is not None:
            return str(self.group[f"name_{lang}"])
        names = [str(m[f"name_{lang}"]) for m in self.members]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]

    @property
    def slug(self) -> str:
        return str(self.group["group_id"]) if self.group else "-".join(m["kunta_code"] for m in self.members)


def find_group(marts: Marts, query: str) -> dict | None:
    """A group by its id or by its name in any language (case does not matter), or None."""
    groups = marts["municipality_groups"]
    text = query.strip().casefold()
    hit = groups[
        groups["group_id"].str.casefold().eq(text)
        | groups[["name_fi", "name_sv", "name_en"]].apply(lambda c: c.str.casefold()).eq(text).any(axis=1)
    ]
    if hit.empty:
        return None
    first = hit.iloc[0]
    rows = groups[groups["group_id"] == first["group_id"]]
    return {
        "group_id": first["group_id"],
        **{f"name_{lang}": first[f"name_{lang}"] for lang in ("fi", "sv", "en")},
        "source": first.get("source"),
        "members": rows["kunta_code"].tolist(),
    }


def resolve(marts: Marts, queries: list[str]) -> Subject:
    """Codes, names or one group id -> the subject; an unknown one is a :class:`ProfileError`."""
    if not queries:
        raise ProfileError("name a municipality (code or name) or a group")
    group = find_group(marts, queries[0]) if len(queries) == 1 else None
    if group is not None:
        return Subject(tuple(marts.municipality(code) for code in group["members"]), group)
    members: dict[str, dict] = {}
    for query in queries:
        if find_group(marts, query) is not None:
            raise ProfileError(f"{query!r} is a group; give a group alone, or municipalities")
        muni = find_municipality(marts.con, query)
        members.setdefault(muni["kunta_code"], muni)
    return Subject(tuple(members.values()))


def review_year(marts: Marts, subject: Subject, year: int | None) -> int:
    """The year asked for, if every member has figures for it; else the latest complete year."""
    years = {m["kunta_code"]: years_with_data(marts.con, m["kunta_code"]) for m in subject.members}
    if year is None:
        complete = complete_years(marts["foreign_language_speakers"], marts["population"])
        common = sorted(set.intersection(*(set(y) for y in years.values())))
        if not common:
            raise ProfileError(f"no year has figures for every member of {subject.name('fi')}")
        return default_year(common, complete)
    for muni in subject.members:
        have = years[muni["kunta_code"]]
        if year not in have:
            raise ProfileError(
                f"no figures for {muni['name_fi']} in {year}; years with data: {', '.join(map(str, have))}"
            )
    return year

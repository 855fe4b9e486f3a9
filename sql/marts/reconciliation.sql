-- Whole-country figures computed from municipal data against the published ones. A difference over
-- the tolerance fails the refresh (checked by the Pandera model of this table).
with

population_computed as (
    select reference_date, population from int_population_aggregated where area_level = 'country'
),

population_published as (
    select reference_date, population from population where area_level = 'country' and method = 'published'
),

speakers_computed as (
    select year, speakers from int_foreign_language_speakers_aggregated where area_level = 'country'
),

speakers_published as (
    select year, speakers from foreign_language_speakers
    where area_level = 'country' and speakers_method = 'published'
),

compared as (
    select
        'population' as measure,
        population_published.reference_date,
        population_computed.population as computed,
        population_published.population as published
    from population_computed
    inner join population_published using (reference_date)
    union all
    select
        'foreign_language_speakers' as measure,
        make_date(speakers_published.year, 12, 31),
        speakers_computed.speakers,
        speakers_published.speakers  -- noqa: AL08
    from speakers_computed
    inner join speakers_published using (year)
),

final as (
    select
        measure,
        'SSS' as area_code,
        reference_date,
        computed,
        published,
        computed - published as difference,
        round(100.0 * (computed - published) / published, 3) as difference_pct,
        0.5 as tolerance_pct,
        abs(100.0 * (computed - published) / published) <= 0.5 as within_tolerance
    from compared
)

select * from final order by measure, reference_date

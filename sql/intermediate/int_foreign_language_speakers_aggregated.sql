-- Foreign-language speakers per municipality (published share; count where published), and the
-- region and whole-country figures computed from them with the year-end population. Where a
-- municipality has only a share, its count is estimated as share x population (rounded shares,
-- so the sum is an estimate: method 'computed_estimate').
with

staged as (
    select * from stg_foreign_language_speakers
),

municipalities as (
    select * from stg_municipalities
),

year_end_population as (
    select area_code, year(reference_date) as year, population
    from int_population_aggregated
    where area_level = 'municipality' and month(reference_date) = 12 and day(reference_date) = 31
),

municipal as (
    select
        area_code,
        year,
        max(value) filter (where measure = 'count') as speakers,
        max(value) filter (where measure = 'share_pct') as share_pct
    from staged
    where area_level = 'municipality'
    group by all
),

municipal_with_population as (
    select
        municipal.*,
        municipalities.region_code,
        year_end_population.population,
        coalesce(municipal.speakers, municipal.share_pct * year_end_population.population / 100) as speakers_or_estimate
    from municipal
    inner join municipalities on municipalities.kunta_code = municipal.area_code
    left join year_end_population using (area_code, year)
),

by_area as (
    select 'region' as area_level, region_code as area_code, * exclude (area_code, region_code)
    from municipal_with_population
    union all
    select 'country' as area_level, 'SSS' as area_code, * exclude (area_code, region_code)
    from municipal_with_population
),

aggregated as (
    select
        area_level,
        area_code,
        year,
        count(speakers_or_estimate) as reported,
        count(speakers) as counted,
        round(sum(speakers_or_estimate)) as speakers,
        100 * sum(speakers_or_estimate) / sum(population) as share_pct
    from by_area
    group by all
),

expected as (
    select region_code as area_code, count(*) as expected from municipalities group by region_code
    union all
    select 'SSS', count(*) from municipalities
),

final as (
    select
        aggregated.area_level,
        aggregated.area_code,
        aggregated.year,
        cast(aggregated.speakers as bigint) as speakers,
        aggregated.share_pct,
        case when aggregated.counted = expected.expected then 'computed' else 'computed_estimate' end as method
    from aggregated
    inner join expected using (area_code)
    where aggregated.reported = expected.expected
)

select * from final

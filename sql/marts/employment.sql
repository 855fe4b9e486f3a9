-- Jobs in each municipality at the end of each year: persons whose workplace is in the municipality
-- (StatFin tyokay 115h, all industries, both sexes), and the change from the year before in per cent.
-- The bundled snapshot holds the recorded answer for Päijät-Häme and Kanta-Häme; --online fetches all.
with

staged as (
    select * from stg_employment
    where
        area_level = 'municipality'
        and industry = 'SSS'
        and sex = 'total'
        and measure = 'tyolliset3'
),

by_year as (
    select
        area_code as kunta_code,
        year,
        make_date(year, 12, 31) as reference_date,
        value as jobs,
        100.0 * (value / lag(value) over (partition by area_code order by year) - 1) as change_pct,
        year - lag(year) over (partition by area_code order by year) as years_apart,
        status,
        source_file
    from staged
),

final as (
    select
        by_year.kunta_code,
        by_year.year,
        by_year.reference_date,
        by_year.jobs,
        case when by_year.years_apart = 1 then round(by_year.change_pct, 1) end as jobs_change_pct,
        by_year.status,
        sources.citation as source
    from by_year
    left join sources on sources.source_key = 'file:' || by_year.source_file
)

select * from final order by kunta_code, year

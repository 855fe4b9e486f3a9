-- Unemployed jobseekers per municipality and month end (StatFin tyonv 12r5): the unemployment rate
-- (% of the labour force, TYOTOSUUS), all unemployed jobseekers (TYOTTOMATLOPUSSA) and those with a foreign
-- citizenship (TYOTTOMATULK). The bundled snapshot has the rate only; the counts come with --online.
-- A month the publisher left out stays a row with nulls.
with

staged as (
    select * from stg_unemployment
),

by_month as (
    select
        area_code as kunta_code,
        cast(reference_date as date) as reference_date,
        max(value) filter (where measure = 'TYOTOSUUS') as rate,
        max(value) filter (where measure = 'TYOTTOMATLOPUSSA') as unemployed,
        max(value) filter (where measure = 'TYOTTOMATULK') as foreign_citizens,
        string_agg(distinct status, ', ') as status,
        min(source_file) as source_file
    from staged
    group by area_code, reference_date
),

final as (
    select
        by_month.kunta_code,
        by_month.reference_date,
        year(by_month.reference_date) as year,
        round(by_month.rate, 1) as unemployment_rate_pct,
        cast(by_month.unemployed as bigint) as unemployed,
        cast(by_month.foreign_citizens as bigint) as unemployed_foreign_citizens,
        by_month.status,
        sources.citation as source
    from by_month
    left join sources on sources.source_key = 'file:' || by_month.source_file
)

select * from final order by kunta_code, reference_date

-- Unemployed jobseekers as a share of the labour force (%), per municipality and month end
-- (StatFin tyonv 12r5, TYOTOSUUS). A month the publisher left out stays a row with a null rate.
with

staged as (
    select * from stg_unemployment
    where area_level = 'municipality' and measure = 'TYOTOSUUS'
),

final as (
    select
        staged.area_code as kunta_code,
        cast(staged.reference_date as date) as reference_date,
        year(staged.reference_date) as year,
        round(staged.value, 1) as unemployment_rate_pct,
        staged.status,
        sources.citation as source
    from staged
    left join sources on sources.source_key = 'file:' || staged.source_file
)

select * from final order by kunta_code, reference_date

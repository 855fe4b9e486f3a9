-- Population by citizenship (both sexes). `citizenship_group` marks the total, Finland and the
-- table's own subtotals (names containing 'yhteensä') so that rankings use single countries only.
with

staged as (
    select * from stg_population_by_citizenship where area_level in ('municipality', 'region', 'country')
),

final as (
    select
        staged.area_level,
        staged.area_code,
        staged.year,
        make_date(staged.year, 12, 31) as reference_date,
        staged.citizenship_code,
        staged.citizenship_name_fi,
        case
            when staged.citizenship_code = 'SSS' then 'total'
            when lower(staged.citizenship_name_fi) = 'suomi' then 'finland'
            when lower(staged.citizenship_name_fi) like '%yhteensä%' then 'subtotal'
            else 'country'
        end as citizenship_group,
        staged.sex,
        staged.population,
        staged.status,
        sources.citation as source
    from staged
    left join sources on sources.source_key = 'population_by_citizenship'
)

select * from final order by area_level, area_code, year, citizenship_code

-- The Sotkanet wellbeing indicators of each municipality by year (the measures of "Hyvinvoiva kaupunki").
-- abs_value is the number of persons a value is computed from (e.g. deaths) where the answer gives it: the
-- small-count rule hides it and the value when it is 1-4.
with

staged as (
    select * from stg_wellbeing_indicators
    where area_level = 'municipality' and gender = 'total'
),

municipalities as (
    select kunta_code from dim_municipality
),

final as (
    select
        staged.area_code as kunta_code,
        staged.measure as measure_id,
        staged.indicator_id,
        staged.year,
        make_date(staged.year, 12, 31) as reference_date,
        staged.value,
        cast(staged.abs_value as bigint) as abs_value,
        sources.citation || ', indikaattori ' || staged.indicator_id as source
    from staged
    inner join municipalities on staged.area_code = municipalities.kunta_code
    left join sources on sources.source_key = 'file:' || staged.source_file
)

select * from final order by kunta_code, measure_id, year

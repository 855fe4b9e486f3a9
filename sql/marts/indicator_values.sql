-- Kuntaliitto's twelve impact indicators for every municipality: each measure's values by period with
-- status `measured` (open data), `local` (the municipality's own files or surveys) or `no_data` (one row,
-- value null: never 0). A value hidden by the small-count rule keeps its status with value_flag
-- 'confidential'. The registry is pipeline/indicators.yaml.
with

measures as (
    select * from indicator_measures
),

municipalities as (
    select kunta_code from dim_municipality
),

measure_values as (
    select * from int_indicator_measure_values
),

grid as (
    select municipalities.kunta_code, measures.*
    from municipalities
    cross join measures
),

final as (
    select
        grid.kunta_code,
        grid.group_id,
        grid.indicator_id,
        grid.measure_id,
        grid.unit,
        grid.source_kind,
        measure_values.period,
        measure_values.reference_date,
        measure_values.value,
        measure_values.value_flag,
        case
            when measure_values.value is null and measure_values.value_flag is null then 'no_data'
            when grid.source_kind = 'open_data' then 'measured'
            else 'local'
        end as status,
        measure_values.source
    from grid
    left join measure_values
        on measure_values.kunta_code = grid.kunta_code
        and measure_values.measure_id = grid.measure_id
)

select * from final order by kunta_code, group_id, indicator_id, measure_id, reference_date

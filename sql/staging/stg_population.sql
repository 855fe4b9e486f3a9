-- Population by area and reference date (31.12. final, or a preliminary month end).
with

source as (
    select * from raw_population
),

renamed as (
    select
        area_level(area_code) as area_level,
        area_key(area_code) as area_code,
        cast(reference_date as date) as reference_date,
        year(cast(reference_date as date)) as year,
        population_status,
        cast(value as bigint) as population,
        status,
        source_file,
        source_row
    from source
)

select * from renamed

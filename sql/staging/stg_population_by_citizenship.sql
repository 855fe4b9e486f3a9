-- Population by citizenship (both sexes).
with

source as (
    select * from raw_population_by_citizenship
),

renamed as (
    select
        area_level(area_code) as area_level,
        area_key(area_code) as area_code,
        cast(year as integer) as year,
        citizenship_code,
        citizenship_name_fi,
        sex_name(sex) as sex,
        cast(value as bigint) as population,
        status,
        source_file,
        source_row
    from source
)

select * from renamed

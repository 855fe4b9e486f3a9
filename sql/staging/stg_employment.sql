-- Jobs (persons working in the area, by the area of the workplace) by area, industry, sex and year
-- (StatFin tyokay 115h). The statistic's reference time is the last week of the year.
with

source as (
    select * from raw_employment
),

renamed as (
    select
        area_level(area_code) as area_level,
        area_key(area_code) as area_code,
        industry,
        sex_name(sex) as sex,
        cast(year as integer) as year,
        content as measure,
        cast(value as bigint) as value,
        status,
        source_file,
        source_row
    from source
)

select * from renamed

-- Population by one-year age and sex (age null = all ages; 100 = 100 and over, StatFin's '100-').
with

source as (
    select * from raw_population_by_age_sex
),

renamed as (
    select
        area_level(area_code) as area_level,
        area_key(area_code) as area_code,
        cast(year as integer) as year,
        try_cast(rtrim(age, '-') as integer) as age,
        sex_name(sex) as sex,
        cast(value as bigint) as population,
        status,
        source_file,
        source_row
    from source
)

select * from renamed

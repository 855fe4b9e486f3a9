-- Population by language and sex. Statistics Finland leaves cells under 10 persons null (status '...').
with

source as (
    select * from raw_population_by_language
),

renamed as (
    select
        area_level(area_code) as area_level,
        area_key(area_code) as area_code,
        cast(year as integer) as year,
        language_code,
        language_name_fi,
        sex_name(sex) as sex,
        cast(value as bigint) as population,
        status,
        source_file,
        source_row
    from source
)

select * from renamed

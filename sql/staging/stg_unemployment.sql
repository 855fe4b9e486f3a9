-- Unemployment rate (%) by municipality and month end; a cell the publisher left out ('...') stays null.
-- 12r5 also has sub-regions, ELY areas and its own region codes (e.g. MK91): only municipalities are kept.
with

source as (
    select * from raw_unemployment
),

renamed as (
    select
        area_level(area_code) as area_level,
        area_key(area_code) as area_code,
        last_day(strptime(replace(month, 'M', '-') || '-01', '%Y-%m-%d')) as reference_date,
        content as measure,
        cast(value as double) as value,
        status,
        source_file,
        source_row
    from source
    where area_level(area_code) = 'municipality'
)

select * from renamed

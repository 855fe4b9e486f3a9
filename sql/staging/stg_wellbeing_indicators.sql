-- THL Sotkanet indicator values by region and year, both sexes together; the region decoded by the reader.
with

source as (
    select * from raw_wellbeing_indicators
),

renamed as (
    select
        case region_category
            when 'KUNTA' then 'municipality'
            when 'MAAKUNTA' then 'region'
            when 'MAA' then 'country'
            else 'other'
        end as area_level,
        area_code,
        measure,
        cast(indicator_id as integer) as indicator_id,
        cast(year as integer) as year,
        gender,
        cast(value as double) as value,
        cast(abs_value as double) as abs_value,
        source_file,
        source_row
    from source
)

select * from renamed

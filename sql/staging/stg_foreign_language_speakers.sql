-- Foreign-language speakers (count) and their share (%) by area and year, long form.
with

source as (
    select * from raw_foreign_language_speakers
),

renamed as (
    select
        area_level(area_code) as area_level,
        area_key(area_code) as area_code,
        cast(year as integer) as year,
        case content
            when 'vaesto_kieli_ulk' then 'count'
            when 'vaesto_kieli_ulk_p' then 'share_pct'
            else content
        end as measure,
        cast(value as double) as value,
        status,
        source_file,
        source_row
    from source
)

select * from renamed

-- One row per municipality of the current division: names, region, wellbeing services county.
with

municipalities as (
    select * from stg_municipalities
),

final as (
    select
        kunta_code,
        name_fi,
        name_sv,
        name_en,
        region_code,
        region_name_fi,
        region_name_sv,
        region_name_en,
        wellbeing_county_code,
        wellbeing_county_name_fi,
        wellbeing_county_name_sv
    from municipalities
)

select * from final order by kunta_code

-- Municipality classification (current division), with region and wellbeing services county.
with

source as (
    select * from raw_municipalities
),

renamed as (
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
        wellbeing_county_name_sv,
        geometry_geojson,
        source_file,
        source_row
    from source
)

select * from renamed

-- The municipality's refugee quota per year (data/local/quota.*).
with

source as (
    select * from raw_local_quota
),

renamed as (
    select
        cast(kunta_code as varchar) as kunta_code,
        cast(year as integer) as year,
        cast(quota as bigint) as quota,
        cast(emergency_cases as bigint) as emergency_cases,
        cast(source_document as varchar) as source_document,
        cast(note as varchar) as note,
        cast(source_file as varchar) as source_file,
        cast(source_row as varchar) as source_row
    from source
)

select * from renamed

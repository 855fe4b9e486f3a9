-- Holders of temporary protection with a municipality of residence, per municipality and month end.
with

source as (
    select * from raw_temporary_protection
),

renamed as (
    select
        kunta_code,
        cast(reference_date as date) as reference_date,
        cast(persons as bigint) as persons,
        count_status,
        note,
        source_file,
        source_row
    from source
)

select * from renamed

-- Quota refugees arrived per period, counted by the municipality (data/local/arrivals.*).
with

source as (
    select * from raw_local_arrivals
),

renamed as (
    select
        cast(kunta_code as varchar) as kunta_code,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        cast(persons as bigint) as persons,
        cast(families as bigint) as families,
        cast(source_document as varchar) as source_document,
        cast(note as varchar) as note,
        cast(source_file as varchar) as source_file,
        cast(source_row as varchar) as source_row
    from source
)

select * from renamed

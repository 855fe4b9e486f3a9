-- Abolished municipality -> the municipality it joined.
with

source as (
    select * from raw_municipality_mergers
),

renamed as (
    select
        old_code,
        old_name_fi,
        new_code,
        new_name_fi,
        cast(valid_from as date) as valid_from,
        source_file,
        source_row
    from source
)

select * from renamed

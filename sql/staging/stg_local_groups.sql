-- Groups of municipalities for joint reviews, one row per member (data/local/groups.*).
with

source as (
    select * from raw_local_groups
),

renamed as (
    select
        cast(group_id as varchar) as group_id,
        cast(name_fi as varchar) as name_fi,
        cast(name_sv as varchar) as name_sv,
        cast(name_en as varchar) as name_en,
        cast(kunta_code as varchar) as kunta_code,
        cast(source_document as varchar) as source_document,
        cast(note as varchar) as note,
        cast(source_file as varchar) as source_file,
        cast(source_row as varchar) as source_row
    from source
)

select * from renamed

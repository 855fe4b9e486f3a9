-- Results of the municipality's own surveys (data/local/survey.*).
with

source as (
    select * from raw_local_survey
),

renamed as (
    select
        cast(kunta_code as varchar) as kunta_code,
        cast(period as varchar) as period,
        cast(theme as varchar) as theme,
        cast(question as varchar) as question,
        cast(scale as varchar) as scale,
        cast(mean as double) as mean,
        cast(share_pct as double) as share_pct,
        cast(n as bigint) as n,
        cast(source_document as varchar) as source_document,
        cast(note as varchar) as note,
        cast(source_file as varchar) as source_file,
        cast(source_row as varchar) as source_row
    from source
)

select * from renamed

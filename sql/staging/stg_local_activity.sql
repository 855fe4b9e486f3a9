-- Integration services' activity per period, counted by the municipality (data/local/activity.*).
with

source as (
    select * from raw_local_activity
),

renamed as (
    select
        cast(kunta_code as varchar) as kunta_code,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        cast(dropin_visits as bigint) as dropin_visits,
        cast(clients as bigint) as clients,
        cast(integration_plans as bigint) as integration_plans,
        cast(network_meetings as bigint) as network_meetings,
        cast(network_participants as bigint) as network_participants,
        cast(guided_to_work_or_education as bigint) as guided_to_work_or_education,
        cast(source_document as varchar) as source_document,
        cast(note as varchar) as note,
        cast(source_file as varchar) as source_file,
        cast(source_row as varchar) as source_row
    from source
)

select * from renamed

-- Integration services' activity, one measure a row, per municipality and period (own counts).
with

activity as (
    select * from stg_local_activity
),

unpivoted as (
    unpivot activity
    on dropin_visits, clients, integration_plans, network_meetings, network_participants, guided_to_work_or_education
    into name measure value value
),

final as (
    select
        unpivoted.kunta_code,
        unpivoted.period_start,
        unpivoted.period_end,
        unpivoted.measure,
        cast(unpivoted.value as bigint) as value,
        unpivoted.note,
        coalesce(sources.citation, unpivoted.source_document) as source
    from unpivoted
    left join sources on sources.source_key = unpivoted.source_document
)

select * from final order by kunta_code, period_start, measure

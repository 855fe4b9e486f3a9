-- Groups of municipalities (a joint integration programme, a shared coordinator), one row per member,
-- with the citation of the document that names the group.
with

members as (
    select * from stg_local_groups
),

final as (
    select
        members.group_id,
        members.name_fi,
        members.name_sv,
        members.name_en,
        members.kunta_code,
        members.note,
        coalesce(sources.citation, members.source_document) as source
    from members
    left join sources on members.source_document = sources.source_key
)

select * from final order by group_id, kunta_code

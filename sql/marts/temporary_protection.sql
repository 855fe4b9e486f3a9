-- Holders of temporary protection with a municipality of residence, per municipality and month end,
-- with the share they make of the municipality's foreign-language speakers in the same year (where that
-- count is known) and the change from the previous month, so that a jump (e.g. a reception centre in
-- the town) shows and its note explains it.
with

staged as (
    select * from stg_temporary_protection
),

speakers as (
    select area_code as kunta_code, year, speakers
    from foreign_language_speakers
    where area_level = 'municipality' and speakers is not null
),

final as (
    select
        staged.kunta_code,
        staged.reference_date,
        year(staged.reference_date) as year,
        staged.persons,
        staged.count_status,
        staged.persons - lag(staged.persons) over (
            partition by staged.kunta_code order by staged.reference_date
        ) as change_from_previous,
        speakers.speakers as foreign_language_speakers,
        round(100.0 * staged.persons / speakers.speakers, 1) as share_of_foreign_language_speakers_pct,
        staged.note,
        sources.citation as source
    from staged
    left join speakers
        on
            speakers.kunta_code = staged.kunta_code
            and speakers.year = year(staged.reference_date)
    left join sources on sources.source_key = 'temporary_protection'
)

select * from final order by kunta_code, reference_date

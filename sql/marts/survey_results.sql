-- Results of the municipality's own surveys, per theme, question and period.
with

survey as (
    select * from stg_local_survey
),

final as (
    select
        survey.kunta_code,
        survey.period,
        survey.theme,
        survey.question,
        survey.scale,
        survey.mean,
        survey.share_pct,
        survey.n,
        survey.note,
        coalesce(sources.citation, survey.source_document) as source
    from survey
    left join sources on sources.source_key = survey.source_document
)

select * from final order by kunta_code, theme, period, question

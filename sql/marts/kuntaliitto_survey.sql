-- Kuntaliitto's 2023 municipal survey: national reference points for integration work.
with

survey as (
    select * from stg_kuntaliitto_survey
),

final as (
    select
        survey.question_id,
        survey.question_fi,
        survey.question_en,
        survey.answers,
        survey.agree_pct,
        survey.neutral_pct,
        survey.disagree_pct,
        survey.cannot_say_pct,
        date '2023-01-13' as reference_date,
        sources.citation as source
    from survey
    left join sources on sources.source_key = 'kuntaliitto_survey'
)

select * from final order by question_id

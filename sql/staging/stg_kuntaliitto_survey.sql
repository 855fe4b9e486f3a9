-- Kuntaliitto's 2023 municipal survey, one question a row (percent of answers).
with

source as (
    select * from raw_kuntaliitto_survey
),

renamed as (
    select
        question_id,
        question_fi,
        question_en,
        cast(answers as integer) as answers,
        cast(agree_pct as double) as agree_pct,
        cast(neutral_pct as double) as neutral_pct,
        cast(disagree_pct as double) as disagree_pct,
        cast(cannot_say_pct as double) as cannot_say_pct,
        source_file,
        source_row
    from source
)

select * from renamed

-- Population by language and sex: totals, national languages, foreign languages and each language.
-- Cells Statistics Finland leaves empty (under 10 persons, status '...') stay null.
with

staged as (
    select * from stg_population_by_language where area_level in ('municipality', 'region', 'country')
),

final as (
    select
        staged.area_level,
        staged.area_code,
        staged.year,
        make_date(staged.year, 12, 31) as reference_date,
        staged.language_code,
        staged.language_name_fi,
        case
            when staged.language_code = 'SSS' then 'total'
            when staged.language_code = '01' then 'national_languages'
            when staged.language_code = '02' then 'foreign_languages'
            when staged.language_code in ('fi', 'sv', 'se') then 'national_language'
            when staged.language_code in ('98', 'X') then 'unknown'
            else 'foreign_language'
        end as language_group,
        staged.sex,
        staged.population,
        staged.status,
        sources.citation as source
    from staged
    left join sources on sources.source_key = 'population_by_language'
)

select * from final order by area_level, area_code, year, language_code, sex

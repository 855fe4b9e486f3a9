-- Population by age group and sex (from one-year ages). Only where the live table 11re was fetched.
with

staged as (
    select *
    from stg_population_by_age_sex
    where area_level in ('municipality', 'region', 'country') and age is not null
),

grouped as (
    select
        area_level,
        area_code,
        year,
        case
            when age <= 6 then '0-6'
            when age <= 15 then '7-15'
            when age <= 29 then '16-29'
            when age <= 64 then '30-64'
            else '65+'
        end as age_group,
        sex,
        case when count(population) = count(*) then sum(population) end as population
    from staged
    group by all
),

final as (
    select
        grouped.*,
        make_date(grouped.year, 12, 31) as reference_date,
        sources.citation as source
    from grouped
    left join sources on sources.source_key = 'population_by_age_sex'
)

select * from final order by area_level, area_code, year, age_group, sex

-- Population by area (municipality, region, country) and reference date, on the current division.
-- A final figure wins over a preliminary one, then published figures over those computed from
-- municipalities; `method` says which it is.
with

computed as (
    select * from int_population_aggregated
),

published_statfin as (
    select
        area_level,
        area_code,
        reference_date,
        population_status,
        population,
        'published' as method,
        'file:' || source_file as source_key
    from stg_population
    where area_level in ('region', 'country')
),

published_quoted as (
    select
        'country' as area_level,
        'SSS' as area_code,
        reference_day as reference_date,
        'final' as population_status,
        cast(value as bigint) as population,
        'published' as method,
        source_document
    from stg_published_figures
    where measure = 'population' and kunta_code = 'SSS'
),

candidates as (
    select * exclude (source_key), 1 as priority, source_key from published_statfin
    union all
    select * exclude (source_document), 2 as priority, source_document as source_key from published_quoted
    union all
    select
        * exclude (source_file), 3 as priority, coalesce('file:' || source_file, 'population') as source_key
    from computed
),

chosen as (
    select *
    from candidates
    qualify row_number() over (
        partition by area_level, area_code, reference_date
        order by population_status = 'final' desc, priority
    ) = 1
),

final as (
    select
        chosen.area_level,
        chosen.area_code,
        chosen.reference_date,
        year(chosen.reference_date) as year,
        month(chosen.reference_date) = 12 and day(chosen.reference_date) = 31 as is_year_end,
        chosen.population,
        chosen.population_status,
        chosen.method,
        sources.citation as source
    from chosen
    left join sources on sources.source_key = chosen.source_key
)

select * from final order by area_level, area_code, reference_date

-- Foreign-language speakers (count) and their share of the population (%), by area and year (31.12.).
-- Each measure is chosen separately: published by Statistics Finland, else quoted in a published
-- document, else computed from municipal figures. `*_method` and `*_source` say which; a count that
-- no source gives stays null. A staged figure cites the raw file it came from (sources: 'file:<path>').
with

staged as (
    select * from stg_foreign_language_speakers where area_level in ('municipality', 'region', 'country')
),

computed as (
    select * from int_foreign_language_speakers_aggregated
),

quoted as (
    select
        case when kunta_code = 'SSS' then 'country' else 'municipality' end as area_level,
        kunta_code as area_code,
        reference_year as year,
        value as speakers,
        source_document
    from stg_published_figures
    where measure = 'foreign_language_speakers' and month(reference_day) = 12 and day(reference_day) = 31
),

country_population as (
    select year, population from population where area_level = 'country' and is_year_end and method = 'published'
),

speakers_candidates as (
    select
        area_level, area_code, year, value as speakers,
        case when status = 'computed' then 'computed' else 'published' end as method, 1 as priority,
        'file:' || source_file as source_key
    from staged where measure = 'count' and value is not null
    union all
    select area_level, area_code, year, speakers, 'published' as method, 2 as priority, source_document
    from quoted
    union all
    select area_level, area_code, year, speakers, method, 3 as priority, 'foreign_language_speakers'
    from computed where speakers is not null
),

share_candidates as (
    select
        area_level, area_code, year, value as share_pct,
        case when status = 'computed' then 'computed' else 'published' end as method, 1 as priority,
        'file:' || source_file as source_key
    from staged where measure = 'share_pct' and value is not null
    union all
    select
        'country', 'SSS', quoted.year, 100 * quoted.speakers / country_population.population,
        'computed' as method, 2 as priority, quoted.source_document
    from quoted inner join country_population using (year)
    where quoted.area_level = 'country'
    union all
    select area_level, area_code, year, share_pct, method, 3 as priority, 'foreign_language_speakers'
    from computed where share_pct is not null
),

speakers_chosen as (
    select * from speakers_candidates
    qualify row_number() over (partition by area_level, area_code, year order by priority) = 1
),

share_chosen as (
    select * from share_candidates
    qualify row_number() over (partition by area_level, area_code, year order by priority) = 1
),

final as (
    select
        coalesce(s.area_level, c.area_level) as area_level,
        coalesce(s.area_code, c.area_code) as area_code,
        coalesce(s.year, c.year) as year,
        make_date(coalesce(s.year, c.year), 12, 31) as reference_date,
        -- published at the precision people read: a count estimated from rounded shares to the nearest ten,
        -- a share to one decimal, so no hidden municipality is a subtraction away from its region's figure
        case
            when c.method = 'computed_estimate' then cast(round(c.speakers, -1) as bigint)
            else cast(c.speakers as bigint)
        end as speakers,
        round(s.share_pct, 1) as share_pct,
        c.method as speakers_method,
        s.method as share_method,
        speakers_source.citation as speakers_source,
        share_source.citation as share_source
    from share_chosen as s
    full outer join speakers_chosen as c using (area_level, area_code, year)
    left join sources as speakers_source on speakers_source.source_key = c.source_key
    left join sources as share_source on share_source.source_key = s.source_key
),

-- two columns the small-count rule needs (pipeline/sources.yaml: helpers), dropped once it has run
with_protection_helpers as (
    select
        final.*,
        -- a region's municipalities and the region's total form one group; the country stands alone
        case
            when final.area_level = 'municipality' then 'region ' || dim_municipality.region_code
            else final.area_level || ' ' || final.area_code
        end as sum_group,
        -- the persons a share implies, with the nearest year's population where the year's is unknown
        final.share_pct * (
            select p.population from population as p
            where p.area_level = final.area_level and p.area_code = final.area_code
            order by abs(p.year - final.year), p.reference_date desc
            limit 1
        ) / 100 as implied_speakers
    from final
    left join dim_municipality
        on final.area_level = 'municipality' and dim_municipality.kunta_code = final.area_code
)

select * from with_protection_helpers order by area_level, area_code, year

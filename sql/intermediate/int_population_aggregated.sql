-- Municipal population on the current division (merged municipalities summed), and the region and
-- whole-country sums computed from it where every municipality of the area has a figure.
with

staged as (
    select * from stg_population where area_level = 'municipality'
),

mergers as (
    select * from stg_municipality_mergers
),

municipalities as (
    select * from stg_municipalities
),

regions as (
    select region_code, count(*) as municipalities from stg_municipalities group by region_code
),

harmonised as (
    select
        coalesce(mergers.new_code, staged.area_code) as area_code,
        staged.reference_date,
        staged.population_status,
        case when count(staged.population) = count(*) then cast(sum(staged.population) as bigint) end as population,
        count(*) > 1 as is_merged,
        min(staged.source_file) as source_file
    from staged
    left join mergers
        on
            staged.area_code = mergers.old_code
            and staged.reference_date < mergers.valid_from
    group by all
),

municipal as (
    select
        'municipality' as area_level,
        area_code,
        reference_date,
        population_status,
        population,
        case when is_merged then 'harmonised' else 'published' end as method,
        source_file
    from harmonised
),

by_region as (
    select
        'region' as area_level,
        municipalities.region_code as area_code,
        municipal.reference_date,
        max(municipal.population_status) as population_status,  -- 'preliminary' > 'final'
        cast(sum(municipal.population) as bigint) as population,
        count(municipal.population) as reported,
        any_value(regions.municipalities) as expected
    from municipal
    inner join municipalities on municipalities.kunta_code = municipal.area_code
    inner join regions on regions.region_code = municipalities.region_code
    group by all
),

by_country as (
    select
        'country' as area_level,
        'SSS' as area_code,
        reference_date,
        max(population_status) as population_status,
        cast(sum(population) as bigint) as population,
        count(population) as reported,
        (select count(*) from municipalities) as expected
    from municipal
    group by all
),

final as (
    select * from municipal
    union all
    select
        area_level, area_code, reference_date, population_status, population, 'computed' as method,
        null as source_file
    from by_region where reported = expected
    union all
    select
        area_level, area_code, reference_date, population_status, population, 'computed' as method,
        null as source_file
    from by_country where reported = expected
)

select * from final

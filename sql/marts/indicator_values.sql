-- Kuntaliitto's twelve impact indicators for every municipality: each measure's values by period with
-- status `measured` (open data), `local` (the municipality's own files or surveys) or `no_data` (one row,
-- value null: never 0). A value hidden by the small-count rule keeps its status with value_flag
-- 'confidential'. The registry is pipeline/indicators.yaml.
with

measures as (
    select * from indicator_measures
),

municipalities as (
    select kunta_code from dim_municipality
),

-- every value any measure has, one a row: open data from the marts, own counts and surveys from the
-- municipality's files; a value the small-count rule hid stays a row (value null, value_flag 'confidential')

shares as (
    select
        area_code as kunta_code,
        year,
        share_pct,
        share_pct - lag(share_pct) over (partition by area_code order by year) as share_change,
        year - lag(year) over (partition by area_code order by year) as years_apart,
        speakers,
        speakers_flag,
        share_source,
        speakers_source
    from foreign_language_speakers
    where area_level = 'municipality'
),

populations as (
    select
        area_code as kunta_code,
        year,
        population,
        population_status,
        100.0 * (population / lag(population) over w - 1) as change_pct,
        year - lag(year) over w as years_apart,
        source
    from population
    where area_level = 'municipality' and is_year_end
    window w as (partition by area_code order by year)
),

open_data as (
    select
        kunta_code, 'foreign_language_share_pct' as measure_id, cast(year as varchar) as period,
        make_date(year, 12, 31) as reference_date, share_pct as value,
        case when share_pct is null then speakers_flag end as value_flag, share_source as source
    from shares where share_pct is not null or speakers_flag = 'confidential'
    union all
    select
        kunta_code, 'foreign_language_share_change_pp', cast(year as varchar),
        make_date(year, 12, 31), round(share_change, 1), null, share_source
    from shares where share_change is not null and years_apart = 1
    union all
    select
        kunta_code, 'foreign_language_speakers', cast(year as varchar),
        make_date(year, 12, 31), speakers, speakers_flag, coalesce(speakers_source, share_source)
    from shares where speakers is not null or speakers_flag = 'confidential'
    union all
    select
        kunta_code, 'population_change_pct', cast(year as varchar),
        make_date(year, 12, 31), round(change_pct, 2), null,
        source || case when population_status = 'preliminary' then ' (ennakkotieto / preliminary)' else '' end
    from populations where change_pct is not null and years_apart = 1
),

unemployment_rates as (
    select
        kunta_code,
        'unemployment_rate' as measure_id,
        strftime(reference_date, '%Y-%m') as period,
        reference_date,
        unemployment_rate_pct as value,
        null as value_flag,
        source
    from unemployment
    where unemployment_rate_pct is not null
    union all
    select
        kunta_code,
        'unemployed_foreign_citizens',
        strftime(reference_date, '%Y-%m'),
        reference_date,
        unemployed_foreign_citizens,
        unemployed_foreign_citizens_flag,
        source
    from unemployment
    where unemployed_foreign_citizens is not null or unemployed_foreign_citizens_flag = 'confidential'
),

jobs as (
    select
        kunta_code,
        'jobs_in_municipality' as measure_id,
        cast(year as varchar) as period,
        reference_date,
        jobs as value,
        jobs_flag as value_flag,
        source
    from employment
    where jobs is not null or jobs_flag = 'confidential'
),

wellbeing as (
    select
        kunta_code,
        measure_id,
        cast(year as varchar) as period,
        reference_date,
        value,
        case when abs_value_flag = 'confidential' then abs_value_flag end as value_flag,
        source
    from wellbeing_indicators
    where value is not null or abs_value_flag = 'confidential'
),

local_counts as (
    select
        kunta_code, measure as measure_id,
        strftime(period_start, '%Y-%m-%d') || '/' || strftime(period_end, '%Y-%m-%d') as period,
        period_end as reference_date, value, value_flag, source
    from local_activity
    where value is not null or value_flag = 'confidential'
),

surveys as (
    select
        kunta_code, 'survey_' || theme as measure_id, period,
        cast(null as date) as reference_date, coalesce(mean, share_pct) as value, n_flag as value_flag,
        source || ' (' || question || '; ' || scale || '; n = ' || coalesce(cast(n as varchar), '< 5') || ')' as source
    from survey_results
    where coalesce(mean, share_pct) is not null or n_flag = 'confidential'
),

measure_values as (
    select * from open_data
    union all
    select * from unemployment_rates
    union all
    select * from jobs
    union all
    select * from wellbeing
    union all
    select * from local_counts
    union all
    select * from surveys
),

grid as (
    select municipalities.kunta_code, measures.*
    from municipalities
    cross join measures
),

final as (
    select
        grid.kunta_code,
        grid.group_id,
        grid.indicator_id,
        grid.measure_id,
        grid.unit,
        grid.source_kind,
        measure_values.period,
        measure_values.reference_date,
        measure_values.value,
        measure_values.value_flag,
        case
            when measure_values.value is null and measure_values.value_flag is null then 'no_data'
            when grid.source_kind = 'open_data' then 'measured'
            else 'local'
        end as status,
        measure_values.source
    from grid
    left join measure_values
        on
            measure_values.kunta_code = grid.kunta_code
            and measure_values.measure_id = grid.measure_id
)

-- not sorted: every reader orders what it takes (report/indicators.py), and sorting the 77 875 rows with
-- their sources held ~17 MiB more at the build's peak (bench_refresh)
select * from final

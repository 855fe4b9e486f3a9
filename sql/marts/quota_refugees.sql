-- Refugee quota against quota refugees arrived, per municipality and year (the municipality's own files).
-- Arrivals are counted in the year their period ends. The arrivals files' notes are not carried here:
-- they can name a count the small-count rule hides ("one new family"); `arrivals_periods` says what is covered.
with

quota as (
    select * from stg_local_quota
),

arrivals as (
    select
        kunta_code,
        year(period_end) as year,
        case when count(persons) > 0 then sum(persons) end as arrived_persons,
        case when count(families) > 0 then sum(families) end as arrived_families,
        string_agg(
            strftime(period_start, '%-d.%-m.%Y') || '–' || strftime(period_end, '%-d.%-m.%Y'), '; '
            order by period_start
        ) as arrivals_periods,
        string_agg(distinct source_document, '; ') as arrivals_source_document
    from stg_local_arrivals
    group by all
),

joined as (
    select
        coalesce(quota.kunta_code, arrivals.kunta_code) as kunta_code,
        coalesce(quota.year, arrivals.year) as year,
        quota.quota,
        quota.emergency_cases,
        cast(arrivals.arrived_persons as bigint) as arrived_persons,
        cast(arrivals.arrived_families as bigint) as arrived_families,
        arrivals.arrivals_periods,
        quota.source_document as quota_source_document,
        arrivals.arrivals_source_document,
        quota.note
    from quota
    full outer join arrivals using (kunta_code, year)
),

final as (
    select
        joined.* exclude (quota_source_document, arrivals_source_document),  -- noqa: RF02
        coalesce(quota_source.citation, joined.quota_source_document) as quota_source,
        coalesce(arrivals_source.citation, joined.arrivals_source_document) as arrivals_source
    from joined
    left join sources as quota_source on quota_source.source_key = joined.quota_source_document
    left join sources as arrivals_source on arrivals_source.source_key = joined.arrivals_source_document
)

select * from final order by kunta_code, year

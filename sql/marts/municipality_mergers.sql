-- Abolished municipalities and their successors, so that an old code leads to the municipality it joined.
with

mergers as (
    select * from stg_municipality_mergers
),

successors as (
    select * from dim_municipality
),

final as (
    select
        mergers.old_code,
        mergers.old_name_fi,
        mergers.new_code,
        successors.name_fi as new_name_fi,
        successors.name_sv as new_name_sv,
        successors.name_en as new_name_en,
        mergers.valid_from
    from mergers
    inner join successors on successors.kunta_code = mergers.new_code
)

select * from final order by old_code

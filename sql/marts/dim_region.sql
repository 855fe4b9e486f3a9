-- One row per region (maakunta) of the current division.
with

municipalities as (
    select * from dim_municipality
),

final as (
    select
        region_code,
        any_value(region_name_fi) as region_name_fi,
        any_value(region_name_sv) as region_name_sv,
        any_value(region_name_en) as region_name_en,
        count(*) as municipalities
    from municipalities
    group by region_code
)

select * from final order by region_code

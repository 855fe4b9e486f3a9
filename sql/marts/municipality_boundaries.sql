-- Generalised municipality polygons (GeoJSON geometry) for maps.
with

municipalities as (
    select * from stg_municipalities
),

final as (
    select
        kunta_code,
        geometry_geojson
    from municipalities
)

select * from final order by kunta_code

-- Published figures, one a row. reference_date is a day (a stock) or a year (a flow or setting).
with

source as (
    select * from raw_published_figures
),

renamed as (
    select
        kunta_code,
        kunta_name_fi,
        measure,
        reference_date as reference_period,
        try_cast(reference_date as date) as reference_day,
        cast(left(reference_date, 4) as integer) as reference_year,
        cast(value as double) as value,
        unit,
        source_document,
        note,
        source_file,
        source_row
    from source
)

select * from renamed

-- Shared expressions, loaded before any model.

-- StatFin area codes: SSS = whole country, MK## = region (maakunta), KU### = municipality.
create or replace macro area_level(code) as
case
    when code = 'SSS' then 'country'
    when code like 'MK%' then 'region'
    when code like 'KU%' then 'municipality'
    else 'other'
end;

-- The code without its type prefix: KU111 -> 111, MK07 -> 07, SSS stays.
create or replace macro area_key(code) as
case when code = 'SSS' then code else regexp_replace(code, '^[A-Z]+', '') end;

-- StatFin sex codes.
create or replace macro sex_name(code) as
case code when 'SSS' then 'total' when '1' then 'male' when '2' then 'female' end;

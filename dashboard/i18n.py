"""The dashboard's words in Finnish (first), Swedish and English: ``t("key", **values)``.

The language is ``st.session_state["lang"]`` (set by the sidebar or the ``lang`` query parameter).
A key missing in Swedish or English falls back to Finnish, so a new text never breaks a page.
"""

from __future__ import annotations

import streamlit as st

LANGUAGES = ("fi", "sv", "en")
LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}
DEFAULT = "fi"

STRINGS: dict[str, dict[str, str]] = {
    # -- frame and sidebar -------------------------------------------------------------------------------
    "nav_profile": {"fi": "Kuntaprofiili", "sv": "Kommunprofil", "en": "Municipal profile"},
    "nav_comparison": {"fi": "Vertailu", "sv": "Jämförelse", "en": "Comparison"},
    "nav_impact": {"fi": "Vaikuttavuus", "sv": "Effekt", "en": "Impact"},
    "nav_sources": {"fi": "Tiedot ja lähteet", "sv": "Data och källor", "en": "Data and sources"},
    "sidebar_language": {
        "fi": "Kieli · Språk · Language",
        "sv": "Kieli · Språk · Language",
        "en": "Kieli · Språk · Language",
    },
    "sidebar_municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "sidebar_year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "sidebar_year_help": {
        "fi": "Tilanne vuoden viimeisenä päivänä (31.12.).",
        "sv": "Läget den sista dagen på året (31.12.).",
        "en": "The situation on the last day of the year (31 Dec).",
    },
    "sidebar_link": {
        "fi": "Selaimen osoiterivin linkki avaa saman näkymän: kunta, vuosi ja kieli.",
        "sv": "Länken i webbläsarens adressfält öppnar samma vy: kommun, år och språk.",
        "en": "The link in the browser's address bar opens this same view: municipality, year and language.",
    },
    "sidebar_snapshot": {
        "fi": "Aineisto rakennettu {built}.",
        "sv": "Databasen byggd {built}.",
        "en": "Database built {built}.",
    },
    "no_database": {
        "fi": "Tietokantaa ei ole vielä rakennettu. Rakenna se komennolla `make refresh` ja lataa sivu uudelleen.",
        "sv": "Databasen har inte byggts ännu. Bygg den med kommandot `make refresh` och ladda om sidan.",
        "en": "The database has not been built yet. Build it with `make refresh` and reload the page.",
    },
    # -- shared words ------------------------------------------------------------------------------------
    "share": {
        "fi": "Vieraskielisten osuus",
        "sv": "Andel med främmande modersmål",
        "en": "Share of foreign-language speakers",
    },
    "share_of_population": {
        "fi": "Vieraskielisten osuus väestöstä",
        "sv": "Andel av befolkningen med främmande modersmål",
        "en": "Foreign-language speakers, share of population",
    },
    "share_short": {"fi": "Osuus", "sv": "Andel", "en": "Share"},
    "change_short": {"fi": "Muutos", "sv": "Förändring", "en": "Change"},
    "speakers": {"fi": "Vieraskielisiä", "sv": "Personer med främmande modersmål", "en": "Foreign-language speakers"},
    "population": {"fi": "Väkiluku", "sv": "Folkmängd", "en": "Population"},
    "whole_country": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "region": {"fi": "Maakunta", "sv": "Landskap", "en": "Region"},
    "wellbeing_county": {"fi": "Hyvinvointialue", "sv": "Välfärdsområde", "en": "Wellbeing services county"},
    "municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "municipality_code": {"fi": "kuntanumero", "sv": "kommunnummer", "en": "municipality code"},
    "year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "rank": {"fi": "Sija", "sv": "Plats", "en": "Rank"},
    "change": {
        "fi": "Muutos edellisestä vuodesta",
        "sv": "Förändring från föregående år",
        "en": "Change from previous year",
    },
    "distance": {"fi": "Etäisyys", "sv": "Avstånd", "en": "Distance"},
    "reference_date": {"fi": "Tilanne", "sv": "Läge", "en": "Reference date"},
    "source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "method": {"fi": "Menetelmä", "sv": "Metod", "en": "Method"},
    "marking": {"fi": "Merkintä", "sv": "Markering", "en": "Note"},
    "status": {"fi": "Tilasto", "sv": "Uppgift", "en": "Status"},
    "not_in_snapshot": {
        "fi": "ei tiedossa tässä aineistossa",
        "sv": "finns inte i detta datauttag",
        "en": "not in this snapshot",
    },
    "preliminary": {"fi": "ennakkotieto", "sv": "preliminär uppgift", "en": "preliminary"},
    "confidential_help": {
        "fi": "Alle 5 henkilöä: luku on salattu pienten lukujen suojaamiseksi.",
        "sv": "Färre än 5 personer: talet är dolt för att skydda små tal.",
        "en": "Fewer than 5 persons: the figure is hidden to protect small counts.",
    },
    "male": {"fi": "Miehet", "sv": "Män", "en": "Men"},
    "female": {"fi": "Naiset", "sv": "Kvinnor", "en": "Women"},
    "total": {"fi": "Yhteensä", "sv": "Totalt", "en": "Total"},
    "persons": {"fi": "Henkilöitä", "sv": "Personer", "en": "Persons"},
    "sex": {"fi": "Sukupuoli", "sv": "Kön", "en": "Sex"},
    "age_group": {"fi": "Ikäryhmä", "sv": "Åldersgrupp", "en": "Age group"},
    "language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "citizenship": {"fi": "Kansalaisuus", "sv": "Medborgarskap", "en": "Citizenship"},
    # -- the caption under every chart and table ---------------------------------------------------------
    "cap_source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "cap_date": {"fi": "Tilanne", "sv": "Läge", "en": "Reference date"},
    "cap_definition": {"fi": "Määritelmä", "sv": "Definition", "en": "Definition"},
    "cap_computed": {
        "fi": "Laskettu, ei julkaistu luku",
        "sv": "Beräknat, inte publicerat tal",
        "en": "Computed, not a published figure",
    },
    "cap_preliminary": {
        "fi": "Väkiluku on ennakkotieto",
        "sv": "Folkmängden är en preliminär uppgift",
        "en": "The population is a preliminary figure",
    },
    "cap_small": {
        "fi": "”< 5” = alle viisi henkilöä, salattu",
        "sv": "”< 5” = färre än fem personer, dolt",
        "en": "\u201c< 5\u201d = fewer than five persons, hidden",
    },
    "method_computed": {
        "fi": "laskettu Tilastokeskuksen julkaisemista luvuista",
        "sv": "beräknat ur Statistikcentralens publicerade tal",
        "en": "computed from figures Statistics Finland published",
    },
    "method_computed_estimate": {
        "fi": "laskettu kuntien luvuista (arvio)",
        "sv": "beräknat ur kommunernas tal (uppskattning)",
        "en": "computed from the municipalities' figures (estimate)",
    },
    "method_harmonised": {
        "fi": "muunnettu nykyiseen kuntajakoon",
        "sv": "omräknat till nuvarande kommunindelning",
        "en": "converted to the current municipal division",
    },
    "method_published": {"fi": "julkaistu", "sv": "publicerat", "en": "published"},
    # -- downloads ---------------------------------------------------------------------------------------
    "download_csv": {"fi": "Lataa CSV", "sv": "Ladda ner CSV", "en": "Download CSV"},
    "download_xlsx": {"fi": "Lataa Excel (XLSX)", "sv": "Ladda ner Excel (XLSX)", "en": "Download Excel (XLSX)"},
    "png_hint": {
        "fi": "Kaavion saa kuvana (PNG) kaavion oikean yläkulman kamerakuvakkeesta.",
        "sv": "Spara diagrammet som bild (PNG) med kameraikonen uppe till höger i diagrammet.",
        "en": "Save the chart as an image (PNG) with the camera icon at the top right of the chart.",
    },
    "sheet_data": {"fi": "tiedot", "sv": "data", "en": "data"},
    "sheet_about": {"fi": "lähteet", "sv": "källor", "en": "sources"},
    "small_count_rule": {"fi": "Pienten lukujen sääntö", "sv": "Regel för små tal", "en": "Small-count rule"},
    # -- profile page ------------------------------------------------------------------------------------
    "profile_headline": {
        "fi": "{name} {date}: vieraskielisten osuus väestöstä {share}{change}{count}. {comparison}",
        "sv": "{name} {date}: andel med främmande modersmål {share}{change}{count}. {comparison}",
        "en": "{name}, {date}: foreign-language share {share}{change}{count}. {comparison}",
    },
    "headline_count": {"fi": ", vieraskielisiä {count}", "sv": ", {count} personer", "en": ", {count} persons"},
    "hidden_words": {
        "fi": "alle viisi henkilöä, salattu",
        "sv": "färre än fem personer, dolt",
        "en": "fewer than five persons, hidden",
    },
    "headline_comparison": {"fi": "Vertailu: {parts}.", "sv": "Jämförelse: {parts}.", "en": "For comparison: {parts}."},
    "headline_no_comparison": {
        "fi": "Maakunnan ja koko maan osuutta vuodelta {year} ei ole tässä aineistossa.",
        "sv": "Landskapets och hela landets andel för {year} finns inte i detta datauttag.",
        "en": "The region's and the whole country's share for {year} are not in this snapshot.",
    },
    "headline_change": {
        "fi": " (muutos vuodesta {year} {points})",
        "sv": " (förändring från {year} {points})",
        "en": " (change since {year} {points})",
    },
    "card_share_help": {
        "fi": "Vieraskieliset = äidinkieli muu kuin suomi, ruotsi tai saame. Tilanne {date}.",
        "sv": "Främmande modersmål = annat än finska, svenska eller samiska. Läge {date}.",
        "en": "Foreign-language speakers: mother tongue other than Finnish, Swedish or Sámi. On {date}.",
    },
    "card_change_help": {
        "fi": "Muutos vuodesta {year}: {points}.",
        "sv": "Förändring från {year}: {points}.",
        "en": "Change since {year}: {points}.",
    },
    "section_trend": {"fi": "Kehitys vuosittain", "sv": "Utvecklingen år för år", "en": "Year by year"},
    "card_count": {"fi": "Vieraskielisiä", "sv": "Främmande modersmål", "en": "Foreign-language speakers"},
    "card_population": {"fi": "Väkiluku {date}", "sv": "Folkmängd {date}", "en": "Population {date}"},
    "card_country": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "card_region_help": {
        "fi": "{region} on kunnan maakunta. Vieraskielisten osuus väestöstä samana vuonna.",
        "sv": "{region} är kommunens landskap. Andel med främmande modersmål samma år.",
        "en": "{region} is the municipality's region. Share of foreign-language speakers in the same year.",
    },
    "card_comparison_help": {
        "fi": "Vieraskielisten osuus väestöstä samana vuonna.",
        "sv": "Andel med främmande modersmål samma år.",
        "en": "Share of foreign-language speakers in the same year.",
    },
    "trend_title": {
        "fi": "Vieraskielisten osuus väestöstä {first}–{last}",
        "sv": "Andel med främmande modersmål {first}–{last}",
        "en": "Share of foreign-language speakers, {first}–{last}",
    },
    "trend_summary": {
        "fi": "{name}: vieraskielisten osuus oli {first_share} vuonna {first} ja {last_share} vuonna {last} (muutos {change}).",
        "sv": "{name}: andelen med främmande modersmål var {first_share} år {first} och {last_share} år {last} (förändring {change}).",
        "en": "{name}: the foreign-language share was {first_share} in {first} and {last_share} in {last} (change {change}).",
    },
    "trend_summary_compare": {
        "fi": " Vuonna {year}: {parts}.",
        "sv": " År {year}: {parts}.",
        "en": " In {year}: {parts}.",
    },
    "trend_gaps": {
        "fi": "Maakunnan ja koko maan osuus on tässä aineistossa vain vuosilta {years}; muita vuosia ei ole arvioitu.",
        "sv": "Landskapets och hela landets andel finns i detta datauttag endast för {years}; andra år har inte uppskattats.",
        "en": "The region's and the whole country's share are in this snapshot only for {years}; other years are not estimated.",
    },
    "section_languages": {"fi": "Kielet", "sv": "Språk", "en": "Languages"},
    "section_age_sex": {"fi": "Ikä ja sukupuoli", "sv": "Ålder och kön", "en": "Age and sex"},
    "section_citizenship": {"fi": "Kansalaisuus", "sv": "Medborgarskap", "en": "Citizenship"},
    "offline_languages": {
        "fi": "Kuntalaisten äidinkielet eivät ole tässä aineistossa (offline-tilannekuva). Ne saa hakemalla tuoreet tiedot Tilastokeskukselta komennolla `python -m pipeline refresh --online`.",
        "sv": "Invånarnas modersmål finns inte i detta datauttag (offline). Hämta aktuella uppgifter från Statistikcentralen med kommandot `python -m pipeline refresh --online`.",
        "en": "The residents' mother tongues are not in this snapshot (offline). Fetch the latest data from Statistics Finland with `python -m pipeline refresh --online`.",
    },
    "offline_age_sex": {
        "fi": "Väestö iän ja sukupuolen mukaan ei ole tässä aineistossa (offline-tilannekuva). Sen saa hakemalla tuoreet tiedot Tilastokeskukselta komennolla `python -m pipeline refresh --online`.",
        "sv": "Befolkningen efter ålder och kön finns inte i detta datauttag (offline). Hämta aktuella uppgifter från Statistikcentralen med kommandot `python -m pipeline refresh --online`.",
        "en": "Population by age and sex is not in this snapshot (offline). Fetch the latest data from Statistics Finland with `python -m pipeline refresh --online`.",
    },
    "offline_citizenship": {
        "fi": "Väestö kansalaisuuden mukaan ei ole tässä aineistossa (offline-tilannekuva). Sen saa hakemalla tuoreet tiedot Tilastokeskukselta komennolla `python -m pipeline refresh --online`.",
        "sv": "Befolkningen efter medborgarskap finns inte i detta datauttag (offline). Hämta aktuella uppgifter från Statistikcentralen med kommandot `python -m pipeline refresh --online`.",
        "en": "Population by citizenship is not in this snapshot (offline). Fetch the latest data from Statistics Finland with `python -m pipeline refresh --online`.",
    },
    "languages_title": {
        "fi": "Suurimmat vieraskieliset kieliryhmät {year}",
        "sv": "De största främmande språken {year}",
        "en": "Largest foreign-language groups, {year}",
    },
    "languages_summary": {
        "fi": "Suurimmat vieraskieliset kieliryhmät: {items}.",
        "sv": "De största främmande språken: {items}.",
        "en": "The largest foreign-language groups: {items}.",
    },
    "citizenship_title": {
        "fi": "Suurimmat ulkomaiden kansalaisuudet {year}",
        "sv": "De vanligaste utländska medborgarskapen {year}",
        "en": "Largest foreign citizenships, {year}",
    },
    "citizenship_summary": {
        "fi": "Eniten ulkomaiden kansalaisia: {items}.",
        "sv": "Flest utländska medborgare: {items}.",
        "en": "Most foreign citizens: {items}.",
    },
    "age_sex_title": {
        "fi": "Väestö ikäryhmittäin ja sukupuolen mukaan {year}",
        "sv": "Befolkningen efter åldersgrupp och kön {year}",
        "en": "Population by age group and sex, {year}",
    },
    "age_sex_summary": {
        "fi": "Suurin ikäryhmä on {group} ({count} henkilöä); lapsia 0–15-vuotiaita on {children} ja 65 vuotta täyttäneitä {elderly}.",
        "sv": "Den största åldersgruppen är {group} ({count} personer); barn 0–15 år är {children} och personer över 65 år {elderly}.",
        "en": "The largest age group is {group} ({count} persons); there are {children} children aged 0–15 and {elderly} people aged 65 and over.",
    },
    "no_rows_this_municipality": {
        "fi": "Haetussa aineistossa ei ole tätä tietoa kunnalle {name}.",
        "sv": "Det hämtade datauttaget har inte denna uppgift för {name}.",
        "en": "The fetched data has no such figures for {name}.",
    },
    # -- comparison page ---------------------------------------------------------------------------------
    "cmp_title": {"fi": "Vertailu", "sv": "Jämförelse", "en": "Comparison"},
    "cmp_intro": {
        "fi": "Vertaa kuntaa {name} muihin kuntiin: rinnakkain, koko maan järjestyksessä, kartalla ja samankaltaisiin kuntiin.",
        "sv": "Jämför {name} med andra kommuner: sida vid sida, i rangordning, på kartan och med liknande kommuner.",
        "en": "Compare {name} with other municipalities: side by side, ranked, on a map and with similar municipalities.",
    },
    "cmp_side_by_side": {
        "fi": "Kunnat rinnakkain",
        "sv": "Kommuner sida vid sida",
        "en": "Municipalities side by side",
    },
    "cmp_pick": {"fi": "Vertailtavat kunnat", "sv": "Kommuner att jämföra", "en": "Municipalities to compare"},
    "cmp_pick_help": {
        "fi": "Oletuksena valittu kunta ja sen maakunnan suurimmat kunnat.",
        "sv": "Som standard den valda kommunen och de största kommunerna i dess landskap.",
        "en": "By default the selected municipality and the largest municipalities of its region.",
    },
    "cmp_pick_empty": {
        "fi": "Valitse vähintään yksi kunta.",
        "sv": "Välj minst en kommun.",
        "en": "Choose at least one municipality.",
    },
    "cmp_lines_title": {
        "fi": "Vieraskielisten osuus kunnittain {first}–{last}",
        "sv": "Andel med främmande modersmål per kommun {first}–{last}",
        "en": "Foreign-language share by municipality, {first}–{last}",
    },
    "cmp_lines_summary": {
        "fi": "Vuonna {year} osuus oli suurin kunnassa {top} ({top_share}) ja pienin kunnassa {bottom} ({bottom_share}); {name}: {share}.",
        "sv": "År {year} var andelen störst i {top} ({top_share}) och minst i {bottom} ({bottom_share}); {name}: {share}.",
        "en": "In {year} the share was highest in {top} ({top_share}) and lowest in {bottom} ({bottom_share}); {name}: {share}.",
    },
    "cmp_ranking": {
        "fi": "Kaikki kunnat järjestyksessä {year}",
        "sv": "Alla kommuner i rangordning {year}",
        "en": "All municipalities ranked, {year}",
    },
    "cmp_rank_sentence": {
        "fi": "{name} on sijalla {rank} / {n}: osuus {share}. Taulukon saa järjestettyä sarakkeen otsikkoa napsauttamalla.",
        "sv": "{name} har plats {rank} av {n}: andel {share}. Sortera tabellen genom att klicka på en kolumnrubrik.",
        "en": "{name} ranks {rank} of {n}: share {share}. Click a column heading to sort the table.",
    },
    "cmp_rank_hidden": {
        "fi": "Kunnan {name} osuus on salattu tai puuttuu tältä vuodelta, joten se ei ole järjestyksessä.",
        "sv": "Andelen för {name} är dold eller saknas detta år och ingår inte i rangordningen.",
        "en": "The share of {name} is hidden or missing this year, so it is not ranked.",
    },
    "cmp_map": {
        "fi": "Vieraskielisten osuus kunnittain {year}",
        "sv": "Andel med främmande modersmål {year}",
        "en": "Foreign-language share, {year}",
    },
    "cmp_map_summary": {
        "fi": "Osuus vaihtelee välillä {low} ({low_name}) – {high} ({high_name}); puolessa kunnista se on alle {median}. {name} on rajattu kartalla oranssinpunaisella reunalla.",
        "sv": "Andelen varierar mellan {low} ({low_name}) och {high} ({high_name}); i hälften av kommunerna är den under {median}. {name} har en orangeröd kant på kartan.",
        "en": "The share ranges from {low} ({low_name}) to {high} ({high_name}); in half of the municipalities it is below {median}. {name} has an orange-red outline on the map.",
    },
    "cmp_peers": {"fi": "Samankaltaiset kunnat", "sv": "Liknande kommuner", "en": "Similar municipalities"},
    "cmp_peers_explain": {
        "fi": "Nämä 10 kuntaa ovat lähimpänä kuntaa {name} väkiluvultaan ({population}, {pop_date}) ja vieraskielisten osuudeltaan ({share}, {year}): molemmat on vakioitu (väkiluku logaritmisena) ja etäisyys on niiden euklidinen etäisyys, samaan tapaan kuin Koladan ”samankaltaiset kunnat”. Mitä pienempi etäisyys, sitä samankaltaisempi kunta.",
        "sv": "Dessa 10 kommuner ligger närmast {name} i folkmängd ({population}, {pop_date}) och andel med främmande modersmål ({share}, {year}): båda är standardiserade (folkmängden logaritmerad) och avståndet är det euklidiska avståndet, som i Koladas ”liknande kommuner”. Ju mindre avstånd, desto mer lik.",
        "en": "These 10 municipalities are closest to {name} in population ({population}, {pop_date}) and foreign-language share ({share}, {year}): both are standardised (population on a log scale) and the distance is the Euclidean distance between them, in the spirit of Kolada's \u201csimilar municipalities\u201d. The smaller the distance, the more similar.",
    },
    "cmp_peers_none": {
        "fi": "Kunnalle {name} ei voi laskea vertailukuntia: sen väkiluku tai osuus puuttuu tai on salattu.",
        "sv": "Liknande kommuner kan inte beräknas för {name}: folkmängden eller andelen saknas eller är dold.",
        "en": "Similar municipalities cannot be computed for {name}: its population or share is missing or hidden.",
    },
    # -- sources page ------------------------------------------------------------------------------------
    "src_title": {"fi": "Tiedot ja lähteet", "sv": "Data och källor", "en": "Data and sources"},
    "src_build": {
        "fi": "Tietokanta rakennettu {built} ({seconds} s). Aineistot: {snapshots}.",
        "sv": "Databasen byggd {built} ({seconds} s). Datauttag: {snapshots}.",
        "en": "Database built {built} ({seconds} s). Snapshots: {snapshots}.",
    },
    "src_sources": {"fi": "Lähteet", "sv": "Källor", "en": "Sources"},
    "src_licences": {"fi": "Lisenssit: {licences}.", "sv": "Licenser: {licences}.", "en": "Licences: {licences}."},
    "src_col_dataset": {"fi": "Aineisto", "sv": "Datamängd", "en": "Dataset"},
    "src_col_title": {"fi": "Nimi", "sv": "Namn", "en": "Title"},
    "src_col_citation": {"fi": "Lähdeviite", "sv": "Källhänvisning", "en": "Citation"},
    "src_col_licence": {"fi": "Lisenssi", "sv": "Licens", "en": "Licence"},
    "src_col_snapshot": {"fi": "Tilannekuva", "sv": "Datauttag", "en": "Snapshot"},
    "src_col_kind": {"fi": "Tiedoston laatu", "sv": "Filens typ", "en": "What the file is"},
    "src_col_retrieved": {"fi": "Haettu", "sv": "Hämtad", "en": "Retrieved"},
    "src_col_updated": {"fi": "Taulukko päivitetty", "sv": "Tabellen uppdaterad", "en": "Table updated"},
    "src_col_url": {"fi": "Osoite", "sv": "Adress", "en": "Address"},
    "src_col_reference": {"fi": "Tilanne", "sv": "Läge", "en": "Reference date"},
    "kind_conversion_of_third_party_copy": {
        "fi": "muunnos kolmannen osapuolen kopiosta (ei haettu suoraan Tilastokeskukselta)",
        "sv": "omvandling av en kopia hos tredje part (inte hämtad direkt från Statistikcentralen)",
        "en": "a conversion of a third party's copy (not fetched from Statistics Finland directly)",
    },
    "kind_recorded_response": {
        "fi": "Tilastokeskuksen rajapinnan tallennettu vastaus",
        "sv": "sparat svar från Statistikcentralens gränssnitt",
        "en": "a recorded response of Statistics Finland's API",
    },
    "kind_hand_kept_reference": {
        "fi": "käsin ylläpidetty luettelo",
        "sv": "förteckning som förs för hand",
        "en": "a list kept by hand",
    },
    "kind_hand_copied_from_documents": {
        "fi": "luvut poimittu käsin julkisista asiakirjoista",
        "sv": "tal som kopierats för hand ur offentliga dokument",
        "en": "figures copied by hand from public documents",
    },
    "kind_published_document": {"fi": "julkaistu asiakirja", "sv": "publicerat dokument", "en": "a published document"},
    "kind_missing": {
        "fi": "ei tässä aineistossa (vain haettaessa verkosta)",
        "sv": "inte i detta datauttag (endast vid hämtning online)",
        "en": "not in this snapshot (online only)",
    },
    "src_validation": {"fi": "Viimeisin tarkistus", "sv": "Senaste kontroll", "en": "Last validation"},
    "src_validation_ok": {
        "fi": "Kaikki tarkistukset menivät läpi: jokainen taulu vastaa sääntöjään.",
        "sv": "Alla kontroller godkändes: varje tabell följer sina regler.",
        "en": "All checks passed: every table meets its rules.",
    },
    "src_validation_failed": {
        "fi": "{n} tarkistusta ei mennyt läpi:",
        "sv": "{n} kontroller underkändes:",
        "en": "{n} checks failed:",
    },
    "src_reconciliation": {
        "fi": "Koko maan luvut: laskettu ja julkaistu",
        "sv": "Hela landets tal: beräknat och publicerat",
        "en": "Whole-country figures: computed and published",
    },
    "src_reconciliation_explain": {
        "fi": "Kuntien luvuista laskettua koko maan summaa verrataan Tilastokeskuksen julkaisemaan lukuun. Yli {tolerance} erotus pysäyttää päivityksen.",
        "sv": "Hela landets summa beräknad ur kommunernas tal jämförs med Statistikcentralens publicerade tal. En skillnad över {tolerance} stoppar uppdateringen.",
        "en": "The whole-country sum computed from the municipalities is compared with the figure Statistics Finland published. A difference over {tolerance} stops the refresh.",
    },
    "rec_measure": {"fi": "Tieto", "sv": "Uppgift", "en": "Measure"},
    "rec_computed": {"fi": "Laskettu", "sv": "Beräknat", "en": "Computed"},
    "rec_published": {"fi": "Julkaistu", "sv": "Publicerat", "en": "Published"},
    "rec_difference": {"fi": "Erotus", "sv": "Skillnad", "en": "Difference"},
    "rec_difference_pct": {"fi": "Erotus, %", "sv": "Skillnad, %", "en": "Difference, %"},
    "rec_ok": {"fi": "Rajoissa", "sv": "Inom gränsen", "en": "Within tolerance"},
    "yes": {"fi": "kyllä", "sv": "ja", "en": "yes"},
    "no": {"fi": "ei", "sv": "nej", "en": "no"},
    "measure_population": {"fi": "väkiluku", "sv": "folkmängd", "en": "population"},
    "measure_foreign_language_speakers": {
        "fi": "vieraskieliset",
        "sv": "personer med främmande modersmål",
        "en": "foreign-language speakers",
    },
    "src_definitions": {"fi": "Määritelmät", "sv": "Definitioner", "en": "Definitions"},
    "src_methods": {"fi": "Lasketut luvut", "sv": "Beräknade tal", "en": "Computed figures"},
    "src_methods_text": {
        "fi": "Kun lukua ei ole julkaistu alueelle, se lasketaan kuntien luvuista ja kuvatekstissä kerrotaan se: *julkaistu* = Tilastokeskuksen tai julkisen asiakirjan luku; *laskettu* = laskettu julkaistuista luvuista; *arvio* = laskettu kuntien osuuksista ja väkiluvuista (osuudet on pyöristetty, joten summa on arvio); *muunnettu* = yhdistyneiden kuntien luvut laskettu yhteen nykyiseen kuntajakoon.",
        "sv": "När ett tal inte har publicerats för ett område beräknas det ur kommunernas tal, och bildtexten säger det: *publicerat* = Statistikcentralens eller ett offentligt dokuments tal; *beräknat* = beräknat ur publicerade tal; *uppskattning* = beräknat ur kommunernas andelar och folkmängd (andelarna är avrundade, så summan är en uppskattning); *omräknat* = sammanslagna kommuners tal summerade till nuvarande indelning.",
        "en": "Where a figure is not published for an area it is computed from the municipalities' figures, and the caption says so: *published* = a figure of Statistics Finland or of a public document; *computed* = computed from published figures; *estimate* = computed from the municipalities' shares and populations (the shares are rounded, so the sum is an estimate); *converted* = figures of merged municipalities added up on the current division.",
    },
    # -- temporary protection and quota refugees (profile) ----------------------------------------------
    "section_tp": {"fi": "Tilapäinen suojelu", "sv": "Tillfälligt skydd", "en": "Temporary protection"},
    "tp_card": {
        "fi": "Tilapäistä suojelua saavia, kotikunta {name}",
        "sv": "Med tillfälligt skydd, hemkommun {name}",
        "en": "Holders of temporary protection living in {name}",
    },
    "tp_title": {
        "fi": "Tilapäistä suojelua saavat, joilla kotikunta {name}",
        "sv": "Personer med tillfälligt skydd och hemkommun {name}",
        "en": "Holders of temporary protection with {name} as municipality of residence",
    },
    "tp_summary": {
        "fi": "{date}: {count} tilapäistä suojelua saavaa, joilla on kotikunta {name}.",
        "sv": "{date}: {count} personer med tillfälligt skydd och hemkommun {name}.",
        "en": "{date}: {count} holders of temporary protection with {name} as municipality of residence.",
    },
    "tp_change": {
        "fi": " Muutos edellisestä kuukaudesta {change}.",
        "sv": " Förändring från föregående månad {change}.",
        "en": " Change from the previous month {change}.",
    },
    "tp_not_in_year": {
        "fi": "Vuodelta {year} ei ole kuukausilukua; uusin luku on {date}.",
        "sv": "För {year} finns inget månadstal; det senaste gäller {date}.",
        "en": "There is no monthly figure for {year}; the latest is for {date}.",
    },
    "tp_note": {"fi": "Huomautus", "sv": "Anmärkning", "en": "Note"},
    "tp_none": {
        "fi": "Tilapäistä suojelua saavien kuukausilukuja ei ole tässä aineistossa kunnalle {name}. Lataa Migrin/TEM:n kuntakohtainen taulukko ja tuo se komennolla `python -m pipeline import temporary-protection TIEDOSTO`.",
        "sv": "Månadstal för personer med tillfälligt skydd finns inte i denna databas för {name}. Ladda ner Migris/ANM:s tabell per kommun och importera den med `python -m pipeline import temporary-protection FIL`.",
        "en": "Monthly counts of temporary protection are not in this snapshot for {name}. Download the Migri/TEM table by municipality and import it with `python -m pipeline import temporary-protection FILE`.",
    },
    "tp_context": {
        "fi": "Luku sisältää vain ne, joilla on kotikunta; vastaanottokeskuksessa asuvat ilman kotikuntaa ovat Migrin lukuja. Vastaanottokeskus kunnassa voi nostaa lukua äkillisesti.",
        "sv": "Talet omfattar bara dem som har en hemkommun; de som bor på en förläggning utan hemkommun räknas av Migri. En förläggning i kommunen kan få talet att stiga plötsligt.",
        "en": "The count covers only those with a municipality of residence; people in reception centres without one are Migri's figures. A reception centre in the town can make the count jump.",
    },
    "section_quota": {"fi": "Kiintiöpakolaiset", "sv": "Kvotflyktingar", "en": "Quota refugees"},
    "quota_title": {
        "fi": "Kiintiö ja saapuneet kiintiöpakolaiset, {name}",
        "sv": "Kvot och anlända kvotflyktingar, {name}",
        "en": "Quota and quota refugees arrived, {name}",
    },
    "quota": {"fi": "Kiintiö", "sv": "Kvot", "en": "Quota"},
    "emergency": {"fi": "Hätätapauksia", "sv": "Akuta fall", "en": "Emergency cases"},
    "arrived_persons": {"fi": "Saapuneita henkilöitä", "sv": "Anlända personer", "en": "Persons arrived"},
    "arrived_families": {"fi": "Saapuneita perheitä", "sv": "Anlända familjer", "en": "Families arrived"},
    "arrivals_periods": {
        "fi": "Saapumiset ajanjaksoilta",
        "sv": "Ankomster under perioderna",
        "en": "Arrivals counted for",
    },
    "quota_summary": {
        "fi": "Vuonna {year} kiintiö oli {quota}; saapuneita kirjattu {persons} henkilöä ja {families} perhettä ({periods}).",
        "sv": "År {year} var kvoten {quota}; registrerade ankomster {persons} personer och {families} familjer ({periods}).",
        "en": "In {year} the quota was {quota}; arrivals recorded: {persons} persons and {families} families ({periods}).",
    },
    "quota_summary_quota_only": {
        "fi": "Vuonna {year} kiintiö oli {quota}; saapumisia ei ole kirjattu.",
        "sv": "År {year} var kvoten {quota}; inga ankomster är registrerade.",
        "en": "In {year} the quota was {quota}; no arrivals are recorded.",
    },
    "quota_partial": {
        "fi": "Saapumiset on kirjattu vain mainituilta ajanjaksoilta; puuttuva tieto ei ole nolla.",
        "sv": "Ankomster är registrerade bara för de nämnda perioderna; en saknad uppgift är inte noll.",
        "en": "Arrivals are recorded only for the periods named; a missing figure is not zero.",
    },
    "quota_none": {
        "fi": "Kunnalle {name} ei ole kiintiö- tai saapumistietoja. Ne ovat kunnan omia tietoja: täytä pohja `python -m pipeline template quota` (ja `arrivals`) kansioon data/local/.",
        "sv": "För {name} finns inga uppgifter om kvot eller ankomster. De är kommunens egna uppgifter: fyll i mallen `python -m pipeline template quota` (och `arrivals`) i mappen data/local/.",
        "en": "There are no quota or arrival figures for {name}. They are the municipality's own figures: fill in the template `python -m pipeline template quota` (and `arrivals`) in data/local/.",
    },
    "month": {"fi": "Kuukauden loppu", "sv": "Månadens slut", "en": "Month end"},
    "persons_col": {"fi": "Henkilöitä", "sv": "Personer", "en": "Persons"},
    # -- impact indicators ---------------------------------------------------------------------------------
    "impact_title": {
        "fi": "Kotoutumisen vaikuttavuus: {name}",
        "sv": "Integrationens effekt: {name}",
        "en": "Impact of integration work: {name}",
    },
    "impact_intro": {
        "fi": "Kotoutumisohjelmaa arvioidaan Kuntaliiton vaikuttavuusmittareilla: 12 mittaria neljässä ryhmässä. Kullekin näytetään sen mittarit, uusin arvo, kehitys, tila ja lähde. *Mitattu* = avoin tilasto, *oma tieto* = kunnan oma tiedosto tai kysely, *ei tietoa vielä* = tietoa ei ole – ja miten sen saa.",
        "sv": "Integrationsprogrammet utvärderas med Kommunförbundets effektmätare: 12 mätare i fyra grupper. För varje visas dess mått, senaste värde, utveckling, status och källa. *Mätt* = öppen statistik, *egen uppgift* = kommunens egen fil eller enkät, *inga uppgifter ännu* = uppgift saknas – och hur man får den.",
        "en": "The integration programme is evaluated with Kuntaliitto's impact indicators: 12 indicators in four groups. Each shows its measures, latest value, trend, status and source. *Measured* = open statistics, *own data* = the municipality's own file or survey, *no data yet* = nothing yet – and how to get it.",
    },
    "impact_counts": {
        "fi": "{measured} mitattu · {local} omaa tietoa · {no_data} ei tietoa vielä (12 mittarista)",
        "sv": "{measured} mätta · {local} egna uppgifter · {no_data} inga uppgifter ännu (av 12)",
        "en": "{measured} measured · {local} own data · {no_data} no data yet (of 12)",
    },
    "status_measured": {"fi": "Mitattu", "sv": "Mätt", "en": "Measured"},
    "status_local": {"fi": "Oma tieto", "sv": "Egen uppgift", "en": "Own data"},
    "status_no_data": {"fi": "Ei tietoa vielä", "sv": "Inga uppgifter ännu", "en": "No data yet"},
    "trend_better": {"fi": "parempaan suuntaan", "sv": "åt rätt håll", "en": "in the right direction"},
    "trend_worse": {"fi": "heikompaan suuntaan", "sv": "åt fel håll", "en": "in the wrong direction"},
    "trend_same": {"fi": "ennallaan", "sv": "oförändrat", "en": "unchanged"},
    "trend_from": {
        "fi": "edellinen {period}: {value}",
        "sv": "föregående {period}: {value}",
        "en": "previous {period}: {value}",
    },
    "fill_with": {"fi": "Täytä: `{command}`", "sv": "Fyll i: `{command}`", "en": "Fill in: `{command}`"},
    "measure": {"fi": "Mittari", "sv": "Mått", "en": "Measure"},
    "indicator": {"fi": "Vaikuttavuusmittari", "sv": "Effektmätare", "en": "Impact indicator"},
    "group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "period": {"fi": "Ajanjakso", "sv": "Period", "en": "Period"},
    "kl_title": {
        "fi": "Vertailutieto: Kuntaliiton kuntakysely 2023",
        "sv": "Jämförelse: Kommunförbundets kommunenkät 2023",
        "en": "National reference: Kuntaliitto's municipal survey 2023",
    },
    "kl_agree": {"fi": "Samaa mieltä / riittävä", "sv": "Instämmer / tillräckligt", "en": "Agree / sufficient"},
    "kl_neutral": {"fi": "Ei samaa eikä eri mieltä", "sv": "Varken eller", "en": "Neither"},
    "kl_disagree": {
        "fi": "Eri mieltä / riittämätön",
        "sv": "Instämmer inte / otillräckligt",
        "en": "Disagree / insufficient",
    },
    "kl_cannot_say": {"fi": "En osaa sanoa", "sv": "Kan inte säga", "en": "Cannot say"},
    "kl_summary": {
        "fi": "Kunnista {agree} piti kotoutumisen resursseja riittävinä ja {disagree} riittämättöminä ({answers} vastausta).",
        "sv": "Av kommunerna ansåg {agree} att resurserna för integration var tillräckliga och {disagree} otillräckliga ({answers} svar).",
        "en": "Of the municipalities, {agree} found the resources for integration sufficient and {disagree} insufficient ({answers} answers).",
    },
}


def lang() -> str:
    """The current language code: fi, sv or en."""
    value = st.session_state.get("lang", DEFAULT)
    return value if value in LANGUAGES else DEFAULT


def t(key: str, **values) -> str:
    """The text for ``key`` in the current language, with ``{placeholders}`` filled from ``values``."""
    texts = STRINGS[key]
    text = texts.get(lang()) or texts[DEFAULT]
    return text.format(**values) if values else text


def column(frame_or_row, stem: str):
    """The language version of a name column (``name_fi`` / ``name_sv`` / ``name_en``), Finnish if absent."""
    name = f"{stem}_{lang()}"
    keys = frame_or_row.keys() if hasattr(frame_or_row, "keys") else frame_or_row.columns
    return name if name in keys else f"{stem}_{DEFAULT}"

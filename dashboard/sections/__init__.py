"""What the pages show, computed once per database, municipality, year and language (``dashboard.parts``)."""

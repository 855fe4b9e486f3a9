"""A whole mart is one frame shared by every session (``dashboard.data._table``, ``st.cache_resource``), and
so are the impact cards' rows (``data._scorecard_cards``): pages filter and copy them, and a page that changed it would change every other session's page too."""

from __future__ import annotations

import duckdb
import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.dashboard.pages import APP, PAGES


def test_no_page_changes_a_table_every_session_shares(curated, bundled_db):
    from dashboard import data

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"kunta": "111", "vuosi": "2024"})
    at.run()
    for page in [*PAGES[1:], "app_pages/group.py", PAGES[0]]:
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
    version = data.version()
    with duckdb.connect(str(bundled_db), read_only=True) as con:
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()]
        for table in tables:
            fresh = data._with_flags(data._plain_text(con.execute(f'select * from "{table}"').df()), table)
            pd.testing.assert_frame_equal(data._table(version, table), fresh, obj=table)
    # the impact page's cards read shared plain rows of the scorecard (``data.scorecard_cards``) the same way
    shared = [row for group in data._scorecard_cards(version, "111", 2024) for rows in group for row in rows]
    fresh = data._scorecard(version, "111", 2024).sort_values(["group_order", "indicator_order"], kind="stable")
    pd.testing.assert_frame_equal(pd.DataFrame(shared), pd.DataFrame(fresh.to_dict("records")))

"""The dashboard's SVG charts (``dashboard.charts``): text from a file is shown as text, a gap stays a gap.

Each chart is drawn inside a small app (AppTest) on synthetic frames, named as such: the words in them are
made up for the test and never shown to anyone."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from tests.dashboard.pages import chart_texts, chart_tips, charts

SCRIPT = """
import sys
sys.path.insert(0, {root!r})
import pandas as pd
import streamlit as st
from dashboard import charts, components

frame = pd.DataFrame({{  # synthetic: a municipality whose 2022 share is hidden
    "role": ["municipality"] * 4, "label": [{name!r}] * 4, "year": [2020, 2021, 2022, 2023],
    "share_pct": [1.5, 1.75, None, 2.0], "share_text": ["1,5 %", "1,8 %", "..", "2,0 %"],
}})
trend = charts.share_trend(frame, {title!r}, {source!r}, key="synthetic_trend")
components.chart(trend)
png = trend.png()  # what the PNG button gives, made here as on a click
st.text(f"png {{png[:8].hex()}} {{len(png)}}")
bars = pd.DataFrame({{  # synthetic: a missing arrival count and a hidden one
    "year": [2022, 2023, 2024], "quota": [10, 12, 0], "quota_text": ["10", "12", "0"],
    "arrived_persons": [None, None, 7.0], "arrived_persons_text": ["–", "< 5", "7"],
}})
components.chart(charts.quota_bars(bars, "Synthetic quota", None, key="synthetic_quota"))
"""


def _run(name: str, title: str, source: str) -> AppTest:
    from pipeline import paths

    code = SCRIPT.format(root=str(paths.ROOT), name=name, title=title, source=source)
    at = AppTest.from_string(code, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_text_from_a_file_is_shown_as_text_not_markup():
    at = _run("<b>Syn</b> [kunta](https://example.org)", "Osuus **2020–2023** ![x](y.png)", "Lähde <i>x</i> $5$")
    figure = charts(at)["synthetic_trend"]
    assert "<b>Syn</b>" not in figure and "<i>x</i>" not in figure  # escaped, so never a tag
    words = chart_texts(at, "synthetic_trend")
    assert "Osuus **2020–2023** ![x](y.png)" in words  # the title as written, no bold, no image
    assert "Lähde: Lähde <i>x</i> $5$" in words  # the source, with its dollars as text (never mathematics)
    assert any("<b>Syn</b> [kunta](https://example.org)" in w for w in words)  # the legend
    assert "\n\n" not in figure  # one HTML block: Markdown never reads what follows a blank line


def test_a_hidden_year_breaks_the_line_and_a_hidden_bar_is_not_drawn():
    at = _run("Synthetic", "Synthetic trend", "Synthetic source")
    figure = charts(at)["synthetic_trend"]
    path = re.search(r'<g id="synthetic_trend-line0">.*?<path d="([^"]+)"', figure).group(1)
    assert path.count("M") == 2  # 2020–2021, then 2023 alone: never joined across 2022
    assert [tip.replace("\u00a0", " ") for tip in chart_tips(at, "synthetic_trend")][2] == "2022: Synthetic .."
    tips = chart_tips(at, "synthetic_quota")
    assert [tip for tip in tips if tip.startswith("Saapuneita henkilöitä")] == ["Saapuneita henkilöitä 2024: 7"]
    assert [tip for tip in tips if tip.startswith("Kiintiö")] == [
        "Kiintiö 2022: 10",
        "Kiintiö 2023: 12",
        "Kiintiö 2024: 0",
    ]
    words = chart_texts(at, "synthetic_quota")
    assert "< 5" in words and "–" in words  # the symbols stand where the bars would be


def test_a_chart_downloads_as_a_png_image():
    at = _run("Synthetic", "Synthetic trend", "Synthetic source")
    signature, size = at.text[0].value.split()[1:]
    assert signature == "89504e470d0a1a0a" and int(size) > 20_000  # a PNG file, at 200 dpi


CHANGED = """
import sys
sys.path.insert(0, {root!r})
import pandas as pd
import streamlit as st
from dashboard import charts, components

for value, text in ((1.5, "1,5 %"), (2.5, "2,5 %"), (1.5, "1,5 %")):  # synthetic: one share changed, then back
    frame = pd.DataFrame({{"role": ["municipality"] * 2, "label": ["Synthetic"] * 2, "year": [2022, 2023],
                          "share_pct": [1.0, value], "share_text": ["1,0 %", text]}})
    components.chart(charts.share_trend(frame, "Synthetic", None, key="synthetic_trend"))
"""


def test_a_chart_is_drawn_anew_when_a_value_in_its_figures_changes():
    """The cache key of a drawn chart stands for every value it draws (``charts._digest``), not its name."""
    from pipeline import paths

    at = AppTest.from_string(CHANGED.format(root=str(paths.ROOT)), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    drawn = [element.value for element in at.markdown if 'id="kp-chart-synthetic_trend"' in element.value]
    assert len(drawn) == 3
    assert "2,5 %" not in drawn[0] and "2,5 %" in drawn[1] and "2,5 %" not in drawn[2]
    assert drawn[0] == drawn[2]  # the same figures: the same chart, from the cache

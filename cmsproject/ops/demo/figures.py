"""Demo indicators and figures (FACTS.md, "Figures the seeds report"), each citing the demo
source (sources.py) that reports it."""

from __future__ import annotations

INDICATORS = [
    {
        "slug": "bilateral-trade-turnover",
        "name": "Bilateral trade turnover",
        "unit": "USD",
        "symmetric": True,
        "keywords": "trade turnover\nbilateral trade\ntrade between\ntrade with\ntrade volume\n"
        "товарооборот\nвзаимная торговля\n贸易额",
        "description": (
            "The trade volume between two states: exports and imports added together. Each "
            "side's customs count it, and the two counts seldom agree: both are shown when both "
            "are reported."
        ),
    },
    {
        "slug": "accumulated-investment-from-partner",
        "name": "Accumulated investment from the partner",
        "unit": "USD",
        "symmetric": False,
        "keywords": "accumulated investment\ninvestment stock\nнакопленные инвестиции",
        "description": (
            "Investment the partner's companies have made in the reporting state over the "
            "years, as the reporting state counts it at a given date."
        ),
    },
]

FIGURES = [
    {
        "slug": "trade-kazakhstan-china-2023-jan-oct",
        "indicator": "bilateral-trade-turnover",
        "party": "kazakhstan",
        "partner": "china",
        "period": ("2023-01-01", "2023-10-31"),
        "value": "36500000000",
        "unit": "USD",
        "note": "11% more than in January–October 2022",
        "citation": (
            "c5-ministers-meet-in-chengdu-2023",
            "bilateral trade in January–October 2023 reached $36.5 bn, 11% more than a year before",
        ),
    },
    {
        "slug": "trade-kazakhstan-china-2023",
        "indicator": "bilateral-trade-turnover",
        "party": "kazakhstan",
        "partner": "china",
        "period": ("2023-01-01", "2023-12-31"),
        "value": "41000000000",
        "unit": "USD",
        "note": "30% more than in 2022",
        "citation": (
            "wang-yi-visits-kazakhstan-protocol-2024",
            "trade with China reached $41 bn in 2023, 30% more than in 2022",
        ),
    },
    {
        "slug": "investment-china-in-kazakhstan-2024-05",
        "indicator": "accumulated-investment-from-partner",
        "party": "kazakhstan",
        "partner": "china",
        "period": ("2024-05-20", "2024-05-20"),
        "value": "24000000000",
        "unit": "USD",
        "note": "reported as more than $24 bn",
        "citation": (
            "wang-yi-visits-kazakhstan-protocol-2024",
            "Chinese investment in the country exceeds $24 bn",
        ),
    },
]

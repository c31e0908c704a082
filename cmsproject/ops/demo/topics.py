"""Demo topics (a parent before its children)."""

from __future__ import annotations

TOPICS = [
    {"slug": "trade-and-economy", "name": "Trade and economy", "description": "Economic ties."},
    {
        "slug": "trade",
        "name": "Trade",
        "parent": "trade-and-economy",
        "description": "Exports, imports and the rules for them.",
    },
    {
        "slug": "investment",
        "name": "Investment",
        "parent": "trade-and-economy",
        "description": "Capital invested across borders and the projects it pays for.",
    },
    {
        "slug": "transport-and-logistics",
        "name": "Transport and logistics",
        "description": "Rail, road and freight corridors between China and Central Asia.",
    },
    {"slug": "energy", "name": "Energy", "description": "Oil, gas, power and renewable energy."},
    {"slug": "security", "name": "Security", "description": "Regional and international security."},
    {
        "slug": "counter-terrorism",
        "name": "Counter-terrorism",
        "parent": "security",
        "description": "Joint work against terrorism, extremism and separatism.",
    },
    {"slug": "agriculture", "name": "Agriculture", "description": "Farming and food trade."},
    {
        "slug": "culture-and-people-to-people-ties",
        "name": "Culture and people-to-people ties",
        "description": "Education, tourism, culture and travel between the countries.",
    },
    {"slug": "environment", "name": "Environment", "description": "Climate and nature."},
    {
        "slug": "water-resources",
        "name": "Water resources",
        "parent": "environment",
        "description": "Rivers and water shared across borders.",
    },
    {
        "slug": "digital-economy",
        "name": "Digital economy",
        "description": "E-commerce, digital connectivity and technology.",
    },
]

"""Demo event series and events (a parent event before its sideline events)."""

from __future__ import annotations

from .states import C5

SERIES = [
    {
        "slug": "china-central-asia-foreign-ministers-meeting",
        "name": "China–Central Asia Foreign Ministers' Meeting",
        "description": (
            "The foreign ministers of China and the five Central Asian states, since 2020."
        ),
    },
    {
        "slug": "china-central-asia-summit",
        "name": "China–Central Asia Summit",
        "description": (
            "The heads of state of China and the five Central Asian states: online in 2022, then "
            "in person every two years since 2023."
        ),
    },
]

FMM = "china-central-asia-foreign-ministers-meeting"
SUMMIT = "china-central-asia-summit"


def _ministers(*slugs: str) -> list[tuple[str, str]]:
    """Participants in C5 order, each representing their own state."""
    return [(person, state) for person, state in zip(slugs, C5, strict=True) if person]


EVENTS = [
    {
        "slug": "first-china-central-asia-foreign-ministers-meeting",
        "title": "First China–Central Asia Foreign Ministers' Meeting",
        "kind": "ministerial",
        "series": FMM,
        "ordinal": 1,
        "start": "2020-07-16",
        "is_online": True,
        "summary": (
            "The six foreign ministers' first meeting in this format, held by video link during "
            "the COVID-19 pandemic. They adopted a joint statement and discussed the pandemic "
            "and economic recovery, farm exports to China, digital trade and keeping "
            "cross-border freight moving."
        ),
        "topics": ["trade", "agriculture", "digital-economy", "transport-and-logistics"],
        "participants": _ministers(
            "wang-yi",
            "mukhtar-tileuberdi",
            "chingiz-aidarbekov",
            "sirojiddin-muhriddin",
            "rashid-meredov",
            "abdulaziz-kamilov",
        ),
    },
    {
        "slug": "second-china-central-asia-foreign-ministers-meeting",
        "title": "Second China–Central Asia Foreign Ministers' Meeting",
        "kind": "ministerial",
        "series": FMM,
        "ordinal": 2,
        "start": "2021-05-12",
        "place": "xian",
        "host": "china",
        "summary": (
            "The ministers' second meeting and their first in person, hosted by Wang Yi in "
            "Xi'an. They discussed the pandemic, economic cooperation and regional security."
        ),
        "topics": ["trade-and-economy", "security"],
        "participants": _ministers(
            "wang-yi",
            "mukhtar-tileuberdi",
            "ruslan-kazakbaev",
            "sirojiddin-muhriddin",
            "rashid-meredov",
            "abdulaziz-kamilov",
        ),
    },
    {
        "slug": "china-central-asia-virtual-summit-2022",
        "title": (
            "China–Central Asia Virtual Summit on the 30th Anniversary of Diplomatic Relations"
        ),
        "kind": "summit",
        "series": SUMMIT,
        "start": "2022-01-25",
        "is_online": True,
        "host": "china",
        "summary": (
            "Xi Jinping and the five Central Asian presidents met by video link to mark thirty "
            "years of diplomatic relations and adopted a joint statement. It was the format's "
            "first meeting of heads of state; the numbered summits began in 2023."
        ),
        "topics": ["security", "counter-terrorism", "trade", "agriculture"],
        "participants": _ministers(
            "xi-jinping",
            "kassym-jomart-tokayev",
            "sadyr-japarov",
            "emomali-rahmon",
            "gurbanguly-berdimuhamedov",
            "shavkat-mirziyoyev",
        ),
    },
    {
        "slug": "third-china-central-asia-foreign-ministers-meeting",
        "title": "Third China–Central Asia Foreign Ministers' Meeting",
        "kind": "ministerial",
        "series": FMM,
        "ordinal": 3,
        "start": "2022-06-08",
        "place": "astana",
        "host": "kazakhstan",
        "summary": (
            "The ministers' third meeting, held in Kazakhstan's capital, then called Nur-Sultan. "
            "They took stock of cooperation since the virtual summit of January 2022."
        ),
        "topics": ["trade-and-economy", "transport-and-logistics"],
        "participants": _ministers(
            "wang-yi",
            "mukhtar-tileuberdi",
            "ruslan-kazakbaev",
            "sirojiddin-muhriddin",
            "rashid-meredov",
            "abdulaziz-kamilov",
        ),
    },
    {
        "slug": "fourth-china-central-asia-foreign-ministers-meeting",
        "title": "Fourth China–Central Asia Foreign Ministers' Meeting",
        "kind": "ministerial",
        "series": FMM,
        "ordinal": 4,
        "start": "2023-04-27",
        "place": "xian",
        "host": "china",
        "summary": (
            "The ministers' fourth meeting, chaired by China's foreign minister Qin Gang in "
            "Xi'an, prepared the first China–Central Asia Summit held there three weeks later. "
            "Turkmenistan was represented by its First Deputy Foreign Minister, Vepa Hajiyev."
        ),
        "topics": ["trade-and-economy", "security"],
        "participants": [
            ("qin-gang", "china"),
            ("murat-nurtleu", "kazakhstan"),
            ("jeenbek-kulubaev", "kyrgyzstan"),
            ("sirojiddin-muhriddin", "tajikistan"),
            (
                "vepa-hajiyev",
                "turkmenistan",
                "First Deputy Minister of Foreign Affairs of Turkmenistan",
            ),
            ("bakhtiyor-saidov", "uzbekistan"),
        ],
    },
    {
        "slug": "first-china-central-asia-summit",
        "title": "First China–Central Asia Summit",
        "kind": "summit",
        "series": SUMMIT,
        "ordinal": 1,
        "start": "2023-05-18",
        "end": "2023-05-19",
        "place": "xian",
        "host": "china",
        "summary": (
            "The format's first summit held in person. The six heads of state signed the Xi'an "
            "Declaration and agreed to meet every two years, next in Kazakhstan in 2025."
        ),
        "topics": ["trade", "transport-and-logistics", "energy", "security"],
        "participants": _ministers(
            "xi-jinping",
            "kassym-jomart-tokayev",
            "sadyr-japarov",
            "emomali-rahmon",
            "serdar-berdimuhamedov",
            "shavkat-mirziyoyev",
        ),
    },
    {
        "slug": "fifth-china-central-asia-foreign-ministers-meeting",
        "title": "Fifth China–Central Asia Foreign Ministers' Meeting",
        "kind": "ministerial",
        "series": FMM,
        "ordinal": 5,
        "start": "2023-12-01",
        "place": "chengdu",
        "host": "china",
        "summary": (
            "The ministers' fifth meeting, in Chengdu. They discussed economic ties, regional "
            "security, transport, the climate and the environment, agreed to work more closely "
            "on water, renewable energy and environmental protection, and planned their next "
            "meeting in Kazakhstan ahead of the 2025 summit."
        ),
        "topics": [
            "trade-and-economy",
            "security",
            "transport-and-logistics",
            "water-resources",
            "culture-and-people-to-people-ties",
        ],
        "participants": _ministers(
            "wang-yi",
            "murat-nurtleu",
            "jeenbek-kulubaev",
            "sirojiddin-muhriddin",
            "rashid-meredov",
            "bakhtiyor-saidov",
        ),
    },
    {
        "slug": "nurtleu-wang-yi-talks-chengdu-2023",
        "title": "Talks between Murat Nurtleu and Wang Yi in Chengdu",
        "kind": "talks",
        "start": "2023-12-01",
        "place": "chengdu",
        "parent": "fifth-china-central-asia-foreign-ministers-meeting",
        "summary": (
            "Kazakhstan's and China's foreign ministers met on the sidelines of the fifth "
            "ministers' meeting to review bilateral ties: trade, transit and transport, energy "
            "security and Kazakhstan's exports other than raw materials."
        ),
        "topics": ["trade", "transport-and-logistics", "energy"],
        "participants": [("murat-nurtleu", "kazakhstan"), ("wang-yi", "china")],
    },
    {
        "slug": "wang-yi-official-visit-to-kazakhstan-2024",
        "title": "Wang Yi's Official Visit to Kazakhstan",
        "kind": "official_visit",
        "start": "2024-05-20",
        "place": "astana",
        "host": "kazakhstan",
        "summary": (
            "China's foreign minister visited Astana for talks with Murat Nurtleu on political, "
            "trade, investment and cultural ties. They signed a protocol adding subcommittees on "
            "agriculture and on innovation to the Kazakh-Chinese Cooperation Committee."
        ),
        "topics": ["trade", "investment", "agriculture", "culture-and-people-to-people-ties"],
        "participants": [("wang-yi", "china"), ("murat-nurtleu", "kazakhstan")],
    },
    {
        "slug": "sixth-china-central-asia-foreign-ministers-meeting",
        "title": "Sixth China–Central Asia Foreign Ministers' Meeting",
        "kind": "ministerial",
        "series": FMM,
        "ordinal": 6,
        "start": "2025-04-26",
        "place": "almaty",
        "host": "kazakhstan",
        "summary": (
            "The ministers' sixth meeting, in Almaty, prepared the second China–Central Asia "
            "Summit. Turkmenistan was represented by its ambassador to China, Parahat Durdyev. "
            "The Central Asian side backed the Global Security Initiative, and all sides spoke "
            "for Belt and Road projects and against protectionism."
        ),
        "topics": ["security", "trade", "digital-economy", "energy", "transport-and-logistics"],
        "participants": _ministers(
            "wang-yi",
            "murat-nurtleu",
            "jeenbek-kulubaev",
            "sirojiddin-muhriddin",
            "parahat-durdyev",
            "bakhtiyor-saidov",
        ),
    },
    {
        "slug": "second-china-central-asia-summit",
        "title": "Second China–Central Asia Summit",
        "kind": "summit",
        "series": SUMMIT,
        "ordinal": 2,
        "start": "2025-06-16",
        "end": "2025-06-17",
        "place": "astana",
        "host": "kazakhstan",
        "summary": (
            "The format's second summit, in Astana. The six heads of state signed the Treaty on "
            "Permanent Good-Neighbourliness, Friendship and Cooperation."
        ),
        "topics": ["security", "trade", "transport-and-logistics", "energy"],
        "participants": _ministers(
            "xi-jinping",
            "kassym-jomart-tokayev",
            "sadyr-japarov",
            "emomali-rahmon",
            "serdar-berdimuhamedov",
            "shavkat-mirziyoyev",
        ),
    },
    {
        "slug": "xi-jinping-mirziyoyev-talks-beijing-2024",
        "title": "Talks between Xi Jinping and Shavkat Mirziyoyev in Beijing",
        "kind": "talks",
        "start": "2024-01-24",
        "place": "beijing",
        "host": "china",
        "summary": (
            "During the Uzbek president's state visit to China, the two leaders gave their "
            "countries' relations a new name: an all-weather comprehensive strategic partnership "
            "for a new era."
        ),
        "topics": ["trade-and-economy"],
        "participants": [("xi-jinping", "china"), ("shavkat-mirziyoyev", "uzbekistan")],
        "status": "draft",
        "editor_note": "Draft: add a source and the joint statement before publishing.",
    },
]

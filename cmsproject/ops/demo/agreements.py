"""Demo agreements, their parties and signatories."""

from __future__ import annotations

from .states import C5

HEADS_2023 = [
    ("xi-jinping", "china"),
    ("kassym-jomart-tokayev", "kazakhstan"),
    ("sadyr-japarov", "kyrgyzstan"),
    ("emomali-rahmon", "tajikistan"),
    ("serdar-berdimuhamedov", "turkmenistan"),
    ("shavkat-mirziyoyev", "uzbekistan"),
]

AGREEMENTS = [
    {
        "slug": "joint-statement-china-central-asia-foreign-ministers-2020",
        "title": "Joint Statement of the First China–Central Asia Foreign Ministers' Meeting",
        "kind": "joint_statement",
        "signed_on": "2020-07-16",
        "signed_at": "first-china-central-asia-foreign-ministers-meeting",
        "parties": C5,
        "summary": (
            "Adopted by the six foreign ministers at their first meeting, held by video link. "
            "It records their intent to meet regularly and to work together on the pandemic, "
            "economic recovery, trade and investment."
        ),
        "aliases": [
            (
                "Joint Statement of the China–Central Asia Foreign Ministers' Video Conference",
                "other",
                "en",
            ),
        ],
        "topics": ["trade", "agriculture", "digital-economy"],
    },
    {
        "slug": "joint-statement-china-central-asia-summit-2022",
        "title": (
            "Joint Statement of the Leaders of China and the Central Asian States on the 30th "
            "Anniversary of Diplomatic Relations"
        ),
        "kind": "joint_statement",
        "signed_on": "2022-01-25",
        "signed_at": "china-central-asia-virtual-summit-2022",
        "parties": C5,
        "summary": (
            "Adopted by the six heads of state at the virtual summit of January 2022, marking "
            "thirty years of diplomatic relations between China and the Central Asian states."
        ),
        "aliases": [("Joint Statement of the China–Central Asia Virtual Summit", "other", "en")],
        "topics": ["security", "trade"],
    },
    {
        "slug": "xian-declaration",
        "title": "Xi'an Declaration of the China–Central Asia Summit",
        "kind": "declaration",
        "signed_on": "2023-05-19",
        "signed_at": "first-china-central-asia-summit",
        "place": "xian",
        "parties": C5,
        "signatories": HEADS_2023,
        "summary": (
            "Signed by the six heads of state at the first China–Central Asia Summit. Among "
            "other things, it sets the summit to meet every two years."
        ),
        "aliases": [
            ("Xi'an Declaration", "other", "en"),
            ("Xian Declaration", "transliteration", "en"),
        ],
        "topics": ["trade", "transport-and-logistics", "energy", "security"],
    },
    {
        "slug": "kazakh-chinese-cooperation-committee-subcommittees-protocol-2024",
        "title": (
            "Protocol on New Agriculture and Innovation Subcommittees of the Kazakh-Chinese "
            "Cooperation Committee"
        ),
        "kind": "protocol",
        "signed_on": "2024-05-20",
        "signed_at": "wang-yi-official-visit-to-kazakhstan-2024",
        "place": "astana",
        "parties": ["kazakhstan", "china"],
        "signatories": [("murat-nurtleu", "kazakhstan"), ("wang-yi", "china")],
        "summary": (
            "Signed in Astana by the two foreign ministers during Wang Yi's official visit. It "
            "adds subcommittees on agriculture and on innovation to the Kazakh-Chinese "
            "Cooperation Committee."
        ),
        "aliases": [
            ("Kazakh-Chinese subcommittees protocol", "other", "en"),
            ("Protocol on agriculture and innovation subcommittees", "other", "en"),
        ],
        "topics": ["agriculture", "digital-economy"],
    },
    {
        "slug": "treaty-on-permanent-good-neighbourliness-friendship-and-cooperation",
        "title": "Treaty on Permanent Good-Neighbourliness, Friendship and Cooperation",
        "kind": "treaty",
        "signed_on": "2025-06-17",
        "signed_at": "second-china-central-asia-summit",
        "place": "astana",
        "parties": C5,
        "signatories": HEADS_2023,
        "summary": (
            "Signed by the six heads of state at the second China–Central Asia Summit in Astana, "
            "committing them to lasting good-neighbourly relations and friendship. We record it "
            "as signed; its entry into force is not recorded here."
        ),
        "aliases": [
            ("Treaty on Permanent Good-Neighborliness, Friendship and Cooperation", "other", "en"),
            ("Treaty of Eternal Good-Neighbourliness, Friendship and Cooperation", "other", "en"),
        ],
        "topics": ["security", "culture-and-people-to-people-ties"],
    },
]

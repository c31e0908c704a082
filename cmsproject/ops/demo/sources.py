"""Demo outlets, sources and citations."""

from __future__ import annotations

OUTLETS = [
    {
        "slug": "mfa-kazakhstan-press-service",
        "name": "Ministry of Foreign Affairs of Kazakhstan",
        "homepage": "https://www.gov.kz/memleket/entities/mfa",
        "country_code": "KAZ",
        "language": "en",
        "kind": "ministry",
        "description": "Press releases of Kazakhstan's foreign ministry.",
    },
    {
        "slug": "the-astana-times",
        "name": "The Astana Times",
        "homepage": "https://astanatimes.com",
        "country_code": "KAZ",
        "language": "en",
        "kind": "other",
        "description": "An English-language newspaper published in Astana.",
    },
    {
        "slug": "news-az",
        "name": "News.az",
        "homepage": "https://news.az",
        "country_code": "AZE",
        "language": "en",
        "kind": "other",
        "description": "An English-language news site based in Baku.",
    },
    {
        "slug": "daryo",
        "name": "Daryo",
        "homepage": "https://daryo.uz",
        "country_code": "UZB",
        "language": "en",
        "kind": "other",
        "description": "A news site based in Tashkent, publishing in Uzbek, Russian and English.",
    },
]

# Each body below is demo text of our own, a few sentences on the story an editor worked from.
SOURCES = [
    {
        "slug": "c5-foreign-ministers-first-video-meeting-2020",
        "title": (
            "Foreign ministers of China and Central Asia hold their first joint meeting by video"
        ),
        "outlet": "mfa-kazakhstan-press-service",
        "published_on": "2020-07-16",
        "summary": "The first C+C5 ministers' meeting, by video link, ends with a joint statement.",
        "body": (
            "Demo text written for Caravan. China's foreign minister and his five Central Asian "
            "counterparts held their first meeting in this format by video link on 16 July 2020 "
            "and adopted a joint statement. According to the "
            "Kazakh ministry, they discussed the pandemic and economic recovery, exports of farm "
            "produce to China, digital trade and keeping cross-border freight moving."
        ),
    },
    {
        "slug": "c5-leaders-online-summit-thirty-years-2022",
        "title": (
            "Six leaders mark thirty years of China–Central Asia relations at an online summit"
        ),
        "published_on": "2022-01-25",
        "summary": (
            "Xi Jinping and the five Central Asian presidents meet online and adopt a joint "
            "statement."
        ),
        "body": (
            "Demo text written for Caravan. Xi Jinping and the presidents of Kazakhstan, "
            "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan met online on 25 January 2022, "
            "thirty years after diplomatic relations were established. Sadyr Japarov of "
            "Kyrgyzstan described the Shanghai Cooperation Organisation as a framework for "
            "regional security, and the leaders adopted a joint statement at the end of the "
            "meeting."
        ),
        "status": "draft",
        "editor_note": (
            "Draft: the copy came from a Turkish site's English edition; identify the outlet "
            "before publishing. It spells the leaders' names in Turkish (Caparov, Kurbankulu "
            "Berdimuhammedov)."
        ),
    },
    {
        "slug": "c5-ministers-meet-in-chengdu-2023",
        "title": "Ministers meet in Chengdu; Nurtleu and Wang Yi hold talks on the sidelines",
        "outlet": "the-astana-times",
        "published_on": "2023-12-01",
        "summary": (
            "The fifth C+C5 ministers' meeting in Chengdu, and Kazakh–Chinese talks on its "
            "sidelines."
        ),
        "editor_note": (
            "Outlet inferred from the copy's dateline; the publication date is assumed to be "
            "the day of the meeting. Confirm both."
        ),
        "body": (
            "Demo text written for Caravan. The fifth meeting of the foreign ministers of China "
            "and the five Central Asian states took place in Chengdu on 1 December 2023. The "
            "ministers agreed to cooperate on water resources, renewable energy and the "
            "environment. Murat Nurtleu, Kazakhstan's Deputy Prime Minister and Foreign Minister, "
            "met Wang Yi on the sidelines; the Kazakh side said bilateral trade in January–October "
            "2023 reached $36.5 bn, 11% more than a year before."
        ),
    },
    {
        "slug": "sixth-c5-ministers-meeting-almaty-2025",
        "title": "Sixth China–Central Asia ministers' meeting held in Almaty",
        "outlet": "news-az",
        "published_on": "2025-04-26",
        "summary": "The sixth C+C5 ministers' meeting prepares the 2025 summit in Astana.",
        "body": (
            "Demo text written for Caravan. Foreign ministers of China and four Central Asian "
            "states met in Almaty on 26 April 2025 for the sixth meeting of the format; "
            "Turkmenistan sent Parahat Durdyev, its ambassador to China. The meeting prepared the "
            "second China–Central Asia Summit, and the Central Asian side voiced support for "
            "China's Global Security Initiative."
        ),
    },
    {
        "slug": "wang-yi-visits-kazakhstan-protocol-2024",
        "title": "Wang Yi visits Kazakhstan; ministers sign a protocol on new subcommittees",
        "outlet": "daryo",
        "published_on": "2024-05-20",
        "summary": (
            "China's foreign minister in Astana: talks with Murat Nurtleu and a protocol on two "
            "new subcommittees."
        ),
        "editor_note": "The publication date is assumed to be the day of the visit; confirm it.",
        "body": (
            "Demo text written for Caravan. Wang Yi made an official visit to Kazakhstan on 20 "
            "May 2024 and held talks with Murat Nurtleu. The two signed a protocol that adds "
            "subcommittees on agriculture and on innovation to the Kazakh-Chinese Cooperation "
            "Committee. Kazakhstan said trade with China reached $41 bn in 2023, 30% more than in "
            "2022, and that Chinese investment in the country exceeds $24 bn."
        ),
    },
]

# (source, (record type, slug), excerpt from the source's body, claim, note)
CITATIONS = [
    (
        "c5-foreign-ministers-first-video-meeting-2020",
        ("event", "first-china-central-asia-foreign-ministers-meeting"),
        "held their first meeting in this format by video link on 16 July 2020",
        "start_date",
        "",
    ),
    (
        "c5-foreign-ministers-first-video-meeting-2020",
        ("agreement", "joint-statement-china-central-asia-foreign-ministers-2020"),
        "by video link on 16 July 2020 and adopted a joint statement",
        "",
        "",
    ),
    (
        "c5-foreign-ministers-first-video-meeting-2020",
        ("organization", "china-central-asia-format"),
        "held their first meeting in this format by video link on 16 July 2020",
        "",
        "",
    ),
    (
        "c5-leaders-online-summit-thirty-years-2022",
        ("event", "china-central-asia-virtual-summit-2022"),
        "met online on 25 January 2022",
        "start_date",
        "",
    ),
    (
        "c5-leaders-online-summit-thirty-years-2022",
        ("agreement", "joint-statement-china-central-asia-summit-2022"),
        "the leaders adopted a joint statement at the end of the meeting",
        "",
        "",
    ),
    (
        "c5-leaders-online-summit-thirty-years-2022",
        ("person", "sadyr-japarov"),
        "Sadyr Japarov of Kyrgyzstan",
        "",
        "",
    ),
    (
        "c5-ministers-meet-in-chengdu-2023",
        ("event", "fifth-china-central-asia-foreign-ministers-meeting"),
        "took place in Chengdu on 1 December 2023",
        "start_date",
        "",
    ),
    (
        "c5-ministers-meet-in-chengdu-2023",
        ("event", "nurtleu-wang-yi-talks-chengdu-2023"),
        "met Wang Yi on the sidelines",
        "",
        "",
    ),
    (
        "c5-ministers-meet-in-chengdu-2023",
        ("event", "nurtleu-wang-yi-talks-chengdu-2023"),
        "bilateral trade in January–October 2023 reached $36.5 bn, 11% more than a year before",
        "trade_january_october_2023",
        "Kazakhstan–China trade in January–October 2023: $36.5 bn, 11 % more than a year before.",
    ),
    (
        "c5-ministers-meet-in-chengdu-2023",
        ("person", "murat-nurtleu"),
        "Murat Nurtleu, Kazakhstan's Deputy Prime Minister and Foreign Minister",
        "",
        "",
    ),
    (
        "sixth-c5-ministers-meeting-almaty-2025",
        ("event", "sixth-china-central-asia-foreign-ministers-meeting"),
        "met in Almaty on 26 April 2025 for the sixth meeting of the format",
        "start_date",
        "",
    ),
    (
        "sixth-c5-ministers-meeting-almaty-2025",
        ("person", "parahat-durdyev"),
        "Turkmenistan sent Parahat Durdyev, its ambassador to China",
        "",
        "",
    ),
    (
        "sixth-c5-ministers-meeting-almaty-2025",
        ("organization", "global-security-initiative"),
        "voiced support for China's Global Security Initiative",
        "",
        "",
    ),
    (
        "wang-yi-visits-kazakhstan-protocol-2024",
        ("event", "wang-yi-official-visit-to-kazakhstan-2024"),
        "Wang Yi made an official visit to Kazakhstan on 20 May 2024",
        "start_date",
        "",
    ),
    (
        "wang-yi-visits-kazakhstan-protocol-2024",
        ("agreement", "kazakh-chinese-cooperation-committee-subcommittees-protocol-2024"),
        "The two signed a protocol that adds subcommittees on agriculture and on innovation "
        "to the Kazakh-Chinese Cooperation Committee",
        "",
        "",
    ),
    (
        "wang-yi-visits-kazakhstan-protocol-2024",
        ("organization", "kazakh-chinese-cooperation-committee"),
        "adds subcommittees on agriculture and on innovation to the Kazakh-Chinese Cooperation "
        "Committee",
        "",
        "",
    ),
    (
        "wang-yi-visits-kazakhstan-protocol-2024",
        ("organization", "kazakhstan"),
        "trade with China reached $41 bn in 2023, 30% more than in 2022",
        "trade_with_china_2023",
        "Kazakhstan–China trade in 2023: $41 bn, up 30 % on 2022.",
    ),
    (
        "wang-yi-visits-kazakhstan-protocol-2024",
        ("organization", "kazakhstan"),
        "Chinese investment in the country exceeds $24 bn",
        "chinese_investment",
        "Chinese investment in Kazakhstan: over $24 bn (as of May 2024).",
    ),
]

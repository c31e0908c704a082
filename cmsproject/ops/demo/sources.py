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
        "slug": "mfa-china-press-service",
        "name": "Ministry of Foreign Affairs of the People's Republic of China",
        "homepage": "https://www.fmprc.gov.cn/eng/",
        "country_code": "CHN",
        "language": "zh",
        "kind": "ministry",
        "description": "Press releases and documents of China's foreign ministry.",
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
            "met Wang Yi on the sidelines in Chengdu on 1 December 2023; the Kazakh side said "
            "bilateral trade in January–October 2023 reached $36.5 bn, 11% more than a year "
            "before."
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
            "May 2024 and held talks with Murat Nurtleu in Astana, where the two ministers signed "
            "a protocol that adds subcommittees on agriculture and on innovation to the "
            "Kazakh-Chinese Cooperation Committee. Kazakhstan said trade with China reached $41 "
            "bn in 2023, 30% more than in 2022, and that Chinese investment in the country "
            "exceeds $24 bn."
        ),
    },
    # The official announcements of the meetings no source above reports (FACTS.md, "Where the
    # demo's citations come from"): the issuing ministry, the meeting's date, our own account.
    {
        "slug": "second-c5-ministers-meeting-xian-2021",
        "title": "Second China–Central Asia foreign ministers' meeting held in Xi'an",
        "outlet": "mfa-china-press-service",
        "published_on": "2021-05-12",
        "summary": (
            "Wang Yi receives the five Central Asian foreign ministers in Xi'an for the format's "
            "second meeting, the first held in person."
        ),
        "body": (
            "Demo text written for Caravan. Wang Yi hosted the second meeting of the foreign "
            "ministers of China and the five Central Asian states in Xi'an on 12 May 2021, the "
            "first time the format met in person. Taking part were Mukhtar Tileuberdi of "
            "Kazakhstan, Ruslan Kazakbaev of Kyrgyzstan, Sirojiddin Muhriddin of Tajikistan, "
            "Rashid Meredov of Turkmenistan and Abdulaziz Kamilov of Uzbekistan."
        ),
    },
    {
        "slug": "c5-heads-of-state-video-summit-2022",
        "title": "Xi Jinping and the Central Asian presidents hold a video summit",
        "outlet": "mfa-china-press-service",
        "published_on": "2022-01-25",
        "summary": (
            "The six heads of state meet by video link on the 30th anniversary of diplomatic "
            "relations and adopt a joint statement."
        ),
        "body": (
            "Demo text written for Caravan. On 25 January 2022 Xi Jinping and the presidents of "
            "the five Central Asian states met by video link and adopted a joint statement "
            "marking thirty years of diplomatic relations between China and their countries. "
            "The presidents taking part were Kassym-Jomart Tokayev of Kazakhstan, Sadyr Japarov "
            "of Kyrgyzstan, Emomali Rahmon of Tajikistan, Gurbanguly Berdimuhamedov of "
            "Turkmenistan and Shavkat Mirziyoyev of Uzbekistan. It was the first meeting of the "
            "format at the level of heads of state."
        ),
    },
    {
        "slug": "third-c5-ministers-meeting-nur-sultan-2022",
        "title": "Kazakhstan hosts the third China–Central Asia foreign ministers' meeting",
        "outlet": "mfa-kazakhstan-press-service",
        "published_on": "2022-06-08",
        "summary": (
            "The foreign ministers of China and the five Central Asian states hold their third "
            "meeting in Nur-Sultan."
        ),
        "body": (
            "Demo text written for Caravan. The foreign ministers of China and the five Central "
            "Asian states held their third meeting in Nur-Sultan, as Astana was then called, on "
            "8 June 2022, with Kazakhstan as host. Taking part were Mukhtar Tileuberdi of "
            "Kazakhstan, Wang Yi of China, Ruslan Kazakbaev of Kyrgyzstan, Sirojiddin Muhriddin "
            "of Tajikistan, Rashid Meredov of Turkmenistan and Abdulaziz Kamilov of Uzbekistan."
        ),
    },
    {
        "slug": "fourth-c5-ministers-meeting-xian-2023",
        "title": "Qin Gang chairs the fourth China–Central Asia foreign ministers' meeting",
        "outlet": "mfa-china-press-service",
        "published_on": "2023-04-27",
        "summary": (
            "China's foreign minister Qin Gang chairs the format's fourth meeting in Xi'an, three "
            "weeks before the first China–Central Asia Summit."
        ),
        "body": (
            "Demo text written for Caravan. Qin Gang, China's foreign minister, chaired the "
            "fourth meeting of the foreign ministers of China and the five Central Asian states "
            "in Xi'an on 27 April 2023. Murat Nurtleu of Kazakhstan, Jeenbek Kulubaev of "
            "Kyrgyzstan, Sirojiddin Muhriddin of Tajikistan and Bakhtiyor Saidov of Uzbekistan "
            "took part; Turkmenistan was represented by Vepa Hajiyev, its First Deputy Foreign "
            "Minister. The meeting came three weeks before the first China–Central Asia Summit, "
            "also held in Xi'an."
        ),
    },
    {
        "slug": "first-china-central-asia-summit-xian-2023",
        "title": "Leaders sign the Xi'an Declaration at the first China–Central Asia Summit",
        "outlet": "mfa-china-press-service",
        "published_on": "2023-05-19",
        "summary": (
            "The six heads of state meet in Xi'an for the first China–Central Asia Summit, sign "
            "the Xi'an Declaration and agree to hold the summit every two years."
        ),
        "body": (
            "Demo text written for Caravan. Xi Jinping hosted the first China–Central Asia "
            "Summit in Xi'an on 18 and 19 May 2023. He was joined by Kassym-Jomart Tokayev of "
            "Kazakhstan, Sadyr Japarov of Kyrgyzstan, Emomali Rahmon of Tajikistan, Serdar "
            "Berdimuhamedov of Turkmenistan and Shavkat Mirziyoyev of Uzbekistan. On 19 May 2023 "
            "the six leaders signed the Xi'an Declaration on behalf of China, Kazakhstan, "
            "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan; among other things, it provides "
            "for the summit to meet every two years."
        ),
    },
    {
        "slug": "second-china-central-asia-summit-astana-2025",
        "title": (
            "Second China–Central Asia Summit in Astana: leaders sign a treaty of "
            "good-neighbourliness"
        ),
        "outlet": "mfa-kazakhstan-press-service",
        "published_on": "2025-06-17",
        "summary": (
            "Kazakhstan hosts the second China–Central Asia Summit in Astana, where the six heads "
            "of state sign the Treaty on Permanent Good-Neighbourliness, Friendship and "
            "Cooperation."
        ),
        "body": (
            "Demo text written for Caravan. Kassym-Jomart Tokayev hosted the second China–Central "
            "Asia Summit in Astana on 16 and 17 June 2025. Taking part were Xi Jinping of China, "
            "Sadyr Japarov of Kyrgyzstan, Emomali Rahmon of Tajikistan, Serdar Berdimuhamedov of "
            "Turkmenistan and Shavkat Mirziyoyev of Uzbekistan. On 17 June 2025 the six leaders "
            "signed the Treaty on Permanent Good-Neighbourliness, Friendship and Cooperation on "
            "behalf of China, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan."
        ),
    },
]

# The records cited below, as (record type, slug).
FMM_2020 = ("event", "first-china-central-asia-foreign-ministers-meeting")
FMM_2021 = ("event", "second-china-central-asia-foreign-ministers-meeting")
FMM_2022 = ("event", "third-china-central-asia-foreign-ministers-meeting")
FMM_2023_XIAN = ("event", "fourth-china-central-asia-foreign-ministers-meeting")
FMM_2023_CHENGDU = ("event", "fifth-china-central-asia-foreign-ministers-meeting")
FMM_2025 = ("event", "sixth-china-central-asia-foreign-ministers-meeting")
TALKS_CHENGDU = ("event", "nurtleu-wang-yi-talks-chengdu-2023")
VISIT_2024 = ("event", "wang-yi-official-visit-to-kazakhstan-2024")
SUMMIT_2022 = ("event", "china-central-asia-virtual-summit-2022")
SUMMIT_2023 = ("event", "first-china-central-asia-summit")
SUMMIT_2025 = ("event", "second-china-central-asia-summit")
STATEMENT_2020 = ("agreement", "joint-statement-china-central-asia-foreign-ministers-2020")
STATEMENT_2022 = ("agreement", "joint-statement-china-central-asia-summit-2022")
XIAN_DECLARATION = ("agreement", "xian-declaration")
PROTOCOL_2024 = ("agreement", "kazakh-chinese-cooperation-committee-subcommittees-protocol-2024")
TREATY_2025 = ("agreement", "treaty-on-permanent-good-neighbourliness-friendship-and-cooperation")


def _cited_by(source: str, *rows: tuple) -> list[tuple]:
    """One source's citations, each (record, excerpt, claim) or (record, excerpt, claim, note),
    as the loader's (source, record, excerpt, claim, note)."""
    return [
        (source, record, excerpt, claim, *(note or [""])) for record, excerpt, claim, *note in rows
    ]


# The claim says which fact of the record the excerpt backs (cited_facts, sources/facts.py):
# start_date, place, host and participation for an event, signed_on, parties and signature for
# an agreement, "" for the record as a whole; a figure's claim is named after it, with a note.
CITATIONS = [
    *_cited_by(
        "c5-foreign-ministers-first-video-meeting-2020",
        (
            FMM_2020,
            "held their first meeting in this format by video link on 16 July 2020",
            "start_date",
        ),
        (FMM_2020, "held their first meeting in this format by video link", "place"),
        (
            FMM_2020,
            "China's foreign minister and his five Central Asian counterparts",
            "participation",
        ),
        (
            FMM_2020,
            "they discussed the pandemic and economic recovery, exports of farm produce to China, "
            "digital trade and keeping cross-border freight moving",
            "",
        ),
        (STATEMENT_2020, "on 16 July 2020 and adopted a joint statement", "signed_on"),
        (
            STATEMENT_2020,
            "China's foreign minister and his five Central Asian counterparts",
            "parties",
        ),
        (STATEMENT_2020, "by video link on 16 July 2020 and adopted a joint statement", ""),
        (
            ("organization", "china-central-asia-format"),
            "held their first meeting in this format by video link on 16 July 2020",
            "",
        ),
    ),
    *_cited_by(
        "c5-leaders-online-summit-thirty-years-2022",  # a draft: readers see none of these
        (SUMMIT_2022, "met online on 25 January 2022", "start_date"),
        (STATEMENT_2022, "the leaders adopted a joint statement at the end of the meeting", ""),
        (("person", "sadyr-japarov"), "Sadyr Japarov of Kyrgyzstan", ""),
    ),
    *_cited_by(
        "c5-ministers-meet-in-chengdu-2023",
        (FMM_2023_CHENGDU, "took place in Chengdu on 1 December 2023", "start_date"),
        (FMM_2023_CHENGDU, "took place in Chengdu", "place"),
        (
            FMM_2023_CHENGDU,
            "The fifth meeting of the foreign ministers of China and the five Central Asian states",
            "participation",
        ),
        (
            FMM_2023_CHENGDU,
            "The ministers agreed to cooperate on water resources, renewable energy and the "
            "environment",
            "",
        ),
        (TALKS_CHENGDU, "met Wang Yi on the sidelines in Chengdu on 1 December 2023", "start_date"),
        (TALKS_CHENGDU, "on the sidelines in Chengdu", "place"),
        (
            TALKS_CHENGDU,
            "Murat Nurtleu, Kazakhstan's Deputy Prime Minister and Foreign Minister, met Wang Yi",
            "participation",
        ),
        (TALKS_CHENGDU, "met Wang Yi on the sidelines", ""),
        (
            ("person", "murat-nurtleu"),
            "Murat Nurtleu, Kazakhstan's Deputy Prime Minister and Foreign Minister",
            "",
        ),
    ),
    *_cited_by(
        "sixth-c5-ministers-meeting-almaty-2025",
        (
            FMM_2025,
            "met in Almaty on 26 April 2025 for the sixth meeting of the format",
            "start_date",
        ),
        (FMM_2025, "met in Almaty", "place"),
        (
            FMM_2025,
            "Foreign ministers of China and four Central Asian states met in Almaty on 26 April "
            "2025 for the sixth meeting of the format; Turkmenistan sent Parahat Durdyev, its "
            "ambassador to China",
            "participation",
        ),
        (FMM_2025, "The meeting prepared the second China–Central Asia Summit", ""),
        (
            ("person", "parahat-durdyev"),
            "Turkmenistan sent Parahat Durdyev, its ambassador to China",
            "",
        ),
        (
            ("organization", "global-security-initiative"),
            "voiced support for China's Global Security Initiative",
            "",
        ),
    ),
    *_cited_by(
        "wang-yi-visits-kazakhstan-protocol-2024",
        (VISIT_2024, "Wang Yi made an official visit to Kazakhstan on 20 May 2024", "start_date"),
        (VISIT_2024, "held talks with Murat Nurtleu in Astana", "place"),
        (
            VISIT_2024,
            "Wang Yi made an official visit to Kazakhstan on 20 May 2024 and held talks with "
            "Murat Nurtleu",
            "participation",
        ),
        (
            VISIT_2024,
            "signed a protocol that adds subcommittees on agriculture and on innovation to the "
            "Kazakh-Chinese Cooperation Committee",
            "",
        ),
        (
            PROTOCOL_2024,
            "on 20 May 2024 and held talks with Murat Nurtleu in Astana, where the two ministers "
            "signed a protocol",
            "signed_on",
        ),
        (
            PROTOCOL_2024,
            "held talks with Murat Nurtleu in Astana, where the two ministers signed a protocol",
            "signature",
        ),
        (
            PROTOCOL_2024,
            "signed a protocol that adds subcommittees on agriculture and on innovation to the "
            "Kazakh-Chinese Cooperation Committee",
            "",
        ),
        (
            ("organization", "kazakh-chinese-cooperation-committee"),
            "adds subcommittees on agriculture and on innovation to the Kazakh-Chinese "
            "Cooperation Committee",
            "",
        ),
    ),
    *_cited_by(
        "second-c5-ministers-meeting-xian-2021",
        (FMM_2021, "on 12 May 2021, the first time the format met in person", "start_date"),
        (FMM_2021, "in Xi'an on 12 May 2021", "place"),
        (FMM_2021, "Wang Yi hosted the second meeting", "host"),
        (
            FMM_2021,
            "Taking part were Mukhtar Tileuberdi of Kazakhstan, Ruslan Kazakbaev of Kyrgyzstan, "
            "Sirojiddin Muhriddin of Tajikistan, Rashid Meredov of Turkmenistan and Abdulaziz "
            "Kamilov of Uzbekistan",
            "participation",
        ),
        (
            FMM_2021,
            "Wang Yi hosted the second meeting of the foreign ministers of China and the five "
            "Central Asian states",
            "",
        ),
    ),
    *_cited_by(
        "c5-heads-of-state-video-summit-2022",
        (
            SUMMIT_2022,
            "On 25 January 2022 Xi Jinping and the presidents of the five Central Asian states "
            "met by video link",
            "start_date",
        ),
        (SUMMIT_2022, "met by video link", "place"),
        (
            SUMMIT_2022,
            "The presidents taking part were Kassym-Jomart Tokayev of Kazakhstan, Sadyr Japarov "
            "of Kyrgyzstan, Emomali Rahmon of Tajikistan, Gurbanguly Berdimuhamedov of "
            "Turkmenistan and Shavkat Mirziyoyev of Uzbekistan",
            "participation",
        ),
        (SUMMIT_2022, "It was the first meeting of the format at the level of heads of state", ""),
        (
            STATEMENT_2022,
            "On 25 January 2022 Xi Jinping and the presidents of the five Central Asian states "
            "met by video link and adopted a joint statement",
            "signed_on",
        ),
        (
            STATEMENT_2022,
            "Xi Jinping and the presidents of the five Central Asian states met by video link and "
            "adopted a joint statement",
            "parties",
        ),
        (
            STATEMENT_2022,
            "adopted a joint statement marking thirty years of diplomatic relations between China "
            "and their countries",
            "",
        ),
    ),
    *_cited_by(
        "third-c5-ministers-meeting-nur-sultan-2022",
        (
            FMM_2022,
            "held their third meeting in Nur-Sultan, as Astana was then called, on 8 June 2022",
            "start_date",
        ),
        (FMM_2022, "in Nur-Sultan, as Astana was then called", "place"),
        (FMM_2022, "with Kazakhstan as host", "host"),
        (
            FMM_2022,
            "Taking part were Mukhtar Tileuberdi of Kazakhstan, Wang Yi of China, Ruslan "
            "Kazakbaev of Kyrgyzstan, Sirojiddin Muhriddin of Tajikistan, Rashid Meredov of "
            "Turkmenistan and Abdulaziz Kamilov of Uzbekistan",
            "participation",
        ),
        (
            FMM_2022,
            "The foreign ministers of China and the five Central Asian states held their third "
            "meeting",
            "",
        ),
    ),
    *_cited_by(
        "fourth-c5-ministers-meeting-xian-2023",
        (FMM_2023_XIAN, "in Xi'an on 27 April 2023", "start_date"),
        (
            FMM_2023_XIAN,
            "chaired the fourth meeting of the foreign ministers of China and the five Central "
            "Asian states in Xi'an",
            "place",
        ),
        (FMM_2023_XIAN, "Qin Gang, China's foreign minister, chaired the fourth meeting", "host"),
        (
            FMM_2023_XIAN,
            "Murat Nurtleu of Kazakhstan, Jeenbek Kulubaev of Kyrgyzstan, Sirojiddin Muhriddin of "
            "Tajikistan and Bakhtiyor Saidov of Uzbekistan took part; Turkmenistan was "
            "represented by Vepa Hajiyev, its First Deputy Foreign Minister",
            "participation",
        ),
        (
            FMM_2023_XIAN,
            "The meeting came three weeks before the first China–Central Asia Summit, also held "
            "in Xi'an",
            "",
        ),
    ),
    *_cited_by(
        "first-china-central-asia-summit-xian-2023",
        (SUMMIT_2023, "in Xi'an on 18 and 19 May 2023", "start_date"),
        (SUMMIT_2023, "hosted the first China–Central Asia Summit in Xi'an", "place"),
        (SUMMIT_2023, "Xi Jinping hosted the first China–Central Asia Summit", "host"),
        (
            SUMMIT_2023,
            "He was joined by Kassym-Jomart Tokayev of Kazakhstan, Sadyr Japarov of Kyrgyzstan, "
            "Emomali Rahmon of Tajikistan, Serdar Berdimuhamedov of Turkmenistan and Shavkat "
            "Mirziyoyev of Uzbekistan",
            "participation",
        ),
        (SUMMIT_2023, "the six leaders signed the Xi'an Declaration", ""),
        (
            XIAN_DECLARATION,
            "On 19 May 2023 the six leaders signed the Xi'an Declaration",
            "signed_on",
        ),
        (
            XIAN_DECLARATION,
            "signed the Xi'an Declaration on behalf of China, Kazakhstan, Kyrgyzstan, Tajikistan, "
            "Turkmenistan and Uzbekistan",
            "parties",
        ),
        (XIAN_DECLARATION, "the six leaders signed the Xi'an Declaration", "signature"),
        (XIAN_DECLARATION, "it provides for the summit to meet every two years", ""),
    ),
    *_cited_by(
        "second-china-central-asia-summit-astana-2025",
        (SUMMIT_2025, "in Astana on 16 and 17 June 2025", "start_date"),
        (SUMMIT_2025, "hosted the second China–Central Asia Summit in Astana", "place"),
        (SUMMIT_2025, "Kassym-Jomart Tokayev hosted the second China–Central Asia Summit", "host"),
        (
            SUMMIT_2025,
            "Taking part were Xi Jinping of China, Sadyr Japarov of Kyrgyzstan, Emomali Rahmon of "
            "Tajikistan, Serdar Berdimuhamedov of Turkmenistan and Shavkat Mirziyoyev of "
            "Uzbekistan",
            "participation",
        ),
        (
            SUMMIT_2025,
            "the six leaders signed the Treaty on Permanent Good-Neighbourliness, Friendship and "
            "Cooperation",
            "",
        ),
        (
            TREATY_2025,
            "On 17 June 2025 the six leaders signed the Treaty on Permanent Good-Neighbourliness, "
            "Friendship and Cooperation",
            "signed_on",
        ),
        (
            TREATY_2025,
            "on behalf of China, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan",
            "parties",
        ),
        (TREATY_2025, "the six leaders signed the Treaty", "signature"),
        (
            TREATY_2025,
            "signed the Treaty on Permanent Good-Neighbourliness, Friendship and Cooperation",
            "",
        ),
    ),
]

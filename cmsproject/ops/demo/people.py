"""Demo people, part one: China's president and foreign ministers, and the Central Asian
heads of state. The rest are in :mod:`.ministers`.

A position's organization is the person's country unless it says otherwise.
"""

from __future__ import annotations

HEAD, FM, AMB = "head_of_state", "foreign_minister", "ambassador"
MFA = "Minister of Foreign Affairs"


def term(role: str, title: str, start: str | None, end: str | None = None, **extra) -> dict:
    """One office held, e.g. ``term(FM, MFA, "2013-03-16", "2022-12-30")``."""
    return {"role": role, "title": title, "start": start, "end": end, **extra}


LEADERS = [
    {
        "slug": "xi-jinping",
        "name": "Xi Jinping",
        "sort_name": "Xi Jinping",
        "native_name": "习近平",
        "country": "china",
        "biography": (
            "President of the People's Republic of China since March 2013. He hosted the first "
            "China–Central Asia Summit in Xi'an in 2023 and attended the second in Astana in 2025."
        ),
        "aliases": [("Си Цзиньпин", "transliteration", "ru")],
        # Wikidata QIDs only where checked (shared/FACTS.md); editors add the rest.
        "identifiers": [("wikidata", "Q15031")],
        "positions": [term(HEAD, "President", "2013-03-14")],
    },
    {
        "slug": "wang-yi",
        "name": "Wang Yi",
        "sort_name": "Wang Yi",
        "native_name": "王毅",
        "country": "china",
        "biography": (
            "China's foreign minister from 2013 to 2022 and again since July 2023, and a member "
            "of the Politburo of the Communist Party of China since October 2022. He has led "
            "China's side at most China–Central Asia foreign ministers' meetings."
        ),
        "aliases": [("Ван И", "transliteration", "ru")],
        "positions": [
            term(FM, MFA, "2013-03-16", "2022-12-30"),
            term(FM, MFA, "2023-07-25"),
            term(
                "party_official",
                "Member of the Politburo of the Communist Party of China",
                "2022-10",
            ),
        ],
    },
    {
        "slug": "qin-gang",
        "name": "Qin Gang",
        "sort_name": "Qin Gang",
        "native_name": "秦刚",
        "country": "china",
        "biography": (
            "China's foreign minister from December 2022 to July 2023. He chaired the fourth "
            "China–Central Asia foreign ministers' meeting in Xi'an in April 2023."
        ),
        "aliases": [("Цинь Ган", "transliteration", "ru")],
        "positions": [term(FM, MFA, "2022-12-30", "2023-07-25")],
    },
    {
        "slug": "kassym-jomart-tokayev",
        "name": "Kassym-Jomart Tokayev",
        "sort_name": "Tokayev, Kassym-Jomart",
        "native_name": "Қасым-Жомарт Тоқаев",
        "country": "kazakhstan",
        "biography": (
            "President of Kazakhstan since March 2019. A career diplomat, he was earlier "
            "Kazakhstan's foreign minister and prime minister."
        ),
        "aliases": [
            ("Касым-Жомарт Токаев", "native", "ru"),
            ("Kassym-Jomart Tokaev", "transliteration", "ru"),
            ("Qasym-Jomart Toqaev", "transliteration", "kk"),
            ("Kasim Cömert Tokayev", "transliteration", "tr"),
            ("Tokaev", "transliteration", "ru"),
            ("K.K. Tokaev", "initials", "ru"),
        ],
        "positions": [term(HEAD, "President", "2019-03-20")],
    },
    {
        "slug": "sooronbay-jeenbekov",
        "name": "Sooronbay Jeenbekov",
        "sort_name": "Jeenbekov, Sooronbay",
        "native_name": "Сооронбай Жээнбеков",
        "country": "kyrgyzstan",
        "biography": (
            "President of Kyrgyzstan from November 2017 until he resigned in October 2020, after "
            "protests over disputed parliamentary elections."
        ),
        "aliases": [
            ("Sooronbai Jeenbekov", "transliteration", "en"),
            ("Sooronbay Zheenbekov", "transliteration", "ru"),
        ],
        "positions": [term(HEAD, "President", "2017-11-24", "2020-10-15")],
    },
    {
        "slug": "sadyr-japarov",
        "name": "Sadyr Japarov",
        "sort_name": "Japarov, Sadyr",
        "native_name": "Садыр Жапаров",
        "country": "kyrgyzstan",
        "biography": (
            "President of Kyrgyzstan since January 2021. He was acting president for a month in "
            "the autumn of 2020, after his predecessor resigned, and gave up that role to stand "
            "in the election of January 2021."
        ),
        "aliases": [
            ("Sadyr Zhaparov", "transliteration", "ru"),
            ("Zhaparov", "transliteration", "ru"),
            ("Zaparov", "transliteration", "en"),
            ("Sadir Caparov", "transliteration", "tr"),
            ("Caparov", "transliteration", "tr"),
        ],
        "positions": [
            term(HEAD, "President", "2020-10-16", "2020-11-14", is_acting=True),
            term(HEAD, "President", "2021-01-28"),
        ],
    },
    {
        "slug": "emomali-rahmon",
        "name": "Emomali Rahmon",
        "sort_name": "Rahmon, Emomali",
        "native_name": "Эмомалӣ Раҳмон",
        "country": "tajikistan",
        "biography": (
            "Leader of Tajikistan since 1992, first as chairman of the Supreme Council and, since "
            "November 1994, as president. He dropped the Russian-style ending of his surname, "
            "Rahmonov, in 2007."
        ),
        "aliases": [
            ("Эмомали Рахмон", "native", "ru"),
            ("Emomali Rakhmon", "transliteration", "ru"),
            ("Rakhmon", "transliteration", "ru"),
            ("Imamali Rahman", "transliteration", "tr"),
            ("Emomali Rahmonov", "former", "en"),
        ],
        "positions": [
            term(HEAD, "Chairman of the Supreme Council", "1992-11-19", "1994-11-16"),
            term(HEAD, "President", "1994-11-16"),
        ],
    },
    {
        "slug": "gurbanguly-berdimuhamedov",
        "name": "Gurbanguly Berdimuhamedov",
        "sort_name": "Berdimuhamedov, Gurbanguly",
        "native_name": "Гурбангулы Бердымухамедов",
        "country": "turkmenistan",
        "biography": (
            "President of Turkmenistan from 2007 to March 2022, when his son Serdar succeeded "
            "him. Since January 2023 he has chaired the Halk Maslahaty, the country's supreme "
            "representative body."
        ),
        "aliases": [
            ("Gurbanguly Berdimuhamedow", "native", "tk"),
            ("Gurbanguly Berdymukhamedov", "transliteration", "ru"),
            ("Berdymukhamedov", "transliteration", "ru"),
            ("Kurbankulu Berdimuhammedov", "transliteration", "tr"),
        ],
        "positions": [
            term(HEAD, "President", "2007-02-14", "2022-03-19"),
            term("legislator", "Chairman of the Halk Maslahaty", "2023-01"),
        ],
    },
    {
        "slug": "serdar-berdimuhamedov",
        "name": "Serdar Berdimuhamedov",
        "sort_name": "Berdimuhamedov, Serdar",
        "native_name": "Сердар Бердымухамедов",
        "country": "turkmenistan",
        "biography": (
            "President of Turkmenistan since March 2022, elected to succeed his father, "
            "Gurbanguly Berdimuhamedov."
        ),
        "aliases": [
            ("Serdar Berdimuhamedow", "native", "tk"),
            ("Serdar Berdymukhamedov", "transliteration", "ru"),
            ("Berdymukhamedov", "transliteration", "ru"),
            ("S.G. Berdimuhamedov", "initials", "en"),
        ],
        "positions": [term(HEAD, "President", "2022-03-19")],
    },
    {
        "slug": "shavkat-mirziyoyev",
        "name": "Shavkat Mirziyoyev",
        "sort_name": "Mirziyoyev, Shavkat",
        "native_name": "Шавкат Мирзиёев",
        "country": "uzbekistan",
        "biography": (
            "President of Uzbekistan since December 2016. Prime minister from 2003, he became "
            "acting president in September 2016 after the death of Islam Karimov."
        ),
        "aliases": [
            ("Shavkat Mirziyoev", "transliteration", "ru"),
            ("Mirziyoev", "transliteration", "ru"),
            ("Shevket Mirziyoyev", "transliteration", "tr"),
            ("Sh.M. Mirziyoyev", "initials", "en"),
        ],
        "positions": [
            term(HEAD, "President", "2016-09-08", "2016-12-14", is_acting=True),
            term(HEAD, "President", "2016-12-14"),
        ],
    },
]

"""Demo people, part two: the Central Asian foreign ministers and the envoys who spoke for
their states at the ministers' meetings."""

from __future__ import annotations

from .people import AMB, FM, MFA, term

MINISTERS = [
    {
        "slug": "mukhtar-tileuberdi",
        "name": "Mukhtar Tileuberdi",
        "sort_name": "Tileuberdi, Mukhtar",
        "native_name": "Мұхтар Тілеуберді",
        "country": "kazakhstan",
        "biography": (
            "Kazakhstan's foreign minister from September 2019 to April 2023. He spoke for "
            "Kazakhstan at the first three China–Central Asia foreign ministers' meetings."
        ),
        "aliases": [
            ("Мухтар Тлеуберди", "native", "ru"),
            ("Mukhtar Tleuberdi", "transliteration", "ru"),
        ],
        "positions": [term(FM, MFA, "2019-09-18", "2023-04-03")],
    },
    {
        "slug": "murat-nurtleu",
        "name": "Murat Nurtleu",
        "sort_name": "Nurtleu, Murat",
        "native_name": "Мұрат Нұртілеу",
        "country": "kazakhstan",
        "biography": (
            "Deputy Prime Minister and Minister of Foreign Affairs of Kazakhstan from April 2023 "
            "to September 2025, then the President's aide for international investment and "
            "trade. He spoke for Kazakhstan at the fourth, fifth and sixth China–Central Asia "
            "foreign ministers' meetings."
        ),
        "aliases": [
            ("Мурат Нуртлеу", "native", "ru"),
            ("Murat Nurtileu", "transliteration", "kk"),
            ("Nurtileu", "transliteration", "kk"),
        ],
        "positions": [
            term(
                FM,
                "Deputy Prime Minister and Minister of Foreign Affairs",
                "2023-04-03",
                "2025-09-26",
            ),
            term(
                "official",
                "Aide to the President of Kazakhstan for international investment and trade",
                "2025-09",
            ),
        ],
    },
    {
        "slug": "yermek-kosherbayev",
        "name": "Yermek Kosherbayev",
        "sort_name": "Kosherbayev, Yermek",
        "native_name": "Ермек Кошербаев",
        "country": "kazakhstan",
        "biography": "Kazakhstan's foreign minister since September 2025.",
        "aliases": [("Yermek Kosherbaev", "transliteration", "ru")],
        "positions": [term(FM, MFA, "2025-09-26")],
    },
    {
        "slug": "chingiz-aidarbekov",
        "name": "Chingiz Aidarbekov",
        "sort_name": "Aidarbekov, Chingiz",
        "native_name": "Чингиз Айдарбеков",
        "country": "kyrgyzstan",
        "biography": (
            "Kyrgyzstan's foreign minister from 2018 to October 2020. He spoke for Kyrgyzstan at "
            "the first China–Central Asia foreign ministers' meeting in July 2020."
        ),
        "aliases": [("Chingiz Aydarbekov", "transliteration", "en")],
        "editor_note": (
            "Not in FACTS.md: added from public record because he was Kyrgyzstan's foreign "
            "minister at the July 2020 meeting. His dates in office are known to the month only."
        ),
        "positions": [term(FM, MFA, "2018-04", "2020-10")],
    },
    {
        "slug": "ruslan-kazakbaev",
        "name": "Ruslan Kazakbaev",
        "sort_name": "Kazakbaev, Ruslan",
        "native_name": "Руслан Казакбаев",
        "country": "kyrgyzstan",
        "biography": "Kyrgyzstan's foreign minister from November 2020 to December 2022.",
        "aliases": [("Ruslan Kazakbayev", "transliteration", "en")],
        "positions": [term(FM, MFA, "2020-11", "2022-12")],
    },
    {
        "slug": "jeenbek-kulubaev",
        "name": "Jeenbek Kulubaev",
        "sort_name": "Kulubaev, Jeenbek",
        "native_name": "Жээнбек Кулубаев",
        "country": "kyrgyzstan",
        "biography": "Kyrgyzstan's foreign minister since December 2022.",
        "aliases": [
            ("Jeenbek Kulubayev", "transliteration", "en"),
            ("Kulubayev", "transliteration", "en"),
            ("Zheenbek Kulubaev", "transliteration", "ru"),
        ],
        "positions": [term(FM, MFA, "2022-12")],
    },
    {
        "slug": "sirojiddin-muhriddin",
        "name": "Sirojiddin Muhriddin",
        "sort_name": "Muhriddin, Sirojiddin",
        "native_name": "Сироҷиддин Муҳриддин",
        "country": "tajikistan",
        "biography": (
            "Tajikistan's foreign minister since November 2013. He was earlier known by the "
            "surname Aslov."
        ),
        "aliases": [
            ("Сироджиддин Мухриддин", "native", "ru"),
            ("Sirojiddin Mukhriddin", "transliteration", "ru"),
            ("Mukhriddin", "transliteration", "ru"),
            ("Sirodjidin Aslov", "former", "en"),
        ],
        "positions": [term(FM, MFA, "2013-11-16")],
    },
    {
        "slug": "rashid-meredov",
        "name": "Rashid Meredov",
        "sort_name": "Meredov, Rashid",
        "native_name": "Рашид Мередов",
        "country": "turkmenistan",
        "biography": (
            "Turkmenistan's foreign minister since 2001, for most of that time also a deputy "
            "chairman of the Cabinet of Ministers."
        ),
        "aliases": [("Raşit Meredow", "native", "tk")],
        "positions": [term(FM, MFA, "2001-07")],
    },
    {
        "slug": "abdulaziz-kamilov",
        "name": "Abdulaziz Kamilov",
        "sort_name": "Kamilov, Abdulaziz",
        "native_name": "Абдулазиз Камилов",
        "country": "uzbekistan",
        "biography": (
            "Uzbekistan's foreign minister from 2012 to July 2022, a post he had also held in "
            "the 1990s and early 2000s."
        ),
        "aliases": [("Abdulaziz Komilov", "native", "uz")],
        "positions": [term(FM, MFA, "2012-01", "2022-07")],
    },
    {
        "slug": "bakhtiyor-saidov",
        "name": "Bakhtiyor Saidov",
        "sort_name": "Saidov, Bakhtiyor",
        "native_name": "Бахтиёр Саидов",
        "country": "uzbekistan",
        "biography": (
            "Uzbekistan's foreign minister: acting from July 2022, confirmed in the post in 2023."
        ),
        "aliases": [("Baxtiyor Saidov", "native", "uz")],
        "positions": [
            term(
                FM,
                MFA,
                "2022-07",
                "2023",
                is_acting=True,
                note="Confirmed as minister in 2023; the day is not recorded here.",
            ),
            term(FM, MFA, "2023"),
        ],
    },
    {
        "slug": "parahat-durdyev",
        "name": "Parahat Durdyev",
        "sort_name": "Durdyev, Parahat",
        "country": "turkmenistan",
        "biography": (
            "Turkmenistan's ambassador to China. He spoke for Turkmenistan at the sixth "
            "China–Central Asia foreign ministers' meeting in Almaty in April 2025."
        ),
        "aliases": [("Парахат Дурдыев", "native", "ru")],
        "positions": [
            term(
                AMB,
                "Ambassador of Turkmenistan to China",
                "2025-04",
                note="Known to be in post in April 2025; when the posting began is not recorded.",
            )
        ],
    },
    {
        "slug": "vepa-hajiyev",
        "name": "Vepa Hajiyev",
        "sort_name": "Hajiyev, Vepa",
        "country": "turkmenistan",
        "biography": (
            "Turkmen diplomat. As First Deputy Minister of Foreign Affairs he spoke for "
            "Turkmenistan at the fourth China–Central Asia foreign ministers' meeting in April "
            "2023."
        ),
        "aliases": [("Vepa Hadjiyev", "transliteration", "en")],
        "status": "review",
        "editor_note": (
            "In review: find his native spelling and his dates as First Deputy Minister, then "
            "add the position (his role at the 2023 meeting is written on the participation)."
        ),
    },
]

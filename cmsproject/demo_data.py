"""The demo dataset: China and Central Asia, 2020–2025, from FACTS.md and the public record.

Plain structures read by :mod:`cmsproject.demo`. Records refer to each other by slug. Dates are ISO
strings; "2022-12" is known to the month and "2023" to the year (stored as the first day of the
period, with that precision). Aliases are ``(name, kind, language)``, with ``valid_from`` and
``valid_to`` for a former name. Every text here is our own; none is taken from an article.
"""

from __future__ import annotations

import datetime

#: When the published demo records were published; fixed so that reruns change nothing.
PUBLISHED_AT = datetime.datetime(2025, 11, 3, 9, 0, tzinfo=datetime.UTC)

# --- Organizations: the six states first, then bodies (a parent before its children) ---------

STATES = [
    {
        "slug": "china",
        "name": "China",
        "iso_code": "CHN",
        "description": (
            "The People's Republic of China, the sixth member of the China–Central Asia format "
            "and a neighbour of Kazakhstan, Kyrgyzstan and Tajikistan."
        ),
        "aliases": [
            ("People's Republic of China", "other", "en"),
            ("PRC", "abbreviation", "en"),
            ("中国", "native", "zh"),
            ("Китай", "other", "ru"),
        ],
    },
    {
        "slug": "kazakhstan",
        "name": "Kazakhstan",
        "iso_code": "KAZ",
        "description": (
            "The largest of the five Central Asian states, bordering China to the east. Its "
            "capital is Astana; Almaty is its largest city."
        ),
        "aliases": [
            ("Republic of Kazakhstan", "other", "en"),
            ("Қазақстан", "native", "kk"),
            ("Казахстан", "native", "ru"),
            ("Qazaqstan", "transliteration", "kk"),
        ],
    },
    {
        "slug": "kyrgyzstan",
        "name": "Kyrgyzstan",
        "iso_code": "KGZ",
        "description": "A mountainous Central Asian state bordering China; its capital is Bishkek.",
        "aliases": [
            ("Kyrgyz Republic", "other", "en"),
            ("Кыргызстан", "native", "ky"),
            ("Киргизия", "other", "ru"),
        ],
    },
    {
        "slug": "tajikistan",
        "name": "Tajikistan",
        "iso_code": "TJK",
        "description": (
            "A Central Asian state bordering China and Afghanistan; its capital is Dushanbe."
        ),
        "aliases": [
            ("Republic of Tajikistan", "other", "en"),
            ("Тоҷикистон", "native", "tg"),
            ("Таджикистан", "other", "ru"),
        ],
    },
    {
        "slug": "turkmenistan",
        "name": "Turkmenistan",
        "iso_code": "TKM",
        "description": (
            "A Central Asian state on the Caspian Sea and a major supplier of natural gas to "
            "China; its capital is Ashgabat."
        ),
        "aliases": [
            ("Türkmenistan", "native", "tk"),
            ("Туркменистан", "other", "ru"),
        ],
    },
    {
        "slug": "uzbekistan",
        "name": "Uzbekistan",
        "iso_code": "UZB",
        "description": "The most populous Central Asian state; its capital is Tashkent.",
        "aliases": [
            ("Republic of Uzbekistan", "other", "en"),
            ("Oʻzbekiston", "native", "uz"),
            ("Узбекистан", "other", "ru"),
        ],
    },
]

C5 = ["china", "kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"]

BODIES = [
    {
        "slug": "shanghai-cooperation-organisation",
        "name": "Shanghai Cooperation Organisation",
        "short_name": "SCO",
        "kind": "igo",
        "founded_on": "2001-06-15",
        "members": ["china", "kazakhstan", "kyrgyzstan", "tajikistan", "uzbekistan"],
        "description": (
            "A regional organization founded in Shanghai in 2001. China, Kazakhstan, Kyrgyzstan, "
            "Tajikistan and Uzbekistan are members; Turkmenistan is not."
        ),
        "aliases": [("Shanghai Cooperation Organization", "transliteration", "en")],
    },
    {
        "slug": "united-nations",
        "name": "United Nations",
        "short_name": "UN",
        "kind": "igo",
        "founded_on": "1945-10-24",
        "members": C5,
        "description": "The world organization of states, founded in 1945.",
        "aliases": [
            ("Организация Объединённых Наций", "other", "ru"),
            ("ООН", "abbreviation", "ru"),
        ],
    },
    {
        "slug": "un-security-council",
        "name": "United Nations Security Council",
        "short_name": "UNSC",
        "kind": "igo",
        "parent": "united-nations",
        "members": ["china"],
        "description": (
            "The organ of the United Nations responsible for international peace and security. "
            "China is one of its five permanent members."
        ),
        "aliases": [("UN Security Council", "other", "en")],
    },
    {
        "slug": "cica",
        "name": "Conference on Interaction and Confidence-Building Measures in Asia",
        "short_name": "CICA",
        "kind": "igo",
        "members": ["china", "kazakhstan", "kyrgyzstan", "tajikistan", "uzbekistan"],
        "description": (
            "A forum for security dialogue in Asia, first proposed by Kazakhstan in 1992."
        ),
    },
    {
        "slug": "belt-and-road-initiative",
        "name": "Belt and Road Initiative",
        "short_name": "BRI",
        "kind": "initiative",
        "parent": "china",
        "description": (
            "China's programme of infrastructure and trade links abroad. Its overland part, the "
            "Silk Road Economic Belt, was first announced by Xi Jinping in Astana in September "
            "2013."
        ),
        "aliases": [
            ("One Belt, One Road", "former", "en"),
            ("Silk Road Economic Belt", "other", "en"),
        ],
    },
    {
        "slug": "global-security-initiative",
        "name": "Global Security Initiative",
        "short_name": "GSI",
        "kind": "initiative",
        "parent": "china",
        "description": (
            "Principles for international security proposed by Xi Jinping in April 2022."
        ),
    },
    {
        "slug": "kazakh-chinese-cooperation-committee",
        "name": "Kazakh-Chinese Cooperation Committee",
        "kind": "government_body",
        "members": ["china", "kazakhstan"],
        "description": (
            "The intergovernmental committee that oversees cooperation between Kazakhstan and "
            "China, working through subcommittees for particular fields."
        ),
        "aliases": [
            ("Kazakhstan-China Cooperation Committee", "other", "en"),
            ("China-Kazakhstan Cooperation Committee", "other", "en"),
        ],
    },
    {
        "slug": "china-central-asia-format",
        "name": "China–Central Asia format",
        "short_name": "C+C5",
        "kind": "initiative",
        "members": C5,
        "description": (
            "The regular meetings of China and the five Central Asian states: of foreign "
            "ministers since 2020 and of heads of state since 2022."
        ),
        "aliases": [
            ("Central Asia–China format", "other", "en"),
            ("China–Central Asia mechanism", "other", "en"),
            ("China+Central Asia", "other", "en"),
        ],
    },
    {
        "slug": "mfa-kazakhstan",
        "name": "Ministry of Foreign Affairs of Kazakhstan",
        "kind": "government_body",
        "parent": "kazakhstan",
        "description": "Kazakhstan's foreign ministry, based in Astana.",
        "aliases": [
            ("Kazakh Foreign Ministry", "other", "en"),
            ("MFA of Kazakhstan", "abbreviation", "en"),
        ],
    },
    {
        "slug": "mfa-china",
        "name": "Ministry of Foreign Affairs of the People's Republic of China",
        "kind": "government_body",
        "parent": "china",
        "description": "China's foreign ministry, based in Beijing.",
        "aliases": [("Chinese Foreign Ministry", "other", "en"), ("外交部", "native", "zh")],
    },
]

# --- Places ----------------------------------------------------------------------------------

PLACES = [
    {
        "slug": "astana",
        "name": "Astana",
        "country": "kazakhstan",
        "latitude": "51.169392",
        "longitude": "71.449074",
        "description": "The capital of Kazakhstan. It was called Nur-Sultan from 2019 to 2022.",
        "aliases": [
            ("Nur-Sultan", "former", "en", "2019-03-23", "2022-09-17"),
            ("Астана", "native", "kk"),
        ],
    },
    {
        "slug": "almaty",
        "name": "Almaty",
        "country": "kazakhstan",
        "latitude": "43.238949",
        "longitude": "76.889709",
        "description": "Kazakhstan's largest city and its capital until 1997.",
        "aliases": [("Алматы", "native", "kk")],
    },
    {
        "slug": "beijing",
        "name": "Beijing",
        "country": "china",
        "latitude": "39.904200",
        "longitude": "116.407396",
        "description": "The capital of China.",
        "aliases": [("北京", "native", "zh"), ("Пекин", "other", "ru")],
    },
    {
        "slug": "chengdu",
        "name": "Chengdu",
        "country": "china",
        "latitude": "30.572815",
        "longitude": "104.066801",
        "description": "The capital of Sichuan province in south-western China.",
        "aliases": [("成都", "native", "zh")],
    },
    {
        "slug": "xian",
        "name": "Xi'an",
        "country": "china",
        "latitude": "34.341574",
        "longitude": "108.939770",
        "description": (
            "The capital of Shaanxi province, once the eastern end of the Silk Road; host of the "
            "first China–Central Asia Summit."
        ),
        "aliases": [("西安", "native", "zh"), ("Xian", "transliteration", "en")],
    },
]

# --- Topics (a parent before its children) ---------------------------------------------------

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

# --- People ----------------------------------------------------------------------------------
# A position's organization is the person's country unless it says otherwise.

HEAD, FM, AMB = "head_of_state", "foreign_minister", "ambassador"
MFA = "Minister of Foreign Affairs"


def term(role: str, title: str, start: str | None, end: str | None = None, **extra) -> dict:
    """One office held, e.g. ``term(FM, MFA, "2013-03-16", "2022-12-30")``."""
    return {"role": role, "title": title, "start": start, "end": end, **extra}


PEOPLE = [
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

# --- Event series and events (a parent event before its sideline events) ---------------------

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

# --- Agreements ------------------------------------------------------------------------------

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

# --- Outlets, sources and citations ----------------------------------------------------------

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

"""Demo organizations and places: the six states first, then bodies (a parent before its
children), then the places where things happened."""

from __future__ import annotations

STATES = [
    {
        "slug": "china",
        "name": "China",
        "iso_code": "CHN",
        "identifiers": [("wikidata", "Q148"), ("iso3166-1-alpha-3", "CHN")],
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
        "identifiers": [("wikidata", "Q232"), ("iso3166-1-alpha-3", "KAZ")],
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
        "identifiers": [("wikidata", "Q813"), ("iso3166-1-alpha-3", "KGZ")],
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
        "identifiers": [("wikidata", "Q863"), ("iso3166-1-alpha-3", "TJK")],
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
        "identifiers": [("wikidata", "Q874"), ("iso3166-1-alpha-3", "TKM")],
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
        "identifiers": [("wikidata", "Q265"), ("iso3166-1-alpha-3", "UZB")],
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

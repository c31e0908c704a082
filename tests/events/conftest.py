"""A small cast of real names and offices for the linking tests (public record, FACTS.md)."""

import datetime

import pytest

from events.models import AliasBase, Organization, Position
from tests import factories as f

D = datetime.date


def person(name, country, *, sort_name="", native="", aliases=(), positions=()):
    p = f.PersonFactory(
        name=name, slug="", sort_name=sort_name, native_name=native, country=country
    )
    for alias in aliases:
        f.PersonAliasFactory(person=p, name=alias)
    for title, role, start, end in positions:
        f.PositionFactory(
            person=p, organization=country, title=title, role=role, start_date=start, end_date=end
        )
    return p


@pytest.fixture
def cast(db):
    head, fm = Position.Role.HEAD_OF_STATE, Position.Role.FOREIGN_MINISTER
    s = {
        code: f.StateFactory(name=name, iso_code=code, slug=name.lower())
        for code, name in [
            ("CHN", "China"),
            ("KAZ", "Kazakhstan"),
            ("KGZ", "Kyrgyzstan"),
            ("TJK", "Tajikistan"),
            ("TKM", "Turkmenistan"),
            ("UZB", "Uzbekistan"),
        ]
    }
    c = {}
    c["xi"] = person(
        "Xi Jinping",
        s["CHN"],
        sort_name="Xi Jinping",
        native="习近平",
        aliases=["Си Цзиньпин"],
        positions=[("President", head, D(2013, 3, 14), None)],
    )
    c["wang"] = person(
        "Wang Yi",
        s["CHN"],
        native="王毅",
        positions=[("Minister of Foreign Affairs", fm, D(2023, 7, 25), None)],
    )
    c["tokayev"] = person(
        "Kassym-Jomart Tokayev",
        s["KAZ"],
        native="Қасым-Жомарт Тоқаев",
        aliases=["Касым-Жомарт Токаев", "Kasim Cömert Tokayev"],
        positions=[("President", head, D(2019, 3, 20), None)],
    )
    c["nurtleu"] = person(
        "Murat Nurtleu",
        s["KAZ"],
        positions=[
            (
                "Deputy Prime Minister and Minister of Foreign Affairs",
                fm,
                D(2023, 4, 3),
                D(2025, 9, 26),
            )
        ],
    )
    c["japarov"] = person(
        "Sadyr Japarov",
        s["KGZ"],
        aliases=["Sadir Caparov"],
        positions=[("President", head, D(2021, 1, 28), None)],
    )
    c["rahmon"] = person(
        "Emomali Rahmon",
        s["TJK"],
        aliases=["Imamali Rahman"],
        positions=[("President", head, D(1994, 11, 16), None)],
    )
    c["mirziyoyev"] = person(
        "Shavkat Mirziyoyev",
        s["UZB"],
        aliases=["Shevket Mirziyoyev"],
        positions=[("President", head, D(2016, 12, 14), None)],
    )
    c["gurbanguly"] = person(
        "Gurbanguly Berdimuhamedov",
        s["TKM"],
        aliases=["Kurbankulu Berdimuhammedov"],
        positions=[
            ("President", head, D(2007, 2, 14), D(2022, 3, 19)),
            ("Chairman of the Halk Maslahaty", Position.Role.LEGISLATOR, D(2023, 1, 1), None),
        ],
    )
    c["serdar"] = person(
        "Serdar Berdimuhamedov", s["TKM"], positions=[("President", head, D(2022, 3, 19), None)]
    )
    c["muhriddin"] = person(
        "Sirojiddin Muhriddin",
        s["TJK"],
        positions=[("Minister of Foreign Affairs", fm, D(2013, 11, 16), None)],
    )
    c["kulubaev"] = person(
        "Jeenbek Kulubaev",
        s["KGZ"],
        positions=[("Minister of Foreign Affairs", fm, D(2022, 12, 1), None)],
    )
    sco = f.OrganizationFactory(
        name="Shanghai Cooperation Organisation", short_name="SCO", slug="sco"
    )
    f.OrganizationFactory(name="United Nations", short_name="UN", slug="un")
    c["sco"] = sco
    c["xian"] = f.PlaceFactory(name="Xi'an", slug="xian", country=s["CHN"])
    c["astana"] = f.PlaceFactory(name="Astana", slug="astana", country=s["KAZ"])
    c["astana"].aliases.create(name="Nur-Sultan", kind=AliasBase.Kind.FORMER)
    c["chengdu"] = f.PlaceFactory(name="Chengdu", slug="chengdu", country=s["CHN"])
    c["states"] = s
    assert Organization.objects.states().count() == 6
    return c

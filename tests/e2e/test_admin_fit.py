"""The admin fits a 1280 px screen: no list or form of any registered model scrolls sideways.

The pages are found from ``admin.site._registry``, so a model registered later is covered too;
the records are long-winded on purpose (long names, excerpts, URLs, user agents).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client, RequestFactory
from django.urls import reverse
from rest_framework.authtoken.models import Token

from cmsproject.changes import Change
from cmsproject.editorial.jobs import Job
from cmsproject.editorial.redirects import Redirect
from cmsproject.webhooks import Delivery, Webhook
from events import models as ev
from sources.models import Feed
from tests import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG_BODY = (
    "The Ministry of Foreign Affairs of the Republic of Kazakhstan said on Friday that the "
    "heads of state had agreed to extend the Trans-Caspian International Transport Route, to "
    "open two new border crossings on the Khorgos corridor and to set up a permanent "
    "secretariat for the Central Asia–China format in Xi'an before the next summit.\n\n"
    "Bilateral trade between the People's Republic of China and the five Central Asian states "
    "reached a record high of 89.4 billion US dollars in 2023, the ministry said, and the "
    "ministers of transport will report on the railway across the Caspian Sea by the end of "
    "the year."
)
EXCERPTS = [
    "the heads of state had agreed to extend the Trans-Caspian International Transport Route, "
    "to open two new border crossings on the Khorgos corridor",
    "set up a permanent secretariat for the Central Asia–China format in Xi'an before the "
    "next summit",
    "reached a record high of 89.4 billion US dollars in 2023",
]
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0 OPR/111.0.0.0 YaBrowser/24.6.0.0 "
    "ThisIsALongUserAgentTokenWithoutAnySpacesThatABrowserExtensionAppendedToEveryRequest/1.0"
)

# The widest elements past the right edge of the viewport, innermost first, as "a > b > c".
OVERFLOW = """() => {
  const root = document.documentElement;
  const limit = root.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map((c) => "." + c).join("")
    + (el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : "");
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      parts.unshift(name(e));
    }
    return parts.join(" > ");
  };
  const over = [...document.body.querySelectorAll("*")].filter(
    (el) => el.getBoundingClientRect().right > limit + 0.5
  );
  const innermost = over.filter((el) => !over.some((o) => o !== el && el.contains(o)));
  innermost.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
  // a box that scrolls sideways inside the page (the changelist's .results does) hides
  // columns just as well as the page scrolling does
  const scrollers = [...document.body.querySelectorAll("*")].filter((el) => {
    const overflow = getComputedStyle(el).overflowX;
    return (overflow === "auto" || overflow === "scroll") && el.clientWidth > 0
      && el.scrollWidth > el.clientWidth + 1;
  });
  return {
    scrollers: scrollers.map(
      (el) => `${path(el)} (${el.scrollWidth} px of content in ${el.clientWidth} px)`
    ),
    scrollWidth: root.scrollWidth,
    clientWidth: limit,
    innerWidth: window.innerWidth,
    widest: innermost.slice(0, 4).map(
      (el) => `${path(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`
    ),
  };
}"""


@pytest.fixture
def world(superuser):
    """One realistic, wordy record of every registered model; returns what the tests open."""
    kazakhstan = f.StateFactory(
        name="Republic of Kazakhstan", short_name="Kazakhstan", iso_code="KAZ"
    )
    china = f.StateFactory(name="People's Republic of China", short_name="China", iso_code="CHN")
    ministry = f.OrganizationFactory(
        name="Ministry of Foreign Affairs of the Republic of Kazakhstan",
        kind=ev.Organization.Kind.GOVERNMENT_BODY,
        parent=kazakhstan,
    )
    f.OrganizationAliasFactory(
        organization=ministry, name="Министерство иностранных дел Республики Казахстан"
    )
    astana = f.PlaceFactory(
        name="Astana International Financial Centre, Congress Hall", country=kazakhstan
    )
    f.PlaceAliasFactory(place=astana, name="Nur-Sultan", valid_from=datetime.date(2019, 3, 23))
    outlet = f.OutletFactory(name="Kazakhstan Today — International News Agency (English)")
    source = f.SourceFactory(
        title=(
            "Heads of state agree to extend the Trans-Caspian International Transport Route "
            "and to open two new crossings on the Khorgos corridor, ministry says"
        ),
        url="https://www.gov.kz/memleket/entities/mfa/press/news/details/"
        "823456-heads-of-state-agree-to-extend-the-trans-caspian-international-transport-route"
        "?lang=en&utm_source=telegram&utm_medium=social&utm_campaign=summit-2024",
        byline="Press Service of the Ministry of Foreign Affairs of the Republic of Kazakhstan",
        outlet=outlet,
        body=LONG_BODY,
        summary=LONG_BODY[:400],
    )
    people = []
    for name, native in [
        ("Kassym-Jomart Kemelevich Tokayev", "Қасым-Жомарт Кемелұлы Тоқаев"),
        ("Murat Abenovich Nurtleu-Bekmukhambetov", "Мұрат Әбенұлы Нұртілеу"),
        ("Xi Jinping", "习近平"),
        ("Wang Yi", "王毅"),
        ("Shavkat Miromonovich Mirziyoyev", "Шавкат Миромонович Мирзиёев"),
        ("Serdar Gurbangulyevich Berdimuhamedow", "Serdar Gurbanguly ogly Berdimuhamedow"),
    ]:
        person = f.PersonFactory(name=name, native_name=native, country=kazakhstan)
        f.PersonAliasFactory(person=person, name=f"{name} (transliteration seen in sources)")
        f.PositionFactory(
            person=person,
            organization=ministry,
            title="Deputy Prime Minister and Minister of Foreign Affairs of the Republic",
            note="Appointed by presidential decree after the government's resignation.",
        )
        people.append(person)
    topics = [
        f.TopicFactory(name=name)
        for name in ["Transport corridors and logistics", "Water and energy", "Trade"]
    ]
    event = f.EventFactory(
        title=(
            "Second Central Asia–China Summit of Heads of State on Transport Corridors, "
            "Trade, Water and Energy"
        ),
        place=astana,
        host=kazakhstan,
        series=f.EventSeriesFactory(name="Central Asia–China summits of heads of state"),
        ordinal=2,
        summary=LONG_BODY,
    )
    event.topics.set(topics)
    for order, person in enumerate(people):
        f.ParticipationFactory(
            event=event,
            person=person,
            representing=ministry,
            role="head of the delegation and special representative of the president",
            order=order,
        )
    for excerpt in EXCERPTS:
        f.CitationFactory(
            record=event,
            source=source,
            excerpt=excerpt,
            claimed_value="2023-12-01 (other sources say the meeting was on 30 November)",
        )
    f.EventImageFactory(
        event=event,
        image="events/2024/heads-of-state-at-the-table-of-the-second-central-asia-china-summit.jpg",
        alt_text="The heads of state at the round table in the Congress Hall",
        caption="The heads of state and their delegations before the plenary session began",
        credit="Press Service of the President of the Republic of Kazakhstan / Akorda",
    )
    agreement = f.AgreementFactory(
        title="Joint Declaration on the Trans-Caspian International Transport Route and Khorgos",
        signed_at=event,
        place=astana,
    )
    agreement.parties.set([kazakhstan, china])
    f.AgreementAliasFactory(agreement=agreement, name="Astana Declaration on Transport (2024)")
    f.SignatoryFactory(agreement=agreement, person=people[0], on_behalf_of=kazakhstan)
    indicator = f.IndicatorFactory(
        name="Accumulated direct investment from the partner, as the reporting state counts it"
    )
    figure = f.FigureFactory(
        indicator=indicator,
        party=kazakhstan,
        partner=china,
        value=Decimal("24000000000"),
        note="Reported as more than $24 bn; the ministry gave no period for the total",
    )
    f.CitationFactory(source=source, record=figure, excerpt=LONG_BODY.split("\n")[0][:80])
    ev.Mention.objects.create(
        source=source,
        kind=ev.Mention.Kind.PERSON,
        content_type=ContentType.objects.get_for_model(people[1]),
        object_id=people[1].pk,
        text="Ministry of Foreign Affairs of the Republic of Kazakhstan",
        start=4,
        end=61,
        sentence=LONG_BODY.split("\n")[0],
        reason="matched an alias of an organization seen in twelve other sources",
    )
    Redirect.objects.create(
        old_path="/events/second-central-asia-china-summit-of-heads-of-state-on-transport-"
        "corridors-trade-water-and-energy-astana-2024/",
        content_type=ContentType.objects.get_for_model(event),
        object_id=event.pk,
        note="The title was corrected after the summit; the old address was shared widely.",
    )
    desk = Group.objects.create(name="Central Asia desk (transport, trade and energy)")
    desk.permissions.set(Permission.objects.all())
    superuser.groups.add(desk)
    Token.objects.create(user=superuser)
    access = {"user_agent": USER_AGENT, "ip_address": "2001:db8:85a3::8a2e:370:7334"}
    access |= {"username": "a-very-long-username-typed-by-mistake@example.org"}
    access |= {"http_accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    access |= {"path_info": "/admin/login/?next=/admin/events/event/%3Fstatus__exact%3Dreview"}
    AccessAttempt.objects.create(**access, get_data="", post_data="", failures_since_start=3)
    AccessLog.objects.create(**access)
    AccessFailureLog.objects.create(**access)
    feed = Feed.objects.create(
        outlet=source.outlet,
        url="https://www.example.org/news/central-asia/transport-trade-water-and-energy/rss.xml",
        title="Central Asia: transport, trade, water and energy (every story, full text)",
        last_error="HTTP 503 from https://www.example.org/news/central-asia/transport-trade-"
        "water-and-energy/rss.xml: the service is unavailable, try again later",
    )
    job = Job.objects.create(
        task_path="sources.tasks.poll_feed",
        title=f"Feed of {feed.outlet}: could not be read",
        state=Job.State.FAILED,
        error=feed.last_error,
        result={"created": 0, "duplicate": 0, "unchanged": 0, "failed": 0},
    )
    Feed.objects.filter(pk=feed.pk).update(last_job=job)
    hook = Webhook.objects.create(
        name="Central Asia transport and energy desk of a partner newsroom (all changes)",
        url="https://hooks.partner-newsroom.example.org/caravan/central-asia/transport-energy",
        record_types="event, agreement, person, organization, place, figure",
    )
    change = Change.objects.filter(record_type="event").latest("seq")
    Delivery.objects.create(
        webhook=hook,
        change=change,
        state=Delivery.State.FAILED,
        attempts=8,
        status_code=503,
        error="HTTP 503",
        response="<html><body>Service temporarily unavailable: maintenance until tomorrow",
    )
    return {"event": event, "source": source, "person": people[0]}


def log_in(page, live_server, user) -> None:
    """The browser gets the session of a Django test client logged in as ``user``."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def pages_of(kind: str, superuser, world) -> list[str]:
    request = RequestFactory().get("/admin/")
    request.user = superuser
    urls = []
    for model, model_admin in registered():
        if kind == "changelist":
            urls.append(admin_url(model, "changelist"))
        elif kind == "add" and model_admin.has_add_permission(request):
            urls.append(admin_url(model, "add"))
        elif kind == "change":
            records = [r for r in world.values() if isinstance(r, model)]
            record = records[0] if records else model._default_manager.order_by("pk").first()
            assert record is not None, f"no {model._meta.label} to open: add one to world()"
            urls.append(admin_url(model, "change", record.pk))
    return urls


def too_wide(page, live_server, urls: list[str]) -> list[str]:
    """Each page that scrolls sideways, with its widest elements."""
    failures = []
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, f"{url} answered {response.status}"
        fit = page.evaluate(OVERFLOW)
        if fit["scrollWidth"] > fit["clientWidth"]:
            failures.append(
                f"{url} is {fit['scrollWidth']} px wide for a {fit['clientWidth']} px "
                f"window ({fit['innerWidth']} px with its scroll bar); widest: "
                + "; ".join(fit["widest"])
            )
        failures += [f"{url} scrolls sideways inside {box}" for box in fit["scrollers"]]
    return failures


@pytest.mark.parametrize("kind", ["changelist", "add", "change"])
def test_no_admin_page_scrolls_sideways_at_1280_px(kind, page, live_server, superuser, world):
    log_in(page, live_server, superuser)
    urls = pages_of(kind, superuser, world)
    assert len(urls) >= (12 if kind != "add" else 8)  # the registry really was walked
    failures = too_wide(page, live_server, urls)
    assert not failures, "\n".join(failures)


def test_event_list_shows_the_status_column_without_scrolling(page, live_server, superuser, world):
    for n in range(5):
        f.EventFactory(
            title=f"Meeting of the ministers of transport and of foreign affairs, round {n}",
            place=world["event"].place,
            series=world["event"].series,
        )
    log_in(page, live_server, superuser)
    page.goto(live_server.url + admin_url(ev.Event, "changelist"))
    header = page.locator("#result_list th.column-status_badge")
    box = header.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= page.evaluate("document.documentElement.clientWidth")
    assert (
        page.locator("#result_list tbody tr")
        .first.locator("td.field-status_badge")
        .inner_text()
        .startswith("Published")
    )

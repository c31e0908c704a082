"""schema.org descriptions of published records, for search engines (JSON-LD)."""

from __future__ import annotations

from django.urls import reverse

from .models import DatePrecision


def _url(request, obj) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


def _same_as(data: dict, record, *also: str) -> dict:
    """``sameAs``: the record's pages in other datasets (its external identifiers' links)."""
    links = [i.url for i in record.identifiers.all() if i.url]
    links += [link for link in also if link and link not in links]
    if links:
        data["sameAs"] = links
    return data


def _date(day, precision: str) -> str:
    """An ISO 8601 date only as precise as it is known: "2022-12-01", "2022-12" or "2022"."""
    if precision == DatePrecision.YEAR:
        return f"{day:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{day:%Y-%m}"
    return day.isoformat()


def event_ld(event, request, participant_groups) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": _url(request, event),
        "startDate": _date(event.start_date, event.date_precision),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if event.end_date:
        data["endDate"] = _date(event.end_date, event.date_precision)
    if event.summary:
        data["description"] = event.summary
    if event.is_online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": _url(request, event)}
    elif event.place:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        address = {"@type": "PostalAddress", "addressLocality": event.place.name}
        if event.place.country:  # None when the state is not published
            address["addressCountry"] = event.place.country.name
        data["location"] = {"@type": "Place", "name": event.place.name, "address": address}
    # The people who took part attend the event (schema.org's "performer" is a musician or
    # a presenter: not who sits at the table).
    attendees = [
        {"@type": "Person", "name": p["person"].name, "url": _url(request, p["person"])}
        for _, people in participant_groups
        for p in people
    ]
    if attendees:
        data["attendee"] = attendees
    return _same_as(data, event)


def person_ld(person, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": _url(request, person),
    }
    alternates = [a.name for a in person.aliases.all()]
    if person.native_name:
        alternates.insert(0, person.native_name)
    if alternates:
        data["alternateName"] = alternates
    if person.country:
        data["nationality"] = {"@type": "Country", "name": person.country.name}
    if person.biography:
        data["description"] = person.biography
    return _same_as(data, person)


def organization_ld(org, request) -> dict:
    kind = (
        "Country"
        if org.is_state
        else ("GovernmentOrganization" if org.kind == "government_body" else "Organization")
    )
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": org.name,
        "url": _url(request, org),
    }
    if org.short_name:
        data["alternateName"] = org.short_name
    if org.description:
        data["description"] = org.description
    return _same_as(data, org)


def agreement_ld(agreement, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": agreement.title,
        "url": _url(request, agreement),
        "legislationType": agreement.get_kind_display(),
    }
    if agreement.signed_on:
        data["legislationDate"] = agreement.signed_on.isoformat()
    return _same_as(data, agreement, agreement.text_url)


def website_ld(request) -> dict:
    """The home page: the site itself."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "Caravan",
        "url": request.build_absolute_uri(reverse("home")),
        "description": "China and Central Asia, on the record: summits, meetings, visits and "
        "agreements, each fact with its source.",
        "inLanguage": "en",
    }


def place_ld(place, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": place.name,
        "url": _url(request, place),
    }
    aliases = [a.name for a in place.aliases.all()]
    if aliases:
        data["alternateName"] = aliases
    if place.description:
        data["description"] = place.description
    if place.latitude is not None and place.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    if place.country:  # None when the state is not published
        data["containedInPlace"] = _state(place.country, request)
    return _same_as(data, place)


def topic_ld(topic, request) -> dict:
    """A topic is a term of Caravan's own set of cooperation areas."""
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": topic.name,
        "url": _url(request, topic),
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": "Caravan: cooperation areas",
            "url": request.build_absolute_uri(reverse("site:topic-list")),
        },
    }
    if topic.description:
        data["description"] = topic.description
    return data


def indicator_ld(indicator, request, csv_url: str) -> dict:
    """A figures page is a small data set: the cited values of one statistic, also as CSV."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": indicator.name,
        "url": _url(request, indicator),
        "description": indicator.description
        or f"{indicator.name}: cited figures between China and the Central Asian states.",
        "variableMeasured": indicator.name,
        "isAccessibleForFree": True,
        "distribution": {
            "@type": "DataDownload",
            "encodingFormat": "text/csv",
            "contentUrl": request.build_absolute_uri(csv_url),
        },
    }


def relation_ld(first, second, request, path: str) -> dict:
    """A relation page collects what two states share: it is about both."""
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": f"{first.name} and {second.name}",
        "url": request.build_absolute_uri(path),
        "about": [_state(first, request), _state(second, request)],
    }


def _state(state, request) -> dict:
    return {"@type": "Country", "name": state.name, "url": _url(request, state)}

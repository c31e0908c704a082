"""schema.org descriptions of published records, for search engines (JSON-LD)."""

from __future__ import annotations


def _url(request, obj) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


def _same_as(data: dict, record, *also: str) -> dict:
    """``sameAs``: the record's pages in other datasets (its external identifiers' links)."""
    links = [i.url for i in record.identifiers.all() if i.url]
    links += [link for link in also if link and link not in links]
    if links:
        data["sameAs"] = links
    return data


def event_ld(event, request, participant_groups) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": _url(request, event),
        "startDate": event.start_date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if event.end_date:
        data["endDate"] = event.end_date.isoformat()
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
    performers = [
        {"@type": "Person", "name": p["person"].name, "url": _url(request, p["person"])}
        for _, people in participant_groups
        for p in people
    ]
    if performers:
        data["performer"] = performers
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

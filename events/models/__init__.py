"""Records of the relations we track: who, where, what happened, what was signed, on what topic."""

from .agreements import Agreement, AgreementAlias, Signatory
from .base import AliasBase, DatePrecision
from .events import Event, EventImage, EventSeries, Participation
from .figures import Figure, Indicator
from .identifiers import Identifier
from .mentions import Mention
from .organizations import Organization, OrganizationAlias, Place, PlaceAlias
from .people import Person, PersonAlias, Position
from .search import SearchEntry
from .topics import Topic

__all__ = [
    "Agreement",
    "AgreementAlias",
    "AliasBase",
    "DatePrecision",
    "Event",
    "EventImage",
    "EventSeries",
    "Figure",
    "Identifier",
    "Indicator",
    "Mention",
    "Organization",
    "OrganizationAlias",
    "Participation",
    "Person",
    "PersonAlias",
    "Place",
    "PlaceAlias",
    "Position",
    "SearchEntry",
    "Signatory",
    "Topic",
]

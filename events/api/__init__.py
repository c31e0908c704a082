"""The API of events, people, organizations, places, agreements and topics."""

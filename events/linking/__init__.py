"""Entity linking: finding known people, organizations, places, agreements and events in a
source's text, and offering them to editors as suggestions."""

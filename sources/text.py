"""Text comparison used by citations: does an excerpt really occur in a source's body?"""

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalise_for_comparison(text: str) -> str:
    """Fold case, Unicode forms, typographic quotes and dashes, and collapse whitespace.

    An editor copying an excerpt from a browser gets straight quotes where the article has curly
    ones, and line breaks where it had spaces; neither makes the excerpt a different quotation.
    """
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def excerpt_occurs_in(excerpt: str, body: str) -> bool:
    needle = normalise_for_comparison(excerpt)
    return bool(needle) and needle in normalise_for_comparison(body)

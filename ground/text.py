"""What may be stored from text a visitor sent: the form's fields, campaign parameters, filters."""

import unicodedata

# Characters that reorder or hide text (bidirectional overrides and isolates): in a name they
# only serve to make the admin list show something other than what was stored.
BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def has_hidden_characters(value, allowed="\n\r\t"):
    """True for control characters (NUL among them) and bidi overrides, except those allowed.

    PostgreSQL refuses NUL in text outright, so a value carrying one must never reach a query.
    """
    return any(
        char in BIDI_CONTROLS or (unicodedata.category(char) == "Cc" and char not in allowed)
        for char in value
    )

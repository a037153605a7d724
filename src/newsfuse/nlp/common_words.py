"""Everyday words that are also names of tiny places: what place, actor and outlet readers never
take for a town on its own."""

from __future__ import annotations

import functools


@functools.cache
def common_words() -> frozenset[str]:
    """Lower-case everyday words that are also tiny places ("Police", "Center", "March"): justext's English
    stoplist and news words such as "police", "city"."""
    import justext  # its English stoplist is a ready list of common words

    own = {"center", "centre", "police", "army", "state", "city", "town", "village", "border", "post",
           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "may",
           "march", "june", "july", "august", "january", "february", "april", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "levant", "sham", "reuters", "press", "news", "read", "share", "email", "home",
           "sunni", "shiite", "shia", "muslim", "christian", "union", "victory", "liberty", "hope",
           "independence", "mobile", "reading", "nice", "bath", "deal", "best", "sale", "hospital",
           "university", "church", "mosque", "street", "road", "square", "bridge", "airport",
           "caliphate", "islamic", "sunnis", "shiites", "kurds", "kurd", "arab", "arabs", "jihadist",
           "jihadi", "salafist", "alawite", "druze", "yazidi", "turkmen", "christians", "muslims", "government", "ministry", "council", "forces", "front", "media",
           # compass and everyday words that are also tiny towns ("South", "Centre", "Metro")
           "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
           "northeast", "northwest", "southeast", "southwest", "gulf", "delta", "metro", "web", "congress", "parkway"}
    return frozenset(w.lower() for w in justext.get_stoplist("English")) | own

"""Word lists more than one stage reads, so they cannot drift apart."""

# Words that mark a name as the press reporting an event ("An Associated Press reporter saw ..."),
# which is never a side of the event it reports.
PRESS_WORDS = frozenset({
    "press", "news", "reuters", "afp", "agency", "times", "post", "observer", "courier",
    "ledger", "monitor", "tribune", "herald", "gazette", "journal", "tv", "television", "radio",
})

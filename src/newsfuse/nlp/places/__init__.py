"""Places: gazetteer lookup of capitalised n-grams, disambiguated by document context.

spaCy's GPE tags miss transliterated towns ("al-Qaim", "Rawa"), so every
capitalised run of words is looked up in the GeoNames index under a
spelling-insensitive key (see ``names``). A name that many places share is
resolved by the countries the document names (countries, demonyms, places
already resolved), then by population and by whether the spelling is the
place's main name. Small places need that country support: "Ana" is a town in
Iraq only in a document about Iraq.

The reading is split one concern a module: ``candidates`` (names worth a look-up), ``resolve``
(one gazetteer entry per name by context), ``context`` (the states, areas and outlet home the
document points at), ``relative`` ("near X", "20 km north of X") and ``find`` (the entry point:
two passes over the candidates with the document's context between them).
"""

from newsfuse.nlp.places.candidates import AP_STATES, DEMONYMS
from newsfuse.nlp.places.find import find_places, resolve_name

__all__ = ["AP_STATES", "DEMONYMS", "find_places", "resolve_name"]

"""Pairwise similarity of documents: words, then places/actors, then dates.

The features are computed once per batch (``features``); similarities are then computed for any
block of rows against any block of columns (``block_similarity``), so a caller never needs the
whole n x n matrix: ``strong_pairs`` sweeps the corpus a slice of rows at a time and keeps only
the pairs at or above a cut, and story clustering works inside the blocks those pairs connect.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from newsfuse.copies.templates import template_pages
from newsfuse.learned import learned_file
from newsfuse.records import Annotation, Document, Mention
from newsfuse.reconcile.followups import tells_follow_up
from newsfuse.stories.addresses import address_words, is_cut
from newsfuse.stories.headlines import headline_keys
from newsfuse.stories.links import ARTIFACT, FAR_ARTIFACT, LinkModel, link_model, probabilities
from newsfuse.stories.mains import MainEvents, main_events, one_incident, told_apart
from newsfuse.stories.settings import StorySettings
from newsfuse.stories.keys import StoryKeys, story_keys
from newsfuse.stories.signals import published_day, stated_ages
from newsfuse.stories.text import tfidf, weighted_bag


@dataclass(frozen=True, slots=True)
class Features:
    """What the similarity of two documents is computed from, one row per document."""

    words: sparse.csr_matrix  # L2-normalised title-weighted TF-IDF (float32)
    entities: sparse.csr_matrix | None  # TF-IDF of places and actors; None when unused
    has_entities: np.ndarray  # bool per document
    places: sparse.csr_matrix  # document x place incidence (float32)
    has_places: np.ndarray  # bool per document
    days: np.ndarray  # story day (ordinal) per document, -1 when unknown
    settings: StorySettings
    names: sparse.csr_matrix | None = None  # document x full person name incidence (float32)
    follow_up: np.ndarray | None = None  # bool per document: its title tells a follow-up
    # what the learned link (links.py) reads beside the above; None when links are off
    titles: sparse.csr_matrix | None = None  # L2-normalised TF-IDF of the titles alone
    tolls: sparse.csr_matrix | None = None  # document x stated death toll incidence
    has_tolls: np.ndarray | None = None
    outlets: sparse.csr_matrix | None = None  # document x outlet incidence
    model: LinkModel | None = None
    far_model: LinkModel | None = None  # for pairs further apart than ``link_window_days``
    ages: sparse.csr_matrix | None = None  # document x stated age incidence (text and title)
    many_killed: np.ndarray | None = None  # per column of ``tolls``: a toll of two or more dead
    title_ages: sparse.csr_matrix | None = None  # document x stated age incidence (the title alone)
    counties: sparse.csr_matrix | None = None  # document x county-of-a-named-town incidence (signals.town_counties)
    mains: MainEvents | None = None  # each report's main event (mains.py); None when the caller has none

    @property
    def size(self) -> int:
        return self.words.shape[0]


def features(docs: Sequence[Document], annotations: Mapping[str, Annotation | StoryKeys], settings: StorySettings,
             with_model: bool = True, mains: Mapping[str, Mention] | None = None) -> Features:
    """Per-document features, from each document's annotation or the keys stored for it (keys.py), and its
    report-main mention when ``mains`` (document id -> mention) is given; ``with_model=False`` leaves the shipped
    link model out (its training reads the pair features only)."""
    read = {d.id: _keys(d, annotations.get(d.id)) for d in docs}
    # a site template's text (the chrome left where the story was lost) tells nothing of its page:
    # only the headline counts, and what was read from the text is left out
    chrome = template_pages(docs, {k: r.skeleton for k, r in read.items() if r.skeleton is not None}) \
        if settings.read_templates_by_headline else frozenset()
    bags = [_bag(read[d.id] if d.id not in chrome else None, d.title, settings, _address(d, chrome, settings))
            for d in docs]
    words = tfidf(bags).astype(np.float32).tocsr()  # float32 products: half the memory of float64
    signals = {k: keys for k, keys in read.items() if k not in chrome}
    if settings.headline_places:
        # a page whose text names no place (a template, an empty or cut text) is placed by its headline's
        unplaced = [d for d in docs if d.id not in signals or not signals[d.id].placed]
        signals.update(headline_keys(unplaced, read))
    none = StoryKeys()
    keys = [signals.get(d.id, none) for d in docs]
    ents = [k.entity_bag() for k in keys]
    has_ent = np.array([bool(e) for e in ents], dtype=bool)
    entities = None
    if settings.entity_weight > 0 and has_ent.sum() > 1:
        entities = tfidf(ents).astype(np.float32).tocsr()
    places = [{k for k in e if k.startswith("place:")} for e in ents]
    days = np.array([_day(d, k) or -1 for d, k in zip(docs, keys, strict=True)], dtype=np.int32)
    names = None
    if settings.name_link > 0 or settings.learned_links:
        names = _incidence([set(k.names) for k in keys])
    follow_up = np.array([tells_follow_up(d.title or "") for d in docs], dtype=bool)
    ages = _incidence([k.ages | stated_ages(d.title) for d, k in zip(docs, keys, strict=True)]) \
        if settings.other_ages_penalty < 1 else None
    title_ages = _incidence([stated_ages(d.title) for d in docs]) if settings.other_title_ages_penalty < 1 else None
    counties = _incidence([set(k.counties) for k in keys]) if settings.county_town_days > 0 else None
    read_mains = main_events(docs, mains, settings.main_link_publication_days) if mains is not None else None
    f = Features(words, entities, has_ent, _incidence(places), np.array([bool(p) for p in places]), days, settings,
                 names, follow_up=follow_up, ages=ages, title_ages=title_ages, counties=counties, mains=read_mains)
    if not settings.learned_links:
        return f
    titles = tfidf([weighted_bag([(d.title or "", 1.0)], settings.min_token_length) for d in docs]).astype(
        np.float32).tocsr()
    tolls = [set(k.tolls) for k in keys]
    toll_keys = sorted(set().union(*tolls)) if tolls else []
    many = np.array([int(k.split(":", 1)[1]) >= 2 for k in toll_keys] or [False], dtype=np.float32)
    return replace(f, titles=titles, tolls=_incidence(tolls), has_tolls=np.array([bool(t) for t in tolls]),
                   many_killed=many,
                   outlets=_incidence([{d.outlet.lower()} if d.outlet else set() for d in docs]),
                   model=link_model(learned_file(ARTIFACT)) if with_model else None,
                   far_model=(link_model(learned_file(FAR_ARTIFACT)) if with_model and settings.far_link_days > 0
                              else None))


def _keys(doc: Document, read: Annotation | StoryKeys | None) -> StoryKeys:
    return read if isinstance(read, StoryKeys) else story_keys(doc.text, read)


def _bag(keys: StoryKeys | None, title: str | None, settings: StorySettings, address: str = "") -> Counter[str]:
    """The text's words (none for a template page) and the title's, weighted (``text.weighted_bag``), and
    the headline its address tells, weighted as the title (``_address``)."""
    bag = keys.word_bag(settings.min_token_length) if keys is not None else Counter()
    return weighted_bag([(title or "", settings.title_weight), (address, settings.title_weight)],
                        settings.min_token_length, bag)


def _address(doc: Document, chrome: frozenset[str], settings: StorySettings) -> str:
    """The words of the page's address (addresses.py) when the page is read by a cut headline alone (its
    text a template or empty): the rest of its headline, as the site wrote it into the path."""
    if not settings.address_of_cut_headlines or not is_cut(doc.title) \
            or (doc.id not in chrome and not doc.headline_only):
        return ""
    return address_words(doc.url)


def _day(doc: Document, keys: StoryKeys) -> int | None:
    """``signals.story_day`` from the keys."""
    day = published_day(doc)
    return day if day is not None else keys.mentioned_day


def _incidence(places: list[set[str]]) -> sparse.csr_matrix:
    keys = sorted(set().union(*places)) if places else []
    col = {k: j for j, k in enumerate(keys)}
    rows = [i for i, p in enumerate(places) for _ in p]
    cols = [col[k] for p in places for k in p]
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                             shape=(len(places), max(1, len(keys))))


def block_similarity(f: Features, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """len(rows) x len(cols) similarities in [0, 1] (float32).

    text cosine (title-weighted TF-IDF), blended with the cosine of the places
    and actors when both documents have some, then damped when their story days
    are further apart than ``max_gap_days`` (``date_penalty``), when both name
    places but none in common (``place_penalty``), and hard when both hold
    (``conflict_penalty``: same words, another place, another week = another story); raised to
    ``name_link`` when both name the same person and the same town within ``max_gap_days`` (within
    ``follow_up_name_days`` when one title tells a follow-up), and to
    the learned link's probability when it calls them one incident (links.py) within ``link_window_days``
    (the far model's up to ``far_link_days``); with the reports' main events (``Features.mains``), damped when each
    report dates its own days apart (``main_apart_penalty``) and raised to ``main_link`` when they sit at one town on
    one day (±``main_link_days``) with no toll told apart; 0 beyond ``horizon_days``. A document's similarity to
    itself is 1.
    """
    s = f.settings
    c = _components(f, rows, cols)
    sim = c["text"].copy()
    if f.entities is not None:
        w = np.float32(s.entity_weight)
        sim = np.where(c["both_entities"], (1 - w) * sim + w * c["entities"], sim).astype(np.float32, copy=False)

    disjoint = c["disjoint_places"]
    known = c["known"]
    far = (c["gap"] > s.max_gap_days) & known

    conflict = far & disjoint
    sim[far & ~conflict] *= np.float32(s.date_penalty)
    sim[disjoint & ~conflict] *= np.float32(s.place_penalty)
    sim[conflict] *= np.float32(min(s.conflict_penalty, s.date_penalty * s.place_penalty))
    if f.model is not None:
        # within the window the learned probability of one incident takes ``link_weight`` of the similarity;
        # further apart (up to ``far_link_days``) the far model's does
        near = known & (c["gap"] <= s.link_window_days)
        beyond = known & (c["gap"] > s.link_window_days) & (c["gap"] <= s.far_link_days) if f.far_model else None
        chosen = [(where, model) for where, model in ((near, f.model), (beyond, f.far_model))
                  if where is not None and where.any()]
        if chosen:
            ps = probabilities(pair_features(f, rows, cols, c), [model for _, model in chosen])
            w = np.float32(s.link_weight)
            for (where, _), p in zip(chosen, ps, strict=True):
                sim[where] = (1 - w) * sim[where] + w * p[where]
        if beyond is not None and s.far_unnamed_penalty < 1:
            # weeks or months later a report tells its incident again as a follow-up (an arrest, a trial) or by
            # its people's names; one that does neither, in the same town, tells of another incident there
            sim[beyond & ~_told_again(f, rows, cols, c)] *= np.float32(s.far_unnamed_penalty)
    if f.title_ages is not None:
        # two headlines that each give an age and none in common tell of two people: mostly two incidents
        sim[_other_title_ages(f, rows, cols)] *= np.float32(s.other_title_ages_penalty)
    if f.ages is not None:
        # one town, both give ages and none agrees: mostly two incidents (settings.other_ages_penalty)
        sim[_other_ages(f, rows, cols, c)] *= np.float32(s.other_ages_penalty)
    if f.mains is not None and s.main_apart_penalty < 1:
        # each report dates its main event itself, days apart: two incidents, unless told again (a name, a follow-up)
        sim[_mains_apart(f, rows, cols, c)] *= np.float32(s.main_apart_penalty)
    if s.name_link > 0 and c["names"] is not None:
        # the same named person at the same town within days: one story told in other words (a victim
        # named, then the suspect charged in the killing), whatever the text similarity; within
        # ``follow_up_name_days`` when one of them tells a follow-up (a trial weeks after the shooting)
        soon = ~far
        if f.follow_up is not None and s.follow_up_name_days > s.max_gap_days:
            follow = _either_follows_up(f, rows, cols)
            soon = soon | (follow & (c["gap"] <= s.follow_up_name_days))
        linked = soon & c["shared_place"] & c["names"] & known
        sim[linked] = np.maximum(sim[linked], np.float32(s.name_link))
    if f.mains is not None and s.main_link > 0:
        # one town, one day, no toll told apart: one incident told in other words
        linked = one_incident(f.mains, rows, cols, s.main_link_days)
        sim[linked] = np.maximum(sim[linked], np.float32(s.main_link))
    # beyond the horizon no run meets the pair (blocking.py, stories/blocking.py): never one story, in any run
    sim[known & (c["gap"] > s.horizon_days)] = 0.0
    sim[rows[:, None] == cols[None, :]] = 1.0
    return np.clip(sim, 0.0, 1.0, out=sim)


def _told_again(f: Features, rows: np.ndarray, cols: np.ndarray, c: dict[str, np.ndarray | None]) -> np.ndarray:
    """Pairs that name a person in common or of which one title tells a follow-up."""
    told = c["names"].copy() if c["names"] is not None else np.zeros((len(rows), len(cols)), dtype=bool)
    if f.follow_up is not None:
        told |= _either_follows_up(f, rows, cols)
    if f.tolls is not None and f.many_killed is not None:
        # the same toll of several dead: two incidents of one town rarely repeat one (reconcile.merge.same_toll)
        told |= ((f.tolls[rows].multiply(f.many_killed[None, :])) @ f.tolls[cols].T).toarray() > 0
    return told


def _mains_apart(f: Features, rows: np.ndarray, cols: np.ndarray, c: dict[str, np.ndarray | None]) -> np.ndarray:
    """Pairs whose main events are told apart (mains.told_apart) that name no person in common and neither of
    whose titles tells a follow-up (a trial dates the shooting it tells by its own words too)."""
    s = f.settings
    apart = told_apart(f.mains, rows, cols, s.main_apart_days)
    if c["names"] is not None:
        apart &= ~c["names"]
    if f.follow_up is not None:
        apart &= ~_either_follows_up(f, rows, cols)
    return apart


def _other_title_ages(f: Features, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Pairs whose titles both state ages ("4-year-old shot by brother", "15-year-old killed at party"), none
    in common. Unlike the text's ages, a headline's age is its story's person, and a follow-up's headline keeps
    it ("2 charged with killing 15-year-old"), so follow-ups and other towns count too."""
    return _ages_apart(f.title_ages, rows, cols)


def _other_ages(f: Features, rows: np.ndarray, cols: np.ndarray, c: dict[str, np.ndarray | None]) -> np.ndarray:
    """Pairs that name a town in common, both state ages, none in common, name no person in common and neither
    tells a follow-up (an arrest or a trial gives the suspect's age, not the victim's). Only in one town: there
    the words, the town and the toll of two shootings agree and the ages are what tells them apart (ECB+ dev,
    tuned B3: 0.890 with the town condition, 0.886 without it)."""
    other = c["shared_place"] & _ages_apart(f.ages, rows, cols)
    if c["names"] is not None:
        other &= ~c["names"]
    if f.follow_up is not None:
        other &= ~_either_follows_up(f, rows, cols)
    return other


def _ages_apart(ages: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Pairs that both state ages (document x age incidence) and none in common."""
    aged = ages.getnnz(axis=1) > 0
    return np.outer(aged[rows], aged[cols]) & ~((ages[rows] @ ages[cols].T).toarray() > 0)


def _either_follows_up(f: Features, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Pairs of which one title tells a follow-up (an arrest, a trial)."""
    return f.follow_up[rows][:, None] | f.follow_up[cols][None, :]


def _components(f: Features, rows: np.ndarray, cols: np.ndarray) -> dict[str, np.ndarray | None]:
    """The raw pairwise signals of a block, before any penalty."""
    text = (f.words[rows] @ f.words[cols].T).toarray()
    both = np.outer(f.has_entities[rows], f.has_entities[cols])
    entities = (f.entities[rows] @ f.entities[cols].T).toarray() if f.entities is not None else np.zeros_like(text)
    shared_count = (f.places[rows] @ f.places[cols].T).toarray()
    shared = shared_count > 0
    days_r, days_c = f.days[rows], f.days[cols]
    names = (f.names[rows] @ f.names[cols].T).toarray() > 0 if f.names is not None else None
    gap = np.abs(days_r[:, None] - days_c[None, :])
    known = np.outer(days_r >= 0, days_c >= 0)
    disjoint = ~shared & np.outer(f.has_places[rows], f.has_places[cols])
    if f.counties is not None:
        # two towns of one county within days of each other are not two places apart (settings.county_town_days)
        disjoint &= ~(((f.counties[rows] @ f.counties[cols].T).toarray() > 0) & known
                      & (gap <= f.settings.county_town_days))
    return {
        "text": text, "entities": entities, "both_entities": both, "shared_place": shared,
        "disjoint_places": disjoint, "gap": gap, "known": known, "names": names, "shared_count": shared_count,
    }


def pair_features(f: Features, rows: np.ndarray, cols: np.ndarray,
                  c: dict[str, np.ndarray | None] | None = None) -> Iterator[tuple[str, np.ndarray]]:
    """The learned link's features (links.FEATURES, in order) of a block of pairs, one matrix at a time so
    a caller summing them holds two or three, not all; needs ``features`` with links on."""
    c = c if c is not None else _components(f, rows, cols)
    known, text, shared, names = c["known"], c["text"], c["shared_place"], c["names"]
    log_gap = np.where(known, np.log1p(c["gap"].astype(np.float32)), 0.0).astype(np.float32)
    entities = np.where(c["both_entities"], c["entities"], 0.0).astype(np.float32)
    title = (f.titles[rows] @ f.titles[cols].T).toarray()
    follow = _either_follows_up(f, rows, cols)
    yield "text", text
    yield "title", title
    yield "entities", entities
    yield "shared_place", shared
    yield "disjoint_places", c["disjoint_places"]
    yield "shared_name", names
    same_killed = (f.tolls[rows] @ f.tolls[cols].T).toarray() > 0
    yield "same_killed", same_killed
    yield "other_killed", np.outer(f.has_tolls[rows], f.has_tolls[cols]) & ~same_killed
    del same_killed
    yield "same_outlet", (f.outlets[rows] @ f.outlets[cols].T).toarray() > 0
    yield "log_gap", log_gap
    yield "follow_up", follow
    yield "text_x_log_gap", text * log_gap
    yield "name_x_place", names & shared
    yield "follow_up_x_log_gap", follow * log_gap
    yield "title_x_shared_place", title * shared
    n_r = np.asarray(f.places[rows].sum(axis=1)).ravel()
    n_c = np.asarray(f.places[cols].sum(axis=1)).ravel()
    count = c["shared_count"]
    yield "place_overlap", count / np.maximum(1.0, n_r[:, None] + n_c[None, :] - count)
    yield "entities_x_log_gap", entities * log_gap


# cells of one slice of rows in ``sliced_similarity`` / ``strong_pairs``: block_similarity holds about
# fifteen slice-sized matrices at once (the components, the link features, the penalties), so 2M cells
# are about 0.15 GB (measured on the 10k scale store: 20M-cell slices took 1.3 GB over the baseline)
CELLS_PER_SLICE = 2_000_000


def _slices(f: Features, rows: np.ndarray, cols: np.ndarray, cells_per_slice: int) -> Iterator[tuple[int, np.ndarray]]:
    """(first row, ``block_similarity`` of a slice of ``rows`` against ``cols``), slice by slice."""
    step = max(1, cells_per_slice // max(1, len(cols)))
    for start in range(0, len(rows), step):
        yield start, block_similarity(f, rows[start:start + step], cols)


def sliced_similarity(f: Features, rows: np.ndarray, cols: np.ndarray,
                      cells_per_slice: int = CELLS_PER_SLICE) -> np.ndarray:
    """``block_similarity(f, rows, cols)``, computed a slice of rows at a time into one float32 matrix.

    Every cell is computed from its own row and column only, so the values are the same; the
    intermediate matrices hold one slice, not the whole block (a 7,340-document block of the 10k scale
    store: 3.0 GB over the baseline in one piece, for a 0.2 GB result).
    """
    out = np.empty((len(rows), len(cols)), dtype=np.float32)
    for start, block in _slices(f, rows, cols, cells_per_slice):
        out[start:start + len(block)] = block
    return out


def strong_pairs(f: Features, threshold: float, cells_per_slice: int = CELLS_PER_SLICE,
                 rows: np.ndarray | None = None) -> sparse.csr_matrix:
    """The n x n sparse matrix of the similarities >= ``threshold`` (diagonal included) of ``rows``
    (default: every document) against every document; the other rows are empty.

    Rows are computed a slice at a time against every document, so memory stays at about
    ``cells_per_slice`` cells (times the intermediates of ``block_similarity``) whatever the corpus
    size; time is len(rows) x n products.
    """
    every = np.arange(f.size)
    rows = every if rows is None else np.asarray(rows)
    parts = []
    for _, block in _slices(f, rows, every, cells_per_slice):
        block[block < threshold] = 0.0
        parts.append(sparse.csr_matrix(block))
    if not parts:
        return sparse.csr_matrix((f.size, f.size), dtype=np.float32)
    got = sparse.vstack(parts, format="coo")
    return sparse.csr_matrix((got.data, (rows[got.row], got.col)), shape=(f.size, f.size))

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StorySettings:
    # defaults tuned on the odd ECB+ topics (evaluation/stories.py), B-cubed F1
    # average-link similarity a document (or a group of new documents) needs to
    # join a story; also the cut of the agglomerative clustering of new documents
    join_threshold: float = 0.18
    title_weight: float = 2.0  # title words count this many times a body word
    entity_weight: float = 0.2  # share of the similarity from places/actors (0..1)
    max_gap_days: int = 10  # documents whose story days (published, else most-mentioned) differ more ...
    date_penalty: float = 0.7  # ... have their similarity multiplied by this
    # documents that both name towns/points but none in common: similarity x this
    place_penalty: float = 0.85
    # far apart in time AND in disjoint places: two different events that share
    # words (two earthquakes); replaces the product of the two penalties
    conflict_penalty: float = 0.1
    # two documents naming the same person (full name) and the same town, at most ``max_gap_days`` apart
    # (the window incremental runs look back over, blocking.py): their similarity is at least this
    # (0 turns the signal off; gva_incidents dev: stories B3 0.919 -> 0.920, ECB+ dev unchanged)
    name_link: float = 0.5
    # ... and that far apart when one of the two tells a follow-up (an arrest, a charge, a trial)
    follow_up_name_days: int = 60
    # the learned same-incident link (links.py, data/story_links.json, trained on gva_incidents dev):
    # a pair it calls one incident, at most ``link_window_days`` apart, is at least that similar
    learned_links: bool = True
    link_window_days: int = 30
    # pairs further apart, up to this many days, are judged by a model of their own (links.FAR_ARTIFACT; 0: off):
    # a follow-up months later naming the victim joins, a shooting in the same town a year later with the
    # same words does not (gva_incidents dev: all reports in one event 0.816 -> 0.836, stories B3 0.937 -> 0.964).
    # Incremental runs look back ``lookback_days`` and, up to this far, fetch the stored documents naming one of
    # the new ones' people (stories/blocking.py), so a far follow-up meets its incident as in a full run. Pairs
    # further apart than ``horizon_days`` are never one story (a run would not meet them; gva_incidents dev: the
    # 23 pairs more than 1100 days apart at the cut were all two incidents; stories B3 0.9664 -> 0.9670)
    far_link_days: int = 1100
    # a name more stored documents of that window carry is not followed (an official quoted every week: it tells
    # no incident apart and would pull much of the store into the run); gva_incidents dev: no name is in more than 9
    far_name_documents: int = 50
    # a pair the far model judges (further apart than ``link_window_days``) that names no one in common, neither of
    # whose titles tells a follow-up and that tells no toll of several dead in common: similarity x this (1: off).
    # Weeks or months on, a report tells its incident again by its people, its follow-up or its toll; one of the
    # same town that does none of these is mostly another incident there (gva_incidents dev slice, such pairs at
    # the cut: 16 of two incidents, 5 of one; with 0: stories B3 0.9697 -> 0.9701, all merged unchanged 0.888;
    # dev-rest, one report per incident: 0.966 -> 0.969; x0.3: 0.9704 / 0.9681, x0.5: 0.9695 / 0.9671)
    far_unnamed_penalty: float = 0.0
    link_weight: float = 1.0  # share of the learned probability in the similarity of such a pair (1: all of it)
    # two documents of one town that both state ages ("a 15-year-old") and none in common, name no one in common,
    # and neither of whose titles tells a follow-up (an arrest names a suspect of another age): similarity x this
    # (1: off). Different shootings of one city within days share the words, the town and the toll, not the ages
    # (gva_incidents dev slice: stories B3 0.9685 -> 0.9689; dev-rest, one report per incident: 0.961 -> 0.966)
    other_ages_penalty: float = 0.6
    # two documents whose titles both state ages and none in common ("4-year-old shot by brother" and "2 charged
    # with killing 15-year-old"): similarity x this (1: off). A headline's age is its story's person, kept by its
    # follow-ups' headlines, so unlike the text's ages it needs no town in common and holds for follow-ups
    # (gva_incidents dev slice: stories B3 0.9701 -> 0.9703, all merged 0.890 -> 0.892, killed 0.899 -> 0.900;
    # dev-rest unchanged 0.969; the same for x0.5..0.8; x0.4: 0.9698, x0.2: 0.9694 / dev-rest 0.9701 (the victim's
    # age against the shooter's: "girl shot by 3-year-old brother"); without follow-ups: no gain, 0.9700)
    other_title_ages_penalty: float = 0.6
    # two reports at most this many days apart that name other towns of one county ("Boiling Springs", "Shelby",
    # both of Cleveland County) do not count as naming places apart (the learned link's ``disjoint_places`` and
    # ``place_penalty``): the first reports of one incident name the town, the school or the victim's home nearby
    # (0: off). Only the counties of named towns count (signals.town_counties). gva_incidents dev slice: stories
    # B3 0.9703 -> 0.9707, all merged 0.896 -> 0.898, right event 0.930 =; odd / even multi-report incidents
    # merged 0.900 -> 0.904 / 0.892 =; dev-rest B3 0.9692 =. At 10 days two incidents of one county are joined
    # (B3 0.9700, right event 0.929); with the counties the texts name as well, a city's neighbourhood and its
    # county's medical examiner join two incidents (B3 0.9702).
    county_town_days: int = 3
    # Each report's main event (the events stage's report-main mention, passed to cluster_stories as ``mains``;
    # without them none of the below applies: ECB+ and callers without mentions are unchanged).
    # Two reports whose violent main events each report dates itself, in its own phrase against its own publication
    # ("shot Sunday night"), more than ``main_apart_days`` apart, not telling the same toll of several, naming no
    # person in common and neither of whose titles tells a follow-up: similarity x this (1: off), as
    # reconcile.merge.told_apart tells their events apart; one city's shootings days apart share the words and the
    # neighbourhood. gva_incidents dev-rest, one report per incident, part A / part B B3 0.9802 / 0.9825 -> x0.5:
    # 0.9822 / 0.9844, x0.4: 0.9842 / 0.9844, x0.3: 0.9862 / 0.9844, everything else unchanged, the dev slice too;
    # x0.2 and x0: part A killed / injured 0.884 / 0.767 -> 0.880 / 0.764 (a report taken out of a mixed story joins
    # another incident's): the middle of what holds. Reconcile's own rule for a roundup of several shootings (apart
    # from a report a day away) took a roundup out of a single shooting's story and a report of another incident
    # joined it there (dev-rest part A right event 0.922 -> 0.919): a roundup tells that night's incidents too.
    main_apart_penalty: float = 0.4
    main_apart_days: int = 1
    # two reports whose violent main events sit at one gazetteer town (a point, or a part of the town: "SW Atlanta")
    # at most ``main_link_days`` apart and tell no tolls apart (killed, injured: unknown on one side or the same) are at
    # least this similar (0: off), whatever their words ("Bullet kills man, grazes child" / "Man killed, boy injured in
    # drive-by"). gva_incidents dev slice, such pairs of the baseline: 490 of one incident (13 in two stories), 14 of
    # two (1 in two stories); dev-rest part A: 2, both of two incidents and already in one story.
    # x0.2..0.25: stories B3 0.9716 -> 0.9741 (precision 0.9866 =), all merged 0.906 -> 0.908, killed 0.899 -> 0.900,
    # odd / even multi-report incidents B3 0.9786 -> 0.9801 / 0.9654 -> 0.9703, the rest unchanged (dev-rest too; towns
    # at point precision only: B3 0.9738, merged 0.906). From 0.3 a charge's follow-up joins its incident (B3 0.9752,
    # merged 0.910) but reconcile then places the event at the court's county (right event 0.939 -> 0.937). Requiring
    # both to state one toll: B3 0.9728
    main_link: float = 0.25
    main_link_days: int = 1
    # a main event whose report tells no day (its publication date standing in, week precision) counts that day:
    # fresh news tells of the day itself or the one before (x0.5: dev slice B3 0.9744 -> 0.9752)
    main_link_publication_days: bool = True
    # pages sharing one text under headlines it does not tell (copies/templates.py) are read by
    # their headline alone
    read_templates_by_headline: bool = True
    # a page whose text names no place (a template, an empty or cut text) is placed by the towns its headline
    # names (headlines.py; gva_incidents dev: all reports in one event 0.836 -> 0.846, stories B3 0.964 -> 0.966)
    headline_places: bool = True
    # a page read by its headline alone (a template or an empty text) whose headline is cut ("Uncle held on $150k
    # bond on charges linked to 4-year-old...") also counts the words of its address, where the site wrote the
    # headline in full ("4-year-old-girl-shot-killed-in-riviera-beach"; addresses.py), weighted as the title.
    # gva_incidents dev slice: all merged 0.898 -> 0.902, stories B3 0.9707 -> 0.9716; odd / even multi-report
    # incidents merged 0.904 -> 0.911 / 0.892 =; dev-rest parts A and B unchanged. The address of every headline-
    # only page (not only cut ones) joins a chrome page to another incident's report on dev-rest (A B3 0.9802 ->
    # 0.9781 at the title's weight; B killed -0.004 at half of it); of every page, dev-rest B B3 0.9825 -> 0.9724
    address_of_cut_headlines: bool = True
    min_token_length: int = 2
    # up to this many documents the whole similarity matrix is computed once (4k: 64 MB);
    # above it, rows are swept in slices and only the blocks of related documents are held
    whole_matrix_up_to: int = 4000
    # a block of related documents (above) larger than this is clustered without its dense matrix
    # (cluster.SparseBlock: the strong pairs, similarities computed a slice at a time), with the same
    # average-link result: the dense matrix, scipy's condensed distances and its copy of them take
    # 12 bytes per pair, so one run of 20,000 reports chained into one block would need gigabytes
    dense_block_up_to: int = 2000
    # a run regroups every block of related documents its new documents join: stored stories there can merge,
    # split or lose members, as one run over every document would group them (average link over the block).
    # Off: a stored document stays in its story and new documents only join or found stories (stable story
    # ids; gva_incidents dev slice fed in 20 batches by date: all reports in one event 0.862, stories B3 0.952,
    # against 0.888 / 0.968 in one run). A block above ``dense_block_up_to`` is never regrouped.
    regroup: bool = True

    @property
    def lookback_days(self) -> int:
        """How far apart two documents' story days can be and still meet in one story (blocking.py)."""
        return max(self.max_gap_days, self.link_window_days if self.learned_links else 0,
                   self.follow_up_name_days if self.name_link > 0 else 0)

    @property
    def horizon_days(self) -> int:
        """How far apart two documents' story days can be and still be one story: as far as a run meets
        stored documents (``lookback_days``, or the names it looks up: stories/blocking.py)."""
        return max(self.lookback_days, self.far_link_days if self.learned_links else 0)

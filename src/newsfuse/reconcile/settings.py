from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReconcileSettings:
    max_date_gap_days: int = 2  # mentions further apart in time are different events
    brief_sentences: int = 4
    max_place_km: float = 25.0  # two gazetteer points closer than this can be one event's place
    place_agree_km: float = 15.0  # closer than this (a city's districts), two place names are not a contradiction
    max_report_lag_days: int = 7  # a "published date" fallback may trail the event by this much
    max_follow_up_days: int = 1100  # ... and a follow-up's (arrest, trial, verdict) this much, inside one story
    # the main events of two reports of one story this many days apart are still one incident: a later
    # report dates its main event by the day of what it adds (the victim named, a suspect held), often
    # resolved against its own publication day (gva_incidents dev, main 059afb0: 30 days all merged 0.854 /
    # right event 0.889; 40: 0.860 / 0.890; 45: 0.864 / 0.890, five incidents merged, none lost; 60: 0.868 /
    # 0.887, killed -0.0015; 90: 0.870 / 0.886)
    max_report_gap_days: int = 45
    # ... unless the later one is fresh news dated against its own publication more than this many days after
    # the earlier one's day (merge.fresh_incident_after): another incident of the story (gva_incidents dev,
    # slice unchanged from 7 days down to 3; dev-rest right event 7: 0.744, 5: 0.750, 3 or 4: 0.752 (injured
    # 0.748 -> 0.744); 2: slice all merged -0.002)
    fresh_gap_days: int = 3
    # ... or dated by a date its text tells as its incident's ("on March 5"), at most this many days before its
    # publication (merge._dated_days_before; gva_incidents dev: slice unchanged, dev-rest right event +1, a
    # Columbus station's shooting joined to a misplaced Savannah one of its story 22 days before; any day its
    # text tells, relative ones not in the event's own phrase too: slice all merged -8)
    fresh_date_lag_days: int = 2
    # ... and when both reports date their main events so, more than this many days apart, whether or not the
    # later tells a follow-up (merge.told_apart; gva_incidents dev: slice unchanged, dev-rest right event
    # 0.773 -> 0.779; 2 days: 0.777; 0: as 1 on the slice and dev-rest part A)
    told_apart_days: int = 1
    # ... and this many when either main sentence tells several shootings (merge.SEVERAL_SHOOTINGS: a roundup
    # "Six people were wounded in shootings Sunday" beside "A boy was shot to death Saturday afternoon").
    # With near_other_stories_only below, gva_incidents dev: slice unchanged; dev-rest part A right event
    # 0.849 -> 0.853, killed 0.880 -> 0.884; part B 0.752 -> 0.756, killed 0.866 -> 0.878, injured 0.721 -> 0.725.
    # Alone: part B killed +0.004 only
    several_shootings_apart_days: int = 0
    # ... and, at one city of this many people or more, when only the later is so dated and the earlier by any day
    # its text tells (merge._fresh_in_one_big_city): such a city has shootings most days. gva_incidents dev: slice
    # right event +1, dev-rest +2 (two Chicago, two Baltimore shootings split from an event days before), killed
    # +1; injured -1 and -3, each a roundup's toll ("six shot across the city") whose wrong join had spread the
    # event's injured range over the incident's. Any told days, whatever the later's phrase: slice all merged
    # -10 (later reports dated by what they add: an arraignment, a video); tolls of two alike kept together: a
    # Baltimore Sunday shooting joined a Wednesday one (dev-rest right -1)
    big_city_population: int | None = 250_000
    # two reports' main events whose sentences both give the victims' ages, none in common, are two incidents
    # (victims.other_victims; a sentence about a suspect, a charge or a trial gives no victim's age)
    # (gva_incidents dev: slice unchanged, dev-rest part A unchanged, part B right event 0.748 -> 0.752; read in a
    # follow-up's sentence too, and ages written in words: slice right event 0.940 -> 0.943, all merged 0.932 ->
    # 0.930 (a wrong join of two Houston children's shootings had held all one incident's reports), dev-rest right
    # event 0.902 -> 0.904, out of fold right event 0.909 -> 0.913, all merged 0.916 -> 0.914)
    other_victims_apart: bool = True
    # two reports' main events placed in two countries (a town or a province each), neither place's name one the
    # gazetteer knows in the other's country (a namesake misread), are two events (borders.other_countries): a
    # roundup of several countries' news clustered with one report of them. gva_incidents dev (one country):
    # slice, part A and part B unchanged; without the namesake test, slice all merged 0.902 -> 0.900
    other_countries_apart: bool = True
    # two reports' main events placed at towns of two states more than this far apart, neither town's name
    # one of the other's state, are two incidents unless one report is a follow-up or both tell one toll of
    # three or more, one lower bound (a mass shooting placed by one report at the gunman's home town): 0 off.
    # gva_incidents dev slice right event +1 (a Milwaukee officer shot the morning of the Baton Rouge shootings),
    # nothing else moved; out of fold (outlet tables of the other fold) fold A right event +1, and without the
    # toll exception the Navy Yard shooting split from its report placed at the gunman's Fort Worth. 300 km:
    # slice all merged -2 (a report's main misplaced 378 and 496 km off)
    far_states_apart_km: float = 800.0
    # where the gazetteer index is cached, read only for two places in two countries: config.Settings sets it
    # to NlpSettings.cache_dir, the one place a user gives it
    cache_dir: str | None = None
    # the same-town-within-a-day path (merge._near_keys) joins a report's main event to events of other
    # stories only (a report and its follow-up clustered apart): within its own story the event was judged
    # against every member, and one member a day away must not undo a veto by another (a week of one city's
    # roundups chained day by day). Alone: part A right event +0.004 but injured 0.764 -> 0.756 (a roundup's
    # toll left on a single shooting's event), hence with several_shootings_apart_days above
    near_other_stories_only: bool = True
    # ... and takes a report telling no day of its incident (a publication date standing in, events.salience
    # NO_DAY_TOLD) as near a day another report tells at its town when published that day or up to this many
    # days after (most such reports come out the incident's day or the next; None: never near). gva_incidents
    # dev: slice all merged 0.902 -> 0.904, other events 0.187 -> 0.184; parts A and B unchanged (no join); 2: the same
    near_no_day_told_days: int | None = 1
    # ... and takes a report's main event placed at a part of a town ("SW Atlanta": the town's gazetteer entry, feature
    # "city", at region precision) as placed at that town (as stories.mains.one_incident does). gva_incidents dev
    # (main c3d4ac9): slice right event 0.940 -> 0.942, killed 0.904 -> 0.906, all merged 0.920 -> 0.922, other
    # events 0.171 -> 0.170; multi part A merged 0.926 -> 0.930; part B, dev-rest A and B unchanged
    near_town_parts: bool = True
    # a report of a story that tells no event of its own is a source of the story's main event
    attach_eventless_reports: bool = True
    # a follow-up report's event (a plea, a sentence, an indictment, dated by its own day), clustered apart from
    # its incident's reports, joins the one earlier event of another story at its town that names a person its
    # sentences name, or tells the same toll of several (later.py; a victim's age alone joined another incident)
    join_later_follow_ups: bool = True
    # ... and, none showing it, the one earlier event of its town (of another story, within max_follow_up_days)
    # when no toll of theirs differs: a town of one incident in the corpus
    join_sole_town_event: bool = True
    # the earliest day a report gives its main event beats the most supported day when it is more than this
    # many days before it: the later days are follow-ups' (gva_incidents dev, right event 0.882 -> 0.885
    # at 3 or 6, injured and all merged unchanged; always (no gap): 0.886, but injured 0.830 -> 0.827)
    first_day_lead_days: int | None = 3
    # an event only follow-ups telling an arrest or a charge (no court process) date, by their publication, is
    # dated this many days before the first (events.salience SOON_AFTER; gva_incidents dev slice + part A, such
    # reports: 16 of 27 published 0 to 2 days after the incident. Slice unchanged, part A right event 0.853 ->
    # 0.864, part B 0.756 -> 0.775; 0 days: the same on the slice and part A)
    soon_after_days: int = 1
    # an event no report dates, told by reports that tell no follow-up (events.salience NO_DAY_TOLD), is dated
    # this many days before the first one's publication. gva_incidents, such reports' publication minus their
    # incident's day: dev slice 55 the same day, 27 the next, 8 two days after, 1 the day before (of 104);
    # dev-rest parts A and B1: 18 / 12 / 5 / 0 (of 39): the day before holds 90 (35), the day itself 83 (30)
    no_day_told_days: int = 1
    # two events of one story of one type, at one place on one day, no toll differing, are one (duplicates.py)
    join_alike_events: bool = True
    # an outlet's home town, learned from its reports' main events (outlet_homes.py), places those its reports
    # leave unplaced: the town with this many of them within outlet_home_km, this share of its placed ones
    outlet_homes: bool = True
    outlet_home_km: float = 40.0
    outlet_home_min_reports: int = 2
    outlet_home_min_share: float = 0.5
    approximate_margin: float = 0.2  # "about 20" is read as 20 +/- 20%

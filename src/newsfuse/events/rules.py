"""The trigger rules: which words (by lemma and dependency context) signal which ACLED sub-type.

Each rule is named so a mention can say why it was typed the way it was, and
readable as data. A rule fires on a trigger token whose lemma is in ``lemmas``
and whose part of speech is in ``pos``; ``with_any`` asks that one of those
lemmas sits in the trigger's frame (its children, grandchildren through a
preposition, or its head), so "air strike", "take control", "suicide bomber"
are lemma + dependency patterns, not substrings. ``refine`` names a decision
made afterwards from the actors (see classify.py): who took a town decides
between the two territory sub-types; who was attacked decides between a
battle and violence against civilians.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsfuse.events.taxonomy import EVENT_TYPE_OF

Refine = Literal["", "territory", "violence", "protest", "riot", "clash", "arrest", "chemical"]

VERB = frozenset({"VERB"})
NOUN = frozenset({"NOUN", "PROPN"})
ANY = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "AUX"})


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    sub_type: str
    lemmas: frozenset[str]
    pos: frozenset[str] = ANY
    with_any: frozenset[str] = frozenset()  # one of these lemmas in the trigger's frame
    in_sentence: frozenset[str] = frozenset()  # one of these lemmas anywhere in the sentence
    weight: float = 1.0  # specificity: a grenade beats a generic "attack"
    refine: Refine = ""
    subject_any: frozenset[str] = frozenset()  # one of these lemmas in the trigger's subject phrase
    active: bool = False  # subject_any counts only as the grammatical subject, not a passive's "by" agent


def _r(name: str, sub_type: str, lemmas: str, weight: float = 1.0, *, pos=ANY,
       with_any: str = "", in_sentence: str = "", refine: Refine = "", subject_any: str = "",
       active: bool = False) -> Rule:
    return Rule(name, sub_type, frozenset(lemmas.split()), pos, frozenset(with_any.split()),
                frozenset(in_sentence.split()), weight, refine, frozenset(subject_any.split()), active)


# the people tear gas is used on, when it is crowd control
_CROWD = ("protest protester demonstrator demonstration march marcher rally crowd trader student "
          "supporter")

RULES: tuple[Rule, ...] = (
    # ---- explosions / remote violence: the weapon names the sub-type
    _r("chemical-attack", "Chemical weapon", "chemical chlorine sarin gas mustard toxic", 3.2,
       with_any="attack weapon use strike agent bomb shell munition gas poison", refine="chemical"),
    _r("nerve-agent", "Chemical weapon", "sarin chlorine novichok", 3.0),
    _r("gas-attack", "Chemical weapon", "attack shell strike bomb use fire launch kill", 3.2,
       with_any="chemical chlorine sarin poisonous toxic mustard nerve poison gas", refine="chemical"),
    _r("airstrike", "Air/drone strike", "airstrike air-strike airstrikes warplane jet drone helicopter "
       "aircraft gunship sortie", 3.0),
    _r("air-strike", "Air/drone strike", "strike raid attack bombing bombardment", 3.0,
       with_any="air aerial drone warplane jet aircraft helicopter coalition"),
    _r("aircraft-bombed", "Air/drone strike", "bomb pound target hit strike destroy attack kill raid",
       2.8, pos=VERB, subject_any="warplane jet aircraft drone helicopter plane air coalition"),
    _r("bombed", "Air/drone strike", "bomb", 2.5, pos=VERB),
    _r("suicide-bombing", "Suicide bomb", "bomber bombing bomb attack attacker blast explosion vest "
       "car truck detonate", 3.4, with_any="suicide"),
    _r("blew-self-up", "Suicide bomb", "blow detonate", 3.4, pos=VERB,
       with_any="himself herself themselves"),
    _r("shelling", "Shelling/artillery/missile attack", "shell shelling artillery mortar rocket missile "
       "bombard bombardment barrage howitzer katyusha", 2.8),
    _r("ied", "Remote explosive/landmine/IED", "ied landmine mine roadside explosive", 3.0,
       with_any="device explode blast bomb detonate kill hit plant go lay defuse"),
    _r("bomb-blast", "Remote explosive/landmine/IED", "bomb blast explosion explode detonate "
       "bombing", 2.4, pos=frozenset({"NOUN", "PROPN", "ADJ", "X"})),
    _r("bomb-exploded", "Remote explosive/landmine/IED", "explode detonate", 2.4, pos=VERB),
    # "blew up a pipeline", "the bridge was blown up": sabotage with explosives; a temper or a photo that
    # blows up names none of these things
    _r("blew-up", "Remote explosive/landmine/IED", "blow", 2.4, pos=VERB, with_any="up",
       in_sentence="pipeline bridge tower pylon railway rail track line car vehicle truck bus tanker convoy "
       "building house home station post office plant refinery well dam checkpoint bomb explosive dynamite "
       "charge mine"),
    _r("grenade", "Grenade", "grenade", 3.5),
    _r("rpg", "Shelling/artillery/missile attack", "grenade rpg", 3.6, with_any="rocket propel "
       "rocket-propelled"),
    # ---- battles
    _r("clash", "Armed clash", "clash fight fighting battle firefight gunbattle gunfight skirmish "
       "shootout combat", 2.2, refine="clash"),
    _r("exchange-fire", "Armed clash", "exchange", 2.4, pos=VERB, with_any="fire gunfire shot"),
    _r("ambush", "Armed clash", "ambush repel repulse", 2.3),
    _r("take-territory", "Non-state actor overtakes territory", "seize capture overrun "
       "takeover conquer occupy", 2.6, refine="territory"),
    # only the verb storms a place: the noun is the weather ("showers and storms in the forecast")
    _r("stormed", "Non-state actor overtakes territory", "storm", 2.6, pos=VERB, refine="territory"),
    # not "charge": "was taken into custody and charged" is an arrest
    _r("take-control", "Non-state actor overtakes territory", "take gain wrest assume seize", 2.7,
       with_any="control hold possession", refine="territory"),
    _r("move-into-town", "Non-state actor overtakes territory", "move advance sweep roll push",
       2.5, pos=VERB, with_any="into town city village district area crossing border", refine="territory"),
    # "enter into" is an agreement's idiom ("entered into plea agreements"): a town entered is named as one
    _r("enter-town", "Non-state actor overtakes territory", "enter", 2.5, pos=VERB,
       with_any="town city village district area crossing border", refine="territory"),
    _r("push-out", "Non-state actor overtakes territory", "push drive expel oust", 2.5, pos=VERB,
       with_any="out from", refine="territory"),
    _r("fall-to", "Non-state actor overtakes territory", "fall", 2.3, pos=VERB,
       with_any="to hand insurgent militant", refine="territory"),
    _r("retake", "Government regains territory", "retake recapture regain reclaim liberate "
       "recover", 2.8, with_any="town city village area territory district control province "
       "neighbourhood neighborhood region base hill airport", refine="territory"),
    _r("take-back", "Government regains territory", "take win", 2.8, pos=VERB, with_any="back",
       refine="territory"),
    # ---- violence against civilians (refined by who the target is)
    _r("sexual-violence", "Sexual violence", "rape gang-rape molest", 3.2),
    _r("sexual-assault", "Sexual violence", "assault violence abuse", 3.2, with_any="sexual sexually"),
    _r("abduction", "Abduction/forced disappearance", "abduct kidnap kidnapping abduction hostage "
       "disappear disappearance", 3.0),
    _r("kill", "Attack", "kill murder massacre slay execute behead lynch shoot stab hack "
       "torture beat attack assault killing murder massacre execution shooting", 1.6,
       refine="violence"),
    _r("gun-down", "Attack", "gun", 1.8, pos=VERB, refine="violence"),
    _r("open-fire", "Attack", "open", 2.0, pos=VERB, with_any="fire", refine="violence"),
    _r("fire-on", "Attack", "fire", 1.9, pos=VERB, with_any="on at upon into", refine="violence"),
    _r("dead", "Attack", "dead die death", 1.0, refine="violence"),
    # the victims told with the weapon and no attacker ("4 injured by gunfire", "two hurt by a stray bullet")
    _r("hurt-by-gunfire", "Attack", "injure wound hurt", 1.7, pos=VERB,
       with_any="gunfire gunshot bullet shooting shot gun", refine="violence"),
    # the round as the subject, the shooter unsaid ("A bullet struck an 11-year-old girl", "two bullets struck her");
    # "struck by a bullet" is a victim's state told beside the shooting (active only)
    _r("bullet-hits", "Attack", "strike hit graze pierce", 1.7, pos=VERB, subject_any="bullet gunfire round shot",
       refine="violence", active=True),
    # "toll" alone is also a road toll or a fee ("paying informal tolls")
    _r("death-toll", "Attack", "toll", 1.0, pos=NOUN, with_any="death dead casualty", refine="violence"),
    # ---- protests and riots
    _r("protest", "Peaceful protest", "protest demonstrate demonstration rally march sit-in picket "
       "protester demonstrator dharna agitation agitate gherao bandh hartal vigil",
       2.0, refine="protest"),
    # "strike" is a protest only among workers ("a low strike", "claimed the strike" are not)
    _r("labour-strike", "Peaceful protest", "strike walkout stoppage", 2.0,
       in_sentence="worker union employee labour labor teacher doctor nurse wage salary pay staff "
       "driver transporter trader hunger general sit-down industrial picket", refine="protest"),
    # police using tear gas on a crowd is ACLED's "intervention" (not a chemical weapon)
    _r("tear-gas", "Protest with intervention", "gas", 2.2, with_any="tear", in_sentence=_CROWD,
       refine="protest"),
    _r("teargas", "Protest with intervention", "teargas tear-gas", 2.2, in_sentence=_CROWD, refine="protest"),
    _r("riot", "Violent demonstration", "riot rioter rioting", 2.6, refine="riot"),
    _r("mob", "Mob violence", "mob lynch vigilante", 2.7, refine="riot"),
    _r("stone-pelting", "Violent demonstration", "pelt throw hurl", 2.6, pos=VERB,
       with_any="stone rock brick molotov petrol", refine="riot"),
    # ---- strategic developments
    _r("agreement", "Agreement", "agreement ceasefire cease-fire truce accord treaty pact armistice", 2.2,
       pos=NOUN),
    _r("peace-talks", "Agreement", "talk negotiation", 1.8, pos=NOUN, with_any="peace ceasefire"),
    _r("deal", "Agreement", "deal", 2.0, with_any="sign reach agree announce broker strike conclude "
       "peace ceasefire"),
    _r("surrender", "Agreement", "surrender", 2.0),
    _r("agree", "Agreement", "agree sign", 1.8, pos=VERB,
       with_any="ceasefire truce deal agreement accord release exchange peace"),
    _r("prisoner-release", "Agreement", "release swap exchange free", 1.9,
       with_any="prisoner hostage detainee captive exchange swap"),
    _r("arrest", "Arrests", "capture detention custody", 2.4, in_sentence="arrest detain police custody "
       "apprehend nab", refine="arrest"),
    _r("arrested", "Arrests", "arrest detain apprehend nab jail imprison", 2.5, refine="arrest"),
    _r("group-change", "Change to group/activity", "merge split defect pledge join form dissolve "
       "disband", 1.7, with_any="allegiance group alliance faction coalition ranks front party "
       "brigade movement"),
    _r("defect", "Change to group/activity", "defect defection", 2.2),
    _r("relocate", "Change to group/activity", "relocate redeploy", 1.2),
    _r("defuse", "Disrupted weapons use", "defuse dismantle neutralise neutralize disarm intercept "
       "foil thwart recover seize confiscate destroy discover find uncover unearth", 3.3,
       with_any="bomb ied explosive device mine weapon arm ammunition cache rocket missile drone "
       "grenade plot attack shell depot firearm gun pistol rifle round cartridge bullet magazine "
       "projectile ammo arsenal stockpile"),
    _r("weapons-cache", "Disrupted weapons use", "cache", 2.9, with_any="weapon arm ammunition "
       "explosive"),
    _r("base-established", "Headquarters or base established", "establish set build open", 2.7,
       with_any="base headquarters hq camp outpost office post position"),
    _r("looting", "Looting/property destruction", "loot plunder ransack vandalise vandalize raze "
       "torch burn demolish destroy arson set", 2.3,
       with_any="house home shop building property store vehicle car office village fire ablaze "
       "school church mosque temple crop field"),
    _r("loot", "Looting/property destruction", "loot looting plunder ransack arson vandalism", 2.5),
    _r("withdraw", "Non-violent transfer of territory", "withdraw withdrawal retreat evacuate "
       "leave abandon handover cede", 2.0,
       with_any="town city area post territory position base border force troops crossing control "
       "overnight"),
    _r("hand-over", "Non-violent transfer of territory", "hand transfer", 2.2, pos=VERB,
       with_any="over control territory"),
)

# trigger word -> the rules it can fire (rules in declaration order), so a sentence is read once
BY_LEMMA: dict[str, tuple[Rule, ...]] = {}
for _rule in RULES:
    for _lemma in _rule.lemmas:
        BY_LEMMA[_lemma] = BY_LEMMA.get(_lemma, ()) + (_rule,)

# fail at import on a sub-type that is not ACLED's
for _rule in RULES:
    assert _rule.sub_type in EVENT_TYPE_OF, f"rule {_rule.name}: unknown sub-type {_rule.sub_type}"

# words that mark a participant as an armed/state side, used when the nlp
# stage found no actor record over the words (lemmas)
STATE_WORDS = frozenset("army soldier troops troop force forces police policeman policemen "
                        "officer military government regime guard commando marine navy "
                        "gendarme gendarmerie battalion brigade cop jawan constable".split())
ARMED_WORDS = STATE_WORDS | frozenset(
    "militant fighter rebel insurgent jihadist gunman terrorist militia militiaman combatant guerrilla".split())
# places that belong to an armed side: attacking one is a battle, but they are not actors
FACILITY_WORDS = frozenset("checkpoint base convoy patrol post position outpost barrack barracks "
                           "garrison station camp".split())
# verbs of having or showing: a weapon named as their object is not a weapon used
POSSESSION = frozenset("carry have hold possess display feature include parade arm equip supply "
                       "deliver buy sell send provide acquire own stockpile brandish wield "
                       "transport smuggle operate hear spot produce manufacture build assemble "
                       "develop design".split())
# names that make a participant non-state even when it says "forces" ("ISIS forces")
NONSTATE_WORDS = frozenset("isis isil daesh taliban shabaab shabab boko haram nusra hts tahrir pkk ypg "
                           "sdf houthi houthis hezbollah hamas militant rebel insurgent jihadist "
                           "opposition militia separatist islamist terrorist fighter gunman "
                           "maoist naxal naxalite guerrilla".split())
PERSON_WORDS = frozenset("man men woman women people person suspect member national migrant "
                         "civilian villager resident student worker activist journalist child "
                         "boy girl leader commander official militant fighter terrorist "
                         "soldier officer policeman hostage".split())
PLACE_WORDS = frozenset("town city village district area territory province region crossing post "
                        "border airport airfield port hill hilltop neighbourhood neighborhood camp base position "
                        "oilfield field road highway bridge island valley capital suburb "
                        "governorate county municipality locality settlement".split())
CIVILIAN_WORDS = frozenset("civilian villager resident woman child student worker farmer "
                           "passenger pilgrim shopkeeper journalist family people man boy girl "
                           "teacher doctor worshipper".split())
PROTEST_WORDS = frozenset("protester protestor demonstrator marcher protest demonstration rally "
                          "striker agitator".split())
INTERVENTION_WORDS = frozenset("disperse teargas tear lathi-charge lathicharge baton arrest detain "
                               "break water cannon intervene".split())
WEAPON_WORDS = frozenset("weapon arm firearm gun pistol rifle ammunition ammo round cartridge bullet "
                         "explosive bomb ied mine grenade rocket missile magazine arsenal cache "
                         "shell weaponry munition".split())
# deaths and blasts with these words and no hostile actor are accidents or disasters, not
# political violence (ACLED does not code them)
ACCIDENT_WORDS = frozenset("accident crash collision collide derail fireworks factory plant warehouse "
                           "boiler cylinder leak tanker flood earthquake quake cyclone hurricane "
                           "typhoon storm landslide avalanche tsunami drown lightning heatwave covid "
                           "coronavirus virus disease outbreak poisoning poison overdose stampede "
                           "collapse wildfire blaze fire plague epidemic pandemic illness infection flu "
                           "influenza cholera ebola measles malaria".split())
HOSTILE_WORDS = frozenset("militant gunman gunmen attacker terrorist insurgent rebel bomber bomb "
                          "attack attacker suspect assailant police soldier troops army murder "
                          "shoot shot gun ied grenade jihadist mob rioter".split())
# words that tell a gun was used: a death told as an accident with one of them is a shooting (a hunting
# accident is a gun going off; gun-violence counts such as gva_incidents hold them: a slice report and a
# dev-rest part A report gave no event at all; gva dev slice killed 0.899 -> 0.900, part A 0.884 -> 0.888)
FIREARM_WORDS = frozenset({"hunting", "firearm", "rifle", "shotgun", "handgun", "pistol", "gunshot"})
# rules whose frame words a headline may give anywhere: "four wounded" beside "shots fired" is the
# wounded of that gunfire (with relevance.about_events for headline-only pages: gva dev-rest part A right
# event 0.926 -> 0.930, injured 0.767 -> 0.771; slice and part B unchanged)
HEADLINE_FRAMES = frozenset({"hurt-by-gunfire"})
# rules whose words are as common in accident news as in conflict news
ACCIDENT_PRONE = frozenset({"dead", "death-toll", "kill", "bomb-blast", "bomb-exploded"})
EXCESSIVE_WORDS = frozenset("shoot fire kill live bullet ammunition gun beat injure wound "
                            "death dead".split())
RIOT_WORDS = frozenset("torch burn stone pelt loot vandalise vandalize smash set ablaze rampage "
                       "violent violence clash molotov throw hurl barricade damage riot "
                       "firebomb".split())
# crowd-control means: with these, "fire"/"shoot" is not lethal force against protesters
CROWD_CONTROL = frozenset("tear teargas tear-gas cannon rubber pepper baton stun".split())
# determiners/possessives that make a noun refer back to something already told
DEFINITE = frozenset("the this that these those its their".split())
# "since the attack", "before the attack": a reference point in time, not a new event
TIME_PREPOSITIONS = frozenset("before after since following until".split())
# adjectives of a recurring pattern rather than one event
HABITUAL = frozenset("repeated frequent regular recurring recurrent periodic sporadic routine "
                     "occasional numerous countless nightly daily weekly".split())
# words that make a sentence (two of them) or a document (see context.py) a match report
# (only words with little non-sports use: no "defender", "corner", "cross", "bench")
SPORTS_WORDS = frozenset("match derby goal goalkeeper striker winger midfield midfielder "
                         "half-time halftime penalty equalise equalize equaliser equalizer kick-off "
                         "fixture league referee scoreline scorer dribble stoppage-time injury-time "
                         "substitute".split())
# rules whose words have a sports sense ("fired a shot", "drove forward", "a strike", "attacking")
SPORTS_AMBIGUOUS = frozenset({"fire-on", "open-fire", "gun-down", "kill", "clash", "exchange-fire", "ambush",
                              "take-territory", "take-control", "move-into-town", "enter-town", "push-out",
                              "fall-to", "retake", "take-back", "air-strike", "aircraft-bombed", "shelling",
                              "labour-strike", "protest"})
# of the "kill" rule's words, the ones with a sports sense (a player shoots, attacks, beats a side)
SPORTS_AMBIGUOUS_VERBS = frozenset("shoot attack beat assault hack shooting execute slay torture".split())
# adverbs of a recurring pattern ("repeatedly accused police of using force")
HABITUAL_ADVERBS = frozenset("repeatedly regularly routinely frequently often usually habitually "
                             "typically".split())
# past forms that look like a present/base form ("hit", "set", "shot" is handled by its lemma)
IRREGULAR_PAST = frozenset("hit set put cut shut beat spread burst cast".split())
# what a weapon word names as a compound modifier ("rocket launcher", "missile system")
EQUIPMENT_WORDS = frozenset("launcher system factory depot store pad battery programme program "
                            "maker stockpile".split())
# animals as what is killed or attacked: hunting, farming, wildlife, not violence against people.
# Dogs and horses are left out: a police dog or horse shot is part of the incident it was shot in.
ANIMAL_WORDS = frozenset("animal rabbit hare deer elk moose bear wolf coyote fox boar hog pig cow cattle "
                         "calf bull sheep lamb goat chicken hen rooster bird duck goose turkey fish shark "
                         "snake alligator crocodile lion tiger leopard elephant rhino monkey rat mouse "
                         "squirrel raccoon wildlife livestock poultry whale dolphin".split())
# the words of spaceflight: a rocket, missile or drone named with them (or on a page full of them)
# is a launcher or a probe, not a weapon fired
SPACE_WORDS = frozenset("space spacecraft spaceflight orbit orbital satellite astronaut cosmonaut nasa "
                        "payload capsule lunar launchpad engine".split())
SPACE_PRONE = frozenset({"rocket", "missile", "drone"})
# what a cyber attack is made with: an attack on computers, not on people or places
CYBER_WORDS = frozenset("cyber cyberattack ransomware malware hacker hacking phishing ddos spyware "
                        "cybersecurity computer data".split())
# what is "executed" when nobody is: a warrant, a plan, an order carried out
CARRIED_OUT = frozenset("warrant order plan search contract deal strategy trade transaction move "
                        "manoeuvre maneuver command program programme project policy agreement task "
                        "play shot pass".split())
# verbs of showing off arms: nouns of weapons in their sentence are displayed, not used
SHOWING = frozenset("parade display showcase exhibit".split())

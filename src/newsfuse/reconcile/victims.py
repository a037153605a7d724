"""Who a report's main event hit, as far as its sentence tells: the victims' ages.

Two reports of one story whose main sentences both give the ages of the people shot, none in common
("A 16-year-old boy was shot", "a 4-year-old boy accidentally shot himself"), tell of different
people, so of different incidents, however close their days and towns.
"""

from __future__ import annotations

import re

from newsfuse.records import Mention
from newsfuse.stories.signals import stated_ages

# a sentence about the suspect gives his age, not the victim's ("police seek an 18-year-old murder
# suspect", "a 22-year-old man was charged", "a 19-year-old was sentenced"): its ages say nothing of who was hit
_ABOUT_SUSPECT = re.compile(r"\b(?:suspects?|charged|accused|arrest(?:ed|s)?|gunman|shooter|wanted|sentenced|pleaded|"
                            r"pleads|convicted|indicted|guilty|trial|jailed|custody|defendant)\b", re.I)


def victim_ages(m: Mention) -> set[str]:
    """The ages the main sentence gives the people it tells of, unless it is about a suspect."""
    return set() if _ABOUT_SUSPECT.search(m.sentence) else stated_ages(m.sentence)


def other_victims(a: Mention, b: Mention) -> bool:
    """Both sentences give victims' ages and none in common."""
    aa, ab = victim_ages(a), victim_ages(b)
    return bool(aa) and bool(ab) and not aa & ab

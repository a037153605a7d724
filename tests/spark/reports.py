"""Invented reports about real places, written for these tests (no real article text).

One line per paragraph, as page text is: the text cleaner reads lines.
"""

MAIDUGURI = """Gunmen kill 14 at Maiduguri cattle market

Posted 9 May 2023, 16:40

MAIDUGURI, Nigeria (Reuters) - Gunmen on motorcycles killed 14 traders at a cattle market on the edge of Maiduguri on Tuesday, police said, in the deadliest attack on the city this year.

Police spokesman Daso Nahum said the attackers opened fire on the crowded market shortly before noon and fled towards the Sambisa forest. Eleven other people were wounded and taken to the state hospital.

Residents said soldiers arrived about an hour after the shooting and closed the road to Gamboru.
"""

# the same story republished by another site in its own page furniture
MAIDUGURI_REPUBLISHED = """Home | News | Africa | Contact

""" + MAIDUGURI + """
Share this article on Facebook Twitter WhatsApp

Related: Borno governor visits victims of market attack
"""

# a rewrite by a third outlet with its own figure: 12 dead
MAIDUGURI_REWRITE = """Twelve dead as gunmen raid Borno market

Posted 10 May 2023, 08:15

MAIDUGURI, Nigeria - At least 12 people were killed when gunmen attacked a livestock market outside Maiduguri on Tuesday, a local vigilante leader told our correspondent.

The vigilante leader said the gunmen arrived on about twenty motorcycles and shot at traders before setting fire to several stalls. Market leaders said the market would stay shut for a week.
"""

BELEDWEYNE = """Shabelle floods force thousands from Beledweyne

Posted 21 April 2023, 10:05

BELEDWEYNE, Somalia - The Shabelle river burst its banks in Beledweyne on Thursday and forced about twenty thousand people from their homes, local officials said, the third such flood in two years.

Officials said families were sheltering on higher ground east of the town and needed clean water and tents. Aid agencies said they were sending boats to reach villages cut off by the water.
"""

KISUMU = """Police fire tear gas at protesters in Kisumu

Posted 20 March 2023, 18:30

KISUMU, Kenya - Police fired tear gas at hundreds of opposition supporters who blocked roads in central Kisumu on Monday to protest against the rising cost of living, witnesses said.

Protesters burned tyres on the Kisumu-Kakamega road and shops in the city centre stayed closed. A police commander said 23 people were arrested.
"""

"""Actors and attribution as agency copy names them (issue #10: actors that do not generalise to unseen pages).

Extends tests/test_fields6.py (dates, victims in a relative clause, members of a named group) with the ways a story
names perpetrators and targets: fighters named by their group ("Houthi fighters", "des combattants houthis"), a
possessive that points back to the side named before ("ses forces", "its fighters"), auxiliaries and militias among
the dead, the air force as the striker's arm or as the reporter, and a grid of coalitions, communal militias, gangs,
forces abroad and protests. Sentences and incidents are the team's own."""
from __future__ import annotations

import pytest

from helpers import records, with_defaults

_records = with_defaults(records, published="2024-03-12")

YE_GOV = "Military Forces of Yemen (2012-)"
HOUTHI = "Military Forces of Yemen (2017-) Houthi"


@pytest.mark.parametrize("text,lang", [
    ("Houthi fighters shelled government positions near Marib on Monday, killing three soldiers, a military official "
     "said.", "en"),
    ("Des combattants houthis ont bombardé lundi des positions gouvernementales près de Marib, tuant trois soldats, "
     "selon une source militaire.", "fr"),
])
def test_fighters_named_by_their_group_are_that_group(text, lang):
    """'Houthi fighters', 'des combattants houthis' (the fighters' noun and the group's name, in either order) are the
    Houthis; the soldiers they killed are the government's, whose forces carry other years: not the Houthis' own
    losses, and a military source of the other side does not make it the Houthis' claim."""
    [r] = _records(text, lang)
    assert (r["actor1"], r["actor2"]) == (HOUTHI, YE_GOV)
    assert r["attribution"] == "confirmed"


@pytest.mark.parametrize("text,lang,a1,attr", [
    ("L'armée malienne a affirmé lundi que ses forces avaient tué 12 terroristes près de Gao.", "fr",
     "Military Forces of Mali (2021-)", "claimed"),
    ("The Malian army said its troops killed 12 militants near Gao on Monday.", "en",
     "Military Forces of Mali (2021-)", "claimed"),
    ("La Russie a affirmé lundi que ses troupes avaient bombardé des positions ukrainiennes près de Kharkiv, tuant "
     "quatre soldats.", "fr", "Military Forces of Russia (2000-)", "claimed"),
    # a spokesman's claim for his group: "ses combattants" are the group's
    ("Un porte-parole des shebab a affirmé que ses combattants avaient tué cinq soldats lundi près de Baidoa, en "
     "Somalie.", "fr", "Al Shabaab", "claimed"),
    ("A spokesman for al-Shabaab said its fighters had killed five soldiers near Baidoa in Somalia on Monday.", "en",
     "Al Shabaab", "claimed"),
])
def test_possessive_forces_are_the_side_named_before(text, lang, a1, attr):
    """'ses forces', 'its troops', 'ses combattants' point back to the side the sentence named before them: that side
    acted (and says so: a claim), never the event country's army read from the bare noun, nor unidentified men."""
    [r] = _records(text, lang)
    assert (r["actor1"], r["attribution"]) == (a1, attr)


@pytest.mark.parametrize("text,lang", [
    ("Six VDP ont été tués lundi par des hommes armés près de Djibo, dans le nord du Burkina Faso.", "fr"),
    ("Quatre supplétifs de l'armée ont été tués lundi par des hommes armés près de Djibo, dans le nord du Burkina "
     "Faso.", "fr"),
    ("Six VDP militiamen were killed by gunmen near Djibo in northern Burkina Faso on Monday.", "en"),
])
def test_auxiliaries_among_the_dead_are_their_militia(text, lang):
    """Army auxiliaries (VDP) killed are neither civilians nor the regular army: ACLED names their militia."""
    [r] = _records(text, lang)
    assert r["sub_event_type"] == "Armed clash"
    assert (r["actor1"], r["actor2"]) == ("Unidentified Armed Group (Burkina Faso)",
                                          "VDP: Volunteer for Defense of Homeland")


@pytest.mark.parametrize("text,lang,a1", [
    # the other side's air force reports the strike: the drones are the forces', not the air force's
    ("Russian drones struck residential buildings in Kharkiv on Monday, killing three people. Russia launched 90 "
     "drones overnight, Ukraine's air force said.", "en", "Military Forces of Russia (2000-)"),
    ("Des drones russes ont frappé lundi des immeubles à Kharkiv, tuant trois personnes, selon l'armée de l'air "
     "ukrainienne.", "fr", "Military Forces of Russia (2000-)"),
    # aircraft of the striker's own: its air force (ACLED's name in Ukraine)
    ("Russian warplanes dropped guided bombs on the village of Lyptsi near Kharkiv on Monday, killing two people.",
     "en", "Military Forces of Russia (2000-) Air Force"),
    ("L'aviation russe a largué lundi des bombes guidées sur le village de Lyptsi, près de Kharkiv, tuant deux "
     "personnes.", "fr", "Military Forces of Russia (2000-) Air Force"),
    # elsewhere ACLED keeps the plain forces' name
    ("The Russian Air Force struck a market in Idlib on Monday, killing five civilians.", "en",
     "Military Forces of Russia (2000-)"),
])
def test_air_force_is_the_strikers_arm_not_the_reporter(text, lang, a1):
    [r] = _records(text, lang)
    assert r["sub_event_type"] == "Air/drone strike"
    assert r["actor1"] == a1


@pytest.mark.parametrize("text,lang", [
    ("Des chasseurs dozos ont tué lundi huit civils peuls près de Bankass, dans le centre du Mali.", "fr"),
    ("Dozo hunters killed eight Fulani civilians near Bankass in central Mali on Monday.", "en"),
])
def test_dozo_hunters_are_a_militia_not_fighter_jets(text, lang):
    """'chasseurs' followed by 'dozos' or 'traditionnels' are hunters, not fighter jets: no air strike."""
    [r] = _records(text, lang)
    assert (r["sub_event_type"], r["actor1"], r["actor2"]) == ("Attack", "Dozo Communal Militia (Mali)",
                                                               "Civilians (Mali)")


@pytest.mark.parametrize("text,lang,a1,a2", [
    # coalitions and joint forces
    ("Saudi-led coalition air strikes hit a market in Saada on Monday, killing 12 civilians.", "en",
     "Operation Restoring Hope", "Civilians (Yemen)"),
    # communal and ethnic militias
    ("Des miliciens peuls ont tué lundi douze villageois dans l'État du Plateau, au Nigeria.", "fr",
     "Fulani Ethnic Militia (Nigeria)", "Civilians (Nigeria)"),
    ("Fulani militiamen killed twelve villagers in Plateau State, Nigeria, on Monday.", "en",
     "Fulani Ethnic Militia (Nigeria)", "Civilians (Nigeria)"),
    ("Des miliciens de la CODECO ont tué lundi quinze civils dans un camp de déplacés en Ituri.", "fr",
     "CODECO: Cooperative for Development of Congo", "Civilians (Democratic Republic of Congo)"),
    ("Fano militiamen attacked an Ethiopian army base near Gondar in the Amhara region on Monday.", "en",
     "Fano Militia", "Military Forces of Ethiopia (2018-)"),
    ("Des combattants Wazalendo ont affronté lundi les rebelles du M23 près de Sake, dans le Nord-Kivu.", "fr",
     "Wazalendo Militia", "M23: March 23 Movement"),
    # named gangs, and unnamed ones where crime groups fight
    ("The 400 Mawozo gang kidnapped five missionaries in Croix-des-Bouquets, Haiti, on Monday.", "en",
     "400 Mawozo Gang", "Civilians (Haiti)"),
    ("Des membres de gangs ont tué cinq personnes lundi à Port-au-Prince, selon la police.", "fr",
     "Unidentified Gang (Haiti)", "Civilians (Haiti)"),
    ("Des hommes armés du cartel de Sinaloa ont tué lundi six personnes à Culiacan, au Mexique.", "fr",
     "Sinaloa Cartel", "Civilians (Mexico)"),
    # a state's forces abroad keep their own country's name; the people they hit are the event country's
    ("Une frappe de drone turque a tué lundi trois militants du PKK près de Souleimaniyeh, en Irak.", "fr",
     "Military Forces of Turkey (2016-)", "PKK: Kurdistan Workers Party"),
    ("An Israeli strike on a house in Nabatieh in southern Lebanon killed four people on Monday.", "en",
     "Military Forces of Israel (2022-)", "Civilians (Lebanon)"),
    # rebels against the state
    ("M23 rebels seized the town of Rubaya on Monday after fighting with the Congolese army.", "en",
     "M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo (2019-)"),
    # protests: ACLED codes the protesters as actor1 and the force that intervened as actor2
    ("Police fired tear gas at protesters in Nairobi on Monday, injuring ten people.", "en",
     "Protesters (Kenya)", "Police Forces of Kenya (2022-)"),
    ("La police a tiré des gaz lacrymogènes sur des manifestants à Dakar lundi, blessant dix personnes.", "fr",
     "Protesters (Senegal)", "Police Forces of Senegal (2012-2024)"),
])
def test_actor_grid(text, lang, a1, a2):
    [r] = _records(text, lang)
    assert (r["actor1"], r["actor2"]) == (a1, a2)


@pytest.mark.parametrize("text,lang", [
    # the claim quoted
    ("An Israeli drone strike on a car killed a man near Nabatieh in south Lebanon on Tuesday, the health ministry "
     "said. The Israeli military said it had \"eliminated a Hezbollah terrorist\" in the area.", "en"),
    # the claim in a sentence that also says what the target was accused of
    ("An Israeli air strike on a building in Nabatieh in south Lebanon on Tuesday killed a Hezbollah commander, "
     "security sources said. Hezbollah mourned the commander in a statement. The Israeli military said it had carried "
     "out a strike against the commander, whom it accused of directing rocket attacks on northern Israel.", "en"),
    ("Deux personnes ont été tuées mardi dans une frappe de drone israélienne contre une voiture près de Nabatiyé, "
     "dans le sud du Liban, a rapporté l'agence officielle. Le Hezbollah a annoncé la mort de deux de ses membres. "
     "L'armée israélienne a affirmé avoir « éliminé un terroriste » du mouvement responsable de tirs de roquettes "
     "vers le nord d'Israël.", "fr"),
])
def test_strikers_claim_told_after_the_incident(text, lang):
    """The striker's own side saying it struck, in a later sentence, is a claim, even quoted, and even when that
    sentence also names the deeds it accuses its target of (no incident of its own)."""
    [r] = _records(text, lang)
    assert (r["actor1"], r["attribution"]) == ("Military Forces of Israel (2022-)", "claimed")

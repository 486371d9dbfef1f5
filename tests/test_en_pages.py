"""English news pages (issue #10): places chosen for an incident and text that tells no new incident.

Every sentence here was written for these tests; the villages named in them are invented (missing from the
gazetteer on purpose).
"""
from __future__ import annotations

from eventwire.geo.gazetteer import get_gazetteer
from eventwire.pipeline import extract_document

from helpers import events, read


def _area(name: str):
    return get_gazetteer().resolve(name).place


# A region's name used as a descriptor ("the Sahel country", "a Gulf nation") is not the region of that name (a
# province of a neighbouring country, here Burkina Faso's Sahel region).

def test_a_region_name_describing_the_country_is_no_place_en():
    text = ("Jihadists attacked an army post in the village of Kaboulendé in central Mali on Tuesday, the army said, "
            "in the latest assault on troops in the Sahel country. Five soldiers were killed.")
    (ev,) = events(text, "en", "2025-03-12")
    assert ev.place.value.country == "Mali", ev.place.reason


def test_a_region_name_describing_the_nations_is_no_place_en():
    text = ("Gunmen killed four farmers in the village of Mbarangolo in northern Burkina Faso on Sunday, residents "
            "said, in a new blow to security in the Sahel nation.")
    (ev,) = events(text, "en", "2025-03-12")
    assert ev.place.value.country == "Burkina Faso", ev.place.reason
    assert ev.place.value.admin1 != "Sahel", ev.place.reason


def test_the_sahel_region_named_as_a_region_is_still_a_place_en():
    sahel = _area("Sahel")
    text = ("Jihadists killed six civilians in an attack on a market in Burkina Faso's Sahel region on Monday, "
            "a local official said.")
    (ev,) = events(text, "en", "2025-03-12")
    assert ev.place.value.admin1 == sahel.admin1, ev.place.reason


# The dateline's town is the fallback of an incident placed only at its country ("in south Lebanon"): a province
# the incident's own sentences name ("in the Nabatieh district") comes first, under a headline as without one.

NABATIEH_EN = ("BEIRUT, March 4 (AFP) - An Israeli drone strike on a car killed a man in south Lebanon on Tuesday, "
               "the health ministry said, in the latest attack despite a ceasefire.\n\n"
               "The strike hit the vehicle on a road near the town of Kfar Mbaroun in the Nabatieh district, the "
               "ministry said in a statement.")
NABATIEH_FR = ("BEYROUTH, 4 mars (AFP) - Une frappe de drone israélienne contre une voiture a tué un homme dans le sud "
               "du Liban mardi, a indiqué le ministère de la Santé.\n\n"
               "La frappe a touché le véhicule sur une route près du village de Kfar Mbaroun, dans le district de "
               "Nabatiyé, selon le ministère.")


def test_a_district_named_by_the_incident_beats_the_dateline_town_under_a_headline_en(tmp_path):
    nabatieh = _area("Nabatieh")
    doc = read("Israeli drone strike kills man in south Lebanon despite truce\n\n" + NABATIEH_EN, "2025-03-04",
               tmp_path)
    (ev,) = extract_document(doc).events
    assert ev.place.value.admin1 == nabatieh.admin1, ev.place.reason


def test_a_district_named_by_the_incident_beats_the_dateline_town_en(tmp_path):
    nabatieh = _area("Nabatieh")
    (ev,) = extract_document(read(NABATIEH_EN, "2025-03-04", tmp_path)).events
    assert ev.place.value.admin1 == nabatieh.admin1, ev.place.reason


def test_a_district_named_by_the_incident_beats_the_dateline_town_under_a_headline_fr(tmp_path):
    nabatieh = _area("Nabatieh")
    doc = read("Une frappe israélienne tue un homme dans le sud du Liban malgré la trêve\n\n" + NABATIEH_FR,
               "2025-03-04", tmp_path)
    (ev,) = extract_document(doc).events
    assert ev.place.value.admin1 == nabatieh.admin1, ev.place.reason


# A district named bare in a detail sentence ("attacked the Dand Patan checkpoint"), whose only reading is a district
# of a neighbouring country the story never names, is no clue to the story's country: the detail stays a detail of
# the incident told, not a second incident abroad.

def test_a_bare_district_homonym_abroad_is_no_second_incident_en():
    text = ("Three policemen, two militants killed in attack on Bannu checkpoint\n\n"
            "Three policemen and two militants were killed when heavily armed men attacked a police checkpoint in "
            "the Mandan area of Bannu district late on Monday night, police said.\n\n"
            "According to a police spokesman, around 20 militants armed with rifles attacked the Dand Patan "
            "checkpoint from two sides. The policemen returned fire and the exchange lasted nearly an hour.\n\n"
            "Two other policemen were wounded and taken to the district hospital.")
    evs = events(text, "en", "2025-05-20")
    assert [e.place.value.country for e in evs] == ["Pakistan"], [(e.trigger.text, e.place.reason) for e in evs]


def test_a_bare_district_homonym_abroad_is_no_second_incident_fr():
    text = ("Trois policiers et deux assaillants tués dans l'attaque d'un poste de contrôle à Bannu\n\n"
            "Trois policiers et deux assaillants ont été tués lundi soir lorsque des hommes lourdement armés ont "
            "attaqué un poste de contrôle de la police dans le secteur de Mandan, district de Bannu, a indiqué la "
            "police.\n\n"
            "Selon un porte-parole, une vingtaine d'assaillants armés de fusils ont attaqué le poste de Dand Patan "
            "par deux côtés. Les policiers ont riposté et l'échange de tirs a duré près d'une heure.")
    evs = events(text, "fr", "2025-05-20")
    assert [e.place.value.country for e in evs] == ["Pakistan"], [(e.trigger.text, e.place.reason) for e in evs]


# Sanctions and other accusations of a conduct ("accusing them of leading attacks on civilians", "commanders it
# says led attacks") tell no incident, even when the article tells none before them.

SANCTIONS_EN = ("Washington sanctions militia commanders over Darfur abuses\n\n"
                "Treasury targets three commanders it says led attacks on civilians in North Darfur\n\n"
                "The United States imposed sanctions on Tuesday on three commanders of Sudan's Rapid Support Forces, "
                "accusing them of leading attacks on civilians in North Darfur.\n\n"
                "The Treasury said the men had commanded units that looted villages and burned markets around El "
                "Fasher last year.\n\n"
                "The RSF did not respond to a request for comment.")
SANCTIONS_FR = ("Washington sanctionne des commandants des FSR pour des exactions au Darfour\n\n"
                "Les États-Unis ont imposé mardi des sanctions à trois commandants des Forces de soutien rapide (FSR) "
                "soudanaises, les accusant d'avoir mené des attaques contre des civils au Darfour-Nord.\n\n"
                "Selon le Trésor, ces hommes ont commandé des unités qui ont pillé des villages et incendié des "
                "marchés autour d'El-Facher l'an dernier.")


def test_sanctions_for_attacks_on_civilians_tell_no_incident_en():
    evs = events(SANCTIONS_EN, "en", "2025-08-20")
    assert evs == [], [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_sanctions_for_attacks_on_civilians_tell_no_incident_fr():
    evs = events(SANCTIONS_FR, "fr", "2025-08-20")
    assert evs == [], [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_an_attack_blamed_on_a_group_is_still_an_incident_en():
    text = ("Gunmen killed four villagers in Tawila in North Darfur on Monday, residents said. Local officials "
            "accused the paramilitary of an attack that also burned dozens of homes.")
    assert len(events(text, "en", "2025-08-20")) == 1


def test_attacks_dated_after_the_accusation_are_still_incidents_en():
    text = ("Police accused bandits of attacks on two villages in Zamfara state on Sunday that killed nine people, "
            "a spokesman said.")
    assert len(events(text, "en", "2025-08-20")) >= 1


# A war named by its theatre ("until the war in Gaza ends", "la guerre à Gaza") places no incident: the claim of the
# drone just told stays with it instead of becoming a second incident in Gaza.

def test_the_theatre_of_a_war_is_no_incident_place_en():
    text = ("The Israeli military said it intercepted a drone launched from Yemen as it approached the port city of "
            "Haifa on Friday, and Yemen's Houthi rebels claimed responsibility for the attack.\n\n"
            "Sirens sounded across the city before dawn. No one was hurt, the rescue service said.\n\n"
            "A Houthi military spokesman said in a televised statement that the group had targeted \"military "
            "sites\" in the city with a \"new drone\" and vowed to keep up attacks until the war in Gaza ends.")
    evs = events(text, "en", "2024-10-05")
    assert [e.place.value.location for e in evs] == ["Haifa"], [(e.trigger.text, e.place.reason) for e in evs]


def test_the_theatre_of_a_war_is_no_incident_place_fr():
    text = ("L'armée israélienne a déclaré avoir intercepté vendredi un drone lancé depuis le Yémen alors qu'il "
            "approchait de la ville portuaire de Haïfa, et les rebelles houthis ont revendiqué l'attaque.\n\n"
            "Les sirènes ont retenti dans toute la ville avant l'aube. Personne n'a été blessé, selon les secours.\n\n"
            "Un porte-parole militaire des Houthis a affirmé que le groupe avait visé des « sites militaires » dans "
            "la ville avec un « nouveau drone » et promis de poursuivre ses attaques jusqu'à la fin de la guerre à "
            "Gaza.")
    evs = events(text, "fr", "2024-10-05")
    assert len(evs) == 1 and evs[0].place.value.location != "Gaza", [(e.trigger.text, e.place.reason) for e in evs]


def test_a_strike_in_gaza_is_still_placed_in_gaza_en():
    text = ("An Israeli air strike killed six people in a house in Gaza City on Monday, the civil defence agency "
            "said, as the war in Gaza entered its second year.")
    (ev,) = events(text, "en", "2024-10-07")
    assert ev.place.value.location.startswith("Gaza"), ev.place.reason


# A headline summing up two incidents whose second clause opens on its town ("...; Sumy shelled") and whose first
# goes on with its toll (", killing driver"): two incidents, each at its own town, not a third one at the first town.

def test_a_headline_clause_opening_on_its_town_en():
    text = ("Russian drone hits bus in Kharkiv, killing driver; Sumy shelled\n\n"
            "A Russian drone struck a city bus in Kharkiv on the morning of May 5, killing the driver and injuring "
            "six passengers, the regional governor said.\n\n"
            "In the neighbouring region, Russian forces shelled the town of Sumy with heavy artillery on the same "
            "morning, injuring two women, the local administration said.")
    evs = events(text, "en", "2025-05-05")
    assert sorted((e.sub_event_type.value, e.place.value.location) for e in evs) == [
        ("Air/drone strike", "Kharkiv"), ("Shelling/artillery/missile attack", "Sumy")], \
        [(e.sub_event_type.value, e.trigger.text, e.place.value.location) for e in evs]


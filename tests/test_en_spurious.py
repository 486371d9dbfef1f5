"""Text that is no new incident, exported as one (issue #10, spurious events in English): footage describing the
incident just told, and a headline or lead clause counting time from an older incident ("Weeks after clashes ...").

Every sentence here was written for these tests.
"""
from __future__ import annotations

from helpers import events


def test_footage_of_the_incident_told_is_no_second_incident_en():
    text = ("Israeli drone strike kills two in Nablus as settlers burn homes near Ramallah\n\n"
            "An Israeli drone strike killed two Palestinian men in the city of Nablus on Tuesday, the "
            "Palestinian health ministry said.\n\n"
            "In a separate incident, dozens of settlers set fire to three houses and a barn in the village of Burqa, "
            "east of Ramallah, on Monday night, the Palestinian Red Crescent said.\n\n"
            "Footage shared online showed hooded men pelting homes with stones as villagers tried to douse the fire.\n\n"
            "The army said it was looking into the incident.")
    evs = events(text, "en", "2025-04-16")
    assert len(evs) == 2, [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_images_of_the_clash_told_are_no_second_incident_en():
    text = ("Troops shoot dead three in Goma as looters hit shops in Bukavu\n\n"
            "Soldiers shot dead three men at a checkpoint in Goma on Sunday, a local official said.\n\n"
            "Elsewhere, a crowd looted and burned shops in the centre of Bukavu on Saturday evening, residents said.\n\n"
            "Footage aired by a local broadcaster showed youths throwing stones at police vehicles in a smoky street.")
    evs = events(text, "en", "2025-03-11")
    assert len(evs) == 2, [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_images_of_the_incident_told_are_no_second_incident_fr():
    text = ("Des colons ont incendié trois maisons et une grange dans le village de Burqa, à l'est de Ramallah, "
            "mardi soir, a indiqué le Croissant-Rouge palestinien.\n\n"
            "Des images diffusées sur les réseaux sociaux montrent des jeunes hommes jetant des pierres sur les "
            "fenêtres pendant que les familles fuyaient les flammes.")
    evs = events(text, "fr", "2025-04-16")
    assert len(evs) == 1, [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_footage_alone_still_tells_its_incident_en():
    text = ("Video posted on social media on Sunday showed soldiers firing on protesters in the town of Kalemie, "
            "killing two, residents said.")
    assert len(events(text, "en", "2025-03-10")) == 1


def test_a_headline_counting_weeks_from_older_clashes_tells_no_incident_en():
    text = ("Weeks after deadly clashes, an uneasy calm returns to the markets of Kidal\n\n"
            "Shopkeepers in the northern town have reopened their stalls, but many residents say they still fear "
            "for their safety and few trust the promises of the authorities.\n\n"
            "Traders said prices of rice and fuel had doubled since the road to Gao was cut.")
    evs = events(text, "en", "2025-06-20")
    assert evs == [], [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_a_headline_counting_weeks_from_older_clashes_tells_no_incident_fr():
    text = ("Des semaines après des affrontements meurtriers, un calme précaire revient sur les marchés de Kidal\n\n"
            "Les commerçants de la ville du nord ont rouvert leurs étals, mais de nombreux habitants disent craindre "
            "encore pour leur sécurité et peu croient aux promesses des autorités.")
    evs = events(text, "fr", "2025-06-20")
    assert evs == [], [(e.sub_event_type.value, e.trigger.text) for e in evs]


def test_a_new_clash_told_weeks_after_another_is_still_an_incident_en():
    text = ("Soldiers and militants clashed near Kidal on Thursday, killing four fighters, the army said, weeks after "
            "a truce had been announced.")
    assert len(events(text, "en", "2025-06-20")) == 1

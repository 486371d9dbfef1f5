"""Rules drawn from the realen2 real pages (session 17), tested on the team's own invented sentences."""
from __future__ import annotations

from helpers import records, with_defaults

records = with_defaults(records, lang="en", published="2024-05-12")


def test_campaign_offensive_does_not_outrank_the_airstrike_of_its_sentence():
    """"its offensive" names the campaign the strike belongs to: the airstrike types the incident."""
    [r] = records("An Israeli airstrike on a house in Khan Younis killed six people on Saturday, medics said, "
                  "as Israel pressed on with its seven-month offensive in the territory.")
    assert (r["event_type"], r["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")


def test_campaign_offensive_with_an_owner_and_a_shelling():
    [r] = records("Russian shelling killed two people in Kherson on Friday as Moscow's summer offensive "
                  "ground on in the east, the regional governor said.")
    assert r["sub_event_type"] == "Shelling/artillery/missile attack"


def test_an_offensive_launched_is_still_an_armed_clash():
    """An offensive told as the incident itself ("launched an offensive") stays a battle."""
    [r] = records("Somali troops launched an offensive against al-Shabaab fighters near Jowhar on Monday, "
                  "killing 12 of them, the army said.")
    assert (r["event_type"], r["sub_event_type"]) == ("Battles", "Armed clash")

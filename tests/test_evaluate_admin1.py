"""eventwire's own scorer reads admin1 the way ../shared/eval/score.py does: one name or a list of names."""
from eventwire.evaluate import slot_agrees


def test_admin1_list_of_acceptable_names() -> None:
    gold = {"admin1": ["Nord-Kivu", "North Kivu"]}
    assert slot_agrees("admin1", gold, {"admin1": "North Kivu"})
    assert slot_agrees("admin1", gold, {"admin1": "Nord-Kivu"})
    assert not slot_agrees("admin1", gold, {"admin1": "Ituri"})
    assert not slot_agrees("admin1", gold, {"admin1": ""})


def test_admin1_single_name_with_generic_words() -> None:
    assert slot_agrees("admin1", {"admin1": "Al-Hasakah Governorate"}, {"admin1": "Al Hasakeh"})
    assert not slot_agrees("admin1", {"admin1": "Borno"}, {"admin1": "Yobe"})

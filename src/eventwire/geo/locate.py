"""Document-level geography: the countries and places a document names, and the place of an event."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, replace
from functools import lru_cache


from ..extract.patterns import finditer, has_bounded, has_word
from ..ingest.dateline import parse_dateline
from ..model import Document, Evidence, Place, Slot
from .distance import haversine
from .gazetteer import (BETWEEN_CUE, LOCATED_BY_AREA, LOOK_ALIKE_AREA, NO_PLACE_FOR, NOT_IN_GAZETTEER, Gazetteer,
                        GeoContext, PlaceHit, displaced, get_gazetteer, spellings, translit_rules)
from .normalize import name_key

_KIND_RANK = {"facility": 3.0, "city": 3.0, "admin2": 2.0, "admin1": 1.0, "country": -6.0}
_WEAK_CUES = ("of", "by", "from", "de ", "d'", "d’", "du ", "des ", "par ")
_BARE_COMPLEMENT = re.compile(r"(?:of|of the|by|by the|de|du|des|d['’]|de la|de l['’]|par)")
_APPOSED = re.compile(r"\s*,\s*")
_SOURCE_CUE = re.compile(r"(?:from|depuis|en provenance d)\b", re.I)
_TOWN_PARTS = ("part", "street", "building")   # hints of a name that is a part of a town, not a place of its own
_CUE_BONUS = {"in": 3.0, "near": 3.0, "part": 3.0, "distance": 3.0, "area": 2.0, "": 0.0}
# an analyst's note names the place it was coded to: "Baskouna area (coded to Waza, Waza, Logone-et-Chari)"
_SITUATED = re.compile(r"(?:situ[ée]e?s?|located|lying|se trouvant|qui se trouve|which lies|which is)"
                       r"(?:\s+(?:à|a|at|about|some|environ))?\s*$", re.I)
_CODED_TO = re.compile(r"\bcod(?:ed|é|ée)\s+(?:to|as|at|à)\s+(?:the\s+|l['’]\s*|la\s+|le\s+)?(?:admin(?:istrative)? cent(?:er|re),?\s+)?$", re.I)


@lru_cache(maxsize=1)
def _roles() -> dict[str, re.Pattern]:
    """data/geo/place_roles.yaml compiled: travel_to, refuge_in, role_of, war_theatre, settlement_of,
    apposed_description, possessive_area, described."""
    from ..ingest._data import load_data

    data = load_data("geo/place_roles.yaml")
    out = {k: re.compile("|".join(f"(?:{p})" for p in v), re.I) for k, v in data.items()
           if k not in ("travel_to", "state_forces_fr", "state_forces_en", "not_state_forces")}
    # "le convoi se rendait de Fada à Pama", "a bus bound for Kano": where a convoy was going is not where it was hit
    # (a deployment "vers Hama" is placed where it goes: not listed there)
    out["travel_to"] = re.compile("(?:" + "|".join(f"(?:{p})" for p in data["travel_to"]) + r")\W*$", re.I)
    return out


@lru_cache(maxsize=1)
def _state_forces() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """"soldats maliens", "l'armée malienne", "Malian soldiers", "FARDC": state forces named by their country's
    adjective (nouns in data/geo/place_roles.yaml, adjectives in data/demonyms.yaml) or by a state force's own name or
    acronym in data/actors.yaml ("armée congolaise" is Congo-Kinshasa's). The case-insensitive pattern, the acronyms'
    case-sensitive one, and what each matched word names. A word several countries share names none."""
    from ..ingest._data import load_data

    data = load_data("geo/place_roles.yaml")
    owners: dict[str, set[str]] = {}
    demonyms = load_data("demonyms.yaml")
    for cc, rec in demonyms.items():
        for key in ("adj_en", "adj_fr"):
            for a in rec.get(key) or []:
                owners.setdefault(a.lower(), set()).add(str(cc))
    adj = {a: next(iter(c)) for a, c in owners.items() if len(c) == 1 and len(a) > 3}
    named: dict[str, set[str]] = {}
    acronyms: dict[str, set[str]] = {}
    for g in load_data("actors.yaml").get("groups") or []:
        cc = str(g.get("state") or "")
        rec = demonyms.get(cc) or {}
        words = [w.lower() for k in ("adj_en", "adj_fr", "names_en", "names_fr") for w in rec.get(k) or []]
        if not cc or not words:
            continue
        for n in (g.get("en") or []) + (g.get("fr") or []):   # only names that say the country ("armée congolaise")
            if any(re.search(rf"\b{re.escape(w)}\b", n.lower()) for w in words):
                named.setdefault(n.lower(), set()).add(cc)
        for a in g.get("acronyms") or []:
            if len(a) >= 3 and a not in data["not_state_forces"]:
                acronyms.setdefault(a, set()).add(cc)
    which = dict(adj)
    which.update({n: next(iter(c)) for n, c in named.items() if len(c) == 1})
    which.update({a: next(iter(c)) for a, c in acronyms.items() if len(c) == 1})
    names = "|".join(re.escape(n) for n in sorted((n for n, c in named.items() if len(c) == 1), key=len, reverse=True))
    alts = "|".join(re.escape(a) for a in sorted(adj, key=len, reverse=True))
    fr = "|".join(f"(?:{p})" for p in data["state_forces_fr"])
    en = "|".join(f"(?:{p})" for p in data["state_forces_en"])
    pat = re.compile(rf"\b(?:(?P<name>{names})|(?:{fr})\s+(?P<fr>{alts})|(?P<en>{alts})\s+(?:{en}))\b", re.I)
    acr = re.compile(r"\b(?:" + "|".join(re.escape(a) for a, c in acronyms.items() if len(c) == 1) + r")\b")
    return pat, acr, which


def state_force_countries(text: str) -> Counter[str]:
    """How often the text names each country's state forces (by its adjective, or their own name or acronym)."""
    pat, acr, which = _state_forces()
    found = Counter(which[(m.group("name") or m.group("fr") or m.group("en")).lower()] for m in finditer(pat, text))
    found.update(which[m.group(0)] for m in acr.finditer(text))
    return found


def _refuge(doc_text: str, h: PlaceHit) -> bool:
    """Where people fled or were evacuated to ("ont fui vers la Mauritanie", "escaping to neighbouring Uganda"), the
    theatre of a war ("until the war in Gaza ends"), or a capital standing for its government ("selon N'Djamena",
    "the coalition led by Washington", "Moscow said"): never the incident's place."""
    roles = _roles()
    return bool(roles["refuge_in"].search(doc_text[max(0, h.start - 60):h.start])
                or roles["war_theatre"].search(doc_text[max(0, h.start - 40):h.start])
                or roles["speaker_before"].search(doc_text[max(0, h.start - 40):h.start])
                or (not h.relation and roles["speaker_after"].match(doc_text, h.end, h.end + 30)))


ROLE_ONLY = "named only as a person's place"


def _in_role(doc_text: str, h: PlaceHit) -> bool:
    """A place named as a person's, not the incident's: a witness's or an official's town, a hometown, the hospital
    the wounded were taken to ("un habitant de Dori", "the mayor of Goma", "originaire de Gao", "taken to a hospital
    in Maiduguri"; role_of in data/geo/place_roles.yaml)."""
    return bool(_roles()["role_of"].search(doc_text[max(0, h.start - 70):h.start]))


def document_context(doc: Document, gaz: Gazetteer | None = None) -> GeoContext:
    """Countries named in the document (most salient first) and its unambiguous places (dateline first)."""
    gaz = gaz or get_gazetteer()
    weights: Counter[str] = Counter()
    places: list[Place] = []
    dateline = None
    if doc.dateline_place:
        cc = _dateline_country(doc, gaz)
        res = gaz.resolve(doc.dateline_place, country=cc)
        if cc and res.place is None:   # "Congo" read as the other Congo
            res = gaz.resolve(doc.dateline_place)
        if res.place and res.place.kind != "city":   # a dateline names a town: "BENI" is Beni, not El Beni
            res.place = next((p for p in res.candidates if p.kind == "city"), res.place)
        if res.place and res.ids and not cc and gaz.minor(res.ids[res.candidates.index(res.place)]):
            res.place = None   # a news dateline is no hamlet: "DACCA" is not a Punjabi village of that name
        if res.place:
            dateline = res.place
            places.append(res.place)
            weights[res.place.country_code] += 3
    hits = gaz.spot(doc.text, doc.language or "fr")
    towns: dict[str, set[str]] = {}   # the bare town names read in each country
    told: set[str] = {dateline.country_code} if dateline else set()   # countries named otherwise (name, area...)
    for h in hits:
        if not h.candidates:
            continue
        ccs = {p.country_code for p in h.candidates}
        top = h.candidates[0]
        if top.kind == "country":
            # "in Ukraine" locates; "the invasion of Ukraine by Russia" only mentions
            weights[top.country_code] += 2 if _locative(doc.text, h) else 0.5
            told.add(top.country_code)
        elif gaz.minor(h.ids[0]) and not h.qualifiers:
            continue   # a village named without its area: too many homonyms to tell the story's country
        elif LOOK_ALIKE_AREA in h.reason:
            continue   # an area read by its spelling alone tells no country ("territoire de Mambasa": not Mombasa)
        elif not h.relation and not h.qualifiers and _initial(doc.text, h):
            continue   # "Ten people were killed": any word opening a sentence is capitalised
        elif len(ccs) == 1:
            # a district's name not told as a district ("attacked the Jani Khel checkpoint", "le poste de X") is as
            # weak a clue as a town's: a homonym abroad must not make its own country one of the story's
            # a road or building named after a town ("on the Srinagar Highway") tells where it leads, not where
            # the story is: as weak a clue as a town named alone, however well known
            # a missing place read at a town named as its area is as weak a clue as that town named alone: which
            # town of the name was read without the story's countries ("Saint-Louis, sur la commune du Mont-Dore")
            strong = h.hint not in _TOWN_PARTS and ((h.qualifiers and not _at_area_town(h)) or gaz.salient(h.ids) or (
                top.kind != "city" and (top.kind != "admin2" or h.hint in ("area1", "area2"))))
            weights[top.country_code] += 1 if strong else 0.4
            if top.kind == "city" and not h.qualifiers:
                towns.setdefault(top.country_code, set()).add(name_key(h.surface))
            else:
                told.add(top.country_code)
            if not _homonyms(gaz, h):
                places.append(top)
        elif top.kind == "admin1" and h.relation == "area":
            weights[top.country_code] += 1  # "in Entre Rios province"
            told.add(top.country_code)
    # "soldats maliens ... l'armée malienne", "the Nigerian army ... Nigerian troops": the story is about the country
    # whose forces it names more than once (named once, they are as often abroad: "Russian forces shelled X")
    for cc, n in state_force_countries(doc.text).items():
        weights[cc] += min(n, 4) / 2
        told.add(cc)
    _single_town_abroad(weights, towns, told)
    countries = [cc for cc, w in weights.most_common() if w >= 1]
    if dateline:
        countries.remove(dateline.country_code)
        countries.insert(0, dateline.country_code)
    return GeoContext(countries=countries, places=places, dateline=dateline)


_STORY_WEIGHT = 2.0   # a country this well attested is where the story is


def _single_town_abroad(weights: Counter[str], towns: dict[str, set[str]], told: set[str]) -> None:
    """A country attested by one bare town name alone, however often repeated ("Fano militia fighters ... the Fano",
    "on the Srinagar Highway"), while the story is plainly in another country: that name is a homonym, a militia or a
    road named after a far town, not a second country of the story; its weight is kept below the threshold."""
    for cc, names in towns.items():
        if cc in told or len(names) != 1:
            continue
        if any(w >= _STORY_WEIGHT and other != cc for other, w in weights.items()):
            weights[cc] = min(weights[cc], 0.9)


def _at_area_town(h: PlaceHit) -> bool:
    """A name missing from the gazetteer, placed at the town named as its enclosing area."""
    return LOCATED_BY_AREA in h.reason and bool(h.candidates) and h.candidates[0].kind == "city"


def _homonyms(gaz: Gazetteer, h: PlaceHit) -> bool:
    """A town named alone whose name several towns of that country bear, none of them well known ("le village de
    Blahodatne": a dozen in Ukraine): which one is meant is for the other places of the story to tell, so its first
    reading is no context for them (nor for itself). So is a district whose name districts of other provinces bear
    ("Bijapur district": in Chhattisgarh and in Karnataka)."""
    if h.qualifiers or gaz.salient(h.ids):
        return False
    top = h.candidates[0]
    if top.kind == "admin2":
        return any(c.kind == "admin2" and c.admin1 != top.admin1 for c in h.candidates[1:])
    if top.kind != "city":
        return False
    cities = [i for i in h.ids[:_HOMONYMS_MAX] if gaz.recs[i].kind == "city"]
    far = [i for i in cities[1:] if haversine(gaz.recs[i].lat, gaz.recs[i].lon,
                                              gaz.recs[cities[0]].lat, gaz.recs[cities[0]].lon) > 60.0]
    return len(cities) > 1 and bool(far)


_HOMONYMS_MAX = 20
_DATELINE_REGION = re.compile(r"\s*[,(]\s*([A-Z][\w'’ .-]{2,40}?)\s*[),]")


def _dateline_country(doc: Document, gaz: Gazetteer) -> str | None:
    """The country a dateline names after its town: "BENI, Congo, June 6", "ERBIL (Irak)"."""
    i = doc.text[:300].lower().find(doc.dateline_place.lower())
    if i < 0:
        return None
    m = _DATELINE_REGION.match(doc.text, i + len(doc.dateline_place))
    if not m:
        return None
    res = gaz.resolve(m.group(1))
    return res.place.country_code if res.place and res.place.kind in ("country", "admin1") else None


def locate_event(doc: Document, sentences: list[int], trigger: Evidence | None, context: GeoContext,
                 gaz: Gazetteer | None = None) -> Slot[Place]:
    """The incident's place: the toponym tied to the trigger in its sentence, else the next sentences, else the dateline."""
    gaz = gaz or get_gazetteer()
    order = _sentence_order(doc, sentences, trigger)
    dateline_end = _dateline_end(doc)
    unknown: list[str] = []
    deferred: Slot[Place] | None = None   # a place named only in a role: the incident's if no other is named
    for n, si in enumerate(order):
        s, e = doc.sentences[si]
        hits = [h for h in gaz.spot(doc.text[s:e], doc.language or "fr", offset=s) if h.start >= dateline_end]
        anchor = (trigger.start, trigger.end) if trigger and n == 0 and s <= trigger.start < e else (s, s)
        for h in hits:
            _rank_in_context(gaz, h, context)   # a village of another country may leave the name unknown here
            if not h.candidates and h.relation and context.countries:
                # "Qamichli", "Tchassiv Iar" (French transliterations); "Huliaipole", "Saraqeb" (English ones)
                refs = [x.candidates[0] for x in hits if x is not h and x.candidates and x.relation in _REFERENCE]
                _variant_spelling(gaz, h, context, doc.language or "fr", doc.text, refs)
                _rank_in_context(gaz, h, context)
        _possessive_areas(gaz, hits, doc.text)
        _between_pairs(gaz, hits, doc.text)
        _areas_decide(gaz, hits, context, doc.text)
        plausible = [h for h in hits if _plausible(gaz, h, context, doc.text)]
        best = _pick(plausible, anchor, doc.text, context.countries)
        if best is not None and _in_role(doc.text, best):
            # "a déclaré un habitant de Dori" ... "le marché de Djibo": the witness's town is the scene only when
            # the incident's sentences name no other place
            other = _pick([h for h in plausible if not _in_role(doc.text, h)], anchor, doc.text, context.countries)
            if other is None:
                if deferred is None:
                    deferred = Slot(displaced(best.candidates[0], best, doc.text),
                                    [doc.evidence(best.span_start, best.span_end)],
                                    f"{best.relation or 'named'}: '{best.surface}' ({ROLE_ONLY})")
                continue
            best = other
        told = _described(doc, si, hits, context, gaz) if best is None or _weak(best, doc.text) else None
        if told is not None:   # the missing town's own words, then the sentence that situates it
            best, named = told
            return Slot(replace(displaced(best.candidates[0], best, doc.text), location=named.surface),
                        [doc.evidence(named.span_start, named.span_end), doc.evidence(best.span_start, best.span_end)],
                        f"{best.relation}: '{best.surface}' ({best.reason})")
        if best is not None:
            place = displaced(best.candidates[0], best, doc.text)
            if LOCATED_BY_AREA in best.reason and _settlement(best, doc.text):
                # "à Tangakoro, dans la commune de Djibo": the village's name, at the point of the area the text
                # locates it by
                place = replace(place, location=best.surface)
            reason = f"{best.relation or 'named'}: '{best.surface}'" + (f" ({best.reason})" if best.reason else "")
            return Slot(place, [doc.evidence(best.span_start, best.span_end)], reason)
        unknown += [h.surface for h in hits if not h.candidates and h.reason]
    if deferred is not None:
        return deferred
    missing = f"{NO_PLACE_FOR} '{unknown[0]}'" if unknown else ""
    if context.dateline is not None:   # the dateline's own Place object: callers tell the fallback by identity
        return Slot(context.dateline, _dateline_evidence(doc),
                    f"dateline place '{doc.dateline_place}'" + (f" ({missing})" if missing else ""))
    return Slot(None, [], missing or "no place named")


def _settlement(h: PlaceHit, text: str) -> bool:
    """A name told as a settlement: by its head word ("le village de X", "X village") or a locative preposition
    ("à X", "in X"; locative in data/geo/place_roles.yaml); not a part of a town (a neighbourhood, a street, a
    building) nor a verb's object ("attacked Mohammed Bello in Kano" names a man)."""
    if h.hint in _TOWN_PARTS:
        return False
    return h.hint == "city" or bool(_roles()["locative"].fullmatch(text[h.span_start:h.start].strip()))


def _weak(h: PlaceHit, text: str) -> bool:
    """A reading that a town told elsewhere beats: a country or province, or a bare complement ("the city of X")."""
    return h.candidates[0].kind in ("country", "admin1") or \
        bool(_BARE_COMPLEMENT.fullmatch(text[h.span_start:h.start].strip().lower()))


_DESCRIBED_WINDOW = 3   # sentences after the one naming the missing town where its description is looked for


def _described(doc: Document, si: int, hits: list[PlaceHit], context: GeoContext,
               gaz: Gazetteer) -> tuple[PlaceHit, PlaceHit] | None:
    """A town missing from the gazetteer, named in this sentence as the scene ("seized the eastern town of X"), that
    the article situates elsewhere ("X lies 20 km from Y"; or, in the sentences just after it is named, "The town
    is around 55 km northeast of Goma", "Le village est situé à 30 km au sud de Mopti"): that sentence's distance
    phrase, to be moved that far that way, with the missing town's hit."""
    hit_of = {name_key(h.surface): h for h in hits}
    missing = {name_key(h.surface): h.surface for h in hits if not h.candidates and h.reason.startswith(NO_PLACE_FOR)
               and (h.relation in ("in", "near", "part") or h.hint in ("city", "facility"))}
    if not missing:
        return None
    described = _roles()["described"]
    last: tuple[str, int] | None = None   # the missing town named last, and where
    for sj in range(len(doc.sentences)):
        s, e = doc.sentences[sj]
        text = doc.text[s:e]
        own = next((k for k, surface in missing.items() if re.match(
            r"\W*" + re.escape(surface) + r"\s*,?\s+(?:is|lies|sits|est|se trouve|se situe|situ[ée]e?)\b", text, re.I)),
            None)
        anaphor = last is not None and sj - last[1] <= _DESCRIBED_WINDOW and described.search(text)
        if own or anaphor:
            found = [h for h in gaz.spot(text, doc.language or "fr", offset=s) if h.relation == "distance"]
            for h in found:
                _rank_in_context(gaz, h, context)
            found = [h for h in found if h.candidates and _plausible(gaz, h, context, doc.text)]
            if found:
                key = own or last[0]
                found[0].reason = (found[0].reason + ", " if found[0].reason else "") + \
                    f"situating '{missing[key]}', missing from the gazetteer"
                return found[0], hit_of[key]
        named = [k for k in missing if has_bounded(text, missing[k])]
        if named:
            last = (named[-1], sj)
        elif last is not None and any(h.candidates and h.candidates[0].kind in ("city", "facility")
                                      for h in gaz.spot(text, doc.language or "fr", offset=s)):
            last = None   # another town named since: "the town" would be that one
    return None


def refine_coarse(doc: Document, place: Slot[Place], sentences: list[int], context: GeoContext,
                  gaz: Gazetteer | None = None) -> Slot[Place]:
    """A country, region or district read for an incident whose other sentences name a town inside it ("dans le
    centre du Mali" ... "une embuscade entre Boni et Hombori"; "in Oriental Mindoro" ... "in Bulalacao town"): the
    town; for a country, else the dateline town in it."""
    p = place.value
    by_dateline = p is not None and p is context.dateline and place.reason.startswith("dateline")
    if by_dateline:   # the dateline town, for want of a place in the incident's sentence: the country's finer place
        p = Place(p.country, p.country, p.iso, p.region, country_code=p.country_code, kind="country")
    if p is None or p.kind not in ("country", "admin1", "admin2"):
        return place
    gaz = gaz or get_gazetteer()
    read_in = {e.sentence for e in place.evidence}
    own = [i for i in sentences if 0 <= i < len(doc.sentences) and i not in read_in]
    found = _town_inside(doc, own, p, context, gaz, by_dateline, past_dateline=True)
    if found is not None:
        return _town_slot(doc, found[0], f"inside {p.location} ({place.reason})")
    if p.kind == "country" and not by_dateline and context.dateline is not None and \
            context.dateline.country_code == p.country_code:
        return Slot(context.dateline, _dateline_evidence(doc),
                    f"dateline place '{doc.dateline_place}', inside {p.location} ({place.reason})")
    return place


def place_named_elsewhere(doc: Document, place: Slot[Place], context: GeoContext,
                          gaz: Gazetteer | None = None) -> Slot[Place]:
    """An incident still placed at a country after its own sentences were read ("dans le nord-ouest du Mexique"):
    the first town the rest of the article names in that country as a location ("selon un correspondant à Culiacán,
    la capitale de l'État du Sinaloa"), else the first province it names there; a better guess than the middle of the
    country. (Run once the incidents are told apart: a country-wide remark stays a vague one.)"""
    p = place.value
    if p is None or p.kind != "country" or (p is context.dateline and place.reason.startswith("dateline")):
        return place
    gaz = gaz or get_gazetteer()
    order = list(range(len(doc.sentences)))
    found = _town_inside(doc, order, p, context, gaz, True, cued=True) or \
        _town_inside(doc, order, p, context, gaz, False, cued=True)
    if found is None:
        return place
    return _town_slot(doc, found[0], f"named elsewhere in the article inside {p.location} ({place.reason})")


def agreement_place(place: Slot[Place], context: GeoContext, gaz: Gazetteer | None = None) -> Slot[Place]:
    """A peace or ceasefire agreement read at a country, a province or a town abroad ("l'accord signé à Pretoria
    entre le gouvernement éthiopien et le TPLF", "the talks in Havana between Colombia and the ELN", "la paix au
    Tigré"): ACLED codes it at the capital of the country it concerns, the story's own (its point, with its
    admin1). A town of that country stands (a local pact is coded where it was made)."""
    p = place.value
    if not context.countries or (p is not None and p.kind in ("city", "facility")
                                 and p.country_code == context.countries[0]):
        return place
    seat = (gaz or get_gazetteer()).country_seat(context.countries[0])
    if seat is None:
        return place
    return Slot(seat, place.evidence, f"the capital of {seat.country}, the country the agreement concerns"
                + (f" ({place.reason})" if place.reason else ""))


def refers_back(doc: Document, sentence: int) -> bool:
    """The sentence names a place only by a definite noun referring back ("dans la localité", "inside the town";
    ``anaphor`` in data/geo/place_roles.yaml)."""
    if not 0 <= sentence < len(doc.sentences):
        return False
    s, e = doc.sentences[sentence]
    return bool(_roles()["anaphor"].search(doc.text[s:e]))


def place_referred_back(doc: Document, sentence: int, context: GeoContext,
                        gaz: Gazetteer | None = None) -> Slot[Place] | None:
    """An incident whose sentence names its place only by a definite noun ("struck RSF positions inside the town",
    "piller le marché du village"; ``anaphor`` in data/geo/place_roles.yaml): the town named last before it, not the
    dateline; None when the sentence has no such noun or no town was named before."""
    if not refers_back(doc, sentence):
        return None
    for si in range(sentence - 1, -1, -1):
        found = locate_event(doc, [si], None, context, gaz)
        p = found.value
        if p is not None and p is not context.dateline and p.kind == "city" and ROLE_ONLY not in found.reason:
            return Slot(p, found.evidence, f"the town the sentence refers back to: {found.reason}")
    return None


def _town_slot(doc: Document, best: PlaceHit, why: str) -> Slot[Place]:
    """The town a coarse place was refined to, with its words as evidence."""
    return Slot(displaced(best.candidates[0], best, doc.text), [doc.evidence(best.span_start, best.span_end)],
                f"{best.relation or 'named'}: '{best.surface}', {why}")


def _town_inside(doc: Document, order: list[int], p: Place, context: GeoContext, gaz: Gazetteer, by_dateline: bool,
                 cued: bool = False, past_dateline: bool = False) -> tuple[PlaceHit, int] | None:
    """The first place finer than ``p`` and inside it named in these sentences (in this order), with the sentence;
    a province only for a country and unless ``by_dateline``; ``cued``: only one introduced as a location or with
    its enclosing area; ``past_dateline``: not the dateline's own place (the fallback, told apart by its caller)."""
    ds, de = _dateline_span(doc) if past_dateline and doc.dateline_place else (0, 0)
    de = max(de, _dateline_end(doc)) if de else de
    for si in order:
        s, e = doc.sentences[si]
        hits = [h for h in gaz.spot(doc.text[s:e], doc.language or "fr", offset=s) if not ds <= h.start < de]
        for h in hits:
            _rank_in_context(gaz, h, context)
        _possessive_areas(gaz, hits, doc.text)
        _between_pairs(gaz, hits, doc.text)
        _areas_decide(gaz, hits, context, doc.text)
        inside = [h for h in hits if h.candidates and _plausible(gaz, h, context, doc.text)
                  and _within(h.candidates[0], p)
                  and (h.candidates[0].kind in ("city", "facility", "admin2") or
                       (p.kind == "country" and h.candidates[0].kind == "admin1" and not by_dateline))
                  and not _SOURCE_CUE.match(doc.text[h.span_start:h.start])
                  and not _in_role(doc.text, h)   # "admis au centre hospitalier de Nouméa": no finer scene
                  and not (cued and not (h.qualifiers or _locative(doc.text, h)))]
        best = _pick(inside, (s, s), doc.text, context.countries)
        if best is not None:
            return best, si
    return None


def _within(q: Place, area: Place) -> bool:
    if q.country_code != area.country_code:
        return False
    if area.kind == "admin2":   # a district: a town inside it, not the district itself nor a neighbouring one
        return q.kind in ("city", "facility") and q.admin1 == area.admin1 and q.admin2 == area.admin2
    return area.kind == "country" or q.admin1 == area.admin1


_PAIR_END = re.compile(r"\s*(?:et|and|à|to|-|–)\s+((?:[A-ZÀ-Ý][\w'’-]*)(?:\s+(?:[A-ZÀ-Ý][\w'’-]*|al|el|de|du))*)")


def _between_pairs(gaz: Gazetteer, hits: list[PlaceHit], text: str) -> None:
    """"entre Boni et Hombori", "between X and Y": of X's homonyms, the one nearest Y (read even when Y, a village
    named without its area, is no hit of its own)."""
    for a in hits:
        if a.relation != "near" or len(a.ids) < 2 or \
                not BETWEEN_CUE.search(text[a.span_start:a.start]):
            continue
        m = _PAIR_END.match(text, a.end)
        ccs = {gaz.recs[i].cc for i in a.ids}
        ends = [gaz.recs[i] for i in (gaz.lookup(m.group(1)) if m else [])[:20] if gaz.recs[i].cc in ccs]
        if not ends:
            continue
        far = {i: min(haversine(gaz.recs[i].lat, gaz.recs[i].lon, r.lat, r.lon) for r in ends) for i in a.ids}
        near = [i for i in a.ids if far[i] < 150.0]
        if near:
            a.ids = sorted(near, key=lambda i: far[i]) + [i for i in a.ids if i not in near]
            gaz.fill(a)


def _possessive_areas(gaz: Gazetteer, hits: list[PlaceHit], text: str) -> None:
    """"in Manipur's Bishnupur district", "in Ethiopia's Amhara region": a place named with the country or province
    it lies in as a possessive is read inside that area, and the area is no place of its own in the phrase (its cue
    is the place's). Hits are changed in place; the area's hit is taken out of the list."""
    drop = []
    for a, b in zip(hits, hits[1:]):
        # the area reading of the possessive, even where a town of the name ranks first ("Gaza's city of Rafah")
        area = next((c for c in a.candidates if c.kind in ("country", "admin1")), None)
        if area is None or not b.candidates or a in drop or \
                not _roles()["possessive_area"].fullmatch(text[a.end:b.span_start]):
            continue
        inside = [i for i in b.ids if gaz.recs[i].cc == area.country_code and
                  (area.kind == "country" or gaz.place(i).admin1 == area.admin1) and gaz.place(i) != area]
        if not inside:
            continue
        b.ids = inside + [i for i in b.ids if i not in inside]
        gaz.fill(b)
        b.relation = b.relation or a.relation
        b.span_start = a.span_start
        drop.append(a)
    for a in drop:
        hits.remove(a)


def _rank_in_context(gaz: Gazetteer, h: PlaceHit, context: GeoContext) -> None:
    _area_in_story(gaz, h, context)
    if h.candidates:
        h.ids = gaz.rank(h.ids, h.hint, h.relation, context=context, qualifiers=_qualifier_ids(gaz, h),
                         central="spelling" not in h.reason)
        _corroborate(gaz, h, context)
        gaz.fill(h)


_AREA_RATIO = 80.0   # how close a spelling an area read in the story's countries must be


def _area_in_story(gaz: Gazetteer, hit: PlaceHit, context: GeoContext) -> None:
    """A name placed at an area read only by its spelling (LOOK_ALIKE_AREA), in no country of the story: the area
    spelt alike in the story's countries, else none ("Makumo, en territoire de Mambasa" in a story about Ituri is no
    village of Mombasa county, Kenya; the name stays unknown, as it does in a story of no known country)."""
    if not hit.candidates or hit.candidates[0].country_code in context.countries:
        return
    if LOOK_ALIKE_AREA not in hit.reason:
        _area_town_in_story(gaz, hit, context)
        return
    spelt = hit.reason.rsplit(f"{LOOK_ALIKE_AREA} '", 1)[1].rstrip("')")
    ids = gaz.lookup_fuzzy(spelt, countries=context.countries[:3], kinds=("admin1", "admin2"),
                           min_ratio=_AREA_RATIO) if context.countries else []
    if not ids:
        hit.ids, hit.candidates = [], []
        hit.reason = f"{NO_PLACE_FOR} '{hit.surface}'"
        return
    hit.ids = gaz.rank(ids, "area2", hit.relation, context=context)[:1]
    gaz.fill(hit)
    hit.reason = f"'{hit.surface}' {LOCATED_BY_AREA} '{gaz.recs[hit.ids[0]].name}' (spelt '{spelt}')"


def _area_town_in_story(gaz: Gazetteer, hit: PlaceHit, context: GeoContext) -> None:
    """A missing place read at a town named as its area, that town in no country of the story: the town of that
    name in the story's countries when there is one ("Saint-Louis, sur la commune du Mont-Dore" in a story about New
    Caledonia is at its Mont-Dore, not at the French village)."""
    if not _at_area_town(hit) or not context.countries:
        return
    named = {name_key(q) for q in hit.qualifiers}
    ids = [i for q in hit.qualifiers for i in gaz.lookup(q)
           if gaz.recs[i].cc in context.countries[:3] and gaz.recs[i].kind == "city" and not gaz.minor(i)]
    if not ids or name_key(gaz.recs[hit.ids[0]].name) not in named:
        return
    hit.ids = gaz.rank(ids, "city", hit.relation, context=context)[:1]
    gaz.fill(hit)
    hit.reason = f"'{hit.surface}' {LOCATED_BY_AREA} '{gaz.recs[hit.ids[0]].name}'"


def _corroborate(gaz: Gazetteer, hit: PlaceHit, context: GeoContext) -> None:
    """Imported villages named without their area are kept only where the document's other places agree: inside an
    area it names, or near a town it names, in that country. Without agreement the name reads as unknown, as it did
    before villages were imported ("Bikenge near Kavumu (Rutshuru, Nord-Kivu)" is no Bikenge in Maniema)."""
    if hit.areas or not any(gaz.minor(i) for i in hit.ids[:1]):
        return
    keep = [i for i in hit.ids if not gaz.minor(i) or _agrees(gaz, i, context, hit.surface)]
    if keep:
        hit.ids = keep
        return
    hit.ids, hit.candidates = [], []
    hit.reason = f"{NO_PLACE_FOR} '{hit.surface}'"


def _agrees(gaz: Gazetteer, rid: int, context: GeoContext, surface: str = "") -> bool:
    r = gaz.recs[rid]
    if context.countries and r.cc not in context.countries:
        return False
    named = [p for p in context.places if p.country_code == r.cc]
    if context.dateline is not None and context.dateline.country_code == r.cc:
        named.append(context.dateline)
    if not named:   # nothing finer than the country named there: the village stands alone, unless the article
        # names places only in other countries ("rue de la Loi" in Brussels is no village Loi in Ituri)
        return bool(context.countries) or (not context.places and context.dateline is None)
    p = gaz.place(rid)
    for q in named:
        if q.kind == "admin1" and q.admin1 == p.admin1:
            return True
        if q.kind == "admin2" and q.admin2 and q.admin2 == p.admin2:
            return True
        if q.kind in ("city", "facility") and q.latitude is not None and \
                haversine(q.latitude, q.longitude, p.latitude, p.longitude) < 25.0:
            return True
        if q.kind in ("city", "facility") and q.admin1 == p.admin1 != "" and bool(context.countries) and \
                name_key(surface) == name_key(p.location):
            return True   # "attaquées à Dioungani" ... "ce poste est situé à 52 km de Koro (Mopti)": the village's
            # own name (not one of its alternate names) in the region of a town the story names
    return False


def _variant_spelling(gaz: Gazetteer, hit: PlaceHit, context: GeoContext, lang: str = "fr", text: str = "",
                      refs: list[Place] | None = None) -> None:
    """A name missing as written, found under another transliteration in a country the story is about (same
    consonant skeleton: 'Qamichli' = Qamishli, 'Tchassiv Iar' = Chasiv Yar in French copy; 'Huliaipole' = Hulyaypole,
    'Saraqeb' = Saraqib in English copy; the soft signs of "Kup'yans'k" count for nothing), else under a rewrite of
    data/geo/transliteration.yaml ('Kyaukphyu' = Kyaukpyu). Not for short names nor for a word the text also writes
    in lower case (a common word capitalised). ``refs``: the places the sentence gives as reference points ("near
    Y", "20 km from Y"): a look-alike far from those of its country is another town ("in the town of Aynata, near
    Bint Jbeil" is no Ainata in the Bekaa)."""
    if len(hit.surface) < 5 or _common_word(hit.surface, text):
        return
    countries = context.countries[:3]
    ids = _look_alikes(gaz, hit.surface, countries, lang)
    for variant in _rewrites(hit.surface, lang) if not ids else ():
        ids = _look_alikes(gaz, variant, countries, lang)
        if ids:
            break
    ids = [i for i in _in_named_areas(gaz, ids, context) if _by_references(gaz, i, refs or [])]
    if ids:
        hit.ids = gaz.rank(ids, hit.hint, hit.relation, context=context)
        _corroborate(gaz, hit, context)
        if not hit.ids:
            return
        gaz.fill(hit)
        hit.reason = ("French spelling of " if lang == "fr" else "variant spelling of ") + hit.candidates[0].location


_REFERENCE, _REFERENCE_KM = ("near", "distance"), 60.0   # reference-point relations; how far a look-alike lies


def _by_references(gaz: Gazetteer, rid: int, refs: list[Place]) -> bool:
    """Whether a look-alike lies near the sentence's reference points in its country (True when it names none)."""
    r = gaz.recs[rid]
    pts = [p for p in refs if p.country_code == r.cc and p.latitude is not None]
    return not pts or any(haversine(p.latitude, p.longitude, r.lat, r.lon) < _REFERENCE_KM for p in pts)


def _look_alikes(gaz: Gazetteer, name: str, countries: list[str], lang: str) -> list[int]:
    """Towns of ``countries`` spelt like ``name`` (same skeleton, close key) that may be the place named
    (Gazetteer.look_alike)."""
    return [i for i in gaz.lookup_fuzzy(name, countries=countries, min_ratio=75.0) if gaz.look_alike(name, i, lang)]


def _rewrites(name: str, lang: str) -> list[str]:
    """Other spellings of a name by the rewrites of data/geo/transliteration.yaml for any language and for ``lang``
    (each alone, then all together); see gazetteer._variants for why its rules differ."""
    return spellings(name, translit_rules(lang), together=True)


def _common_word(surface: str, text: str) -> bool:
    """A capitalised word the text also writes in lower case ("in Central", "near Parliament"): a common word."""
    return bool(text) and has_word(text, surface.lower(), "'’-")


def _in_named_areas(gaz: Gazetteer, ids: list[int], context: GeoContext) -> list[int]:
    """Look-alike names in a country where the document names admin areas: only those inside one of them ("à Mbingi"
    in a story about Beni territory, Nord-Kivu, is no Mobangi in Ituri)."""
    named: dict[str, Counter[str]] = {}
    for p in context.places:
        if p.kind in ("admin1", "admin2"):
            named.setdefault(p.country_code, Counter())[p.admin1] += 1
    # the areas the story names most ("dans le Nord-Kivu" three times), not one it names in passing ("la province
    # voisine d'Ituri": a Mobangi there is no look-alike of Mbingi)
    areas = {cc: {a for a, n in c.items() if n == max(c.values())} for cc, c in named.items()}
    keep = []
    for i in ids:
        cc = gaz.recs[i].cc
        if cc not in areas or gaz.place(i).admin1 in areas[cc]:
            keep.append(i)
    return keep


def _dateline_evidence(doc: Document) -> list[Evidence]:
    """The dateline as written at the head of the text, when it is there: its place inside the dateline itself, not
    the same name in a headline above it ("... at Portland ICE protest" / "PORTLAND, Ore. (AP) -")."""
    start, _ = _dateline_span(doc)
    i = doc.text[:max(300, start + 100)].lower().find(doc.dateline_place.lower(), start)
    if i < 0:
        i = doc.text[:300].lower().find(doc.dateline_place.lower())
    return [doc.evidence(i, i + len(doc.dateline_place))] if i >= 0 else []


def _dateline_end(doc: Document) -> int:
    """Where the dateline ends ("PORTLAND, Ore. (AP) —", "GOMA, Democratic Republic of Congo, May 27 (Reuters) -"):
    places before it (headline, subheading) and inside it (the state or country after the town) are not the scene
    of the story's sentences; -1 when the text has no dateline."""
    if not doc.dateline_place:
        return -1
    start, end = _dateline_span(doc)
    place_end = max((ev.end for ev in _dateline_evidence(doc)), default=-1)
    return end if start <= place_end <= end else place_end


def _dateline_span(doc: Document) -> tuple[int, int]:
    line = parse_dateline(doc.text, doc.published)
    return (line.start_offset, line.end_offset) if line.place else (0, 0)


def _sentence_order(doc: Document, sentences: list[int], trigger: Evidence | None) -> list[int]:
    order = [i for i in sentences if 0 <= i < len(doc.sentences)]
    if trigger is not None and 0 <= trigger.sentence < len(doc.sentences):
        order = [trigger.sentence] + [i for i in order if i != trigger.sentence]
    return order


def _pick(hits: list[PlaceHit], anchor: tuple[int, int], doc_text: str = "",
          countries: list[str] | None = None) -> PlaceHit | None:
    """The hit tied to the trigger: explicit cue, finest kind, nearest (after the trigger slightly preferred),
    in a country the document is about rather than abroad ("la plage du Lido à Mogadiscio")."""
    found = [h for h in hits if h.candidates and not (doc_text and _refuge(doc_text, h))]
    if not found:
        return None
    # "On 16 March, in Arteaga municipality, Coahuila, police ... detained migrants around Los Llanos": a fronted
    # place sets the scene of its whole sentence, however far the trigger; the sentence's other places are read
    # from it, and one outside its area is another place's namesake or a place of origin
    scene = next((h for h in found if h.start < anchor[0] and _scene(h, doc_text) > 0), None)
    if scene is not None and scene.candidates[0].kind in ("country", "admin1") and \
            NOT_IN_GAZETTEER not in scene.reason and any(
            h is not scene and h.candidates[0].kind in ("city", "facility", "admin2")
            and not _outside(h.candidates[0], scene.candidates[0]) and not _refuge(doc_text, h) for h in found):
        # "Dans l'Extrême-Nord, des combattants ont attaqué un quartier de Koza": a region fronted before a town
        # inside it names where that town lies; the town is the scene
        framing, scene = scene, None
    else:
        framing = None
    if scene is not None:
        anchor = (scene.start, scene.start)

    def score(h: PlaceHit) -> float:
        dist = h.start - anchor[1] if h.start >= anchor[1] else (anchor[0] - h.end) * 1.5
        kind = _KIND_RANK.get(h.candidates[0].kind, 0.0)
        # "the Kirkuk road" is not in Kirkuk; "the Solvay factory" names a firm
        street = -4.0 if h.hint in ("street", "building", "part") and h.candidates[0].kind != "facility" \
            and h.relation != "part" else 0.0
        # "headed from Rmelan town to Qamishli", "supporters from Butig gathered in Marawi": the origin is not the place
        origin = -3.0 if _SOURCE_CUE.match(doc_text[h.span_start:h.start]) \
            or _roles()["travel_to"].search(doc_text[max(0, h.span_start - 60):h.start]) else 0.0
        abroad = -4.0 if countries and not h.qualifiers and h.candidates[0].country_code not in countries else 0.0
        # "members of the Collective of Guanajuato", "students of Tlatlauquitepec": a complement, not the scene
        weak = -2.0 if _BARE_COMPLEMENT.fullmatch(doc_text[h.span_start:h.start].strip().lower()) \
            and not _roles()["settlement_of"].search(doc_text[max(0, h.span_start - 30):h.span_start]) else 0.0
        coded = 10.0 if _CODED_TO.search(doc_text[max(0, h.start - 40):h.start]) else 0.0
        # "Saravan, ville située à 347 km au sud-est de Zahedan": the distance places the town named before
        coded -= 5.0 if h.relation == "distance" and _SITUATED.search(doc_text[max(0, h.span_start - 30):h.span_start]) \
            else 0.0
        # a place named with its enclosing area ("in Drummondville (Quebec)") is the precise one
        coded += 1.5 if h.areas and h.candidates[0].kind in ("city", "facility") and h.hint not in ("area1", "area2") \
            else 0.0
        outside = -4.0 if scene is not None and h is not scene and _outside(h.candidates[0], scene.candidates[0]) \
            else 0.0
        # "près de Dabat, au nord de Gondar", "near Dabat, north of Gondar": a direction from a town right after
        # another town situates that one; it is not the scene
        coded -= 5.0 if h.relation in ("part", "distance", "near") and doc_text and any(
            o is not h and o.relation in ("in", "near") and o.candidates[0].kind in ("city", "facility")
            and o.span_end <= h.span_start and _apposed(doc_text[o.span_end:h.span_start]) for o in found) else 0.0
        return _CUE_BONUS.get(h.relation, 0.0) + kind + street + origin + abroad + weak + coded \
            + (_scene(h, doc_text) if h is not framing else 0.0) \
            + outside - max(dist, 0) / 40.0

    return max(found, key=score)


def _apposed(gap: str) -> bool:
    """Whether the words between a town and a direction phrase after it only describe that town ("X, une commune au
    sud-ouest de Y"; a bare comma too): apposed_description in data/geo/place_roles.yaml."""
    return bool(_APPOSED.fullmatch(gap) or _roles()["apposed_description"].fullmatch(gap))


def _outside(q: Place, area: Place) -> bool:
    """Whether a place lies outside the area (another country, another province) of a place setting the scene."""
    if q.country_code != area.country_code:
        return True
    return area.kind != "country" and q.kind != "country" and bool(q.admin1 and area.admin1) and q.admin1 != area.admin1


_FRONTED = re.compile(r"(?:^|[.!?]\s+|\n)\s*(?:(?:On|Around|Le|Vers le|Dans la nuit (?:du|de))\b[^,.;]{0,45},\s*)?"
                      r"(?:(?:in|at|near|around|outside|dans|à|près|aux?|en)\s+(?-i:[a-zàâçéèêîïôûù'’ -]{0,30}))?$", re.I)


def _scene(h: PlaceHit, doc_text: str) -> float:
    """A fronted place that sets the scene of the whole sentence ("On 3 May, in Morelia (Michoacan), ...")."""
    if h.relation not in ("in", "near", "part"):
        return 0.0
    if not doc_text[h.span_end:h.span_end + 2].lstrip(")").startswith(","):
        return 0.0
    return 3.0 if _FRONTED.search(doc_text[max(0, h.span_start - 80):h.span_start]) else 0.0


def _plausible(gaz: Gazetteer, hit: PlaceHit, context: GeoContext, text: str = "") -> bool:
    """A place abroad (in no country the story names, by name, dateline or state forces) is a homonym or a word
    more often than the scene: kept only when well known (a country, a province, a facility, a name from the
    project's lists, a town of 100,000 people); a capitalised word opening a sentence with no cue ("Ten people
    were killed ..." is no Sri Lankan province) never."""
    if not hit.candidates or not context.countries or hit.qualifiers:
        return True
    top = hit.candidates[0]
    if top.country_code in context.countries:
        return not _outside_story_areas(gaz, hit, context, text)
    if text and not hit.relation and top.kind != "country" and _initial(text, hit):
        return False
    if hit.hint in ("street", "building") and top.kind != "facility":
        return False   # "on the Srinagar Highway" in Islamabad: a road named after a far town is not in it
    r = gaz.recs[hit.ids[0]]
    return top.kind in ("country", "admin1", "facility") or r.curated or r.pop >= _ABROAD_POP


_ABROAD_POP = 100000


def _outside_story_areas(gaz: Gazetteer, hit: PlaceHit, context: GeoContext, text: str = "") -> bool:
    """A small town named alone, in a province of its country that the story names nowhere, while the story names
    admin areas of that country and every other place it names there lies in other provinces ("clashed in Imphal
    East district, Manipur" ... "blocking roads at Khurai": no town of Madhya Pradesh): a namesake of a locality the
    gazetteer lacks, not the scene. A town as well known as one accepted abroad, one named with its area, or one in
    a province the story names elsewhere (its dateline included) stands."""
    top, r = hit.candidates[0], gaz.recs[hit.ids[0]]
    if top.kind != "city" or not top.admin1 or r.curated or r.pop >= _ABROAD_POP or hit.hint in ("area1", "area2") \
            or (text and _CODED_TO.search(text[max(0, hit.start - 40):hit.start])):
        return False   # a name told as a district ("Sugapa district") or an analyst's choice ("coded to X") stands
    cc = top.country_code
    others = [p for p in context.places if p.country_code == cc and p != top]
    if context.dateline is not None and context.dateline.country_code == cc and context.dateline != top:
        others.append(context.dateline)
    if not any(p.kind in ("admin1", "admin2") for p in others):
        return False
    return all(p.admin1 and p.admin1 != top.admin1 for p in others)
_OPENING = re.compile(r"(?:^|[.!?:\n)]|\(\w+\)\s*[-–—])[\s\"'«»“”‘’*•–—-]*$")


def _initial(text: str, hit: PlaceHit) -> bool:
    """Whether a name opens its sentence (or follows the dateline), where any word is capitalised."""
    return bool(_OPENING.search(text[max(0, hit.span_start - 40):hit.span_start]))


def _areas_decide(gaz: Gazetteer, hits: list[PlaceHit], context: GeoContext | None = None, text: str = "") -> None:
    """A province or district named in the sentence decides between a name's homonyms: "le district de Sahar, qui
    appartient à la province de Saada" is the one in Saada, "près de X, dans la province de Y" the X in Y. A name
    introduced as an area whose only readings are towns outside it and outside every area the sentence names is
    not found (the province is the better place). Without an area in the sentence, the areas the story names
    elsewhere order the homonyms the same way (nothing is dropped for them)."""
    areas = [h.candidates[0] for h in hits if h.candidates and h.candidates[0].kind in ("admin1", "admin2")]
    if not areas:
        story = [p for p in (context.places if context else []) if p.kind in ("admin1", "admin2")]
        for h in hits:
            if h.candidates and not h.qualifiers and h.candidates[0].kind in ("city", "admin2") and \
                    not any(_inside_area(h.candidates[0], a) for a in story):
                # a town named like a district the story names ("Manipur's Bishnupur district" ... "a curfew in
                # Bishnupur") is that district's town, however well known its namesake elsewhere
                named = [a for a in story if a.kind == "admin2" and name_key(a.location) == name_key(h.surface)]
                inside = [i for i in h.ids if any(_inside_area(gaz.place(i), a) for a in story) and
                          not gaz.minor(i)] if not gaz.salient(h.ids) else \
                    [i for i in h.ids if gaz.recs[i].kind == "city" and not gaz.minor(i) and
                     any(_inside_area(gaz.place(i), a) for a in named)]
                if inside:
                    h.ids = inside + [i for i in h.ids if i not in inside]
                    gaz.fill(h)
        return
    for h in hits:
        if not h.candidates or h.qualifiers or h.candidates[0].kind == "country":
            continue
        # an area's homonyms are decided by the other areas named ("Chhattisgarh's Bijapur district": not Karnataka's)
        others = [a for a in areas if a != h.candidates[0]]
        if h.candidates[0] in areas and (h.candidates[0].kind != "admin2" or not others):
            continue
        inside = [i for i in h.ids if any(_inside_area(gaz.place(i), a) for a in others)]
        if inside and gaz.salient(h.ids) and all(gaz.minor(i) for i in inside):
            continue   # a well-known town is not the hamlet of its name in the province named beside it
        if inside:
            if inside[0] != h.ids[0]:
                h.ids = inside + [i for i in h.ids if i not in inside]
                gaz.fill(h)
        elif h.relation == "area" and h.candidates[0].kind == "city" and \
                any(a.country_code == h.candidates[0].country_code for a in areas) and \
                not _CODED_TO.search(text[max(0, h.start - 40):h.start]):   # an analyst's choice stands
            # ("Papua province (coded to Sugapa district)": the province since split, the town in the new one)
            h.ids, h.candidates = [], []
            h.reason = f"{NO_PLACE_FOR} '{h.surface}' (no such area in {areas[0].location})"


def _inside_area(q: Place, area: Place) -> bool:
    if q.country_code != area.country_code or q.kind in ("country", "admin1") or q == area:
        return False
    if area.kind == "admin2":
        return bool(area.admin2) and q.admin2 == area.admin2
    return bool(area.admin1) and q.admin1 == area.admin1


def _locative(text: str, hit: PlaceHit) -> bool:
    """Whether a hit is introduced as a location ("in X", "près de X"), not as a complement ("of X", "by X")."""
    cue = text[hit.span_start:hit.start].strip().lower()
    return hit.relation != "" and not cue.startswith(_WEAK_CUES)


def _qualifier_ids(gaz: Gazetteer, hit: PlaceHit) -> list[list[int]]:
    """The areas each qualifier may name, best reading first (an enclosing area is an admin area before a town)."""
    return [gaz.rank(gaz.lookup(q), "area1") for q in hit.qualifiers]


def geocode_phrase(phrase: str, country: str | None = None) -> dict:
    """For the CLI: {"best": Place fields | None, "candidates": [...], "reason": str}."""
    res = get_gazetteer().resolve(phrase, country=country)
    return {"best": asdict(res.place) if res.place else None,
            "candidates": [asdict(p) for p in res.candidates],
            "reason": res.reason}

"""One article through every extraction stage: NLP → mentions → arguments → in-document events."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .assemble import (VAGUE, Cluster, best_local, best_place, cluster_mentions, drop_plural_summaries,
                       drop_quoted_only, drop_summaries, drop_unanchored, drop_vague_siblings, event_id,
                       fold_protest_clashes, local, mark_dated_background, means_told, split_town_lists)
from .extract.actors import (assign_actors, civilians_harmed, find_actors, named_perpetrator, rival_states,
                             state_force_actor, unidentified_actor)
from .extract.attribution import attribution, claim_told_apart
from .extract.casualties import casualties, find_counts, grievance_toll, in_heading_line, is_heading, split_sibling_totals
from .extract.classifier import model as classifier_model
from .extract.dates import warm_up as dates_warm_up
from .extract import export_filter, roles
from .extract.dates import (REPORTING_DAY, days_before_reference, find_dates, past_reference, reference_date,
                            resolve_date, undated_incident)
from .extract.mentions import (ACCUSED_CONDUCT, ACCUSED_OTHER, HEADLINE_CLAUSE, aggregate_toll_sentence,
                               clause_names, clause_spans, continue_background, cues, doc_lang, find_mentions,
                               headline_clause_span, other_statement, same_clause, several_incidents_sentence,
                               toll_part, toll_parts)
from .extract.victims import AFTER_CHARS, security_victims
from .extract.weapons import weapons
from .geo import (NO_PLACE_FOR, ROLE_ONLY, GeoContext, agreement_place, document_context, get_gazetteer,
                  locate_event, place_named_elsewhere, place_referred_back, refers_back, refine_coarse)
from .model import BACKGROUND, EVENT, SUB_TO_TYPE, Actor, DateValue, Document, Event, Evidence, Mention, Slot
from .nlp.language import SUPPORTED, detect_language
from .nlp.pipeline import analyse


@dataclass
class Extraction:
    """What one document yields."""
    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped: str = ""  # reason when the document was not processed
    prepared: object = None  # store rows prepared ahead (eventwire.store.merging.StoreRows), or None


def warm_up() -> None:
    """Load models and resources once in this process (so progress bars and timings measure articles, not
    loading): :meth:`Pipeline.load`."""
    Pipeline().load()


# One short article per language, extracted once by Pipeline.load: every lazily built resource (lexicon regexes,
# YAML rules, gazetteer indexes, the sentence encoder) is then ready before the first real article.
_WARM_UP_TEXTS = {
    "fr": "KIDAL, 3 mai (AFP) - Deux soldats maliens ont été tués jeudi dans une embuscade tendue par des hommes "
          "armés près de Kidal, dans le nord du Mali. Des manifestants ont défilé à Bamako, a indiqué la police.",
    "en": "KIDAL, May 3 (Reuters) - Two Malian soldiers were killed on Thursday in an ambush by gunmen near Kidal, "
          "in northern Mali. Protesters marched in Bamako, police said.",
}
_LOADED = False   # per process: Pipeline.load has run


def freeze_loaded() -> None:
    """Keep the garbage collector off what is loaded now (models, vocabularies, gazetteer indexes: ~800,000
    objects that live as long as the process). Python's full collections walk every tracked object; the first
    one after loading came during the first few hundred articles and cost ~0.15-0.2 s of CPU (0.5-0.9 ms an
    article in a worker that extracts 300 of them, the per-process cost a run pays once per worker). What is
    garbage now is collected first; objects made later are collected as before."""
    import gc

    gc.collect()
    gc.freeze()


class Pipeline:
    """The extraction of a stream of documents: models and resources loaded once per process, parsing batched.

    It holds no model itself (they are per-process caches: :func:`eventwire.nlp.pipeline.get_nlp` and the
    extraction stages' own), so it pickles to a few bytes and a Dask worker that receives it loads the models
    on its first use, once. :meth:`extract_many` parses the documents of one language together with
    ``nlp.pipe`` (:data:`eventwire.nlp.pipeline.PARSE_BATCH` at a time, at most ``batch_size``) and gives exactly
    what :func:`extract_document` gives for each.
    """

    def __init__(self, batch_size: int = 16) -> None:
        self.batch_size = max(1, batch_size)

    def __repr__(self) -> str:
        return f"Pipeline(batch_size={self.batch_size})"

    def load(self) -> "Pipeline":
        """Load every model and resource of this process now (once; later calls return at once)."""
        global _LOADED
        if not _LOADED:
            from .nlp.pipeline import get_nlp

            for lang in SUPPORTED:
                get_nlp(lang)
            get_gazetteer()
            detect_language("Le texte de l'article.")   # short and plain: every Latin-script language's models
            classifier_model()
            if roles.enabled():
                roles.role_model()
            if export_filter.enabled():
                export_filter.filter_model()
            dates_warm_up()
            for lang, text in _WARM_UP_TEXTS.items():
                extract_document(Document(id="warm-up", text=text, published="2024-05", language=lang))
            freeze_loaded()
            _LOADED = True
        return self

    def extract(self, doc: Document) -> tuple[Extraction, int]:
        """One document: (Extraction, number of sections), as ingest runs it
        (:func:`eventwire.ingest.sections.extract_in_sections` over :func:`extract_document`)."""
        res = self.extract_many([doc])[0]
        if isinstance(res, Exception):
            raise res
        return res

    def extract_many(self, docs: list[Document]) -> list[tuple[Extraction, int] | Exception]:
        """Each document's (Extraction, number of sections) as :meth:`extract` gives it, in order, or the
        exception its extraction raised (one bad document never takes the others with it)."""
        from .ingest.sections import LONG_TEXT_CHARS, SECTION_CHARS, extract_in_sections
        from .nlp.pipeline import PARSE_BATCH, parse_many

        self.load()
        by_lang: dict[str, list[int]] = {}
        for k, doc in enumerate(docs):
            if len(doc.text) > min(LONG_TEXT_CHARS, SECTION_CHARS):   # extracted in sections, each parsed alone
                continue
            try:
                if not doc.language:
                    doc.language = detect_language(doc.text)
            except Exception:  # noqa: BLE001 - extract_document meets it again and it is reported there
                continue
            if doc.language in SUPPORTED:
                by_lang.setdefault(doc.language, []).append(k)
        parsed: dict[int, object] = {}
        for lang, ks in by_lang.items():
            for i in range(0, len(ks), self.batch_size):
                chunk = ks[i:i + self.batch_size]
                try:
                    parsed.update(zip(chunk, parse_many(lang, [docs[k].text for k in chunk],
                                                        min(self.batch_size, PARSE_BATCH))))
                except Exception:  # noqa: BLE001 - each document is parsed alone, with its own error
                    pass
        results: dict[int, tuple[Extraction, int] | Exception] = _extract_staged(docs, parsed)
        out: list[tuple[Extraction, int] | Exception] = []
        for k, doc in enumerate(docs):
            if k in results:
                out.append(results[k])
                continue
            try:
                out.append(extract_in_sections(doc, extract_document))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


def _extract_staged(docs: list[Document], parsed: dict[int, object]) -> dict[int, tuple[Extraction, int] | Exception]:
    """:func:`extract_document` of the parsed documents (each extracted whole: one section), stage by stage
    across the batch, so that what one call per sentence would cost much more for is done for all the
    documents together: the sentence classifier encodes at once the sentences of the batch whose scores the
    mentions read (:func:`eventwire.extract.mentions.sentences_to_score`, :func:`eventwire.extract.classifier.prime`).
    Each document's result is exactly the one :func:`extract_document` gives; an exception in one document's stage
    is that document's result and never stops the others."""
    from .extract.classifier import prime
    from .extract.mentions import sentences_to_score
    from .nlp.pipeline import remember_document

    def events(k: int, found: tuple) -> tuple[Extraction, int]:
        doc = docs[k]   # its parse kept for the actor stage, whatever the batch's size (sentence_parse)
        remember_document(doc.language, doc.text, sdocs[k])
        return _events(doc, *found), 1

    out: dict[int, tuple[Extraction, int] | Exception] = {}
    sdocs = _each(parsed, lambda k, sdoc: analyse(docs[k], sdoc), out)
    try:
        prime([t for k in sdocs for t in sentences_to_score(docs[k])])
    except Exception:  # noqa: BLE001 - each document's classification meets it again and reports it
        pass
    found = _each(sdocs, lambda k, sdoc: _find(docs[k], sdoc), out)
    out.update(_each(found, events, out))
    return out


def _each(items: dict[int, Any], stage: Callable[[int, Any], Any], failed: dict[int, Any]) -> dict[int, Any]:
    """``stage`` applied to each document's item; a document whose stage raises gets its exception in ``failed``
    and is left out of the result, the others go on."""
    done: dict[int, Any] = {}
    for k, item in items.items():
        try:
            done[k] = stage(k, item)
        except Exception as exc:  # noqa: BLE001
            failed[k] = exc
    return done


def extract_document(doc: Document, parsed=None) -> Extraction:
    """Run the whole extraction on one document (``parsed``: its spaCy Doc when already parsed)."""
    if not doc.language:
        doc.language = detect_language(doc.text)
    if doc.language not in SUPPORTED:
        return Extraction(doc, skipped=f"language {doc.language or 'unknown'} is not supported (fr, en)")
    sdoc = analyse(doc, parsed)
    return _events(doc, *_find(doc, sdoc))


def _find(doc: Document, sdoc) -> tuple[list[Mention], GeoContext, list[Cluster]]:
    """The document's mentions with their local arguments, its geographic context and its incidents' clusters."""
    mentions = find_mentions(doc, sdoc)
    ctx = document_context(doc)
    lead = next((m for m in mentions if m.kind == EVENT), None)
    for i, m in enumerate(mentions):
        m.id = f"{doc.id}:m{i}"
        fill_local_arguments(doc, m, ctx, is_lead=m is lead, sdoc=sdoc)
    mark_dated_background(mentions, doc)
    continue_background(doc, sdoc, mentions)
    if roles.enabled():   # the learned sentence role, where the rules are unsure (setting sentence_roles)
        roles.apply_roles(doc, mentions)
    return mentions, ctx, cluster_mentions(doc, mentions)


def _events(doc: Document, mentions: list[Mention], ctx: GeoContext, clusters: list[Cluster]) -> Extraction:
    """The document's events from its incidents' clusters."""
    older = [m.trigger for m in mentions if m.kind != EVENT]
    # sentences that tell only an earlier incident ("Un précédent massacre le 5 octobre avait fait 13 morts"):
    # their day is not the article's own for an incident that tells none
    told = {m.sentence for m in mentions if m.kind == EVENT}
    past: dict[int, tuple[str, ...]] = {}
    for m in mentions:
        if m.kind == BACKGROUND and m.sentence not in told and (m.kind_reason or "").startswith("past"):
            past[m.sentence] = past.get(m.sentence, ()) + (m.kind_reason or "",)
    events = [build_event(doc, c, ctx, several=len(clusters) > 1, older=older, past=past) for c in clusters]
    events = fold_protest_clashes(drop_summaries(drop_vague_siblings(events, mentions), mentions), mentions)
    events = drop_quoted_only(doc, drop_plural_summaries(doc, events, mentions), mentions)
    events = split_town_lists(doc, events)
    sentence_of = {m.id: m.sentence for m in mentions}   # (mention id -> its sentence)
    split_sibling_totals(doc, events, {ev.id: {sentence_of[k] for k in ev.mention_ids if k in sentence_of}
                                       for ev in events})
    for ev in events:   # an incident the article only places in a country: a town it names there
        ev.place = place_named_elsewhere(doc, ev.place, ctx)
        if ev.sub_event_type.value == AGREEMENT:   # else coded at the capital of the country it concerns
            ev.place = agreement_place(ev.place, ctx)
    events = drop_unanchored(doc, events, mentions)
    _claims_told_apart(doc, events, mentions)
    if export_filter.enabled():   # the learned export decision (setting event_filter)
        events = export_filter.filter_events(doc, events, mentions)
    return Extraction(doc, mentions, events)


def _claims_told_apart(doc: Document, events: list[Event], mentions: list[Mention]) -> None:
    """An incident not yet claimed is claimed when its perpetrator's side says so in a sentence that tells no
    incident of its own (no exported event's, no older, aggregate or not-event mention's): a statement about the
    incident told before it ("Le Centcom a confirmé avoir frappé le port")."""
    if not events:
        return
    exported = {m for ev in events for m in ev.mention_ids}
    # (a deed the claim accuses the target of does not take the sentence: "L'armée a affirmé avoir « éliminé un
    # terroriste » responsable de tirs de roquettes")
    taken = {m.sentence for m in mentions
             if m.id in exported or m.kind != BACKGROUND
             or not (m.kind_reason.startswith(VAGUE) or m.kind_reason in (ACCUSED_OTHER, ACCUSED_CONDUCT))}
    sentence_of = {m.id: m.sentence for m in mentions}
    told = [{sentence_of[k] for k in ev.mention_ids if k in sentence_of} | {ev.sentence} for ev in events]
    # a free sentence is about the incident told last before it (the first told, on a tie); none before it, no one's
    about = {i: max(range(len(events)), key=lambda k: max((j for j in told[k] if j < i), default=-1))
             for i in range(len(doc.sentences)) if i not in taken}
    for n, ev in enumerate(events):
        if ev.attribution.value == "claimed" or ev.actor1.value is None:
            continue
        free = [i for i, k in about.items() if k == n and any(j < i for j in told[n])]
        claim = claim_told_apart(doc, free, ev.actor1.value)
        if claim is not None:
            ev.attribution = Slot("claimed", [claim], f"claimed by actor1's side apart from the incident's sentences; "
                                                      f"actor1 {ev.actor1.value.name}")


# an arrest told with no place of its own right after the scene of an incident ("Police said they arrested four
# men") is placed at that scene, not at the dateline town the reporter wrote from
PLACED_BY_PREVIOUS = ("Arrests",)
AGREEMENT = "Agreement"   # a peace or ceasefire agreement: placed by agreement_place

LEAD_PAST_DAYS = 60  # a lead incident dated this long before the article is recalled (an anniversary, a trial)


def fill_local_arguments(doc: Document, m: Mention, ctx: GeoContext, is_lead: bool = False, sdoc=None) -> None:
    """Date, place and background cues read from the mention's own sentence (the article's lead incident is
    never background for its date alone)."""
    m.date = resolve_date(doc, [m.sentence], m.trigger)
    m.place = locate_event(doc, [m.sentence], m.trigger, ctx)
    if m.kind == EVENT:
        in_clause = (lambda s, e: same_clause(sdoc, s, e, m.trigger.start, m.trigger.end)) if sdoc is not None else None
        why = past_reference(doc, m.sentence, m.trigger, dated=not is_lead, in_clause=in_clause)
        if why:
            m.kind, m.kind_reason = BACKGROUND, why
        elif is_lead and local(m.date, m) and m.date.value.precision < 3 \
                and days_before_reference(doc, m.date.value.day) > LEAD_PAST_DAYS:
            m.kind, m.kind_reason = BACKGROUND, (f"dated {m.date.value.day.isoformat()}, more than "
                                                 f"{LEAD_PAST_DAYS} days before the article")


def _detail_date(doc: Document, sentences: list[int]) -> Slot | None:
    """The earliest day-precise date of the sentences that add details to an incident: the incident comes before
    the day its witnesses spoke ("told our correspondent on Wednesday that bandits invaded ... on Tuesday")."""
    hits = [(i, h) for i in sorted(sentences) for h in find_dates(doc, i)
            if h.value is not None and h.value.precision == 1 and h.kind != "past_ref"]
    if not hits:
        return None
    i, h = min(hits, key=lambda ih: ih[1].value.day)
    return Slot(h.value, [doc.evidence(h.start, h.end)], f"earliest day told in the details (sentence {i})")


def _headline_clauses_apart(doc: Document, trigger: Evidence) -> tuple[int | None, tuple[int, ...]]:
    """A headline telling two incidents in clauses that name places or actors of their own ("un enseignant enlevé
    dans le Nord-Ouest, quatre civils tués dans l'Extrême-Nord", "Fano s'emparent de Mertule Maryam, une frappe de
    drone fait neuf morts à Bure"): the toll of another clause is not that of the trigger's incident. (Where the
    trigger's clause opens when a clause before it names its own; where each later such clause opens.)"""
    i = trigger.sentence
    if i < 0 or not in_heading_line(doc, i):
        return None, ()
    c = cues(doc_lang(doc))
    spans = clause_spans(doc, c, i)
    own = next(((a, b) for a, b in spans if a <= trigger.start < b), None)
    if own is None or len(spans) < 2:
        return None, ()
    names = clause_names(doc, c, *own)
    apart = [a for a, b in spans if (a, b) != own and (other := clause_names(doc, c, a, b)) and not other & names]
    return (own[0] if any(a < own[0] for a in apart) else None), tuple(a for a in apart if a > own[0])


BODIES_FOUND_DAYS = 3   # bodies are found within a few days of the incident
BODIES_FOUND_GAP = 12   # characters at most between "bodies were found" and the day it tells ("on Friday")


def _before_bodies_found(doc: Document, date: Slot, sentences: list[int]) -> Slot:
    """The day bodies were found ("Quinze corps ont été retrouvés vendredi matin", "the bodies were recovered on
    Friday") comes after the incident: when the incident's day is read in such a clause and its other sentences
    tell an earlier day within a few days ("dans la nuit de jeudi à vendredi"), that earlier day is the incident's."""
    if not date.evidence or date.value is None or date.value.precision != 1:
        return date
    where = date.evidence[0]
    if where.sentence < 0:
        return date
    found = max(cues(doc_lang(doc)).bodies_found.finditer(doc.text, doc.sentences[where.sentence][0], where.start),
                key=lambda m: m.end(), default=None)   # the last one before the day
    if found is None or where.start - found.end() > BODIES_FOUND_GAP:
        return date
    earlier = _detail_date(doc, [i for i in sentences if i != where.sentence])
    if earlier is None or not 0 < (date.value.day - earlier.value.day).days <= BODIES_FOUND_DAYS:
        return date
    return Slot(earlier.value, earlier.evidence, f"before the bodies were found ({where.text!r}): {earlier.reason}")


def _event_place(doc: Document, c: Cluster, ctx: GeoContext, all_sents: list[int]) -> Slot:
    """The incident's place: read in its own sentences; else, with no dateline, one named earlier in the article
    ("On 3 May, in X, ... . Two civilians were killed."); when only the dateline is left although the incident's own
    place was named, an area the article names elsewhere ("the town of Mahas" ... "Mahas lies in the Hiiraan
    region") beats the dateline town."""
    own = best_place(c)
    place = own or locate_event(doc, all_sents, c.lead.trigger, ctx)
    if own and place.value is not None and ROLE_ONLY in place.reason and len(all_sents) > 1:
        # "..., a déclaré un habitant de Dori. Les assaillants ont visé le marché de Djibo": the incident's place
        # is one its other sentences name, not the witness's town (a place locate_event gave already weighs them)
        other = locate_event(doc, all_sents, c.lead.trigger, ctx)
        if other.value is not None and ROLE_ONLY not in other.reason:
            place = other
    if place.value is None and c.lead.sentence > 0:
        earlier = locate_event(doc, list(range(c.lead.sentence - 1, -1, -1)), None, ctx)
        if earlier.value is not None:
            # "L'armée a interpellé six hommes dans la localité": the scene told before, even when only its area
            # is known (an unknown village placed at its district), so the incident has a place of its own
            how = "referred back to" if refers_back(doc, c.lead.sentence) else "named earlier in the article"
            return Slot(earlier.value, earlier.evidence, f"{how}: {earlier.reason}")
    if place.value is not None and place.value is ctx.dateline and place.reason.startswith("dateline") and \
            NO_PLACE_FOR not in place.reason and c.lead.sub_event_type.value in PLACED_BY_PREVIOUS \
            and c.lead.sentence > 0:
        before = locate_event(doc, [c.lead.sentence - 1], None, ctx)
        if before.value is not None and before.value is not ctx.dateline and \
                before.value.kind in ("city", "admin1", "admin2") and before.value.country_code in ctx.countries:
            return Slot(before.value, before.evidence, f"named in the sentence before: {before.reason}")
    if place.value is not None and place.value is ctx.dateline and place.reason.startswith("dateline"):
        back = place_referred_back(doc, c.lead.sentence, ctx)   # "struck RSF positions inside the town"
        if back is not None:
            return back
    if place.value is not None and place.value is ctx.dateline and NO_PLACE_FOR in place.reason:
        rest = [i for i in range(len(doc.sentences)) if i not in all_sents]
        area = locate_event(doc, rest, None, ctx) if rest else Slot()
        if area.value is not None and area.value is not ctx.dateline and area.value.kind in ("admin1", "admin2"):
            return Slot(area.value, area.evidence, f"area named in the article ({place.reason})")
    return place


def build_event(doc: Document, c: Cluster, ctx: GeoContext, several: bool = False,
                older: list | None = None, past: dict[int, tuple[str, ...]] | None = None) -> Event:
    """One incident from a cluster of mentions: the best-supported value for every field. ``several``: the article
    tells several incidents, so a sentence summing them up gives none of them its toll; ``older``: the triggers of
    the article's background, aggregate and not-event mentions (a count told after one is theirs); ``past``:
    sentences that tell only earlier incidents (with why), whose days do not date an incident that tells none."""
    lead = c.lead
    sents = c.sentences
    all_sents = sorted(set(sents) | set(c.context))
    ev = Event(doc_id=doc.id, sentence=lead.sentence, trigger=lead.trigger, kind=EVENT,
               event_type=lead.event_type, sub_event_type=lead.sub_event_type)
    means = means_told(doc, c)
    if means:
        why = f"{lead.sub_event_type.reason}; its means told of the incident: {means}"
        ev.event_type = Slot(SUB_TO_TYPE[means], lead.event_type.evidence, why)
        ev.sub_event_type = Slot(means, lead.sub_event_type.evidence, why)
    ev.date = best_local(c, "date", lambda s: (s.reason.startswith(REPORTING_DAY), s.value.precision)) \
        or resolve_date(doc, sents, lead.trigger)
    if not ev.date.evidence and c.context:   # the day told in a detail sentence ("invaded ... on Tuesday")
        ev.date = _detail_date(doc, c.context) or ev.date
    if not ev.date.evidence:                 # no day told of the incident: the article's own
        ev.date = undated_incident(doc, skip=past or {}) or ev.date
    if not ev.date:
        day, prec = reference_date(doc)
        ev.date = Slot(DateValue(day, prec), reason="publication date")
    ev.date = _before_bodies_found(doc, ev.date, all_sents)
    ev.place = refine_coarse(doc, _event_place(doc, c, ctx, all_sents), all_sents, ctx)
    place = ev.place.value
    cc = place.country_code if place else (ctx.countries[0] if ctx.countries else None)
    # a headline that sums up several incidents gives none of them its actors, toll or weapons
    detail_sents = [i for i in all_sents if i == lead.sentence or i not in c.summaries]
    roles = assign_actors(doc, [lead.sentence] + [x for x in detail_sents if x != lead.sentence], lead.trigger,
                          ev.sub_event_type.value, cc, ev.date.value.day)
    ev.actor1, ev.actor2 = roles["actor1"], roles["actor2"]
    ev.assoc_actor_1, ev.assoc_actor_2 = roles["assoc_actor_1"], roles["assoc_actor_2"]
    # under a headline lead, the body's first own telling is the incident's sentence too: its figures are the
    # incident's even beside a comparison with a period ("the deadliest of its attacks since mid-March")
    body = next((m for m in c.mentions if m.kind_reason != "anaphoric" and not is_heading(doc, m.sentence)), lead)
    own_sents = {lead.sentence, body.sentence}
    toll_sents = [i for i in detail_sents if (i in own_sents or not aggregate_toll_sentence(doc, i))
                  and not (several and several_incidents_sentence(doc, i))]
    if ev.event_type.value == "Strategic developments":   # an arrest or a deal has the toll its own sentences tell
        own = {m.sentence for m in c.mentions if m.event_type.value == "Strategic developments"}
        toll_sents = [i for i in toll_sents if i in own]
    after = toll_part(doc, lead.trigger.start, lead.sentence)   # this incident is a part of another one's toll
    told = {m.trigger.start for m in c.mentions}   # (a part whose trigger joined this incident stays its own)
    parts = tuple(p for i in toll_sents for t, p in toll_parts(doc, i).items() if p != after and t not in told)
    before, later = _headline_clauses_apart(doc, lead.trigger)
    parts += later
    after = after if after is not None else before
    ev.fatalities, ev.injuries = casualties(doc, toll_sents, lead.trigger if lead.sentence in toll_sents else None,
                                            older=older, stop=other_statement(doc, lead.sub_event_type.value,
                                                                              lead.trigger.end, lead.sentence),
                                            after=after, parts=parts)
    if c.summaries and not (ev.fatalities.value and ev.injuries.value):
        ev.fatalities, ev.injuries = _clause_toll(doc, c, ev.fatalities, ev.injuries)
    _forces_as_victims(doc, ev, cc, [lead.sentence] + [x for x in detail_sents if x != lead.sentence])
    toll = [*(ev.fatalities.evidence if ev.fatalities.value else []), *(ev.injuries.evidence if ev.injuries.value else [])]
    ev.actor2 = civilians_harmed(doc, detail_sents, ev.sub_event_type.value, ev.actor1.value, ev.actor2.value, toll,
                                 cc) or ev.actor2
    _grievance_not_toll(doc, ev)
    _lethal_force_on_protest(ev)
    _development_toll(ev)
    ev.weapons = weapons(doc, detail_sents)
    ev.attribution = attribution(doc, detail_sents, ev.actor1.value)
    ev.mention_ids = [m.id for m in c.mentions]
    ev.source_documents = [doc.id]
    ev.sources = [doc.source] if doc.source else []
    ev.id = event_id(ev.mention_ids[0])
    return ev


def _clause_toll(doc: Document, c: Cluster, killed: Slot, injured: Slot) -> tuple[Slot, Slot]:
    """An incident whose sentences tell no toll takes the one its own clause of a summing-up headline tells
    ("Drone strike on market killed 18, ... as gunmen raid police station"), never another clause's."""
    out = {"killed": killed, "injured": injured}
    for m in c.mentions:
        if m.sentence not in c.summaries or m.kind_reason != HEADLINE_CLAUSE:
            continue
        a, b = headline_clause_span(doc, m)
        for h in find_counts(doc, m.sentence):
            if a <= h.start < b and h.kind in out and h.value > 0 and not out[h.kind].value:
                out[h.kind] = Slot(h.value, [doc.evidence(h.start, h.end)], "told in the incident's headline clause")
    return out["killed"], out["injured"]


def _grievance_not_toll(doc: Document, ev: Event) -> None:
    """A demonstration's deaths told in its purpose clause ("staged a protest demanding justice for the death of a
    boy", "gathered after a pupil died") are its grievance, an older incident: the demonstration's toll is 0."""
    if ev.event_type.value != "Protests" or not ev.fatalities.value \
            or ev.sub_event_type.value == "Excessive force against protesters":
        return
    if grievance_toll(doc, ev.trigger, ev.fatalities.evidence):
        ev.fatalities = Slot(0, ev.fatalities.evidence, "the demonstration's grievance, not its toll")


def _lethal_force_on_protest(ev: Event) -> None:
    """A protest where people died at the hands of the forces that intervened (or of nobody named) is coded
    'Excessive force against protesters' (coding guide: lethal force), whichever sentence gave the sub-type."""
    if ev.event_type.value != "Protests" or ev.sub_event_type.value == "Excessive force against protesters":
        return
    if not ev.fatalities.value or ev.fatalities.value <= 0:
        return
    force = ev.actor2.value
    if force is not None and force.inter != 1:   # killed by a named armed group or mob: not the state's force
        return
    ev.sub_event_type = Slot("Excessive force against protesters", ev.fatalities.evidence,
                             f"protesters died ({ev.fatalities.evidence[0].text!r})" if ev.fatalities.evidence
                             else "protesters died")


NO_DEVELOPMENT_TOLL = "a strategic development has no toll (the dead are the violent incident's told with it)"
# the developments whose own words never kill: a movement word ("les assaillants sont arrivés", Change to
# group/activity) may lead a killing told after it, whose toll it keeps until it is typed by that killing
TOLL_FREE_DEVELOPMENTS = ("Arrests", "Agreement", "Disrupted weapons use")


def _development_toll(ev: Event) -> None:
    """ACLED codes no fatalities on a Strategic development (an arrest after a killing, an interception, a deal):
    the dead read in the sentences of an arrest, a deal or an interception are the toll of the violent incident
    told with it. Property destroyed where civilians were killed ("quatre morts et une dizaine de maisons
    incendiées") is an attack on them."""
    if ev.event_type.value != "Strategic developments" or not ev.fatalities.value or ev.fatalities.value <= 0:
        return
    victims = ev.actor2.value
    if ev.sub_event_type.value == "Looting/property destruction" and victims is not None and victims.inter == 7:
        why = f"property destroyed and civilians killed ({ev.fatalities.evidence[0].text!r})" \
            if ev.fatalities.evidence else "property destroyed and civilians killed"
        ev.event_type = Slot("Violence against civilians", ev.fatalities.evidence, why)
        ev.sub_event_type = Slot("Attack", ev.fatalities.evidence, why)
        return
    if ev.sub_event_type.value in TOLL_FREE_DEVELOPMENTS:
        ev.fatalities = Slot(0, [], NO_DEVELOPMENT_TOLL)


def _named_victims(doc: Document, toll: list[Evidence], cc: str, day) -> Actor | None:
    """The auxiliaries or militia the toll's own words name ("six VDP ont été tués", "four Wazalendo fighters were
    killed"): that group is the side that lost them, not the state's regular forces."""
    for ev in toll:
        if ev.sentence < 0:
            continue
        for h in find_actors(doc, ev.sentence, cc, day):
            if h.kind == "named" and h.actor.inter in (2, 3, 4) and ev.start <= h.start <= ev.end + AFTER_CHARS:
                return replace(h.actor, role="target")
    return None


def _forces_as_victims(doc: Document, ev: Event, cc: str | None, sents: list[int]) -> None:
    """Soldiers or police officers named as the dead or wounded are the target, never the perpetrator: an
    'attack' on them is a battle against that force (ACLED codes no civilians as its target), and a force read as
    actor1 of its own losses ("15 soldats ont été tués ... par deux explosions") becomes actor2, the attacker then
    being the group the incident's sentences (``sents``) name as its author, else an unidentified armed group."""
    if not cc:
        return
    toll = [*(ev.fatalities.evidence if ev.fatalities.value else []), *(ev.injuries.evidence if ev.injuries.value else [])]
    force = security_victims(doc.language, toll, doc.text)
    if force is None:
        return
    why = f"the victims are {force.lower()} forces ({toll[0].text!r})"
    perpetrator, target = ev.actor1.value, ev.actor2.value
    own_losses = perpetrator is not None and perpetrator.inter == 1 and perpetrator.country == cc.upper() \
        and perpetrator.name.startswith(force) and ev.event_type.value not in ("Battles", "Strategic developments") \
        and not rival_states(perpetrator, target)   # the Houthis shelling the government's soldiers
    # (in a battle both sides lose; forces arresting people did not lose the dead an arrest story recalls)
    attack = ev.sub_event_type.value == "Attack"
    if attack:
        ev.event_type = Slot("Battles", toll, why)
        ev.sub_event_type = Slot("Armed clash", toll, why)
    day = ev.date.value.day if ev.date.value else None
    if own_losses:
        armed = target is not None and target.inter in (2, 3, 4)
        author = None if armed else named_perpetrator(doc, sents, ev.trigger, ev.sub_event_type.value, cc, day)
        ev.actor1 = ev.actor2 if armed else author or Slot(unidentified_actor(cc), [],
                                                             f"the force named is the victim; {why}")
        ev.actor2 = Slot(perpetrator, toll, why)
    elif attack:
        ev.actor2 = Slot(_named_victims(doc, toll, cc, day) or state_force_actor(cc, force, day), toll, why)

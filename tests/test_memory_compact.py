"""Memory compactions (issue 13): the compact lemma tables and the detector's lazily loaded models answer exactly
as the structures they replace."""
from __future__ import annotations

import pytest

from eventwire.nlp.compact import CompactTable
from eventwire.nlp.pipeline import MODELS, UNUSED_COMPONENTS, get_nlp

# French words whose lemmas come from every path of the rule lemmatizer: the part-of-speech index, the exceptions
# (irregular verbs), the suffix rules, the lookup table (pronouns, determiners, proper nouns) and none of them
FR_TEXTS = [
    "Les insurgés avaient incendié les greniers et ils se sont enfuis vers Ménaka, où d'autres combattants "
    "les attendaient, selon les habitants.",
    "Aucun des blessés n'a pu être évacué : les routes qu'ils empruntaient étaient minées, disent-ils.",
    "Nous avons vu des hommes armés qui tiraient sur les véhicules ; eux-mêmes furent tués plus tard par l'armée.",
    "Vingt-deux manifestantes, rassemblées devant la préfecture de Zinder, réclamaient leurs salaires impayés.",
]


def test_a_compact_table_answers_as_a_spacy_table_and_as_a_dict():
    from spacy.lookups import Table

    table = Table(name="t")
    for word, lemma in [("tués", ["tuer"]), ("avaient", ["avoir"]), ("Ménaka", ["Ménaka"]), ("eux", ["lui"])]:
        table[word] = lemma
    plain = {"furent": ["être"], "vu": ["voir"], "dit": ["dire", "dit"]}
    hashed, keyed = CompactTable.of(table, hashed=True), CompactTable.of(plain, hashed=False)
    for word in ["tués", "avaient", "Ménaka", "eux", "tue", "", "furent", "vu", "dit", "Vu"]:
        assert hashed.get(word, [word]) == table.get(word, [word])
        assert (word in hashed) == (word in table)
        assert keyed.get(word, []) == plain.get(word, [])
        assert (word in keyed) == (word in plain)
    for key in table:   # the spaCy table's own keys are string ids
        assert hashed[key] == table[key]
    assert keyed["dit"] == ["dire", "dit"] and isinstance(keyed["dit"], list)
    assert keyed.get(42, "none") == "none"   # a key of another type is absent, as in a dict of strings
    with pytest.raises(KeyError):
        keyed["tuer"]
    assert len(hashed) == 4 and len(keyed) == 3


def test_many_keys_in_one_run_of_the_top_bits_are_all_found():
    words = [f"mot{i}" for i in range(5000)]
    table = CompactTable.of({w: [w.upper()] for w in words}, hashed=False)
    assert all(table[w] == [w.upper()] for w in words)
    assert not any(f"mot{i}" in table for i in range(5000, 6000))


def test_the_french_lemmatizer_tables_are_compact_with_the_same_lemmas():
    import spacy

    lookups = get_nlp("fr").get_pipe("lemmatizer").lookups
    assert isinstance(lookups.get_table("lemma_lookup"), CompactTable)
    assert any(isinstance(v, CompactTable) for v in lookups.get_table("lemma_exc").values())
    shipped = spacy.load(MODELS["fr"], exclude=list(UNUSED_COMPONENTS))
    assert [[(t.text, t.pos_, t.lemma_) for t in doc] for doc in get_nlp("fr").pipe(FR_TEXTS)] == \
        [[(t.text, t.pos_, t.lemma_) for t in doc] for doc in shipped.pipe(FR_TEXTS)]


@pytest.mark.parametrize("text,lang", [
    ("Trois soldats ont été tués jeudi près de Kidal.", "fr"),   # under 120 characters: every n-gram order
    ("Two soldiers were killed on Thursday near Kidal, in the north of the country, the army said in a statement "
     "issued late on Friday.", "en"),   # trigrams only
    ("Dos soldados murieron el jueves.", "es"),
    ("", ""),
])
def test_the_detector_without_preloaded_models_tells_the_same_languages(text, lang):
    from eventwire.nlp.language import detect_language

    assert detect_language(text) == lang


def test_a_task_of_many_documents_is_parsed_in_small_batches_with_the_same_events(monkeypatch):
    """Pipeline(batch_size=32) (a worker's task) hands nlp.pipe at most PARSE_BATCH texts at a time (the parse's
    working memory grows with a batch's tokens); each article's events are those it gets extracted alone."""
    import eventwire.nlp.pipeline as nlp
    from eventwire.model import Document, mention_to_dict
    from eventwire.pipeline import Pipeline, extract_document

    texts = [("fr", "TOMBOUCTOU, 4 juin (AFP) - Des hommes armés ont tué {n} bergers mardi près de Goundam, "
                    "a-t-on appris de sources locales."),
             ("en", "KANO, June 4 (Reuters) - Gunmen killed {n} farmers on Tuesday near Dawakin Kudu, "
                    "police said.")]
    docs = [Document(id=f"{lang}{n}", text=t.format(n=n + 2), published="2024-06", language=lang)
            for n in range(10) for lang, t in texts]
    alone = [[mention_to_dict(e) for e in extract_document(d).events] for d in docs]
    sizes: list[int] = []
    real = nlp.parse_many

    def counted(lang, chunk, batch_size=16):
        sizes.append(batch_size)
        return real(lang, chunk, batch_size)

    monkeypatch.setattr(nlp, "parse_many", counted)
    batched = Pipeline(batch_size=32).extract_many(docs)
    assert sizes and max(sizes) <= nlp.PARSE_BATCH
    assert [[mention_to_dict(e) for e in res[0].events] for res in batched] == alone
    assert all(alone)

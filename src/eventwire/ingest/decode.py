"""Bytes to text: BOMs, UTF-16/32 without a BOM, UTF-8, a Windows-1252 fallback for French/English, binary
detection.

A few NUL bytes do not make a file binary (a JSON Lines file with one broken line keeps its good lines: the
format reader rejects the line); mostly non-text bytes do.
"""
from __future__ import annotations

import codecs

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Non-ASCII characters expected in French or English text: a legacy decoding that yields these is right.
_WESTERN = set("àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸÆŒ"
               "’‘“”«»–—…€£°§©®™•·¨´¸ºª¹²³½¼¾×÷¡¿ß\u00a0")
_CONTROL_OK = set("\t\n\r\f\v")
_MAX_CONTROL_RATIO = 0.02


class NotText(ValueError):
    """The bytes are not a text file."""


def _cp1252_per_byte(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read each byte that is not UTF-8 as Windows-1252."""
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start:err.end].decode("cp1252", errors="replace"), err.end


codecs.register_error("eventwire-cp1252", _cp1252_per_byte)


def decode_bytes(data: bytes) -> str:
    """The text of a file's bytes; raises :class:`NotText` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"))
    if b"\x00" in data:
        wide = _wide_encoding(data)
        if wide:
            return _checked(data.decode(wide, errors="replace"))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _checked(_decode_legacy(data))


def _wide_encoding(data: bytes) -> str | None:
    """'utf-16-le/-be' or 'utf-32-le/-be' for text saved in those encodings without a BOM, else None.

    French and English text in UTF-16 has a NUL high byte in (nearly) every code unit, always on the same side;
    binary data has NULs on both sides. The sample must also decode cleanly.
    """
    sample = data[:1 << 16]
    n = len(sample) - len(sample) % 4
    if n < 8:
        return None
    zero = [sample[k:n:4].count(0) / (n // 4) for k in range(4)]
    candidates = []
    if len(data) % 4 == 0:
        if min(zero[1:]) > 0.9 and zero[0] < 0.02:
            candidates.append("utf-32-le")
        if min(zero[:3]) > 0.9 and zero[3] < 0.02:
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        odd, even = (zero[1] + zero[3]) / 2, (zero[0] + zero[2]) / 2
        if odd > 0.3 and even < 0.02:
            candidates.append("utf-16-le")
        if even > 0.3 and odd < 0.02:
            candidates.append("utf-16-be")
    for encoding in candidates:
        try:
            text = sample[:n].decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum(c.isspace() for c in text) >= 0.05 * len(text):  # words separated by spaces: text, not data
            return encoding
    return None


def _decode_legacy(data: bytes) -> str:
    """Decode bytes that are not clean UTF-8: mostly-UTF-8, Windows-1252, or a detected charset."""
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for c in loose if ord(c) > 127) - bad
    if good > bad:  # UTF-8 with a few stray Windows-1252 bytes
        return data.decode("utf-8", errors="eventwire-cp1252")
    western = data.decode("cp1252", errors="replace")
    if _looks_western(western):
        return western
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else western


def _looks_western(text: str) -> bool:
    """True when (nearly) all non-ASCII characters are ones French or English text uses."""
    other = [c for c in text if ord(c) > 127]
    return not other or sum(c in _WESTERN for c in other) >= 0.95 * len(other)


def _lost_letter(text: str, i: int) -> bool:
    """A replacement character beside a Latin letter ("arm\ufffde", "bless\ufffd.", "\ufffdtat"): an accented letter
    a web page lost, not binary data (crawled pages carry dozens of them). Random bytes decoded give replacement
    characters beside other scripts and control characters, which still count."""
    return any(0 <= j < len(text) and _latin(text[j]) for j in (i - 1, i + 1))


def _latin(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or ch in _WESTERN)


def _checked(text: str) -> str:
    """The text, unless control characters show it is binary data."""
    sample = text[:20000]
    controls = sum(1 for i, c in enumerate(sample)
                   if (ord(c) < 32 and c not in _CONTROL_OK) or (c == "\ufffd" and not _lost_letter(sample, i)))
    if sample and controls > _MAX_CONTROL_RATIO * len(sample):
        raise NotText("binary file (mostly non-text bytes), skipped")
    return text

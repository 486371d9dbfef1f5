"""Bytes to text: BOMs, UTF-8, a Windows-1252 fallback for French/English, binary detection."""
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
        raise NotText("binary file (contains NUL bytes), skipped")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _checked(_decode_legacy(data))


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


def _checked(text: str) -> str:
    """The text, unless control characters show it is binary data."""
    sample = text[:20000]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in _CONTROL_OK) or c == "\ufffd")
    if sample and controls > _MAX_CONTROL_RATIO * len(sample):
        raise NotText("binary file (mostly non-text bytes), skipped")
    return text

"""Users, passwords, sessions, CSRF and API tokens for the web app.

- Passwords: the standard library's scrypt (``hashlib.scrypt``, OpenSSL's maintained implementation; N=2**14,
  r=8, p=1, 16-byte salt), compared in constant time.
- Sessions: a cookie ``ew_session`` holding ``name|expiry`` signed with HMAC-SHA256 under the settings' secret
  key; HttpOnly, SameSite=Lax.
- CSRF: double submit. Every page sets a random ``ew_csrf`` cookie; a form must send the same value in
  ``csrf_token`` (a script: the ``X-CSRF-Token`` header). Requests authenticated by an API token carry no
  cookie and need no CSRF token.
- API tokens: ``ew_`` + 32 random bytes, shown once; only their SHA-256 is stored.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.db import TokenRow, UserRow

ROLES = ("reader", "reviewer", "admin")
WRITE_ROLES = ("reviewer", "admin")
SESSION_COOKIE = "ew_session"
CSRF_COOKIE = "ew_csrf"
_N, _R, _P = 2 ** 14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        algo, n, r, p, salt, digest = stored.split("$")
        if algo != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(_unb64(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, _unb64(digest))


def _b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode("ascii").rstrip("=")


def _unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


# ------------------------------------------------------------ users and tokens

def add_user(s: Session, name: str, role: str, password: str) -> UserRow:
    """Create or update a user (the caller commits)."""
    name = name.strip()
    if not name or len(name) > 100 or "|" in name:
        raise ValueError("a user name is 1 to 100 characters, without '|'")
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise ValueError("a password has at least 8 characters")
    row = s.get(UserRow, name)
    if row is None:
        row = UserRow(name=name)
        s.add(row)
    row.role, row.password_hash = role, hash_password(password)
    return row


def authenticate(s: Session, name: str, password: str) -> UserRow | None:
    row = s.get(UserRow, name)
    if row is None:
        hash_password(password)  # same time whether the user exists or not
        return None
    return row if verify_password(password, row.password_hash) else None


def create_token(s: Session, user: str, label: str = "") -> str:
    """A new API token for ``user`` (returned once; only its hash is stored)."""
    if s.get(UserRow, user) is None:
        raise ValueError(f"no user {user!r} (add one with eventwire user add)")
    token = "ew_" + secrets.token_urlsafe(32)
    s.add(TokenRow(user=user, token_hash=_sha(token), label=label))
    return token


def user_of_token(s: Session, token: str) -> UserRow | None:
    row = s.scalar(select(TokenRow).where(TokenRow.token_hash == _sha(token), TokenRow.revoked.is_(False)))
    return s.get(UserRow, row.user) if row is not None else None


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# ------------------------------------------------------------ sessions and CSRF

def sign_session(secret: str, user: str, hours: int) -> str:
    payload = f"{user}|{int(time.time()) + hours * 3600}"
    return f"{_b64(payload.encode('utf-8'))}.{_mac(secret, payload)}"


def read_session(secret: str, cookie: str | None) -> str | None:
    """The user name of a valid, unexpired session cookie, else None."""
    if not cookie or "." not in cookie:
        return None
    body, mac = cookie.rsplit(".", 1)
    try:
        payload = _unb64(body).decode("utf-8")
        user, expiry = payload.rsplit("|", 1)
        if not hmac.compare_digest(mac, _mac(secret, payload)) or int(expiry) < time.time():
            return None
    except (ValueError, UnicodeDecodeError):
        return None
    return user


def _mac(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode("utf-8"), payload.encode("utf-8"), hashlib.sha256).digest())


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(cookie: str | None, sent: str | None) -> bool:
    return bool(cookie) and bool(sent) and hmac.compare_digest(cookie, sent)


CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")

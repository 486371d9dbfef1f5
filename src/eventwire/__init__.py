"""eventwire: news wire stories in, ACLED-coded, geocoded, deduplicated conflict events out."""
import os

# The sentence encoder is numpy matrix work on small batches: one BLAS thread is ~20x faster than two
# competing ones on a busy 2-core machine. Set before numpy is first imported; users may override.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

__version__ = "0.1.0"

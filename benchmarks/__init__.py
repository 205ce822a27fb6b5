"""Performance benchmark of the coopsec pipeline on a synthetic corpus: ``python -m benchmarks --help``."""

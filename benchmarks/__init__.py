"""Benchmarks of the whole conversion on large synthetic Lemmy threads (not part of the tests).

Run from the repository root: ``python -m benchmarks.run`` (see ``run.py``). Pages, books and
results go to ``benchmarks/out/``, which git ignores.
"""

"""Measure extraction against the hand-checked gold set under ``tests/gold/``.

Each kind of extraction has its own module with ``evaluate(corpus) -> list[str]``, which
prints its figures next to an off-the-shelf baseline computed in the same run.
"""

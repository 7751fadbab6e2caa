"""Detectors: each a function ``detect(tokenised) -> list[Span]``, one module per family.

They propose; the scanner (:mod:`moksori.protect.scan`) drops what is already
masked, adds the known-names list, spreads every name found to all its
mentions, and folds duplicates. Recall comes first: a detector that is unsure
still reports, with a lower confidence.
"""

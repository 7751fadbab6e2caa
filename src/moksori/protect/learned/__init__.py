"""A learned sequence labeller (CRF over Kiwi tokens) beside the rule detectors."""

from moksori.protect.learned.labeller import using

__all__ = ["using"]

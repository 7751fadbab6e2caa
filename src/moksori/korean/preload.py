"""Imported by the fork server of Kiwi worker pools, never by hand.

Builds the single-threaded Kiwi that the server's children share copy-on-write
(see :func:`moksori.korean.kiwi.pool_context`).
"""

from moksori.korean import kiwi

kiwi.preload()

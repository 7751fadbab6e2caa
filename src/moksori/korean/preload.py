"""Imported by the fork server of Kiwi worker pools, never by hand.

Builds the single-threaded Kiwi that the server's children share copy-on-write
(see :func:`moksori.korean.kiwi.pool_context`).
"""

from moksori.korean import kiwi, terms

kiwi.configure(num_workers=kiwi.SINGLE_THREAD)
kiwi.get_kiwi()
# a first analysis builds Kiwi's lazy tables; done here, the workers share them
terms.index_terms(["두만강을 건넜어요. 어머니와 함께 왔습니다. We crossed the river."])

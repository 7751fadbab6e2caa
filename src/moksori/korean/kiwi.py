"""One lazily created, process-wide Kiwi analyser and batch helpers.

Why one instance: loading the model takes about 1-2 s and ~300 MB, so every
module (segmentation, index terms, queries) shares :func:`get_kiwi`. The model
comes from the installed ``kiwipiepy-model`` wheel; nothing is downloaded.

Why ``num_workers=1`` by default (measured on 2 cores, 300k characters of
interview text, kiwipiepy 0.24):

* ``num_workers=0`` is single-threaded but cannot take a list of texts at all
  ("asyncAnalyze doesn't work at single thread mode");
* ``num_workers=1``: a list takes the same time as per-string calls (2.8 s),
  but Kiwi analyses in its own thread while Python consumes the results, so
  our per-token work overlaps with Kiwi's;
* ``num_workers=2`` or ``-1`` (all cores): a list is ~2x faster (1.3 s),
  because the speed-up of "batching" is really just multithreading.

Worker pools (ingest, import, de-identification scan) run one *process* per
core, so more threads per process only compete for the same cores. Their
processes use a single-threaded Kiwi (``num_workers=0``, one text per call):
measured on 2 cores, two processes each handing a 300-text list to a
one-thread pool reach ~95% of one process with two Kiwi threads, and two
single-threaded processes reach ~100%; built once in the pools' fork server
(:func:`pool_context`) and shared copy-on-write by its children, ~104%. Two
copies of the model compete for the CPU caches; one shared copy does not.
Everywhere else (queries, highlighting the hits of a search, an in-process
ingest) the default uses every core.

North Korean spellings: Kiwi's dictionary is South Korean, so it cuts 녀성
into 녀 + 성 and 녀동생 into 녀 + 동생. At creation every dictionary noun,
verb, adjective, root and adverb of two or more syllables gets its North
Korean spellings (:func:`moksori.korean.orthography.north_spellings`) added as
variants with a penalty (-3, Kiwi's advice for bulk variants), so South Korean
readings still win when both fit. This adds ~15k morphemes and ~0.6 s to the
start-up; proper nouns (NNP, 62k more variants, +4 s) are left out — unknown
North Korean names are analysed as unknown nouns and folded afterwards.

Fork safety: Kiwi's thread pool does not survive ``fork()``; an instance with
threads is keyed by process id and a forked child builds its own. A
single-threaded instance has no pool, so a forked child keeps it.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.context import ForkServerContext

from kiwipiepy import Kiwi, MorphemeSet, Token

from moksori import pools
from moksori.korean.orthography import north_spellings

DEFAULT_NUM_WORKERS = -1  # all cores; worker processes use SINGLE_THREAD
SINGLE_THREAD = 0  # no thread pool: one text per call, and fork-safe

VARIANT_TAGS = ("NNG", "VV", "VA", "XR", "MAG")
VARIANT_SCORE = -3.0

_lock = threading.Lock()
_kiwi: Kiwi | None = None
_kiwi_pid: int | None = None
_num_workers = DEFAULT_NUM_WORKERS


def configure(*, num_workers: int = DEFAULT_NUM_WORKERS) -> None:
    """Choose Kiwi's threads; takes effect for the next instance created.

    ``num_workers`` is -1 (all cores), a thread count, or :data:`SINGLE_THREAD`.
    """
    global _num_workers, _kiwi
    with _lock:
        if num_workers != _num_workers:
            _kiwi = None
        _num_workers = num_workers


def init_worker_process() -> None:
    """Initialiser of every process pool that runs Kiwi (ingest, import, scan): a
    single-threaded Kiwi, since the processes already fill the cores. A process
    forked from :func:`pool_context`'s server keeps the Kiwi built there. Like every
    pool's worker, it dies with its parent and holds no passphrase (:mod:`moksori.pools`)."""
    pools.init_worker()
    configure(num_workers=SINGLE_THREAD)


def pool_context() -> ForkServerContext:
    """The process context of every pool that runs Kiwi.

    Its fork server imports :mod:`moksori.korean.preload` and so builds one Kiwi,
    which the pool processes share (see the module docstring). If the fork server
    of this process is already running without it, each pool process builds its
    own instead: correct, a few per cent slower. The server is started without the
    passphrase in its environment (:func:`moksori.pools.context`).
    """
    # The ingest pipeline is preloaded too, so the workers share its modules' memory
    # instead of each importing its own; named, not imported: korean sits below ingest.
    return pools.context(["__main__", "moksori.korean.preload", "moksori.ingest.pipeline"])


def _model_path() -> str | None:
    try:
        import kiwipiepy_model  # lazy: the model package is found only when Kiwi is built
    except ImportError:  # pragma: no cover - dependency is declared
        return None
    path: str = kiwipiepy_model.get_model_path()
    return path


def _first_north(word: str) -> str:
    spellings = north_spellings(word)
    return spellings[0] if spellings else word


def _second_north(word: str) -> str:
    spellings = north_spellings(word)
    return spellings[1] if len(spellings) > 1 else word


def _create() -> Kiwi:
    with warnings.catch_warnings():
        # kiwipiepy warns that num_workers=0 meant "all cores" before 0.21.
        warnings.simplefilter("ignore", DeprecationWarning)
        # Without the multi-word dictionary (252k Wikidata titles such as "브래드 피트"),
        # Kiwi loads in half the time (benchmarks/kiwi_load.py: 4.25 -> 2.22 CPU s) and
        # memory (peak RSS 520 -> 333 MB), and analyses every turn of the lemma-search
        # corpus as before; on KLUE 442 of 5,000 sentences differ (such names become two
        # NNP), with out-of-fold person recall 0.938 -> 0.937 at precision 0.764 -> 0.777,
        # place 0.936 -> 0.933 at 0.523 -> 0.526.
        kiwi = Kiwi(num_workers=_num_workers, model_path=_model_path(), load_multi_dict=False)
    for tag in VARIANT_TAGS:
        # Kiwi's add_rule takes one replacement per morpheme; 여성 has two
        # North Korean spellings (녀성, 려성), hence two passes.
        kiwi.add_rule(tag, _first_north, VARIANT_SCORE)
        kiwi.add_rule(tag, _second_north, VARIANT_SCORE)
    return kiwi


def get_kiwi() -> Kiwi:
    """The shared Kiwi instance of this process, created on first use."""
    global _kiwi, _kiwi_pid
    kiwi = _kiwi
    if kiwi is not None and (_kiwi_pid == os.getpid() or _num_workers == SINGLE_THREAD):
        return kiwi
    with _lock:
        if _kiwi is None or (_kiwi_pid != os.getpid() and _num_workers != SINGLE_THREAD):
            _kiwi = _create()
            _kiwi_pid = os.getpid()
        return _kiwi


def tokenize_many(texts: Sequence[str] | Iterable[str]) -> Iterator[list[Token]]:
    """Tokens of each text, in order; one Kiwi call for the whole list.

    The result is lazy: Kiwi keeps analysing the next texts in its threads
    while the caller processes earlier ones.
    """
    kiwi = get_kiwi()
    texts = list(texts)
    if not texts:
        return iter(())
    if _num_workers == SINGLE_THREAD:
        return (kiwi.tokenize(text) for text in texts)
    result: Iterator[list[Token]] = kiwi.tokenize(texts)
    return result


def tokenize(text: str, blocklist: Iterable[str] | None = None) -> list[Token]:
    """Tokens of one short text (queries); ``blocklist`` holds "form/TAG" items."""
    tokens: list[Token] = get_kiwi().tokenize(text, blocklist=blocklist)
    return tokens


def tokenize_many_blocked(texts: Sequence[str], blocklist: Iterable[str]) -> list[list[Token]]:
    """Like :func:`tokenize_many` but forbidding the given "form/TAG" morphemes.

    Used to split compound nouns: blocking 조선로동당/NNP makes Kiwi analyse the
    word into 조선 + 로동당.
    """
    if not texts:
        return []
    kiwi = get_kiwi()
    if _num_workers == SINGLE_THREAD:
        blocked = MorphemeSet(kiwi, blocklist)
        return [kiwi.tokenize(text, blocklist=blocked) for text in texts]
    return list(kiwi.tokenize(list(texts), blocklist=list(blocklist)))

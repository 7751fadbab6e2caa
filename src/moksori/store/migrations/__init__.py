"""Every schema migration, in order. One module per version; never edit a released one."""

from __future__ import annotations

from moksori.store.migrations import (
    v1_core,
    v2_repeats,
    v3_impact,
    v4_coding,
    v5_deid,
    v6_bilingual,
    v7_web,
    v8_hardening,
    v9_trash,
    v10_decisions,
    v11_shared_passages,
    v12_range_memos,
)

ALL_MIGRATIONS: list[tuple[int, str]] = [
    (1, v1_core.SQL),
    (2, v2_repeats.SQL),
    (3, v3_impact.SQL),
    (4, v4_coding.SQL),
    (5, v5_deid.SQL),
    (6, v6_bilingual.SQL),
    (7, v7_web.SQL),
    (8, v8_hardening.SQL),
    (9, v9_trash.SQL),
    (10, v10_decisions.SQL),
    (11, v11_shared_passages.SQL),
    (12, v12_range_memos.SQL),
]

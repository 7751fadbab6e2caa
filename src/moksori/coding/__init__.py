"""The qualitative-analysis layer: codebook, codings, cases, memos, reliability."""

"""Exchange with other qualitative-analysis tools: REFI-QDA and spreadsheets.

Researchers move between NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette and
moksori, so projects (``.qdpx``) and codebooks (``.qdc``) go out in the open
REFI-QDA format and come back in from whatever those tools write, quirks
included; coded segments, case attributes and codebooks also travel as
spreadsheets. Everything read here is untrusted input: parsing is hardened,
and an import is one transaction that leaves the project unchanged on error.
"""

"""Read-mostly analysis over codings: frequencies, co-occurrence, matrices, plots, reports."""

"""Schema 10: reserved for reconciliation decisions (issue 17), filled in this session."""

SQL = ""

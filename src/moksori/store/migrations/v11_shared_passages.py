"""Schema 11: reserved for passages shared between documents (issue 17), filled in this session."""

SQL = ""

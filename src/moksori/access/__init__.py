"""Who may use the project through the web: accounts, roles, sign-in and sessions.

Library use cases like any other: account changes and every sign-in, failed
or not, are audited here, in the transaction that makes them; the web app
only carries cookies and forms to them.
"""

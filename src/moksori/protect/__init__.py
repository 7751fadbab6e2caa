"""Protect the people: find personal data, pseudonymise, generalise, redact, measure risk.

Findings are proposals over the stored text (code-point spans); the redacted
text is a view computed from accepted findings and the project's policies.
Real names live only in the vault, a separate encrypted file.
"""

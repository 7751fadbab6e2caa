"""Moved to :mod:`moksori.access.users` (a library use case); kept while importers move."""

from moksori.access.users import ROLES, Role, User, UserError, Users  # noqa: F401

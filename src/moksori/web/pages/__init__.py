"""One router per page or area; the app includes them in this order."""

from __future__ import annotations

from fastapi import APIRouter

from moksori.web.pages import (
    audit,
    auth,
    cases,
    codebook,
    coded,
    deid,
    document,
    documents,
    reliability,
    reports,
    search,
    upload,
)

ROUTERS: list[APIRouter] = [
    auth.router,
    documents.router,
    upload.router,
    document.router,
    codebook.router,
    cases.router,
    search.router,
    coded.router,
    reliability.router,
    deid.router,
    reports.router,
    audit.router,
]

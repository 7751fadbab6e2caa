"""Street, lot and apartment addresses and postcodes, in Korean and English.

Why separate from places: an address is the finest identifier of all (a door),
so it is found by shape (road name + number, "101동 1203호", "Apt. 4B") rather
than by a list, and a postcode counts only where it cannot be a year or a price:
after its label ("우편번호는 15357"), after a US state, or closing an address.
Called by :func:`moksori.protect.detect.places.detect`, which also trims places
that run into an address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from moksori.protect.detect import sparse
from moksori.protect.spans import PiiType, Span
from moksori.protect.tokenised import TokenisedText

NAME = "addresses"
H = "\uac00-\ud7a3"

# A pattern starting with (?=[…]) names the characters a match can start with: the
# regex engine then passes over every other position at once (scans run 3–5× faster).

# --------------------------------------------------------------------- addresses
_RX_KO_ROAD = re.compile(
    rf"[{H}0-9]*[{H}](?:대로|로|길)\s?(?:\d+(?:번길|번가길|길))?\s?\d+(?:-\d+)?(?:\s?번지)?"
    rf"(?![\d])(?!\s?(?:시간|분|명|개|년|월|일|세|살|km|킬로|미터|m\b|%|퍼센트|번째|차|회|원))"
)
# A lot number after a ward or village; after 가 only glued (신문로가12): "아버지가 8.3
# 가내작업반" is a subject and a number. A decimal or a dotted date is no lot number.
_RX_KO_LOT = re.compile(
    rf"(?<![{H}])[{H}]{{1,6}}(?:(?:동|리)\s?|가)\d+(?:-\d+)?(?:\s?번지)?"
    rf"(?![\d])(?!\.\d)(?!\s?(?:시간|분|명|개|년|월|일|세|살|층|호|반|km|%|번째|차|회|원|동))"
)
_RX_KO_APT = re.compile(
    rf"(?:[{H}A-Za-z0-9]+\s?(?:아파트|빌라|맨션|오피스텔|하이츠|빌딩|주공|임대)\s?)?"
    rf"\d{{1,4}}\s?동\s?\d{{1,5}}\s?호"
    rf"|[{H}A-Za-z0-9]+(?:아파트|빌라|맨션|오피스텔)\s?\d{{1,4}}\s?동"
    rf"|\d+(?:-\d+)?\s?번지|\d+\s?인민반"
)
# Every match of _RX_KO_APT holds one of these. The regex tries every syllable of every
# word; this test finds in a tenth of the time whether a text can hold such an address.
_KO_APT_HINT = re.compile(r"(?=[\d번인])(?:\d\s?동|번지|인민반)")
_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|"
    r"Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Crescent|Close|Gardens|Row|"
    r"Mews|Trail|Alley|Walk|Plaza|Pike|Expressway|Freeway)\b\.?"
)
_RX_EN_STREET = re.compile(
    rf"(?=\d)\b\d{{1,6}}[A-Za-z]?(?:-\d+)?,?\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?"
    rf"(?:[\w'’.\-]+\s+){{0,4}}?{_STREET}"
)
_CONT_STREET = (
    r"(?:gate|gata|gatan|vej|vei|veien|väg|vägen|straße|strasse|str\.|gasse|weg|laan|straat|"
    r"gade|katu|tie|út|utca|tér|körút|ulica|ul\.|aleja|cesta|iela|tänav|g\.)"
)
_RX_EN_CONT = re.compile(
    rf"(?=[\dA-ZÀ-Þravpc])(?:\b(?:\d{{1,6}}\s+)?[A-ZÀ-Þ][\w'’\-]*(?:\s+[\w'’\-]+){{0,2}}?\s*{_CONT_STREET}\s+\d+[a-zA-Z]?\b\.?"
    rf"|\b(?:\d{{1,6}},?\s+)?(?:Rue|rue|Avenue|avenue|Via|via|Viale|Piazza|piazza|Calle|calle|"
    rf"Avenida|Rua|rua|Praça|Plaza|Chemin|Place|Largo|Corso|Paseo|Carrer)\s+(?:[\w'’.\-]+\s+){{0,4}}?\d+[a-zA-Z]?\b"
    rf"|\b(?:Rue|rue|Avenue|avenue|Via|Viale|Piazza|Calle|Avenida|Rua|Chemin|Corso|Paseo)"
    rf"\s+(?:d[eu]s?|de la|del|della|di)?\s*[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+){{0,2}})"
)
_RX_EN_NUMNAME = re.compile(
    r"(?=\d)\b\d{2,6}\s+[A-ZÀ-Þ][\w'’\-]+(?:\s+[\w'’\-]+){0,2}?\s+\d{1,5}[a-zA-Z]?\b(?!\s*(?:years|%|am|pm))"
)
_RX_EN_UNIT = re.compile(
    r"(?=[ASUFRPBD])(?:\b(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Room|Rm\.?|Floor|P\.?\s?O\.?\s?Box|"
    r"Box|PSC|USNS|USNV|USS|USCGC)\s*#?\s*\d+[A-Z]?\b|\b[DFA]PO\s+A[AEP]\s+\d{5}\b)"
    r"|(?=[ubpdfa])(?:\b(?:unit|box|psc)\s+\d{3,5}\b|\b[dfa]po\s+a[aep]\s+\d{5}\b)"
)
# "the corner of Dalbraut 99 and Frederikke Coves"; street words written before the name
# ("ul. Słowicza 10", "Avda. Rio Nalon 58", "C/ Señores Curas 88") or after it with a
# number ("Kálmán Imre u. 12.", "136 Filadelfeos Str.").
_RX_EN_CORNER = re.compile(
    r"(?=[Tt])\bthe corner of\s+[^\n?]{3,60}?\s+and\s+[\w'’\-]+(?:\s+[\w'’\-]+)?"
)
_RX_EN_PREFIXED = re.compile(
    r"(?=[uaAcCpP])\b(?:ul\.|al\.|Avda\.|Avd\.|Av\.|C/|pl\.|Pl\.)\s*(?:[\w'’\-]+\s+){0,3}?\d+[a-zA-Z]?\b"
    r"|(?=[A-ZÀ-Þ])(?<![\w.])(?:[A-ZÀ-Þ][\w'’\-]*[ \t]+){1,3}(?:u\.|Str\.|str\.)\s*\d+\.?"
    r"|(?=\d)(?:\b\d{1,5}\s+(?:[A-ZÀ-Þ][\w'’\-]*\s+){1,3}(?:Str\.|str\.?)"
    r"|\b\d{1,6},?[ \t]+(?:[Rr]ue|[Vv]ia|[Cc]alle|[Rr]ua|[Aa]venida)(?:[ \t]+[\w'’\-]+){1,4}"
    r"|\b(?!(?:19|20)\d\d\b)\d{3,6}[ \t]+\d{1,4}[ \t]+[A-ZÀ-Þ][\w'’\-]+"
    r"(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,3})"
)


def address_spans(tokenised: TokenisedText) -> list[Span]:
    """Every address in the text; touching fragments joined into one span."""
    text = tokenised.text
    out: list[Span] = []
    jkb: set[int] | None = None  # particles 로/으로: read only once a road is seen
    for m in sparse.finditer(_RX_KO_ROAD, text):
        road_end = re.search(r"(?:대로|로|길)\s?(?:\d+(?:번길|번가길|길))?\s?\d", m.group(0))
        if road_end and jkb is None:
            jkb = {
                t.start
                for t in tokenised.tokens
                if t.tag.startswith("J") and t.form in {"로", "으로"}
            }
        if road_end and jkb is not None and m.start() + road_end.start() in jkb:
            continue  # "서울로 3" is a direction, not a road
        out.append(Span(m.start(), m.end(), PiiType.ADDRESS, 0.8, NAME))
    apt_hint = _KO_APT_HINT.search(text) is not None
    for rx in (_RX_KO_LOT, _RX_KO_APT) if apt_hint else (_RX_KO_LOT,):
        for m in sparse.finditer(rx, text):
            out.append(Span(m.start(), m.end(), PiiType.ADDRESS, 0.75, NAME))
    for rx, conf in (
        (_RX_EN_STREET, 0.8),
        (_RX_EN_CONT, 0.7),
        (_RX_EN_NUMNAME, 0.5),
        (_RX_EN_UNIT, 0.8),
        (_RX_EN_CORNER, 0.7),
        (_RX_EN_PREFIXED, 0.7),
    ):
        for m in sparse.finditer(rx, text):
            out.append(Span(m.start(), m.end(), PiiType.ADDRESS, conf, NAME))
    return _merge_touching(_house_numbers(out, text), text)


_NUMBER_BEFORE = re.compile(r"(?<![\w.,:\-])\d{1,6}(?:[ \t]+\d{1,6})?[ \t]+$")


def _house_numbers(spans: list[Span], text: str) -> list[Span]:
    """A number right before an address belongs to it ("lives at 28919 136 Filadelfeos Str.")."""
    out = []
    for s in spans:
        m = _NUMBER_BEFORE.search(text[max(0, s.start - 10) : s.start]) if s.start else None
        if m is not None and not re.match(rf"[{H}]", text[s.start]):
            s = Span(s.start - len(m.group()), s.end, s.type, s.confidence, s.detector, s.info)
        out.append(s)
    return out


def _merge_touching(spans: list[Span], text: str) -> list[Span]:
    """Address fragments joined by spaces or commas are one address."""
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for s in spans:
        if out and (
            s.start <= out[-1].end or re.fullmatch(r"[ ,]{0,2}", text[out[-1].end : s.start])
        ):
            prev = out[-1]
            out[-1] = Span(
                prev.start,
                max(prev.end, s.end),
                PiiType.ADDRESS,
                max(prev.confidence, s.confidence),
                NAME,
            )
        else:
            out.append(s)
    return out


# --------------------------------------------------------------------- postcodes
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|BC|QC|AB|NS|MB"
)
_RX_UK = re.compile(r"(?=[A-Z])\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
_RX_US = re.compile(rf"(?=[A-Z])\b(?:{_US_STATES}|{_STATE_NAMES}),?\s+(\d{{5}}(?:-\d{{4}})?)(?!\d)")
# After a label, any common shape: 15357, 135-080, 394 13, 7412 SL, SW1A 1AA, B0J 2H0, 3520.
_RX_KO_POST = re.compile(
    r"(?=[우〒zp])(?:우편\s?번호|우\.|〒|zip(?:\s?code)?|post\s?code|postal\s?code)\s*"
    r"(?:는|은|가|이|is|was|:|：|#)?\s*[:：]?\s*"
    r"(\d{5}(?:-\d{3,4})?|\d{3}-\d{3}|\d{3}\s\d{2}|\d{4}\s?[A-Z]{2}|\d{3,5}"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\dA-Za-z])",
    re.I,
)
_RX_CA = re.compile(r"(?=[A-Z])\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")  # Canadian: letter-digit alternation
_RX_KO_POST_PAREN = re.compile(
    rf"(?=[(\[\d])(?:[(\[]\s*(\d{{5}}|\d{{3}}-\d{{3}})\s*[)\]]\s?(?=[{H}])"
    rf"|(?<![\d-])(\d{{5}})\s+(?=[{H}]+(?:특별시|광역시|도|시)\b))"
)
_RX_NEAR_ADDR = re.compile(r"\b(\d{4,5}(?:-\d{3,4})?|\d{3}\s\d{2}|\d{2}-\d{3}|\d{4}\s?[A-Z]{2})\b")


def postcode_spans(
    text: str, addresses: Sequence[Span], anchors: Sequence[Span] = ()
) -> list[Span]:
    """Postcodes by label, after a state, or closing an address or place (``anchors``)."""
    out: list[Span] = []
    for m in sparse.finditer(_RX_UK, text):
        if re.search(r"\d", m.group(0)) and re.search(r"[A-Z]{2}$", m.group(0)):
            out.append(Span(m.start(), m.end(), PiiType.POSTCODE, 0.7, NAME))
    for m in sparse.finditer(_RX_CA, text):
        out.append(Span(m.start(), m.end(), PiiType.POSTCODE, 0.6, NAME))
    for rx in (_RX_US, _RX_KO_POST, _RX_KO_POST_PAREN):
        for m in sparse.finditer(rx, text):
            g = 1 if m.group(1) else 2
            out.append(Span(m.start(g), m.end(g), PiiType.POSTCODE, 0.8, NAME))
    # A number closing an address block: "…Apt. 864\nArtilleros\n, CO\n Uruguay 64677".
    for a in [*addresses, *anchors]:
        window = text[a.end : a.end + 60]
        cut = re.search(r"[.!?](?:\s|$)(?![A-Z]{2})", window)
        window = window[: cut.start()] if cut else window
        for m in _RX_NEAR_ADDR.finditer(window):
            if re.match(r"\d{4}$", m.group(1)) and 1900 <= int(m.group(1)) <= 2099:
                continue
            s = a.end + m.start(1)
            if re.search(r"[\d)+.\-]\s?$", text[max(0, s - 2) : s]) or re.match(
                r"[ .\-]?\d|-[A-Za-z]", text[s + len(m.group(1)) :]
            ):
                continue  # part of a phone number: "+41 (0)96 471 07 95", "1693-Office"
            out.append(Span(s, s + len(m.group(1)), PiiType.POSTCODE, 0.6, NAME))
    return [s for s in out if not any(a.start <= s.start and s.end <= a.end for a in addresses)]


def detect(tokenised: TokenisedText) -> list[Span]:
    """Addresses and postcodes alone (places.detect also anchors postcodes on places)."""
    found = address_spans(tokenised)
    return found + postcode_spans(tokenised.text, found)

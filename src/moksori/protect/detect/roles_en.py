"""English role phrases for :mod:`.roles`: the agency words, the patterns, and when a paper
attributes a role to one person.

Why apart: the Korean roles are read from lists and unit words, the English ones from whole
phrases; together they passed the ~500 lines a module should hold.
"""

from __future__ import annotations

import re

# English. Each pattern is a whole role phrase; the agency words are the DPRK's own.
_EN_AGENCY = (
    r"(?:Bowibu|Bowiwon|Boanseo|Boanwon|Anjeonbu|Anjeonwon|Anjeon|MSS|SSD|MPS|"
    r"(?:Ministry\sof\s)?State\sSecurity(?:\sDepartment|\sMinistry)?|"
    r"(?:Ministry\sof\s)?People'?s\sSecurity(?:\sMinistry)?|secret\spolice|security\spolice)"
)
# Words one of which each English pattern needs, tested before the pattern is run.
EN_WORDS = [
    ("bowi", "boan", "anjeon", "mss", "ssd", "mps", "security", "police"),
    ("bowiwon", "boanwon", "anjeonwon", "banjang"),
    ("bowi", "boan", "anjeon", "mss", "ssd", "mps", "security", "police"),
    ("security", "border", "instructor", "police", "party", "customs"),
    ("secretary",),
    ("head of", "chief of", "leader of", "manager of", "chairman of", "chairwoman of",
     "director of"),
    ("head", "chief", "leader", "manager", "director"),
    ("chief of", "head of", "director of", "commander of"),
    ("factory", "mine", "colliery", "farm", "enterprise", "works", "mill", "brigade", "company"),
    ("corps", "division", "brigade", "regiment", "battalion", "centre", "center", "camp", "base",
     "company", "squadron", "fleet", "school", "unit"),
    ("russia", "siberia", "kuwait", "qatar", "uae", "middle east", "mongolia", "poland", "libya",
     "angola", "malaysia"),
    ("russia", "siberia", "kuwait", "qatar", "uae", "middle east", "mongolia", "poland", "libya",
     "angola", "malaysia"),
    ("russia", "siberia", "kuwait", "qatar", "uae", "middle east", "mongolia", "poland", "libya",
     "angola", "malaysia"),
    ("commander", "leader", "political", "commissar"),
    ("unit ",),
    ("committee",),
    ("police station", "hana cent", "counsel", "protection officer", "resettlement"),
    ("guard", "warden"),
    ("market",),
    ("109",),
    ("logging", "forestry", "fishing", "fisheries"),
    ("engineer", "manager", "director", "foreman", "accountant", "technician", "head", "chief"),
    ("floor", "shift", "line", "section", "workshop", "production"),
    ("pastor", "missionary", "evangelist", "deacon"),
    ("section of", "department of", "division of"),
    ("department", "office", "bureau"),
    ("logging", "timber", "forestry"),
    ("monitor", "civil servant", "clerk", "official"),
    ("patrol", "squad", "inspectors"),
]  # fmt: skip
EN_RX = [
    re.compile(
        rf"(?=[BAMSPs])\b{_EN_AGENCY}\s(?:agents?|officers?|officials?|m[ae]n|chief|head|director|"
        rf"investigators?|interrogators?|guards?)\b"
    ),
    re.compile(
        r"(?=[bBaAiI])\b(?:bowiwon|boanwon|anjeonwon|inminbanjang|inmin\s?banjang)s?\b", re.I
    ),
    # "a driver for the Bowibu": one of the few who work for the agency in a town.
    re.compile(
        r"(?=[adcgtiADCGTI])\b(?:a|an|the)\s(?P<r>(?:driver|cook|clerk|typist|guard|cleaner|interpreter"
        rf"|informant|secretary)\s(?:for|at|of|in|with)\s(?:the\s)?{_EN_AGENCY})"
    ),
    # Singular only: "security officials arrest returnees" (a paper) is about no one.
    re.compile(
        r"(?=[taoTAO])\b(?:[Tt]he|[Aa]|[Oo]ur|[Tt]hat|[Tt]his|[Oo]ne)\s(?:[A-Z][a-z]+(?:-[a-z]+)?\s)?"
        r"(?P<r>(?:state\s)?security\s(?:official|officer|agent)|customs\s(?:officer|official|inspector|guard)"
        r"|border\s(?:guard(?:\s(?:lieutenant|captain|sergeant|commander|officer))?|patrol\s(?:soldier|officer)"
        r"|security\sofficer)|political\sinstructor"
        r"|police\s(?:officer|chief|inspector)|policeman|policewoman|party\s(?:cadre|official|instructor))\b(?!s)"
    ),
    re.compile(
        r"\b(?:(?:primary|cell|county|provincial|city|village|farm|factory|enterprise|mine|"
        r"local|district|unit|ri)\s)?party\ssecretary\b"
        r"(?:\sof\s(?:our|the|my|his|her|their)\s(?:[a-z-]+\s){0,2}"
        r"(?:farm|factory|mine|enterprise|village|unit|town|company|cooperative|brigade))?",
        re.I,
    ),
    re.compile(
        r"(?=[hcmlHCML])\b(?:head|chief|leader|manager|chairman|chairwoman|director)\sof\s"
        r"(?:our|the|my|his|her|their|that)\s(?:(?!(?:and|or|in|of|at|on)\b)[a-z'’-]+\s){0,3}"
        r"(?:committee|union|league|association|neighbou?rhood(?:\s(?:unit|watch))?|people'?s\sunit|inminban|work(?:ing)?\s(?:team|unit|brigade)|"
        r"sub-?work\s?team|farm|mine|factory|enterprise|brigade|cooperative|co-op|unit|team|school"
        r"|hospital|station|office|company|post|line|shift|workshop)\b"
        r"(?:\s\((?:inminban|inminbanjang)\))?",
        re.I,
    ),
    re.compile(
        r"(?=[inpwsfmtbINPWSFMTB])\b(?:inminban|neighbou?rhood[- ]unit|people'?s[- ]unit"
        r"|work[- ]?team|work[- ]unit|work[- ]?group|"
        r"sub-?work[- ]?team|farm|mine|factory|team|brigade|squad)"
        r"\s(?:head|chief|leader|manager|director)\b"
        r"(?:\s(?:on|at|of|in)\s(?:the|our|a|that)\s(?:[a-z-]+\s)?(?:farm|factory|mine|enterprise"
        r"|cooperative|co-op|brigade)\b)?",
        re.I,
    ),
    re.compile(
        r"(?=[chdCHD])\b(?:chief|head|director|commander)\sof\s(?:the\s|our\s)?(?:[A-Z][a-z]+\s)?"
        r"(?:police\sstation|police|security\s(?:office|department|bureau)|Bowibu|Boanseo|Anjeonbu"
        r"|prison|camp|labou?r\scamp|holding\scentre|holding\scenter|border\sguard\spost)\b"
    ),
    # A named work unit: "the Komusan cement factory", "Musan Mine", "the Kim Chaek steel works".
    re.compile(
        r"(?=[A-Z])\b(?!(?:The|A|An|Our|My|His|Her|Their|This|That|These|Those|Every|Each|Some|Any|No|In|At"
        r"|On|From|To|By|Of|For|With|When|After|Before|State|Local|North|South|Chinese|Korean|Russian"
        r"|It|There|Then|And|But|So|Every|He|She|We|They|You|Who|Everyone|Nobody|Someone|Mother|Father)\b)"
        r"(?P<r>(?:[A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,2})\s(?:(?:[Cc]ement|[Cc]oal|[Ii]ron|[Ss]teel|"
        r"[Tt]extile|[Pp]aper|[Mm]achine|[Ff]ertili[sz]er|[Cc]hemical|[Ff]ood|[Ss]hoe|[Tt]obacco|[Mm]ining|"
        r"[Yy]outh|[Cc]ooperative|[Cc]ollective|[Ss]tate|[Tt]rading|[Ll]ogging)\s)?"
        r"(?:[Ff]actory|[Mm]ine|[Cc]olliery|[Ff]arm|[Ee]nterprise|[Ss]teel\s[Ww]orks|[Ww]orks|[Mm]ill"
        r"|[Bb]rigade|[Tt]rading\s[Cc]ompany))\b"
    ),
    # "a soldier in the 8th Corps": a numbered military unit.
    re.compile(
        r"\b(?P<r>(?:the\s)?\d{1,4}(?:st|nd|rd|th)\s(?:[A-Z][a-z]+\s){0,2}(?:Corps|Division|Brigade"
        r"|Regiment|Battalion|Cent(?:re|er)|Camp|Base|Company|Squadron|Fleet|School|Unit))\b"
    ),
    re.compile(
        r"(?=[lotcdLOTCD])\b(?:(?:logging|timber|lumber|construction|overseas|dispatched)\s(?:workers?|labou?rers?|"
        r"camps?)|loggers?|lumberjacks?)\s(?:in|to|at)\s(?:Russia|Siberia|the\sRussian\sFar\sEast|"
        r"Kuwait|Qatar|the\sUAE|the\sMiddle\sEast|Mongolia|Poland|Libya|Angola|Malaysia)\b",
        re.I,
    ),
    # "worked in a logging crew in the Russian Far East": the trade, then the country.
    re.compile(
        r"\b(?P<r>(?:logging|timber|lumber|construction|forestry)\s(?:crews?|teams?|brigades?|units?"
        r"|gangs?|camps?))\b(?=[^.!?\n]{0,40}?\b(?:Russia|Russian|Siberia|Siberian|Kuwait|Qatar|UAE"
        r"|Middle\sEast|Mongolia|Poland|Libya|Angola|Malaysia)\b)"
    ),
    # "went to Russia with a logging crew": the country first, the trade after it.
    re.compile(
        r"\b(?:Russia|Siberia|Kuwait|Qatar|the\sUAE|the\sMiddle\sEast|Mongolia|Poland|Libya"
        r"|Angola|Malaysia)\b[^.!?\n]{0,40}?\b(?P<r>(?:logging|timber|lumber|construction|forestry)\s"
        r"(?:crews?|teams?|brigades?|units?|gangs?|camps?|workers?|labou?rers?)|loggers?|lumberjacks?)\b"
    ),
    # An army officer by his unit: "our company commander", "the platoon leader".
    re.compile(
        r"\b(?P<r>(?:company|platoon|battalion|regiment(?:al)?|squad|division(?:al)?|brigade|corps)"
        r"\s(?:commander|leader|chief|political\s(?:officer|instructor|commissar)|commissar))\b",
        re.I,
    ),
    # "Unit 4524", "Military Unit 10215": a numbered army unit.
    # ("Unit 4719 Box 7394" is a forces' postal address: the address detector's).
    re.compile(r"\b(?P<r>(?:[Mm]ilitary\s|KPA\s|[Aa]rmy\s)?Unit\s\d{3,6})\b(?!,?\s(?i:box))"),
    # "inspectors from the provincial party committee", "the Kilju county people's committee".
    re.compile(
        r"\b(?P<r>(?:(?i:inspectors?|officials?|cadres?|instructors?)\s(?:from|of)\s(?:the\s)?)?"
        r"(?:[A-Z][a-z]+(?:-[a-z]+)?\s)?(?:provincial|city|county|municipal|district|village|ri)\s"
        r"(?:party|people'?s)\scommittee)\b"
    ),
    # South Korean officials assigned to one arrival, and police by their station.
    re.compile(
        r"\b(?P<r>(?:(?:chief\s)?(?:inspector|detective|officer|counsell?or|case\s?worker|social\sworker)"
        r"|(?:job|employment|resettlement)\scounsell?or)\s(?:at|of|from)\s(?:the\s)?"
        r"[A-Z][a-z]+\s(?:Hana\sCent(?:er|re)|[Pp]olice\s[Ss]tation)"
        r"|(?:personal\s)?protection\sofficer|resettlement\s(?:police\s)?officer)\b"
    ),
    # "the holding-centre guards", "a prison warden".
    re.compile(
        r"\b(?P<r>(?:holding[- ]cent(?:re|er)|detention[- ]cent(?:re|er)|prison|camp|jail)"
        r"\s(?:guards?|wardens?))\b",
        re.I,
    ),
    re.compile(
        r"\b(?P<r>market\s(?:management\s)?(?:office\s)?(?:collector|manager|inspector|official"
        r"|guard|supervisor))\b",
        re.I,
    ),
    re.compile(
        r"\b(?P<r>(?:[Gg]roup|[Ss]quad|[Uu]nit)\s109|109\s(?:[Ss]quad|[Gg]roup|[Uu]nit"
        r"|[Tt]ask\s[Ff]orce|[Pp]atrol))\b"
    ),
    # "the Pochon logging station": a named station of a trade.
    re.compile(
        r"\b(?P<r>[A-Z][a-z]+(?:-[a-z]+)?\s(?:logging|forestry|fishing|fisheries)\s(?:station|camp"
        r"|enterprise|cooperative|base))\b"
    ),
    # "a chief engineer at the Bongung chemical plant": a post in a named enterprise.
    re.compile(
        r"\b(?P<r>(?:chief\s|deputy\s|head\s)?(?:engineer|manager|director|foreman|accountant"
        r"|technician|head|chief)\s(?:at|of)\sthe\s[A-Z][a-z]+(?:\s[a-z]+)?\s(?:plant|factory|mine"
        r"|works|enterprise|farm|complex|mill|shipyard|colliery|bureau|department|administration"
        r"|hospital))\b"
    ),
    # "the floor manager", "our shift supervisor": the one boss of a workplace.
    re.compile(
        r"(?i:the|our|my|her|his)\s(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s)?(?P<r>(?:floor|shift|line|section"
        r"|workshop|production)\s(?:manager|supervisor|leader|boss|chief))\b"
    ),
    # "the church's outreach pastor for defectors".
    re.compile(
        r"\b(?P<r>(?:outreach\s)?(?:pastor|missionary|evangelist|deacon)\s(?:for|of|to|in\scharge\sof)"
        r"\s(?:the\s)?(?:defectors|North\sKoreans|refugees|newcomers|settlers))\b"
    ),
    # "the counter-intelligence section of the Onsong county security bureau".
    re.compile(
        r"\b(?P<r>[a-z-]+\s(?:section|department|division)\sof\sthe\s[A-Z][a-z]+\s"
        r"(?:county\s|city\s|provincial\s|district\s)?(?:state\s)?(?:security|police|safety)\s"
        r"(?:bureau|department|office|station|agency))\b"
    ),
    # "instructor in the provincial party organisation department", "the Hoeryong city
    # commerce office": a post in, or an office of, a named or ranked party or state body.
    re.compile(
        r"\b(?P<r>(?:(?:instructor|official|cadre|secretary|clerk)\s(?:in|of|at)\sthe\s"
        r"(?:provincial|city|county|central|district)\s(?:party\s)?[a-z]+\s(?:department|office"
        r"|bureau))|[A-Z][a-z]+\s(?:city|county|provincial|district)\s[a-z]+\s(?:office|bureau"
        r"|department|administration))\b"
    ),
    re.compile(
        r"\b(?P<r>(?:logging|timber|forestry)\s(?:enterprise|camp|station|company|site)\s(?:in|at)"
        r"\s(?:the\s)?(?:[A-Z][a-z]+\s)?(?:Oblast|Krai|Siberia|Russia|Russian\sFar\sEast"
        r"|Khabarovsk|Amur|Tynda))\b"
    ),
    # "the hygiene monitor of our inminban", "a civil servant at the Buk District office".
    re.compile(
        r"\b(?P<r>(?:(?:hygiene|fire|security|propaganda)\s)?monitor\sof\s(?:our|the|my|her|his)"
        r"\s(?:inminban|neighbou?rhood\sunit|block|street)|(?:civil\sservant|clerk|official)\s(?:at|in)"
        r"\sthe\s[A-Z][a-z]+\s(?:District|City|County|Ward|Dong)\s(?:office|hall|centre|center))\b"
    ),
    # "the railway security patrol", "the market inspection squad": a unit of a few officials.
    re.compile(
        r"\b(?P<r>(?:railway|train|border|market|street|train\sstation)\s(?:security\s|inspection\s"
        r"|safety\s)?(?:patrol|squad|inspectors))\b"
    ),
]


# A grammar rather than phrases: a title noun after words that say whose office it is ("the
# district security inspector", "the farm management committee chairman", "a provincial
# prosecutor"), a title with the body it serves ("manager of the Sunam market", "political
# officer of the company", "trade union chairman at the February 8 Vinalon Complex"), and
# the body a person headed ("headed the local women's union").
_EN_OFFICE_WORD = (
    r"(?:party|security|police|railway|train|district|county|provincial|city|local|village|ri|farm"
    r"|mine|factory|union|league|youth|women'?s|trade|management|committee|military|mobili[sz]ation"
    r"|department|market|border|interrogation|counter-?espionage|counter-?intelligence|political"
    r"|propaganda|organi[sz]ation|cell|workshop|team|brigade|inminban|neighbou?rhood|customs"
    r"|prison|camp|state|people'?s|public|safety|cooperative|co-?op|enterprise|labou?r|munitions"
    r"|investigation|inspection|personnel|commerce|supply|planning|cadre|general|chief|deputy"
    r"|work|sub-?work|street|block|section|station|office|bureau|crew|gang|shift|site|guard|army"
    r"|logging|construction|plant|mill|works|ward|precinct|dong|county-level|town|pit|assigned"
    r"|resident|prison|ship|boat|board|shop|store|restaurant|canteen|hospital|clinic|school|air"
    r"|force|naval|navy)"
)
_EN_TITLE = (
    r"(?:officer|agent|official|secretary|chairman|chairwoman|chief|head|manager|director"
    r"|foreman|commander|inspector|interrogator|prosecutor|instructor|commissar|guard|warden"
    r"|leader|supervisor|investigator|judge|policeman|policewoman|boss|captain|skipper"
    r"|(?:station|post|head|harbou?r)master|lieutenant|colonel|sergeant|security\sm[ae]n)"
)
_EN_ORG_HEAD = (
    r"(?:market|company|department|section|committee|union|league|farm|mine|colliery|factory"
    r"|complex|enterprise|works|mill|plant|brigade|unit|team|station|office|bureau|post|police"
    r"|Bowibu|Boanseo|Anjeonbu|cooperative|co-op|prison|camp|shipyard|administration|inminban"
    r"|neighbou?rhood\sunit|Corps|Division|Regiment|Battalion|Brigade|Complex|Works|Mine|Farm"
    r"|Factory|Company|regiment|battalion|division|corps|squadron|fleet|platoon)"
)
_EN_DET = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Tt]hat|[Tt]his|[Oo]ne|as|was|became)\s"
    r"(?:(?:new|old|former|then|young|same|acting|feared|only|deputy|vice|second|first)\s)?"
)
_EN_BODY_TAIL = (
    rf"(?:\s(?:of|at|from|in|for)\s(?:the|our|my|his|her|their|that|a)\s"
    rf"(?:[\w'’.-]+\s){{0,4}}?{_EN_ORG_HEAD}\b"
    rf"(?:\s(?:of|at|in)\s(?:the|our|my|his|her|their)\s(?:[\w'’.-]+\s){{0,3}}?{_EN_ORG_HEAD}\b)?)"
)
EN_GRAMMAR_WORDS = (
    "officer", "agent", "official", "secretary", "chairman", "chairwoman", "chief", "head",
    "manager", "director", "foreman", "commander", "inspector", "interrogator", "prosecutor",
    "instructor", "commissar", "guard", "warden", "leader", "supervisor", "investigator", "judge",
    "policeman", "policewoman", "headed", "chaired", "department", "section", "brigade", "led",
    "ran", "managed", "directed", "commanded", "boss", "captain", "skipper", "master", "police",
    "'s ", "crew", "workers", "team", "camp", "lieutenant", "colonel", "sergeant", "men",
)  # fmt: skip
EN_GRAMMAR = [
    # "the district security inspector", "a railway security officer", "the youth league
    # secretary at his factory": office words, a title, the body it serves if said.
    re.compile(
        rf"\b{_EN_DET}(?P<r>(?:(?i:{_EN_OFFICE_WORD})[\s-]){{1,4}}(?i:{_EN_TITLE})\b(?!s\b)"
        rf"(?:{_EN_BODY_TAIL})?)"
    ),
    # "the manager of the Sunam market", "an agent from the counter-espionage section of the
    # Bowibu", "the head of the county military mobilisation department".
    re.compile(rf"\b{_EN_DET}(?P<r>(?i:{_EN_TITLE}){_EN_BODY_TAIL})"),
    # "inspectors from the provincial security bureau": a few officials of one body.
    re.compile(
        rf"\b(?P<r>(?i:{_EN_TITLE[3:-1]})s\sfrom\sthe\s(?:(?i:{_EN_OFFICE_WORD})\s){{0,3}}"
        rf"(?:bureau|department|office|committee|station|Bowibu|Boanseo|Anjeonbu|police))\b"
    ),
    # "headed the local women's union", "chaired the farm's management committee".
    re.compile(
        r"\b(?:headed|chaired|ran|led|managed|directed|commanded)\s(?:the|our|a|an|his|her|their)\s"
        r"(?P<r>(?:[\w'’-]+\s){0,3}?(?:union|league|committee|unit|team|brigade|department|office"
        r"|section|cell|gang|crew|squad|shift|workshop|company|mine|farm|factory|enterprise|market"
        r"|station|post|platoon|battalion)(?:\s(?:in|at|of)\s[A-Z][a-z]+(?:\s(?:County|City|District))?)?)\b"
    ),
    # "the interrogation department of the city police": a bureau of a handful of officers.
    re.compile(
        r"(?P<r>\b[a-z-]+\s(?:department|section|division|bureau)\sof\sthe\s(?:[a-z]+\s){0,2}"
        r"(?:police|security\s(?:bureau|department|office)|Bowibu|Boanseo|Anjeonbu|prosecutors?"
        r"(?:'|’)?\s?office))\b"
    ),
    # "the stationmaster at Kilju", "the railway police": one post in a named town, and a
    # police body of one line or county (a handful of men).
    re.compile(
        rf"\b{_EN_DET}(?P<r>(?i:{_EN_TITLE})\s(?:at|in|of)\s[A-Z][a-z]+(?:-[a-z]+|\s[A-Z][a-z]+)?"
        r"(?:\s(?:[Ss]tation|[Cc]ounty|[Cc]ity|[Dd]istrict|[Mm]ine|[Ff]arm))?)\b"
    ),
    re.compile(
        rf"\b{_EN_DET}(?P<r>(?:railway|border|county|city|district|village|town|station|train"
        r"|military|market)\spolice)\b"
    ),
    # "the centre's chief of staff", "the company's youth league secretary": a title of a
    # body named by its possessive.
    re.compile(
        rf"\b{_EN_DET}(?P<r>(?:[a-z-]+\s)?[a-z-]+['’]s\s(?:(?i:{_EN_OFFICE_WORD})[\s-]){{0,3}}"
        rf"(?:(?i:{_EN_TITLE})|chief\sof\sstaff)(?:\sof\sstaff)?)\b(?!s\b)"
    ),
    # "a logging crew in Tynda", "construction workers of the Namgang company": a crew of a
    # trade in a named town or of a named company is one of the state's labour units.
    re.compile(
        r"\b(?P<r>(?:logging|timber|lumber|forestry|construction|fishing|mining)\s(?:crew|team|brigade"
        r"|gang|camp|workers|labou?rers)\s(?:(?:in|at|near)\s[A-Z][a-z]+(?![\s-][A-Z])"
        r"|(?:of|for|with)\s(?:the\s)?[A-Z][a-z]+\s(?:company|enterprise|corporation|trust"
        r"|Company|Enterprise|Corporation|Trust)))\b"
    ),
    # "a coal mine shock brigade": a brigade is always one named unit.
    re.compile(
        r"\b(?P<r>(?:(?!(?:a|an|the|our|my|his|her|their|to|join|joined|in)\s)[a-z-]+\s){0,3}"
        r"shock\sbrigade)\b"
    ),
    # A title that is an office by itself: "the interrogator", "a prosecutor", "a second
    # lieutenant" (an officer's rank names one of a handful in a unit).
    re.compile(
        rf"\b{_EN_DET}(?P<r>(?:interrogator|prosecutor|commissar|warden|investigator|skipper"
        r"|lieutenant|colonel|sergeant))\b(?!s\b)"
    ),
]


# In a paper an English role counts where it is said of one person: "C, a woman in her
# forties, was a sub-workteam leader on the state farm"; "security officials" in general
# are no one.
EN_ATTRIBUTED = re.compile(
    r"\b(?:is|was|had\sbeen|has\sbeen|worked\sas|works\sas|served\sas|became|as)\s(?:a|an|the|her|his)?\s?$",
    re.I,
)


EN_RX += EN_GRAMMAR
EN_WORDS += [EN_GRAMMAR_WORDS] * len(EN_GRAMMAR)

"""Near-miss texts for the third set: pairs that share facts, a form or a guide, never a passage.

Each function returns the two bodies (plain paragraphs). Written by hand with slots so that
the two sides tell the same thing in their own words.
"""

# ruff: noqa: E501 - prose pools: a sentence stays on one line

from __future__ import annotations

EVENT_EN = [
    (
        [
            "A fire in a shared dormitory near the {city} industrial park forced {n} workers out of "
            "their rooms before dawn on Sunday, the fire service said.",
            "Nobody was hurt. Residents said the alarm had been broken for weeks and that they had "
            "told the landlord twice. The building housed mostly night-shift staff from nearby plants.",
            "{org} has opened its hall as a shelter and is collecting blankets and phone chargers.",
        ],
        [
            "Early on Sunday, {n} people living in a dormitory by the {city} industrial park had to "
            "leave when fire spread along the ground-floor corridor.",
            "Firefighters brought it under control within an hour and reported no injuries. Tenants "
            "we spoke to said they had complained about a faulty alarm more than once.",
            "Most of those housed there work nights. A shelter has been set up by {org}, which asked "
            "for donations of bedding.",
        ],
    ),
    (
        [
            "The {city} council voted on Thursday to close its only evening advice desk for newcomers "
            "at the end of the month, citing a shortfall of {n} million won.",
            "Councillors who opposed the move said the desk saw more visitors each year. {org} called "
            "the decision short-sighted and said it would try to keep a volunteer service going.",
        ],
        [
            "Newcomers in {city} will lose their evening advice desk from next month after councillors "
            "approved its closure, pointing to a budget gap of {n} million won.",
            "The vote was split. {org}, which refers many clients to the desk, criticised it and hopes "
            "to staff a smaller service with volunteers.",
        ],
    ),
]
EVENT_KO = [
    (
        [
            "{city}의 한 다세대주택에서 지난 금요일 밤 가스 누출 사고가 나 주민 {n}명이 대피했다.",
            "소방당국은 다친 사람은 없다고 밝혔다. 주민들은 몇 달 전부터 냄새가 났지만 집주인이 점검을 "
            "미뤘다고 말했다. 입주자 상당수는 인근 공장에서 일하는 사람들이다.",
            "{org}은 임시 숙소를 마련하고 생필품을 모으고 있다.",
        ],
        [
            "금요일 밤 {city} 다세대주택 주민 {n}명이 가스가 샌다는 신고 뒤 건물 밖으로 피해야 했다.",
            "인명 피해는 없었다고 소방서가 전했다. 취재진이 만난 세입자들은 냄새 문제를 여러 차례 "
            "알렸는데도 집주인이 손을 쓰지 않았다고 주장했다.",
            "주민 대부분은 근처 공장 노동자다. {org}이 머물 곳을 구해 주고 기부 물품을 받고 있다.",
        ],
    ),
]
RELEASE = {
    "en": (
        [
            "PRESS RELEASE. {org} today launches a free evening legal clinic in {city}. From "
            "next week, lawyers will see clients without appointment every Wednesday from 6 pm "
            "to 9 pm. The clinic will advise on wages, tenancy and family matters, with "
            'interpreters available on request. "Too many people give up on a claim because '
            'they cannot take a day off," said the director. For more information, contact the '
            "office."
        ],
        [
            "Residents of {city} who cannot leave work during the day will be able to consult "
            "a lawyer for free on Wednesday evenings, under a scheme announced by {org}.",
            "The clinic, open without appointment between six and nine, covers unpaid wages, "
            "housing disputes and family law. Interpreters can be booked. Its director told us "
            "that many people drop claims because taking a day off is impossible.",
        ],
    ),
    "ko": (
        [
            "보도자료. {org}은 오늘 {city}에서 무료 야간 법률상담소를 연다고 밝혔다. 다음 주부터 "
            "매주 수요일 저녁 6시부터 9시까지 예약 없이 변호사가 상담한다. 임금, 임대차, 가족 문제를 "
            '다루며 요청하면 통역도 제공한다. 대표는 "낮에 일을 쉴 수 없어서 권리 구제를 포기하는 '
            '사람이 너무 많다"고 말했다. 문의는 사무국으로 하면 된다.'
        ],
        [
            "낮에 직장을 비울 수 없는 {city} 주민들이 수요일 저녁마다 무료로 변호사를 만날 수 "
            "있게 됐다. {org}이 발표한 사업이다.",
            "상담소는 저녁 여섯 시에서 아홉 시 사이 예약 없이 운영되며 밀린 임금, 집 문제, 가족법을 "
            "다룬다. 통역은 미리 신청하면 된다. 대표는 하루 쉬는 게 불가능해 청구를 접는 사람이 많다고 "
            "설명했다.",
        ],
    ),
}
ROUTE = [
    [
        "강을 건넌 건 새벽 두 시쯤이었어요. 물이 허리까지 와서 언니 손을 꼭 잡고 걸었어요.",
        "건너편 마을에서 이틀을 숨어 지냈고, 안내하는 사람이 트럭 짐칸에 우리를 태웠어요. 덮개 밑에서 "
        "열 시간 넘게 숨죽이고 있었던 것 같아요.",
        "도시에 도착해서는 한 아주머니 집 창고에 한 달 있었어요. 밖에 나가는 게 제일 무서웠어요.",
    ],
    [
        "저희는 밤늦게 강가로 갔고 안내인이 얕은 곳을 골라 줬어요. 아들을 업고 건넜는데 발이 자꾸 "
        "미끄러졌어요.",
        "그다음엔 산길로 한참 걸어서 어느 농가에 닿았어요. 며칠 뒤 화물차 뒤칸에 숨어서 하루 종일 "
        "이동했어요. 숨 쉬는 것도 조심했어요.",
        "큰 도시에서는 식당 주인이 방 하나를 내줘서 몇 주 지냈어요. 검문이 있다는 소문이 돌 때마다 "
        "잠을 못 잤어요.",
    ],
]
LETTER = {
    "en": (
        "Dear {who},\n\nThank you for your application to {org}. ",
        " We have reviewed it carefully. ",
        "\n\nIf you have questions, please reply to this letter or call the office.\n\n"
        "Yours sincerely,\n{org}\n",
    ),
    "ko": (
        "{who} 님께\n\n{org}에 신청해 주셔서 감사합니다. ",
        " 신청서를 꼼꼼히 검토했습니다. ",
        "\n\n궁금한 점은 이 편지에 답장하시거나 사무실로 전화해 주십시오.\n\n{org} 드림\n",
    ),
}
SHORT_QUOTE = {
    "en": (
        '"We did not come here to be rescued; we came to be allowed to work, to rent a room '
        'in our own name, and to be believed when we speak."'
    ),
    "ko": (
        '"우리는 구조받으려고 온 게 아니라 일할 수 있고, 내 이름으로 방을 얻고, 말하면 믿어 주는 '
        '곳에서 살려고 왔습니다."'
    ),
}
LETTER_BODY = {
    "en": [
        "Your request for {prog} has been approved, starting on the first day of next month.",
        "Unfortunately we cannot offer {prog} at present, because this year's budget in {city} is spent.",
        "Please bring your tenancy contract and your last {d} payslips to our {city} office.",
        "A caseworker will call you within {d} days to arrange a first meeting.",
        "We need a copy of your registration card before we can decide on {prog}.",
        "You have been placed on the waiting list for {prog}; there are {n} people ahead of you.",
        "The interpreter you asked for will be available on Thursdays in {city}.",
        "If your circumstances change, for example a new job or a move, please tell us.",
    ],
    "ko": [
        "신청하신 {prog}이 승인되어 다음 달 1일부터 지원됩니다.",
        "올해 {city} 예산이 모두 소진되어 지금은 {prog}을 제공해 드리기 어렵습니다.",
        "임대차 계약서와 최근 {d}개월 급여명세서를 {city} 사무실로 가져와 주십시오.",
        "{d}일 안에 담당 사례관리자가 첫 상담 일정을 잡기 위해 연락드릴 것입니다.",
        "{prog} 결정을 위해 외국인등록증 사본이 필요합니다.",
        "{prog} 대기자 명단에 올라 있으며 앞에 {n}명이 기다리고 있습니다.",
        "요청하신 통역은 {city}에서 목요일마다 가능합니다.",
        "새 직장이나 이사처럼 사정이 바뀌면 꼭 알려 주십시오.",
    ],
}

"""Word pools and sentence templates for the third held-out shared-passage set (all fictional).

Different vocabulary from the first two sets: health, housing, schooling, labour and legal-aid
stories told by invented organisations in invented or real towns. build.py draws from these with
a fixed seed and never emits the same sentence twice (only planted copies repeat).
"""

# ruff: noqa: E501 - prose pools: a sentence stays on one line

from __future__ import annotations

SLOTS: dict[str, dict[str, list[str]]] = {
    "org": {
        "en": [
            "the Haneul Bridge Network",
            "Dalbit Women's Centre",
            "the North Star Trust",
            "Open Gate Legal Aid",
            "the Saemul Youth Forum",
            "Pine Harbour Clinic",
            "the Mokryeon Housing Desk",
            "Seoul Riverside Learning Hub",
            "the Gaon Labour Line",
            "Hwarang Family Services",
            "the Ongi Community Kitchen",
            "Byeol Night School",
        ],
        "ko": [
            "하늘다리 네트워크",
            "달빛여성센터",
            "북극성 재단",
            "열린문 법률지원단",
            "새물 청소년포럼",
            "솔항 의원",
            "목련 주거상담소",
            "강변 배움터",
            "가온 노동상담전화",
            "화랑 가족지원센터",
            "온기 공동부엌",
            "별빛 야학",
        ],
    },
    "city": {
        "en": [
            "Gimpo",
            "Cheonan",
            "Ulsan",
            "Wonju",
            "Suncheon",
            "Gangneung",
            "Jeonju",
            "Mokpo",
            "Pocheon",
            "Asan",
            "Yangju",
            "Gyeongsan",
            "Chungju",
            "Iksan",
        ],
        "ko": [
            "김포",
            "천안",
            "울산",
            "원주",
            "순천",
            "강릉",
            "전주",
            "목포",
            "포천",
            "아산",
            "양주",
            "경산",
            "충주",
            "익산",
        ],
    },
    "prog": {
        "en": [
            "the night-school voucher",
            "the rent deposit loan",
            "the trauma counselling line",
            "the dental care fund",
            "the driving licence course",
            "the childcare top-up",
            "the job-matching scheme",
            "the legal clinic",
            "the winter heating grant",
            "the mentoring programme",
            "the language tutoring pilot",
            "the savings match",
        ],
        "ko": [
            "야간학교 바우처",
            "임대보증금 대출",
            "심리상담 전화",
            "치과 치료 기금",
            "운전면허 과정",
            "보육료 추가 지원",
            "일자리 연계 사업",
            "무료 법률상담",
            "겨울 난방비 지원",
            "멘토링 사업",
            "한국어 과외 시범사업",
            "자산형성 적금",
        ],
    },
    "grp": {
        "en": [
            "older women",
            "teenagers who arrived alone",
            "single fathers",
            "people with chronic illness",
            "night-shift workers",
            "families with infants",
            "students over thirty",
            "people living in shared rooms",
            "recent arrivals",
            "people waiting for a hearing",
            "former farm workers",
            "grandparents raising children",
        ],
        "ko": [
            "나이 든 여성",
            "혼자 온 청소년",
            "한부모 아버지",
            "만성질환자",
            "야간 노동자",
            "영아가 있는 가정",
            "서른이 넘은 학생",
            "쪽방에 사는 사람",
            "최근 입국자",
            "재판을 기다리는 사람",
            "농장 일을 하던 사람",
            "손주를 키우는 조부모",
        ],
    },
    "job": {
        "en": [
            "a packing line",
            "a hospital laundry",
            "a fish market",
            "a care home",
            "a car-parts plant",
            "a bakery",
            "a call centre",
            "a building site",
            "a noodle shop",
            "a logistics warehouse",
            "a nail salon",
            "a greenhouse",
        ],
        "ko": [
            "포장 공장",
            "병원 세탁실",
            "수산시장",
            "요양원",
            "자동차 부품 공장",
            "빵집",
            "콜센터",
            "공사장",
            "국숫집",
            "물류 창고",
            "네일숍",
            "비닐하우스",
        ],
    },
    "kin": {
        "en": [
            "my mother",
            "my older sister",
            "my son",
            "my aunt",
            "my husband",
            "my cousin",
            "my daughter",
            "my grandmother",
            "my younger brother",
            "my uncle",
        ],
        "ko": ["어머니", "언니", "아들", "이모", "남편", "사촌", "딸", "할머니", "남동생", "삼촌"],
    },
}

# article sentences: {org} {city} {prog} {grp} {n} {m} {y}
ARTICLE = {
    "en": [
        "{org} said on Tuesday that {n} {grp} in {city} had applied for {prog} since {y}.",
        "Officials in {city} confirmed that {prog} would be cut by {m} percent next spring.",
        "According to {org}, waiting times for {prog} have grown to {n} days on average.",
        "A survey of {n} {grp} found that {m} percent had never heard of {prog}.",
        "Staff at {org} described queues outside the {city} office before seven in the morning.",
        "The council in {city} has not published how many {grp} received {prog} in {y}.",
        "{org} plans to open a second desk in {city} if funding for {prog} is renewed.",
        "Only {m} percent of {grp} who asked about {prog} were told about the deadline in time.",
        "In {y}, {org} recorded {n} calls from {grp} about {prog}, twice the year before.",
        "Volunteers from {org} now travel to {city} each month to explain {prog} to {grp}.",
        "The ministry said it would review {prog} after complaints from {grp} in {city}.",
        "Researchers counted {n} cases in {city} where {grp} lost access to {prog} in {y}.",
        "{org} warned that {grp} are often asked for documents they cannot obtain.",
        "A pilot in {city} let {grp} apply for {prog} by phone, and {m} percent did so.",
        "Since {y}, the budget for {prog} in {city} has stayed at about {n} million won.",
        "Lawyers working with {org} say {grp} are rarely told they can appeal a refusal.",
        "The report by {org} lists {n} recommendations, starting with simpler forms for {prog}.",
        "Few of the {grp} interviewed in {city} knew that {prog} could be paid in instalments.",
        "{org} asked the city of {city} to publish monthly figures on {prog}.",
        "Caseworkers in {city} each handle about {n} files, {org} said in {y}.",
    ],
    "ko": [
        "{org}은 {city}에서 {y}년 이후 {grp} {n}명이 {prog}을 신청했다고 화요일 밝혔다.",
        "{city}시 관계자는 {prog}이 내년 봄부터 {m}퍼센트 줄어든다고 확인했다.",
        "{org}에 따르면 {prog} 대기 기간은 평균 {n}일로 늘어났다.",
        "{grp} {n}명을 조사한 결과 {m}퍼센트가 {prog}을 들어 본 적이 없다고 답했다.",
        "{org} 직원들은 {city} 사무소 앞에 아침 일곱 시 전부터 줄이 생긴다고 전했다.",
        "{city}시는 {y}년에 {prog}을 받은 {grp}의 수를 공개하지 않았다.",
        "{org}은 {prog} 예산이 연장되면 {city}에 두 번째 창구를 열 계획이다.",
        "{prog}을 문의한 {grp} 가운데 마감일을 제때 안내받은 사람은 {m}퍼센트뿐이었다.",
        "{y}년 {org}에는 {prog}에 관한 {grp}의 전화가 {n}건 걸려 와 전년의 두 배가 됐다.",
        "{org} 자원봉사자들은 매달 {city}을 찾아 {grp}에게 {prog}을 설명한다.",
        "부처는 {city}의 {grp}이 민원을 제기한 뒤 {prog}을 다시 검토하겠다고 말했다.",
        "연구진은 {y}년 {city}에서 {grp}이 {prog}을 받지 못하게 된 사례를 {n}건 찾았다.",
        "{org}은 {grp}이 구할 수 없는 서류를 요구받는 일이 잦다고 지적했다.",
        "{city}의 시범사업은 {grp}이 전화로 {prog}을 신청하게 했고 {m}퍼센트가 그렇게 했다.",
        "{y}년 이후 {city}의 {prog} 예산은 약 {n}백만 원에 머물러 있다.",
        "{org}과 일하는 변호사들은 {grp}이 거절에 이의를 제기할 수 있다는 안내를 거의 받지 못한다고 말한다.",
        "{org} 보고서는 {prog} 서식을 단순하게 하자는 것을 시작으로 권고 {n}개를 담았다.",
        "{city}에서 만난 {grp} 가운데 {prog}을 나눠 낼 수 있다는 것을 아는 사람은 드물었다.",
        "{org}은 {city}시에 {prog} 현황을 매달 공개하라고 요청했다.",
        "{city}의 사례관리자 한 명이 맡는 사례는 약 {n}건이라고 {org}이 {y}년에 밝혔다.",
        "{org}은 임금·주거·건강 상담을 {city}의 한 창구에서 받게 하자고 {y}년에 제안했다.",
        "{city}의 {grp}은 교육·고용·복지 서류를 따로 내느라 평균 {n}일을 썼다.",
        "{prog}의 신청·심사·지급 과정을 모두 거친 {grp}은 {m}퍼센트에 그쳤다.",
    ],
}

# first-person answers: {job} {kin} {city} {y} {d} (a small count)
ANSWER = {
    "en": [
        "I worked at {job} in {city} for {d} months, mostly on the early shift.",
        "{Kin} was the one who told me to keep every receipt, even the small ones.",
        "When I moved to {city} in {y}, I did not know anyone on my street.",
        "The hardest part at {job} was that nobody explained the safety rules to me.",
        "I saved for {d} weeks before I could send anything to {kin}.",
        "At first I thought the office in {city} would call me back, but nobody did.",
        "{Kin} still asks me on the phone whether I eat properly.",
        "In {y} I changed jobs three times, and the last one was at {job}.",
        "I learned to read the bus timetable in {city} by asking the same driver every day.",
        "My manager at {job} paid us in cash and never gave a payslip.",
        "I only understood the contract when {kin} read it with me line by line.",
        "There were {d} of us in the dormitory near {job}, sharing one kitchen.",
        "The counsellor in {city} was kind, but I could only go during my lunch hour.",
        "I remember the winter of {y} because the heating in our flat broke twice.",
        "After {job} closed, I spent {d} days looking for work before anyone replied.",
        "{Kin} wanted me to study nursing, but I needed money first.",
        "Nobody at {job} asked where I came from, and I liked that.",
        "The first winter in {city} I wore two coats to work because I did not own a proper one.",
        "When the letter from the tax office came, I put it in a drawer for {d} days.",
        "I went to church in {city} mostly because they served lunch afterwards.",
        "{Kin} and I argued about money almost every week in {y}.",
        "My feet hurt so much after the first week at {job} that I cried on the bus home.",
        "A neighbour showed me how to sort the recycling, otherwise I would have been fined.",
        "I failed the driving test twice before a friend lent me the practice book.",
        "I was afraid to call the police, even when someone broke into the flat in {y}.",
        "Some days I spoke to nobody except the cashier at the convenience store.",
        "The night classes in {city} were full of people my age, which surprised me.",
        "I sent {kin} a photo of my first payslip, and she kept it on her phone.",
        "My boss at {job} shouted a lot, but he paid on time, which mattered more.",
        "I still do not understand how the health insurance bill is calculated.",
    ],
    "ko": [
        "{city}에 있는 {job}에서 {d}개월 동안 일했는데 주로 새벽 근무였어요.",
        "영수증을 작은 것까지 다 모아 두라고 한 사람이 {kin}였어요.",
        "{y}년에 {city}로 이사 왔을 때는 동네에 아는 사람이 하나도 없었어요.",
        "{job}에서 제일 힘들었던 건 안전 수칙을 아무도 설명해 주지 않은 거예요.",
        "{kin}한테 뭘 보내려고 {d}주 동안 돈을 모았어요.",
        "처음에는 {city} 사무소에서 다시 전화를 줄 줄 알았는데 아무도 안 했어요.",
        "{kin}는 지금도 전화로 밥은 잘 먹느냐고 물어요.",
        "{y}년에는 일자리를 세 번 바꿨고 마지막이 {job}였어요.",
        "{city} 버스 시간표는 매일 같은 기사님한테 물어보면서 읽는 법을 배웠어요.",
        "{job} 사장님은 현금으로만 주고 급여명세서를 한 번도 안 줬어요.",
        "계약서는 {kin}랑 한 줄씩 같이 읽고 나서야 이해했어요.",
        "{job} 근처 기숙사에 {d}명이 살면서 부엌 하나를 같이 썼어요.",
        "{city} 상담 선생님은 친절했지만 점심시간에만 갈 수 있었어요.",
        "{y}년 겨울이 기억나는 건 집 난방이 두 번이나 고장 났기 때문이에요.",
        "{job}가 문을 닫은 뒤로 {d}일 동안 일을 찾았는데 연락 온 데가 없었어요.",
        "{kin}는 제가 간호 공부를 하길 바랐지만 저는 돈이 먼저 필요했어요.",
        "{job}에서는 아무도 어디서 왔느냐고 묻지 않아서 오히려 좋았어요.",
        "{city}에서 맞은 첫겨울에는 제대로 된 외투가 없어서 두 벌을 겹쳐 입고 출근했어요.",
        "세무서에서 편지가 왔을 때 {d}일 동안 서랍에 넣어 두고 안 열었어요.",
        "{city}에서 교회에 나간 건 솔직히 예배 끝나고 점심을 줘서였어요.",
        "{y}년에는 {kin}랑 거의 매주 돈 문제로 다퉜어요.",
        "{job}에서 첫 주를 보내고 나니 발이 너무 아파서 집에 가는 버스에서 울었어요.",
        "분리수거하는 법은 옆집 분이 알려 줘서 겨우 벌금을 안 냈어요.",
        "운전면허 시험에 두 번 떨어지고 나서 친구가 문제집을 빌려줬어요.",
        "{y}년에 집에 도둑이 들었을 때도 경찰에 전화하는 게 무서웠어요.",
        "어떤 날은 편의점 계산원 말고는 아무하고도 말을 안 했어요.",
        "{city} 야간반에 제 또래가 그렇게 많을 줄은 몰랐어요.",
        "첫 월급 명세서를 사진 찍어서 {kin}한테 보냈더니 지금도 휴대폰에 갖고 있대요.",
        "{job} 사장님은 소리를 자주 질렀지만 월급은 제때 줬고 그게 더 중요했어요.",
        "건강보험료가 어떻게 계산되는지는 아직도 잘 모르겠어요.",
    ],
}

# field-note / memo sentences: {city} {n} {org}
NOTE = {
    "en": [
        "Met at the back table of a cafe in {city}; the recorder was switched on at {n} past.",
        "The participant asked twice whether {org} would see the transcript.",
        "Noise from the street made the middle part hard to hear; check against the notes.",
        "She brought a folder of letters from {org} and let me photograph two pages.",
        "Follow up on the dates: the account of the move to {city} does not quite line up.",
        "He relaxed once we stopped talking about work and moved on to his children.",
        "Theme idea: paperwork as a second job, visible in at least {n} interviews so far.",
        "The interview ran {n} minutes over; the participant did not want to stop.",
        "Code candidates: trust in caseworkers, informal loans, fear of being reported.",
        "Second coder should look at the passage about {org}; I am not sure it is about trust.",
    ],
    "ko": [
        "{city}의 한 카페 안쪽 자리에서 만났고 녹음은 {n}분에 시작했다.",
        "참여자는 {org}이 녹취록을 보게 되는지 두 번 물었다.",
        "길가 소음 때문에 중간 부분이 잘 안 들림. 메모와 대조할 것.",
        "{org}에서 받은 편지 묶음을 가져와서 두 장을 사진으로 찍게 해 주었다.",
        "날짜 확인 필요: {city}로 옮긴 시기에 대한 설명이 조금 맞지 않음.",
        "일 이야기를 그만하고 아이들 이야기로 넘어가자 훨씬 편안해 보였다.",
        "주제 아이디어: 두 번째 직업으로서의 서류 작업, 지금까지 {n}개 면담에서 보임.",
        "면담이 {n}분 넘게 길어졌지만 참여자가 멈추고 싶어 하지 않았다.",
        "코드 후보: 사례관리자에 대한 신뢰, 사적인 빚, 신고에 대한 두려움.",
        "{org}에 관한 대목은 두 번째 코더가 봐야 함. 신뢰에 관한 것인지 확신이 없다.",
    ],
}

SHORT = {
    "en": [
        "Yes.",
        "No, not really.",
        "I don't remember.",
        "Mm.",
        "That's right.",
        "Maybe.",
        "I think so.",
        "Not at all.",
        "Sometimes.",
        "Yes, exactly.",
    ],
    "ko": [
        "네.",
        "아니요, 별로요.",
        "기억이 안 나요.",
        "음.",
        "맞아요.",
        "글쎄요.",
        "그런 것 같아요.",
        "전혀요.",
        "가끔요.",
        "네, 그렇죠.",
    ],
}

GUIDE = {
    "en": [
        "Could you tell me a little about where you grew up?",
        "How did you first hear about the support services here?",
        "What was your first job after you arrived, and how did you find it?",
        "Who do you turn to when you have a problem with paperwork?",
        "Looking back, what would you tell someone who arrives next year?",
    ],
    "ko": [
        "어디에서 자라셨는지 조금 말씀해 주시겠어요?",
        "이곳의 지원 서비스는 처음에 어떻게 알게 되셨어요?",
        "입국 후 첫 일자리는 무엇이었고 어떻게 구하셨어요?",
        "서류 문제가 생기면 누구에게 도움을 청하세요?",
        "돌아보면 내년에 올 사람에게 어떤 말을 해 주고 싶으세요?",
    ],
}

CONSENT = {
    "en": (
        "Before we begin, I will read the consent statement for this study. Taking part is "
        "entirely your choice and you can stop at any point without giving a reason. The "
        "recording will be kept on an encrypted drive, and your name will be replaced by a "
        "pseudonym in every transcript and report. You may ask us to delete your interview "
        "until the end of the study. Do you agree to take part and to be recorded today?"
    ),
    "ko": (
        "시작하기 전에 이 연구의 동의서를 읽어 드리겠습니다. 참여는 전적으로 본인의 "
        "선택이며 언제든지 이유를 말하지 않고 그만두실 수 있습니다. 녹음 파일은 암호화된 "
        "저장 장치에 보관되고, 모든 녹취록과 보고서에서 성함은 가명으로 바뀝니다. 연구가 "
        "끝날 때까지 면담 자료의 삭제를 요청하실 수 있습니다. 오늘 참여와 녹음에 "
        "동의하십니까? 동의하시면 말씀으로 답해 주시기 바랍니다. 감사합니다."
    ),
}
CONSENT_PROBE = "without giving a reason"

# the long guide two transcripts of a follow-up study share (near-miss: guide only)
LONG_GUIDE = [
    "In this part I would like to hear, in as much detail as you are comfortable with, how the "
    "first months of work went, including the people who helped you and those who did not.",
    "Some participants have told us that the hardest thing was not the work itself but the "
    "documents around it. Thinking about your own experience, does that sound familiar?",
    "Could you walk me through a day when something went wrong with an office or an agency, "
    "from the moment you noticed the problem to the moment it was resolved, if it was?",
    "Many people describe a turning point after which things became easier or harder. If there "
    "was such a moment for you, what happened and who was with you at the time?",
    "Before we finish, is there anything about support services that you think researchers "
    "and officials usually misunderstand, and that you would like to be written down?",
]

HEAD = {
    "en": [
        "Deposit loans reach few",
        "Counselling line stretched",
        "Night school funding doubt",
        "Dental fund runs dry",
        "Job scheme under review",
        "Heating grant delayed",
        "Legal clinic expands",
        "Mentoring pilot ends",
        "Childcare top-up confusion",
        "Tutoring pilot praised",
    ],
    "ko": [
        "보증금 대출, 혜택 받는 사람 적어",
        "상담 전화 과부하",
        "야학 예산 불투명",
        "치과 기금 바닥",
        "일자리 사업 재검토",
        "난방비 지원 지연",
        "법률상담 확대",
        "멘토링 시범사업 종료",
        "보육료 추가 지원 혼선",
        "한국어 과외 호평",
    ],
}

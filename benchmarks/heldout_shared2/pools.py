"""Fictional phrase pools for the second held-out shared-passage set (no real people or events).

Sentences are built from independent parts (time, subject, act, reason) so that two documents
drawn apart share single sentences at most, never a long run.
"""

from __future__ import annotations

CONSENT = {
    "en": (
        "Let me read the information sheet aloud before we start recording. You have been "
        "invited because you have lived through resettlement yourself. Your words will only "
        "be used for this research project, and every name, workplace and village you mention "
        "will be changed in the written record. You can withdraw your words at any point, "
        "even after today, by contacting the project office. The audio file is stored on an "
        "encrypted drive and erased once the transcript is checked. Shall we begin?"
    ),
    "ko": (
        "녹음을 시작하기 전에 연구 설명문을 소리 내어 읽어 드리겠습니다. 선생님께서는 정착 과정을 "
        "직접 겪으신 분이기 때문에 이 연구에 초대되셨습니다. 말씀하신 내용은 이 연구에만 "
        "쓰이며, 언급하신 사람 이름과 직장과 마을 이름은 기록에서 모두 바뀝니다. 오늘 이후에도 "
        "연구 사무실에 연락하시면 언제든지 말씀하신 내용을 철회하실 수 있습니다. 음성 파일은 "
        "암호화된 저장 장치에 보관되며 전사본을 확인한 뒤 지워집니다. 시작해도 될까요?"
    ),
}
CONSENT_PROBE = "withdraw your words at any point"

GUIDE = [
    (
        "요즘 하루를 어떻게 보내시는지 말씀해 주세요.",
        "Could you describe an ordinary day for you now?",
    ),
    ("떠나기 전 마지막 해는 어땠나요?", "What was the last year before you left like?"),
    ("길을 안내해 준 사람은 어떻게 만나셨어요?", "How did you meet the person who guided you?"),
    (
        "국경을 넘은 뒤 처음 며칠은 어디서 지내셨나요?",
        "Where did you stay the first days after crossing?",
    ),
    (
        "조사 기관에서 있었던 일을 기억하세요?",
        "Do you remember what happened at the screening centre?",
    ),
    ("첫 직장은 어떻게 구하셨어요?", "How did you find your first job here?"),
    ("고향에 있는 가족과는 어떻게 연락하세요?", "How do you stay in touch with family back home?"),
    (
        "이웃들이 출신을 알게 되면 어떤 반응을 보이나요?",
        "How do neighbours react when they learn where you are from?",
    ),
    ("힘들 때 누구와 이야기하세요?", "Who do you talk to when things are hard?"),
    (
        "정착 지원 제도 중에 도움이 된 것이 있나요?",
        "Which resettlement support actually helped you?",
    ),
]

LONG_GUIDE = [
    (
        "이번 질문은 조금 깁니다. 처음 지역 센터에 등록하던 날을 떠올려 보세요. 누가 서류를 "
        "설명해 주었고, 어떤 말이 이해하기 어려웠으며, 그날 집에 돌아가서 가장 먼저 무엇을 "
        "하셨는지 순서대로 말씀해 주세요.",
        "This question is a little longer. Think back to the day you first registered at the "
        "local centre. Who explained the forms, which words were hard to follow, and what did "
        "you do first when you got home that evening? Please take it step by step.",
    ),
    (
        "다음은 일에 관한 질문입니다. 지금까지 해 보신 일을 모두 떠올려 보시고, 그중에서 "
        "가장 오래 하신 일과 가장 짧게 하신 일을 골라 각각 왜 그만두셨는지 말씀해 주세요.",
        "Next, a question about work. Please recall every job you have had so far, pick the "
        "one you kept longest and the one you kept shortest, and tell me why each one ended.",
    ),
    (
        "이제 돈에 관한 질문을 드리겠습니다. 대답하기 싫으시면 건너뛰셔도 됩니다. 가족에게 "
        "돈을 보낼 때 누구를 거쳤고, 수수료는 얼마였으며, 돈이 도착했는지 어떻게 확인하셨나요?",
        "Now a question about money; you may skip it if you prefer. When you send money to "
        "family, who does it pass through, how much is the fee, and how do you learn that it "
        "arrived?",
    ),
    (
        "마지막으로 미래에 관해 여쭙겠습니다. 5년 뒤에 어디에서 누구와 살고 계실지, 그리고 "
        "그때까지 꼭 이루고 싶은 일 한 가지를 말씀해 주세요. 천천히 생각하셔도 괜찮습니다.",
        "Last, a question about the future. Where and with whom do you picture yourself living "
        "five years from now, and what is one thing you want to have done by then? Take your "
        "time.",
    ),
]

SHORT = [
    ("네.", "Yes."),
    ("잘 기억이 안 나요.", "I don't really remember."),
    ("그냥 그랬어요.", "It was just like that."),
    ("아니요.", "No."),
    ("그건 좀 나중에 얘기할게요.", "I'd rather talk about that later."),
    ("맞아요, 그랬어요.", "Right, that's how it was."),
    ("음... 글쎄요.", "Hmm... I'm not sure."),
]

# fmt: off
FILL: dict[str, dict[str, list[str]]] = {
    "year": {lang: [str(y) for y in range(1996, 2021)] for lang in ("en", "ko")},
    "age": {lang: [str(a) for a in range(9, 48)] for lang in ("en", "ko")},
    "n": {lang: [str(n) for n in (30, 45, 80, 120, 200, 350, 600, 900, 1500, 3000)]
          for lang in ("en", "ko")},
    "k": {lang: [str(n) for n in range(2, 19)] for lang in ("en", "ko")},
    "pct": {lang: [str(n) for n in range(3, 71)] for lang in ("en", "ko")},
    "city": {
        "en": ["Solmoe", "Haneul-ri", "Gangbyeon", "Mirae-dong", "Ogok", "Jinbat", "Noeul",
               "Saetgang", "Buram", "Yeonpo", "Dolsan", "Maru"],
        "ko": ["솔뫼", "하늘리", "강변", "미래동", "오곡", "진밭", "노을", "샛강", "불암",
               "연포", "돌산", "마루"],
    },
    "place": {
        "en": ["old brick kiln", "rail bridge", "pine ridge", "fish market", "bus depot",
               "flooded quarry", "cornfield by the dam", "timber yard"],
        "ko": ["옛 벽돌 공장", "철교", "소나무 고개", "어시장", "버스 차고", "물 찬 채석장",
               "댐 옆 옥수수밭", "목재소"],
    },
    "weekday": {
        "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "ko": ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일"],
    },
    "month": {
        "en": ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"],
        "ko": ["1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월",
               "12월"],
    },
    "org": {
        "en": ["the Bridge of Hands Foundation", "the Saetgang Resettlement Office",
               "Open Door Solidarity", "the Maru Legal Aid Clinic",
               "the Harbour Women's Network", "the Noeul Welfare Centre",
               "the North-South Families Council", "the Dolsan Youth Project"],
        "ko": ["손다리 재단", "샛강 정착지원사무소", "열린문 연대", "마루 법률구조센터",
               "항구 여성 네트워크", "노을 복지관", "남북가족협의회", "돌산 청소년 프로젝트"],
    },
    "official": {
        "en": ["A ministry spokesperson", "The centre's director", "A senior caseworker",
               "The regional commissioner", "A researcher at the institute",
               "The foundation's chair", "A local councillor"],
        "ko": ["부처 대변인은", "센터장은", "선임 상담사는", "지역 위원장은",
               "연구소의 한 연구원은", "재단 이사장은", "한 지역 의원은"],
    },
    "group": {
        "en": ["newly arrived families", "women over fifty", "teenagers in alternative schools",
               "single fathers", "night-shift workers", "elderly arrivals living alone",
               "students who left school early", "former soldiers"],
        "ko": ["새로 온 가족", "50대 이상 여성", "대안학교 청소년", "한부모 아버지",
               "야간 근로자", "홀로 사는 고령 이주민", "학업을 중단한 학생", "전직 군인"],
    },
    "program": {
        "en": ["housing deposit grant", "job-training allowance", "mentoring scheme",
               "language voucher", "trauma counselling service", "savings-matching account",
               "night clinic", "school bridging course"],
        "ko": ["주거 보증금 지원", "직업훈련 수당", "멘토링 사업", "언어 교육 바우처",
               "트라우마 상담 서비스", "자산형성 매칭 통장", "야간 진료소", "학교 적응 과정"],
    },
}
# fmt: on

# ---------------------------------------------------------------- testimony parts
T_TIME = {
    "en": [
        "In the winter of {year}",
        "The spring after the flood",
        "When I was {age}",
        "A few days before the Lunar New Year",
        "After my father was taken away",
        "On the night we crossed",
        "During the rainy season of {year}",
        "Two months after I arrived",
        "In my first week at the shelter",
        "Before dawn one {weekday}",
        "Later that autumn",
        "While the guards changed shifts",
        "The year my grandmother died",
        "Around {month} {year}",
    ],
    "ko": [
        "{year}년 겨울에",
        "홍수가 난 다음 해 봄에",
        "제가 {age}살 때",
        "설을 며칠 앞두고",
        "아버지가 끌려간 뒤에",
        "강을 건너던 날 밤에",
        "{year}년 장마철에",
        "도착하고 두 달쯤 지나서",
        "보호시설에 있던 첫 주에",
        "어느 {weekday} 새벽에",
        "그해 가을에",
        "경비가 교대하는 사이에",
        "할머니가 돌아가신 해에",
        "{year}년 {month}쯤",
    ],
}
T_SUBJ = {
    "en": [
        "my aunt",
        "my older sister",
        "a neighbour from the railway quarter",
        "the guide's cousin",
        "my mother",
        "a woman I met at the market",
        "the deacon of a small church",
        "a driver from {city}",
        "the landlady",
        "my childhood friend",
        "a man who sold batteries",
        "the soldier on duty",
        "my uncle",
        "an old teacher of mine",
        "a stranger on the train",
        "the village head",
    ],
    "ko": [
        "이모가",
        "큰언니가",
        "철길 동네에 살던 이웃이",
        "안내인의 사촌이",
        "어머니가",
        "시장에서 만난 아주머니가",
        "작은 교회 집사님이",
        "{city}에서 온 운전기사가",
        "집주인 할머니가",
        "어릴 적 친구가",
        "배터리를 팔던 남자가",
        "근무 서던 군인이",
        "삼촌이",
        "옛 담임 선생님이",
        "기차에서 만난 낯선 사람이",
        "마을 반장이",
    ],
}
T_ACT = {
    "en": [
        "sold dried squid and corn noodles",
        "hid us in a storage room behind the kitchen",
        "lent me {n} yuan",
        "explained how the river crossing worked",
        "asked for {n} yuan before anything else",
        "drove us to the bus depot at night",
        "called a relative in {city}",
        "found me work washing dishes",
        "warned me never to trust anyone in uniform",
        "gave me a phone with a foreign SIM card",
        "walked with us as far as the second village",
        "sewed money into the lining of my coat",
        "kept my papers for {k} weeks",
        "taught me a few words of Mandarin",
        "brought us rice wrapped in newspaper",
        "burned the letters I had kept",
    ],
    "ko": [
        "말린 오징어와 국수를 팔았어요",
        "우리를 부엌 뒤 창고에 숨겨 주었어요",
        "저한테 {n}위안을 빌려주었어요",
        "강을 건너는 방법을 알려 주었어요",
        "무엇보다 먼저 {n}위안을 달라고 했어요",
        "밤에 우리를 버스 차고까지 태워 주었어요",
        "{city}에 있는 친척에게 전화를 걸어 주었어요",
        "식당 설거지 일을 구해 주었어요",
        "제복 입은 사람은 절대 믿지 말라고 했어요",
        "외국 유심이 든 전화기를 주었어요",
        "두 번째 마을까지 같이 걸어 주었어요",
        "외투 안감에 돈을 꿰매 넣어 주었어요",
        "제 서류를 {k}주 동안 맡아 두었어요",
        "중국어 몇 마디를 가르쳐 주었어요",
        "신문지에 싼 쌀을 가져다주었어요",
        "제가 간직하던 편지를 태워 버렸어요",
    ],
}
T_WHY = {
    "en": [
        "so that we could pay the guide",
        "near the {place}",
        "without telling the others",
        "and I still think about it",
        "because the rice had run out",
        "while everyone else slept",
        "even though it was dangerous for her",
        "for reasons I only understood later",
        "",
        "",
        "",
        "and nobody asked questions",
        "before the first snow",
    ],
    "ko": [
        "안내인에게 줄 돈을 마련하려고",
        "{place} 근처에서",
        "다른 사람들 몰래",
        "쌀이 다 떨어져서",
        "모두 잠든 사이에",
        "자기도 위험했는데",
        "",
        "",
        "",
        "아무것도 묻지 않고",
        "첫눈이 오기 전에",
    ],
}
T_FEEL = {
    "en": [
        "I was so frightened that I could not eat for {k} days.",
        "Even now I can't say how we managed it.",
        "I did not tell anyone about it for years.",
        "I thought we would never be able to go back.",
        "It felt like the ground was moving.",
        "My hands shook whenever someone knocked.",
        "I learned to sleep with my shoes on.",
        "Somehow it seemed normal at the time.",
    ],
    "ko": [
        "그때는 너무 무서워서 {k}일 동안 밥을 먹을 수 없었어요.",
        "지금 생각해도 어떻게 견딜 수 있었는지 모르겠어요.",
        "그 일은 몇 년 동안 아무에게도 말할 수 없었어요.",
        "다시는 돌아갈 수 없을 것 같았어요.",
        "땅이 흔들리는 것 같은 기분이었어요.",
        "누가 문을 두드릴 때마다 손이 떨렸어요.",
        "신발을 신은 채로 자는 법을 배웠어요.",
        "그때는 그게 이상하다는 것도 몰랐어요.",
    ],
}

# ---------------------------------------------------------------- article sentences
A_SENT = {
    "en": [
        "{org} said on {weekday} that {n} people had asked for emergency help in {city} since "
        "{month}.",
        "According to figures released by {org}, the number of {group} using the {program} "
        "rose by {pct} percent last year.",
        "{official} told reporters that the {program} would be cut back from {month}.",
        "Staff at a shelter in {city} described waiting lists of up to {k} months.",
        "The report recommends that the {program} be opened to {group} as well.",
        "Critics argue that the {program} reaches {group} too late to make a difference.",
        "In {city}, {pct} percent of {group} said they had no one to call in an emergency.",
        "{official} added that a review of the {program} would be published in {month}.",
        "Volunteers from {org} visited {n} homes in {city} over {k} weekends.",
        "The survey, carried out in {month} {year}, asked {n} {group} about their debts.",
        "Only {k} of the {n} applicants in {city} received the full {program}.",
        "{org} has called for the {program} to be paid monthly instead of once a year.",
        "A spokesperson for {org} said demand had doubled since {year}.",
        "Several of the {group} interviewed in {city} said they had moved house {k} times.",
        "The {program} was first introduced in {year} after a campaign by {org}.",
        "Funding for the {program} in {city} fell by {pct} percent between {year} and last spring.",
        "{official} declined to say whether {group} would be included in the next round.",
        "Researchers found that {group} waited an average of {k} weeks for a first appointment.",
    ],
    "ko": [
        "{org}는 {weekday} {month} 이후 {city}에서 {n}명이 긴급 지원을 요청했다고 밝혔다.",
        "{org}가 공개한 자료에 따르면 {program}을 이용한 {group}의 수가 지난해 {pct}% 늘었다.",
        "{official} 기자들에게 {program}이 {month}부터 축소될 것이라고 말했다.",
        "{city}의 한 보호시설 직원들은 대기 기간이 최대 {k}개월에 이른다고 전했다.",
        "보고서는 {program}을 {group}에게도 개방해야 한다고 권고했다.",
        "비판하는 쪽에서는 {program}이 {group}에게 너무 늦게 닿는다고 지적한다.",
        "{city}에서는 {group}의 {pct}%가 위급할 때 연락할 사람이 없다고 답했다.",
        "{official} {program}에 대한 평가 결과를 {month}에 발표하겠다고 덧붙였다.",
        "{org} 자원봉사자들은 {k}주 동안 주말마다 {city}의 가정 {n}곳을 방문했다.",
        "{year}년 {month}에 실시된 이번 조사는 {group} {n}명에게 부채 현황을 물었다.",
        "{city}의 신청자 {n}명 가운데 {program}을 전액 받은 사람은 {k}명뿐이었다.",
        "{org}는 {program}을 1년에 한 번이 아니라 매달 지급해야 한다고 요구했다.",
        "{org}의 한 관계자는 {year}년 이후 수요가 두 배로 늘었다고 말했다.",
        "{city}에서 만난 {group} 여러 명은 이사를 {k}번이나 했다고 말했다.",
        "{program}은 {org}의 캠페인 이후 {year}년에 처음 도입되었다.",
        "{city}의 {program} 예산은 {year}년부터 지난봄까지 {pct}% 줄었다.",
        "{official} 다음 차례에 {group}이 포함될지에 대해서는 답하지 않았다.",
        "연구진은 {group}이 첫 상담까지 평균 {k}주를 기다린다는 사실을 확인했다.",
    ],
}

HEADLINE = {
    "en": [
        "Waiting lists grow at {city} shelters",
        "{program} under review",
        "New figures on {group} in {city}",
        "Volunteers map unmet needs in {city}",
        "What the {program} does not cover",
        "A year of the {program} in {city}",
    ],
    "ko": [
        "{city} 보호시설 대기 길어져",
        "{program} 재검토 들어가",
        "{city} {group} 관련 새 통계",
        "{city} 자원봉사자들, 사각지대 조사",
        "{program}이 놓치는 것들",
        "{city} {program} 1년",
    ],
}

# ---------------------------------------------------------------- field notes and memos
F_SENT = {
    "en": [
        "The meeting room at {org} smelled of instant coffee and floor polish.",
        "{k} participants arrived before the start; two left early for shift work.",
        "R. kept checking her phone whenever the topic of {city} came up.",
        "The caseworker spoke quickly and used the word 'eligibility' {k} times.",
        "A child drew on the back of the sign-in sheet for most of the session.",
        "Tea was served in paper cups; nobody touched the biscuits.",
        "Conversation turned to the {program} and stayed there for about {k} minutes.",
        "Two women compared prices at the {place} in low voices.",
        "I noted that the notice board still advertised a class from {month}.",
        "The interpreter corrected herself twice when translating {city} place names.",
        "After the session, three people stayed to ask about the {program}.",
        "It rained heavily and the bus from {city} arrived {k} minutes late.",
    ],
    "ko": [
        "{org} 회의실에는 믹스커피와 바닥 왁스 냄새가 났다.",
        "참석자 {k}명이 일찍 도착했고 두 명은 교대 근무 때문에 먼저 나갔다.",
        "R은 {city} 이야기가 나올 때마다 휴대전화를 확인했다.",
        "상담사는 말이 빨랐고 '자격 요건'이라는 말을 {k}번 썼다.",
        "한 아이가 모임 내내 출석부 뒷면에 그림을 그렸다.",
        "차는 종이컵에 나왔고 과자에는 아무도 손대지 않았다.",
        "대화가 {program} 쪽으로 흘러가 {k}분 정도 이어졌다.",
        "두 여성이 {place}의 물가를 작은 목소리로 비교했다.",
        "게시판에는 아직 {month} 수업 안내가 붙어 있었다.",
        "통역자는 {city} 지명을 옮기다가 두 번 고쳐 말했다.",
        "모임이 끝난 뒤 세 사람이 남아 {program}에 대해 물었다.",
        "비가 많이 와서 {city}에서 오는 버스가 {k}분 늦었다.",
    ],
}
M_SENT = {
    "en": [
        "Code 'broker debt' overlaps with 'family obligation' in at least {k} transcripts.",
        "Consider splitting 'help-seeking' into formal and informal sources.",
        "The {program} appears mostly as a source of frustration, not support.",
        "Participants from {city} describe the crossing in far more detail.",
        "Check whether the silence after the question about {city} recurs elsewhere.",
        "Theme candidate: waiting as a form of control.",
        "Memo to self: re-read the {month} notes before the next coding round.",
        "Compare accounts of the screening centre across age groups.",
        "Second coder disagreed on {k} segments about the {program}.",
    ],
    "ko": [
        "'중개인 빚' 코드는 적어도 {k}개 전사본에서 '가족 의무'와 겹친다.",
        "'도움 요청'을 공식 경로와 비공식 경로로 나누는 것을 검토할 것.",
        "{program}은 지원이라기보다 주로 좌절의 원천으로 등장한다.",
        "{city} 출신 참여자들은 국경을 넘은 과정을 훨씬 자세히 묘사한다.",
        "{city}에 관한 질문 뒤의 침묵이 다른 곳에서도 반복되는지 확인할 것.",
        "주제 후보: 통제의 한 형태로서의 기다림.",
        "나에게 메모: 다음 코딩 전에 {month} 현장 노트를 다시 읽을 것.",
        "연령대별로 조사 기관에 대한 이야기를 비교할 것.",
        "두 번째 코더가 {program} 관련 구간 {k}개에서 다르게 코딩했다.",
    ],
}

LIST_ITEMS = {
    "en": [
        "a housing deposit of up to {n} thousand won",
        "{k} months of job-training allowance",
        "free counselling in {city} on {weekday}s",
        "help with school enrolment for children",
        "a legal clinic once a month at {org}",
        "language classes for {group}",
        "emergency food parcels in {month}",
        "a mentor for the first {k} weeks",
    ],
    "ko": [
        "최대 {n}천 원의 주거 보증금",
        "{k}개월 동안의 직업훈련 수당",
        "{weekday}마다 {city}에서 무료 상담",
        "자녀 학교 입학 지원",
        "{org}에서 한 달에 한 번 법률 상담",
        "{group}을 위한 언어 수업",
        "{month} 긴급 식료품 꾸러미",
        "처음 {k}주 동안 멘토 배정",
    ],
}

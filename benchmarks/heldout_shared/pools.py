"""Fictional text pools for the held-out shared-passage corpus (no real people or events)."""

from __future__ import annotations

CONSENT = {
    "en": (
        "Before we begin, I will read the consent statement. This interview is part of a study "
        "on resettlement and everyday life. Taking part is voluntary and you may stop at any "
        "time or skip any question without giving a reason. The recording will be transcribed, "
        "names and places will be replaced with pseudonyms, and the audio will be deleted after "
        "the transcript is checked. Only the research team will read the transcript. Do you "
        "agree to take part and to be recorded?"
    ),
    "ko": (
        "시작하기 전에 연구 참여 동의서를 읽어 드리겠습니다. 이 면담은 정착과 일상생활에 관한 "
        "연구의 일부입니다. 참여는 자발적이며 언제든지 이유를 밝히지 않고 면담을 중단하거나 "
        "원하지 않는 질문에 답하지 않으셔도 됩니다. 녹음 내용은 전사되며 이름과 장소는 모두 "
        "가명으로 바뀝니다. 전사본을 확인한 뒤 음성 파일은 삭제합니다. 전사본은 연구진만 "
        "열람합니다. 녹음과 연구 참여에 동의하십니까? 동의하지 않으셔도 어떠한 불이익도 "
        "없으며, 궁금한 점이 있으시면 언제든지 연구 책임자에게 연락하실 수 있습니다."
    ),
}

CLOSING = {
    "en": "That is all my questions. Thank you very much for your time and for sharing this.",
    "ko": "제 질문은 여기까지입니다. 시간 내어 이야기해 주셔서 정말 감사합니다.",
}

GUIDE = [
    ("먼저 간단하게 자기소개를 부탁드립니다.", "First, could you briefly introduce yourself?"),
    ("고향을 떠나기로 결심한 계기는 무엇이었나요?", "What made you decide to leave your hometown?"),
    (
        "이동하는 과정에서 가장 힘들었던 순간은 언제였나요? 기억나는 대로 말씀해 주세요.",
        "When was the hardest moment on the journey? Please tell me as much as you remember.",
    ),
    ("처음 도착했을 때 누가 도와주었나요?", "Who helped you when you first arrived?"),
    ("지금 하시는 일에 대해 이야기해 주시겠어요?", "Could you tell me about the work you do now?"),
    (
        "가족에게 돈을 보낸 적이 있나요? 있다면 어떤 방법으로 보내셨나요?",
        "Have you ever sent money to your family? If so, how did you send it?",
    ),
    ("건강 문제로 병원에 간 경험이 있나요?", "Have you had to see a doctor for a health problem?"),
    (
        "여기 사람들과 어울리는 데 어려움은 없었나요? 예를 들어 말투나 문화 차이 같은 것이요.",
        "Was it hard to get along with people here, for example because of accent or culture?",
    ),
    ("도움이 필요할 때 주로 어디에 연락하시나요?", "Where do you usually turn when you need help?"),
    (
        "자녀 교육에 대해서는 어떻게 생각하시나요?",
        "What do you think about your children's schooling?",
    ),
    (
        "앞으로 5년 뒤의 모습을 상상해 보신다면요?",
        "How do you picture yourself five years from now?",
    ),
    (
        "마지막으로 덧붙이고 싶은 말씀이 있으신가요?",
        "Finally, is there anything you would like to add?",
    ),
]

STOCK = [
    ("네, 맞아요.", "Yes, that's right."),
    ("잘 모르겠어요.", "I don't know."),
    ("아니요, 없었어요.", "No, there wasn't."),
    ("그건 말하기 좀 어려워요.", "That's hard to say."),
    ("별로 없어요.", "Not really."),
]

# (Korean, English) answer sentences; each slot type appears equally often in both.
SENTENCES = [
    ("{year}년에 {city}에서 처음 일을 시작했어요.", "I started working in {city} in {year}."),
    ("그때 {family}가 많이 아팠어요.", "At that time my {family} was very ill."),
    ("{n}명이 한 방에서 같이 지냈어요.", "{n} of us lived together in one room."),
    ("{job} 일을 {n}년 정도 했어요.", "I worked as a {job} for about {n} years."),
    ("{org}에서 상담을 받았어요.", "I got counselling at {org}."),
    ("브로커에게 {n}만 원을 줬어요.", "I paid the broker {n}0,000 won."),
    ("{city}에 사는 {family}에게 자주 전화해요.", "I often call my {family} who lives in {city}."),
    ("처음에는 말투 때문에 많이 위축됐어요.", "At first my accent made me feel very small."),
    ("지금도 밤에 잠을 잘 못 자요.", "Even now I can't sleep well at night."),
    ("{org} 선생님이 서류를 도와주셨어요.", "A worker at {org} helped me with the papers."),
    ("{year}년 겨울이 제일 힘들었어요.", "The winter of {year} was the hardest."),
    ("{family}와 연락이 끊긴 지 {n}년이 됐어요.", "I lost touch with my {family} {n} years ago."),
    ("돈을 모아서 {city}에 작은 집을 구했어요.", "I saved money and found a small flat in {city}."),
    ("{job}로 일하면서 야간 학교에 다녔어요.", "I went to night school while working as a {job}."),
    ("병원비가 {n}만 원이나 나왔어요.", "The hospital bill came to {n}0,000 won."),
    ("교회 사람들이 반찬을 가져다주었어요.", "People from the church brought us side dishes."),
    ("{family}는 아직 제가 여기 있는 줄 몰라요.", "My {family} still doesn't know I'm here."),
    ("아이가 학교에서 친구를 사귀어서 다행이에요.", "I'm glad my child made friends at school."),
    ("{city} 역 근처에서 {n}시간을 기다렸어요.", "I waited {n} hours near the station in {city}."),
    ("{org}에 전화하면 보통 바로 받아 줘요.", "When I call {org} they usually answer at once."),
    ("{year}년쯤 {job} 자격증을 땄어요.", "Around {year} I got a certificate as a {job}."),
    ("처음 받은 월급이 {n}만 원이었어요.", "My first monthly pay was {n}0,000 won."),
    ("가끔 고향 음식이 너무 그리워요.", "Sometimes I really miss the food from home."),
    ("{family}가 보내 준 사진을 아직 가지고 있어요.", "I still keep the photo my {family} sent."),
    (
        "앞으로 {job} 가게를 직접 해 보고 싶어요.",
        "Later I would like to run my own shop as a {job}.",
    ),
    (
        "한 달에 {n}번 정도 {org} 모임에 나가요.",
        "I go to the {org} meeting about {n} times a month.",
    ),
    (
        "{city}로 이사한 뒤로 마음이 좀 편해졌어요.",
        "Since moving to {city} I feel a bit more at ease.",
    ),
    ("송금은 보통 아는 사람을 통해서 해요.", "I usually send money through someone I know."),
    ("그 사람들이 {n}퍼센트를 수수료로 떼 갔어요.", "They took {n} percent as a fee."),
    (
        "{year}년에 처음으로 {family}의 목소리를 들었어요.",
        "In {year} I heard my {family}'s voice again.",
    ),
    (
        "사실 그 얘기는 아직 누구한테도 안 했어요.",
        "Honestly, I haven't told anyone about that yet.",
    ),
    ("{org}에서 한국어 수업을 {n}개월 들었어요.", "I took Korean classes at {org} for {n} months."),
    (
        "{job} 일이 힘들어도 사람들은 좋았어요.",
        "The work as a {job} was hard, but the people were kind.",
    ),
    ("{city}의 겨울은 고향보다 덜 추워요.", "Winter in {city} is less cold than back home."),
    ("월세가 {n}만 원이라서 부담이 커요.", "The rent is {n}0,000 won, which is a lot for me."),
    ("{family}가 {city}에 있다는 소식을 들었어요.", "I heard that my {family} is in {city}."),
]

FILL: dict[str, object] = {
    "city": {
        "ko": [
            "해안시",
            "북평",
            "동림",
            "청솔군",
            "남계",
            "서하읍",
            "달내",
            "은포",
            "가람시",
            "백운동",
        ],
        "en": [
            "Haean",
            "Bukpyeong",
            "Dongrim",
            "Cheongsol",
            "Namgye",
            "Seoha",
            "Dallae",
            "Eunpo",
            "Garam",
            "Baegun",
        ],
    },
    "family": {
        "ko": [
            "어머니",
            "아버지",
            "언니",
            "남동생",
            "할머니",
            "삼촌",
            "딸",
            "아들",
            "사촌",
            "이모",
        ],
        "en": [
            "mother",
            "father",
            "older sister",
            "younger brother",
            "grandmother",
            "uncle",
            "daughter",
            "son",
            "cousin",
            "aunt",
        ],
    },
    "job": {
        "ko": [
            "요양보호사",
            "용접공",
            "미용사",
            "택배 기사",
            "조리사",
            "경비원",
            "봉제공",
            "편의점 점원",
            "간호조무사",
            "목수",
        ],
        "en": [
            "care worker",
            "welder",
            "hairdresser",
            "courier",
            "cook",
            "security guard",
            "seamstress",
            "shop assistant",
            "nurse aide",
            "carpenter",
        ],
    },
    "org": {
        "ko": [
            "새봄센터",
            "한울쉼터",
            "이음나눔",
            "다리놓기협회",
            "푸른길재단",
            "온누리상담소",
            "들꽃모임",
            "햇살지원단",
            "별빛연대",
            "나루복지관",
        ],
        "en": [
            "Saebom Centre",
            "Hanul Shelter",
            "Ieum Share",
            "Bridge Builders",
            "Green Road Foundation",
            "Onnuri Counselling",
            "Wildflower Circle",
            "Sunlight Aid",
            "Starlight Alliance",
            "Naru Welfare Hall",
        ],
    },
    "name": {
        "ko": [
            "김서윤",
            "박도현",
            "이하린",
            "최준서",
            "정민아",
            "강태오",
            "윤세아",
            "한지호",
            "오다은",
            "임현우",
            "송유나",
            "배정훈",
        ],
        "en": [
            "Kim Seo-yun",
            "Park Do-hyeon",
            "Lee Ha-rin",
            "Choi Jun-seo",
            "Jung Min-a",
            "Kang Tae-o",
            "Yoon Se-a",
            "Han Ji-ho",
            "Oh Da-eun",
            "Lim Hyeon-u",
            "Song Yu-na",
            "Bae Jeong-hun",
        ],
    },
    "year": [str(y) for y in range(1997, 2024)],
    "n": [str(n) for n in range(2, 97)],
    "pct": [str(p) for p in range(11, 89)],
    "month": {
        "ko": [f"{m}월" for m in range(1, 13)],
        "en": [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    },
    "headline": {
        "ko": [
            "{org}, 정착 지원 보고서 발표",
            "{city} 이주민 {n}명 설문 결과 공개",
            "송금 수수료 {pct}퍼센트 … 현장의 목소리",
            "{org} “의료 접근성 개선 시급”",
            "{year}년 이후 달라진 정착 환경",
            "{city}에서 열린 {org} 토론회",
        ],
        "en": [
            "{org} publishes resettlement report",
            "Survey of {n} newcomers in {city} released",
            "Remittance fees reach {pct} percent, workers say",
            "{org} calls for better access to clinics",
            "How resettlement changed after {year}",
            "{org} hosts forum in {city}",
        ],
    },
}

ARTICLE_EN = [
    "A report released in {month} by {org} found that {pct} percent of respondents in {city} "
    "had waited more than {n} weeks for their first appointment.",
    '"We hear the same story again and again," said {name}, a coordinator at {org}.',
    "The survey covered {n} households across {city} and two neighbouring districts.",
    "Researchers said the figures for {year} were the highest since records began.",
    "Many families send money home through informal brokers, who charge up to {pct} percent.",
    "According to {org}, the average transfer was about {n}0,000 won in {year}.",
    "The group recommends that local offices open on weekends - when most newcomers are free.",
    "{name}, who arrived in {year}, said the paperwork alone took {n} days to complete.",
    "Officials in {city} said a new help desk would open in {month}.",
    "The report also notes that {pct} percent of children changed schools at least once.",
    "Language classes were full within {n} hours of registration opening, {org} said.",
    "Volunteers from {org} now accompany patients to appointments in {city}.",
    '"Nobody should have to choose between rent and medicine," {name} told reporters.',
    "The study was funded by small donations and carried out between {month} and {year}.",
    "Critics say the sample of {n} people is too small to draw national conclusions.",
    "In interviews, respondents described long night shifts and unpaid overtime.",
    "Housing costs in {city} rose by {pct} percent over the period, the authors write.",
    "{org} plans to repeat the survey in {year} with a larger sample.",
    "Several participants said they learned about services only through friends.",
    "The full report, {n} pages long, is available in Korean and English.",
    "Women made up {pct} percent of those who answered the questionnaire.",
    "{name} said the most common request was help with job applications.",
    "The authors thank the {n} interpreters who worked on the project.",
    "Local clinics in {city} reported a rise of {pct} percent in first-time visits.",
    "A spokesperson for {org} said the findings would be shared with city council members.",
    "Some respondents asked that their district not be named, citing safety concerns.",
    "In {year}, the same group counted only {n} people using its evening classes.",
    "The report's final chapter sets out {n} recommendations for local government.",
]

ARTICLE_KO = [
    "{org}가 {month}에 발표한 보고서에 따르면 {city} 응답자의 {pct}퍼센트가 첫 진료까지 "
    "{n}주 이상을 기다린 것으로 나타났다.",
    "{org}의 {name} 활동가는 “같은 이야기를 계속해서 듣게 된다”고 말했다.",
    "이번 조사는 {city}와 인근 두 지역의 {n}가구를 대상으로 진행됐다.",
    "연구진은 {year}년 수치가 집계를 시작한 이래 가장 높다고 밝혔다.",
    "상당수 가족은 비공식 중개인을 통해 송금하며 수수료는 최대 {pct}퍼센트에 이른다.",
    "{org}에 따르면 {year}년 평균 송금액은 약 {n}만 원이었다.",
    "단체는 이주민 대부분이 쉬는 주말에도 지역 사무소를 열어야 한다고 권고했다.",
    "{year}년에 입국한 {name} 씨는 서류 작업에만 {n}일이 걸렸다고 말했다.",
    "{city} 관계자는 {month}에 새 상담 창구를 열 예정이라고 밝혔다.",
    "보고서는 또 아동의 {pct}퍼센트가 한 번 이상 전학을 경험했다고 지적했다.",
    "{org}는 한국어 수업 신청이 시작된 지 {n}시간 만에 마감됐다고 전했다.",
    "현재 {org} 자원봉사자들이 {city}에서 환자의 병원 방문에 동행하고 있다.",
    "{name} 씨는 기자들에게 “월세와 약값 중 하나를 골라야 하는 일은 없어야 한다”고 말했다.",
    "이번 연구는 소액 후원금으로 진행됐으며 {month}부터 {year}년까지 이어졌다.",
    "일각에서는 {n}명이라는 표본이 전국적인 결론을 내리기에는 작다고 지적한다.",
    "면담에서 응답자들은 긴 야간 근무와 무급 초과 근무를 호소했다.",
    "저자들은 같은 기간 {city}의 주거비가 {pct}퍼센트 올랐다고 적었다.",
    "{org}는 {year}년에 표본을 늘려 같은 조사를 다시 할 계획이다.",
    "여러 참여자는 친구를 통해서만 지원 제도를 알게 됐다고 답했다.",
    "{n}쪽 분량의 보고서 전문은 한국어와 영어로 공개돼 있다.",
    "설문 응답자 가운데 여성은 {pct}퍼센트를 차지했다.",
    "{name} 씨는 가장 많은 요청이 구직 서류 작성 지원이었다고 설명했다.",
    "저자들은 이번 사업에 참여한 통역사 {n}명에게 감사를 전했다.",
    "{city}의 지역 의원들은 첫 방문 환자가 {pct}퍼센트 늘었다고 보고했다.",
    "{org} 대변인은 조사 결과를 시의회 의원들과 공유하겠다고 말했다.",
    "일부 응답자는 안전 문제를 이유로 거주 지역을 밝히지 말아 달라고 요청했다.",
    "{year}년에 같은 단체가 집계한 야간 수업 이용자는 {n}명에 불과했다.",
    "보고서 마지막 장은 지방 정부에 대한 {n}가지 권고 사항을 담고 있다.",
]

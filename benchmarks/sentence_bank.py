"""Invented interview sentences for the synthetic benchmark corpus (Korean/English pairs).

Every entry is a ``(korean, english)`` pair so that bilingual files can carry a faithful
translation. ``{slot}`` fills a value from :data:`SLOTS`; in Korean, ``{slot|josa}`` also
attaches the right particle form (``이/가``, ``은/는``, ``을/를``, ``과/와``, ``으로/로``).
Slot values are listed from most to least common; ``{friend}`` is a generated pseudonym
(:data:`GIVEN_FIRST` x :data:`GIVEN_SECOND`), a long tail of rare words. All content is fictional.
"""

from __future__ import annotations

Pair = tuple[str, str]

NOTICE_KO = (
    "SYNTHETIC BENCHMARK TEXT — 벤치마크용 합성 자료입니다. 실제 증언이 아닌 가상의 예시입니다."
)
NOTICE_EN = (
    "SYNTHETIC BENCHMARK TEXT — generated for benchmarks; not real testimony, all fictional."
)

# Order in which topics come up in a semi-structured interview.
TOPIC_ORDER: tuple[str, ...] = (
    "hometown",
    "hardship",
    "decision",
    "crossing",
    "china",
    "journey",
    "arrival",
    "language",
    "internet",
    "work",
    "money_housing",
    "family_left",
    "family_here",
    "education",
    "health_mind",
    "identity",
    "food_holidays",
    "community",
)

QUESTIONS: dict[str, tuple[Pair, ...]] = {
    "hometown": (
        ("고향이 어디세요?", "Where are you from originally?"),
        (
            "어린 시절 이야기를 조금 해 주시겠어요?",
            "Could you tell me a little about your childhood?",
        ),
        ("{nk_city|은} 어떤 곳이었어요?", "What kind of place was {nk_city}?"),
        (
            "고향 하면 제일 먼저 떠오르는 게 뭐예요?",
            "What is the first thing that comes to mind when you think of home?",
        ),
    ),
    "hardship": (
        ("90년대 후반에는 생활이 어떠셨어요?", "What was life like in the late nineties?"),
        ("그때 가족들은 어떻게 생계를 꾸리셨어요?", "How did your family make a living back then?"),
        ("장마당 이야기를 조금 해 주시겠어요?", "Could you tell me a little about the market?"),
    ),
    "decision": (
        (
            "떠나야겠다고 마음먹은 계기가 있었어요?",
            "Was there a moment when you decided you had to leave?",
        ),
        (
            "떠나기 전에 가족들과 상의하셨어요?",
            "Did you talk it over with your family before leaving?",
        ),
        (
            "한국에 대해서는 어떻게 알고 계셨어요?",
            "What did you know about South Korea at the time?",
        ),
    ),
    "crossing": (
        ("강은 어떻게 건너셨어요?", "How did you cross the river?"),
        (
            "국경을 넘던 날 기억나는 게 있어요?",
            "What do you remember about the day you crossed the border?",
        ),
        ("그때가 몇 년도였어요?", "What year was that?"),
    ),
    "china": (
        ("중국에서는 어떻게 지내셨어요?", "How did you live in China?"),
        ("중국에서 얼마나 계셨어요?", "How long were you in China?"),
        ("그때 가장 무서웠던 건 뭐였어요?", "What frightened you most at that time?"),
    ),
    "journey": (
        ("한국까지는 어떤 경로로 오셨어요?", "What route did you take to South Korea?"),
        ("오는 길에 어려운 일은 없었어요?", "Were there difficulties on the way?"),
    ),
    "arrival": (
        (
            "하나원에서 나와서 처음 어디로 가셨어요?",
            "Where did you go first after leaving Hanawon?",
        ),
        (
            "처음 한국에 와서 제일 놀란 게 뭐였어요?",
            "What surprised you most when you first arrived in South Korea?",
        ),
        ("처음 몇 달은 어떻게 지내셨어요?", "How did you spend the first few months?"),
    ),
    "language": (
        ("말 때문에 어려웠던 적은 없으세요?", "Have you had difficulties because of language?"),
        (
            "사람들이 억양에 대해 뭐라고 한 적 있어요?",
            "Have people commented on your accent?",
        ),
        ("외래어는 어떻게 익히셨어요?", "How did you learn all the loanwords?"),
    ),
    "internet": (
        (
            "모르는 게 생기면 주로 어떻게 알아보세요?",
            "When you don't know something, how do you usually find out?",
        ),
        ("인터넷은 언제부터 쓰셨어요?", "When did you start using the internet?"),
        ("사람한테 물어보는 건 어떠세요?", "What about asking people?"),
    ),
    "work": (
        ("지금은 어떤 일을 하세요?", "What do you do for work now?"),
        ("처음 구한 일은 뭐였어요?", "What was your first job?"),
        ("직장에서 어려운 점은 없으세요?", "Are there difficulties at work?"),
    ),
    "money_housing": (
        ("경제적으로는 어떠세요?", "How are things financially?"),
        ("집은 어떻게 구하셨어요?", "How did you find housing?"),
    ),
    "family_left": (
        ("북에 남은 가족이 있으세요?", "Is there family still in the North?"),
        ("가족과 연락은 어떻게 하세요?", "How do you stay in contact with your family?"),
        ("가족 생각이 제일 많이 날 때는 언제예요?", "When do you think of your family most?"),
    ),
    "family_here": (
        ("한국에서 가족을 꾸리셨어요?", "Have you started a family in South Korea?"),
        ("자녀분들은 잘 적응했어요?", "Have your children adjusted well?"),
    ),
    "education": (
        ("한국에서 공부는 어떻게 하셨어요?", "How did you study in South Korea?"),
        ("학교생활은 어땠어요?", "What was school like?"),
    ),
    "health_mind": (
        ("건강은 어떠세요?", "How is your health?"),
        ("마음이 힘들 때는 어떻게 하세요?", "What do you do when things are hard emotionally?"),
    ),
    "identity": (
        ("지금 스스로를 어떻게 소개하세요?", "How do you introduce yourself now?"),
        ("고향이 그리우세요?", "Do you miss home?"),
        ("앞으로의 꿈은 뭐예요?", "What are your dreams for the future?"),
    ),
    "food_holidays": (
        ("고향 음식 중에 그리운 게 있어요?", "Is there a food from home you miss?"),
        ("명절은 어떻게 보내세요?", "How do you spend the holidays?"),
    ),
    "community": (
        ("주변에 도움을 받을 사람이 있어요?", "Do you have people around you who help?"),
        ("남한 사람들과의 관계는 어떠세요?", "How are your relationships with South Koreans?"),
    ),
}

FOLLOW_UPS: tuple[Pair, ...] = (
    ("그때 기분이 어떠셨어요?", "How did you feel then?"),
    ("조금 더 자세히 말씀해 주시겠어요?", "Could you say a bit more about that?"),
    ("그게 언제쯤이었어요?", "When was that, roughly?"),
    ("그래서 어떻게 되었어요?", "And what happened then?"),
    ("힘드시면 쉬었다 해도 괜찮아요.", "We can take a break if this is hard."),
    ("그 얘기는 처음 들어요.", "I haven't heard that before."),
)

SHORT_ANSWERS: tuple[Pair, ...] = (
    ("네, 맞아요.", "Yes, that's right."),
    ("글쎄요, 잘 모르겠어요.", "Well, I'm not sure."),
    ("그건 말하기 어려워요.", "That's hard to talk about."),
    ("네, 괜찮아요. 계속할게요.", "Yes, I'm fine. Let's go on."),
)

ANSWERS: dict[str, tuple[Pair, ...]] = {
    "hometown": (
        ("저는 {province} {nk_city}에서 태어났어요.", "I was born in {nk_city}, in {province}."),
        (
            "어릴 때는 강가에서 친구들이랑 물고기를 잡으면서 놀았어요.",
            "As a child I played by the river, catching fish with my friends.",
        ),
        (
            "우리 동네는 산이 많고 겨울이 아주 길었어요.",
            "Our area had a lot of mountains and the winters were very long.",
        ),
        (
            "아버지는 광산에서 일하셨고 어머니는 장사를 하셨어요.",
            "My father worked in the mine and my mother was a trader.",
        ),
        (
            "{nk_city|은} 중국하고 가까워서 중국 물건이 많이 들어왔어요.",
            "{nk_city} is close to China, so a lot of Chinese goods came in.",
        ),
        (
            "학교에서는 매일 아침 노래를 부르고 구호를 외쳤어요.",
            "At school we sang songs and shouted slogans every morning.",
        ),
        (
            "여름이면 산에 올라가서 나물을 캤어요.",
            "In summer we went up the mountains to pick wild greens.",
        ),
        (
            "우리 집은 작은 단층집이었는데 마당에 옥수수를 심었어요.",
            "Our house was a small one-storey house and we grew corn in the yard.",
        ),
        (
            "전기가 잘 안 들어와서 밤에는 촛불을 켜고 숙제를 했어요.",
            "The electricity often didn't come on, so at night I did my homework by candlelight.",
        ),
        (
            "고향 생각을 하면 제일 먼저 친구들 얼굴이 떠올라요.",
            "When I think of home, the first thing I see is my friends' faces.",
        ),
        (
            "어린 시절은 가난했지만 그래도 행복한 기억이 많아요.",
            "My childhood was poor, but I still have many happy memories.",
        ),
        (
            "할머니가 해 주시던 {food|이} 지금도 생각나요.",
            "I still think of the {food} my grandmother used to make.",
        ),
        (
            "동네 사람들은 서로 다 알고 지냈어요. 그게 좋기도 하고 무섭기도 했어요.",
            "Everyone in the neighbourhood knew each other. That was good, and it was also "
            "frightening.",
        ),
        (
            "인민반 회의가 일주일에 한 번씩 있었어요.",
            "There was a neighbourhood unit meeting once a week.",
        ),
        (
            "역사 시간에는 늘 같은 이야기를 배웠어요.",
            "In history class we always learned the same story.",
        ),
    ),
    "hardship": (
        (
            "배급이 끊기고 나서는 다들 장마당에 나가서 장사를 했어요.",
            "After the rations stopped, everyone went to the market to trade.",
        ),
        ("하루에 한 끼만 먹은 날도 많았어요.", "There were many days when we ate only one meal."),
        (
            "어머니가 장마당에서 {food|을} 팔아서 우리를 먹여 살렸어요.",
            "My mother fed us by selling {food} at the market.",
        ),
        ("공장에 출근은 해도 월급이 안 나왔어요.", "We went to the factory, but no wages came."),
        (
            "노동을 해도 먹을 게 안 나오니까 사람들이 하나둘 공장을 떠났어요.",
            "Even if you worked, there was no food for it, so people left the factories one by "
            "one.",
        ),
        (
            "그때 우리 동네에서 굶어서 돌아가신 분들이 많았어요.",
            "Many people in our neighbourhood died of hunger then.",
        ),
        (
            "뇌물을 주지 않으면 아무것도 할 수가 없었어요.",
            "You couldn't get anything done without a bribe.",
        ),
        (
            "저는 열 살 때부터 땔감을 하러 산에 다녔어요.",
            "From the age of ten I went into the mountains to collect firewood.",
        ),
        (
            "겨울에는 방이 너무 추워서 온 가족이 한 이불을 덮고 잤어요.",
            "In winter the room was so cold that the whole family slept under one blanket.",
        ),
        (
            "중국에서 들어온 옷이랑 신발을 받아서 되팔았어요.",
            "We took clothes and shoes that came in from China and resold them.",
        ),
        (
            "단속에 걸리면 물건을 다 빼앗겼어요.",
            "If you were caught in a crackdown, they took all your goods.",
        ),
        (
            "그래도 이웃끼리 서로 쌀을 빌려주면서 버텼어요.",
            "Still, neighbours got through by lending each other rice.",
        ),
        (
            "여성들이 장사를 해서 집안을 먹여 살렸어요.",
            "It was the women who kept their families alive by trading.",
        ),
        (
            "양심대로 살면 굶는다는 말이 있었어요.",
            "There was a saying that if you lived by your conscience, you would starve.",
        ),
    ),
    "decision": (
        (
            "처음부터 한국에 오려고 한 건 아니었어요. 중국에서 돈을 벌어서 돌아가려고 했어요.",
            "At first I did not plan to come to South Korea. I meant to earn money in China and go "
            "back.",
        ),
        (
            "{relative|이} 먼저 중국에 가 있어서 연락이 왔어요.",
            "{relative} had already gone to China and got in touch.",
        ),
        (
            "한국 드라마를 보면서 저기는 어떤 곳일까 궁금했어요.",
            "Watching South Korean dramas, I wondered what kind of place it was.",
        ),
        (
            "더 이상 여기서는 살 수 없다는 생각이 들었어요.",
            "I felt that I could not live there any longer.",
        ),
        (
            "가족한테는 말하지 못하고 떠났어요. 그게 지금도 마음에 걸려요.",
            "I left without being able to tell my family. It still weighs on me.",
        ),
        (
            "아이들 미래를 생각하면 떠나는 수밖에 없었어요.",
            "When I thought about my children's future, leaving was the only way.",
        ),
        (
            "친구가 보위부에 끌려가는 걸 보고 결심했어요.",
            "I made up my mind after I saw a friend being taken away by the security police.",
        ),
        (
            "며칠만 다녀오겠다고 하고 집을 나왔어요.",
            "I left home saying I would be back in a few days.",
        ),
        (
            "중국에 가면 일자리가 많다는 소문이 돌았어요.",
            "There was a rumour that there were plenty of jobs in China.",
        ),
        (
            "떠나는 날 아침에 어머니가 밥을 평소보다 많이 담아 주셨어요.",
            "On the morning I left, my mother gave me a bigger bowl of rice than usual.",
        ),
        ("무서웠지만 남아 있는 게 더 무서웠어요.", "I was scared, but staying was scarier."),
        (
            "그때는 탈북이라는 말도 잘 몰랐어요.",
            "Back then I didn't even really know the word “defection”.",
        ),
        (
            "돈을 빌려서 안내하는 사람한테 미리 줬어요.",
            "I borrowed money and paid the guide in advance.",
        ),
    ),
    "crossing": (
        (
            "{year}년 {season}에 두만강을 건넜습니다.",
            "I crossed the Tumen River in the {season} of {year}.",
        ),
        (
            "밤에 두만강을 건너서 중국 쪽 산으로 올라갔어요.",
            "We crossed the Tumen at night and climbed up into the hills on the Chinese side.",
        ),
        (
            "강물이 허리까지 차올랐고 너무 차가웠어요.",
            "The water came up to my waist and it was freezing.",
        ),
        (
            "겨울이라 강이 얼어 있어서 얼음 위로 걸어서 건넜어요.",
            "It was winter and the river was frozen, so we walked across on the ice.",
        ),
        (
            "경비대가 교대하는 시간을 기다렸다가 건넜어요.",
            "We waited for the guards to change shifts and then crossed.",
        ),
        (
            "안내하는 사람이 뛰라고 해서 뒤도 안 돌아보고 뛰었어요.",
            "The guide told us to run, and I ran without looking back.",
        ),
        (
            "{nk_city} 근처에서 강을 건넜어요. 거기가 물이 얕다고 했어요.",
            "I crossed the river near {nk_city}. They said the water was shallow there.",
        ),
        (
            "강을 건너서 옥수수밭에 숨어 있다가 날이 어두워지기를 기다렸어요.",
            "After crossing the river I hid in a cornfield and waited for it to get dark.",
        ),
        (
            "신발이 물에 떠내려가서 맨발로 걸었어요.",
            "My shoes were swept away by the water, so I walked barefoot.",
        ),
        (
            "경비대한테 돈을 주고 건넜다는 사람도 있었어요.",
            "Some people said they had paid the guards to let them cross.",
        ),
        (
            "압록강을 건넌 사람도 있지만 저는 두만강 쪽으로 나왔어요.",
            "Some people crossed the Yalu, but I came out on the Tumen side.",
        ),
        (
            "두 번 잡혀서 북송됐다가 세 번째에 건넜어요.",
            "I was caught twice and sent back, and crossed on the third try.",
        ),
        (
            "강 건너편에 불빛이 보였는데 그게 중국이었어요.",
            "There were lights on the other side of the river, and that was China.",
        ),
        (
            "물소리가 너무 커서 제 심장 소리도 안 들렸어요.",
            "The water was so loud I couldn't even hear my own heart.",
        ),
    ),
    "china": (
        (
            "{cn_place} 근처 시골에서 {duration} 동안 숨어 살았어요.",
            "I lived in hiding in the countryside near {cn_place} for {duration}.",
        ),
        (
            "조선족 식당에서 설거지를 하면서 지냈어요.",
            "I got by washing dishes in a Korean-Chinese restaurant.",
        ),
        (
            "공안이 언제 올지 몰라서 늘 불안했어요.",
            "I was always anxious because I never knew when the police would come.",
        ),
        (
            "신분증이 없으니까 아파도 병원에 갈 수가 없었어요.",
            "I had no ID, so I couldn't go to hospital even when I was sick.",
        ),
        (
            "중국말을 몰라서 처음에는 손짓으로 이야기했어요.",
            "I didn't know Chinese, so at first I talked with my hands.",
        ),
        ("밤에 개 짖는 소리만 나도 잠이 깼어요.", "Even a dog barking at night would wake me up."),
        (
            "월급을 못 받고 쫓겨난 적도 있어요. 신고할 수가 없으니까요.",
            "Once I was thrown out without my wages. I couldn't report it, after all.",
        ),
        (
            "교회 사람들이 숨겨 주고 먹을 것을 줬어요.",
            "People from a church hid me and gave me food.",
        ),
        (
            "중국에서 한국 방송을 처음 봤어요.",
            "It was in China that I first watched South Korean TV.",
        ),
        (
            "중국에서 만난 {friend} 언니가 없었으면 저는 못 왔을 거예요.",
            "If it hadn't been for {friend}, whom I met in China, I would never have made it.",
        ),
        (
            "농촌에 팔려 가서 몇 년을 살았어요. 그 얘기는 하고 싶지 않아요.",
            "I was sold off to a farming village and lived there for some years. I don't want to "
            "talk about that.",
        ),
        (
            "{cn_place}에서 공장 일을 했는데 하루에 열두 시간씩 일했어요.",
            "I worked in a factory in {cn_place}, twelve hours a day.",
        ),
        (
            "북송되는 사람들을 보면서 나도 언제 잡힐지 모른다고 생각했어요.",
            "Seeing people being sent back, I thought I could be caught any day.",
        ),
        (
            "중국에서 낳은 아이를 두고 올 수밖에 없었어요.",
            "I had to leave behind the child I had in China.",
        ),
    ),
    "journey": (
        (
            "{third_country|을} 거쳐서 한국에 왔어요.",
            "I came to South Korea by way of {third_country}.",
        ),
        (
            "버스를 몇 번이나 갈아타고 밤새 산을 넘었어요.",
            "We changed buses many times and crossed mountains through the night.",
        ),
        (
            "브로커한테 돈을 주고 한국까지 오는 길을 안내받았어요.",
            "I paid a broker to guide me all the way to South Korea.",
        ),
        ("같이 가던 일행 중에 한 명이 잡혔어요.", "One person in our group was caught."),
        ("메콩강을 작은 배로 건넜어요.", "We crossed the Mekong in a small boat."),
        (
            "{third_country}에서 이민국에 {duration} 동안 있었어요.",
            "I was held in an immigration detention centre in {third_country} for {duration}.",
        ),
        (
            "대사관에 들어갔을 때 이제 살았다는 생각이 들었어요.",
            "When I got into the embassy, I felt I was finally safe.",
        ),
        ("{year}년에 인천공항에 도착했어요.", "I arrived at Incheon Airport in {year}."),
        (
            "오는 길에 만난 사람들 얼굴이 지금도 꿈에 나와요.",
            "The faces of the people I met on the way still appear in my dreams.",
        ),
        ("비행기를 그때 처음 타 봤어요.", "That was the first time I had ever been on a plane."),
        (
            "길에서 보낸 시간만 {duration|이} 넘었어요.",
            "I spent more than {duration} on the road alone.",
        ),
    ),
    "arrival": (
        ("하나원에서 석 달 동안 교육을 받았어요.", "I had three months of training at Hanawon."),
        ("{sk_place}에 임대아파트를 받았어요.", "I was given a rented public flat in {sk_place}."),
        (
            "처음에는 현관문 비밀번호 누르는 것도 몰랐어요.",
            "At first I didn't even know how to use the door code.",
        ),
        (
            "지하철 노선도가 너무 복잡해서 한참 헤맸어요.",
            "The subway map was so complicated that I got lost for ages.",
        ),
        (
            "마트에 물건이 너무 많아서 뭘 사야 할지 몰랐어요.",
            "There were so many things in the supermarket that I didn't know what to buy.",
        ),
        (
            "밤에도 불이 환하게 켜져 있는 게 신기했어요.",
            "It amazed me that the lights stayed on even at night.",
        ),
        (
            "신변보호 담당 경찰관이 많이 도와줬어요.",
            "The police officer in charge of my protection helped me a lot.",
        ),
        (
            "처음 몇 달은 집 밖에 잘 안 나갔어요. 모든 게 무서웠어요.",
            "For the first few months I hardly left the house. Everything scared me.",
        ),
        (
            "{institution}에 가서 서류를 떼는 것도 한 번에 못 했어요.",
            "I couldn't even get a document from {institution} on the first try.",
        ),
        (
            "은행에서 통장을 만드는데 무슨 말인지 하나도 못 알아들었어요.",
            "When I opened a bank account, I didn't understand a word they said.",
        ),
        (
            "하나센터 선생님이 전입신고를 같이 해 줬어요.",
            "A teacher from the Hana Center helped me register my address.",
        ),
        (
            "처음 받은 정착금은 브로커 비용으로 거의 다 나갔어요.",
            "Almost all of my first settlement money went to the broker.",
        ),
        (
            "사람들이 다 바빠 보여서 말을 걸기가 어려웠어요.",
            "Everyone looked so busy that it was hard to talk to anyone.",
        ),
        (
            "휴대폰을 처음 샀을 때 요금제가 뭔지 몰라서 비싼 걸로 가입했어요.",
            "When I bought my first phone, I didn't know what a plan was and signed up for an "
            "expensive one.",
        ),
    ),
    "language": (
        (
            "제가 말을 하면 억양 때문에 다들 어디서 왔냐고 물어봐요.",
            "When I speak, everyone asks where I'm from because of my accent.",
        ),
        (
            "처음에는 연변에서 왔다고 거짓말을 했어요.",
            "At first I lied and said I was from Yanbian.",
        ),
        (
            "억양을 고치려고 드라마를 보면서 따라 했어요.",
            "I copied the actors in dramas to fix my accent.",
        ),
        (
            "같은 한국말인데 모르는 단어가 너무 많았어요.",
            "It's the same Korean language, but there were so many words I didn't know.",
        ),
        (
            "회사에서 “{loanword}”라는 말을 처음 듣고 무슨 뜻인지 몰랐어요.",
            "At work I heard the word “{loanword}” for the first time and didn't know what it "
            "meant.",
        ),
        (
            "외래어가 반이라서 뉴스를 봐도 절반은 못 알아들었어요.",
            "Half the words were loanwords, so even watching the news I missed half of it.",
        ),
        (
            "긴장하면 고향 말투가 바로 나와요.",
            "When I'm nervous, my hometown accent comes straight out.",
        ),
        (
            "억양은 아무리 고쳐도 잘 안 고쳐져요.",
            "No matter how hard I try, my accent doesn't change much.",
        ),
        (
            "전화로 이야기하면 사람들이 저를 중국 사람으로 알아요.",
            "On the phone people take me for Chinese.",
        ),
        (
            "요즘은 억양을 숨기지 않아요. 이게 제 목소리니까요.",
            "These days I don't hide my accent. It's my voice.",
        ),
        (
            "아이들은 금방 서울 말씨를 쓰는데 저는 잘 안 돼요.",
            "The children picked up the Seoul way of speaking right away, but I can't.",
        ),
        (
            "북에서 쓰던 말을 쓰면 사람들이 웃어요.",
            "When I use words from the North, people laugh.",
        ),
        (
            "영어를 몰라서 간판도 못 읽었어요.",
            "I didn't know English, so I couldn't even read the shop signs.",
        ),
        (
            "말투 때문에 면접에서 떨어진 적도 있어요.",
            "I've even failed a job interview because of the way I speak.",
        ),
        (
            "억양 때문에 손님들이 저를 다시 쳐다봐요.",
            "Customers look at me twice because of my accent.",
        ),
    ),
    "internet": (
        (
            "모르는 게 있으면 사람한테 안 묻고 인터넷에 물어봐요.",
            "If there's something I don't know, I don't ask people, I ask the internet.",
        ),
        (
            "사람한테 물어보면 억양 때문에 또 어디서 왔냐는 질문이 나와요.",
            "If I ask people, my accent brings the question of where I'm from again.",
        ),
        (
            "인터넷은 제가 어디서 왔는지 묻지 않잖아요.",
            "The internet doesn't ask where you're from.",
        ),
        (
            "{app}에서 검색해서 병원 예약하는 법을 배웠어요.",
            "I learned how to book a hospital appointment by searching on {app}.",
        ),
        (
            "처음에는 검색어를 어떻게 넣어야 하는지도 몰랐어요.",
            "At first I didn't even know what to type into the search box.",
        ),
        (
            "광고를 진짜 정보인 줄 알고 속은 적도 있어요.",
            "I've been fooled by adverts that I took for real information.",
        ),
        (
            "요즘은 글이 언제 쓰였는지, 누가 썼는지 꼭 확인해요.",
            "These days I always check when a post was written and who wrote it.",
        ),
        ("{app}에서 이력서 쓰는 법을 배웠어요.", "I learned how to write a CV from {app}."),
        ("북한 소식도 인터넷으로 찾아봐요.", "I look up news about the North on the internet too."),
        (
            "위성사진으로 고향 동네를 찾아본 적이 있어요.",
            "I've looked for my home neighbourhood on satellite images.",
        ),
        (
            "인터넷 카페에서 같은 고향 사람들을 만났어요.",
            "I met people from my hometown in an online forum.",
        ),
        (
            "카카오톡으로 중국에 있는 사람하고 연락해요.",
            "I keep in touch with people in China over KakaoTalk.",
        ),
        (
            "스마트폰이 없었으면 여기서 못 살았을 거예요.",
            "Without a smartphone I couldn't have survived here.",
        ),
        (
            "사람한테 묻는 게 부끄러워서 밤새 검색한 적도 있어요.",
            "I've spent whole nights searching because I was too embarrassed to ask someone.",
        ),
        (
            "인터넷을 이용해서 한국 역사 공부도 했어요.",
            "I also studied Korean history using the internet.",
        ),
    ),
    "work": (
        ("지금은 {job|로} 일하고 있어요.", "Now I work as {job}."),
        (
            "처음에는 {job|로} 일했는데 몸이 너무 힘들었어요.",
            "At first I worked as {job}, but it was very hard on my body.",
        ),
        (
            "자격증을 따려고 밤에 학원에 다녔어요.",
            "I went to evening classes to get a qualification.",
        ),
        (
            "북에서 한 경력은 여기서 하나도 인정이 안 돼요.",
            "My work experience from the North isn't recognised here at all.",
        ),
        (
            "회사 사람들한테 북에서 왔다는 말을 처음에는 안 했어요.",
            "At first I didn't tell people at work that I came from the North.",
        ),
        (
            "회식 자리에서 억양이 나와서 그냥 말했어요.",
            "My accent came out at a company dinner, so I just told them.",
        ),
        (
            "고용센터에서 직업훈련을 받고 취업했어요.",
            "I got a job after vocational training through the job centre.",
        ),
        (
            "나이가 많다고 면접에서 여러 번 떨어졌어요.",
            "I was turned down at interviews many times for being too old.",
        ),
        (
            "월급은 적어도 일한 만큼 받는 게 좋아요.",
            "Even if the pay is low, I like being paid for the work I do.",
        ),
        (
            "사장님이 저를 믿어 줘서 {duration} 동안 같은 곳에서 일했어요.",
            "My boss trusted me, so I worked in the same place for {duration}.",
        ),
        (
            "노동 시간이 길어서 아이를 볼 시간이 없어요.",
            "The working hours are long, so I have no time to see my child.",
        ),
        ("언젠가 제 가게를 차리는 게 꿈이에요.", "My dream is to open my own shop one day."),
        (
            "같은 고향 출신 {friend} 씨가 일자리를 소개해 줬어요.",
            "{friend}, who is from my hometown, found me a job.",
        ),
        (
            "같이 일하는 사람들이 처음에는 저를 조선족인 줄 알았어요.",
            "At first my co-workers thought I was Korean-Chinese.",
        ),
        (
            "일을 하면서 사회가 어떻게 돌아가는지 배웠어요.",
            "Through work I learned how society works.",
        ),
        (
            "여성이 혼자 아이를 키우면서 일하는 게 쉽지 않아요.",
            "It's not easy for a woman to work while raising a child alone.",
        ),
    ),
    "money_housing": (
        (
            "신용카드를 처음 써 보고 빚이 생겼어요.",
            "I ran up debt the first time I used a credit card.",
        ),
        (
            "매달 월세를 내고 나면 남는 게 별로 없어요.",
            "After paying rent every month, there's not much left.",
        ),
        (
            "북에 있는 가족한테 보낼 돈을 따로 모아요.",
            "I save money separately to send to my family in the North.",
        ),
        (
            "임대아파트라서 월세가 싼 편이에요.",
            "It's a public rental flat, so the rent is fairly low.",
        ),
        ("보이스피싱에 속아서 돈을 잃은 적이 있어요.", "I once lost money to a phone scam."),
        (
            "적금을 들어서 조금씩 모으고 있어요.",
            "I'm putting a little aside each month in a savings account.",
        ),
        (
            "계약서를 제대로 읽지 못해서 손해를 본 적도 있어요.",
            "I lost out once because I couldn't read the contract properly.",
        ),
        (
            "정착 지원금이 처음에는 큰돈인 줄 알았어요.",
            "At first I thought the settlement grant was a lot of money.",
        ),
        (
            "{sk_place|로} 이사 온 지 {duration} 됐어요.",
            "It's been {duration} since I moved to {sk_place}.",
        ),
        (
            "브로커 비용을 갚느라 처음 몇 년은 힘들었어요.",
            "The first few years were hard because I was paying back the broker.",
        ),
    ),
    "family_left": (
        ("{relative|이} 아직 {nk_city}에 있어요.", "{relative} is still in {nk_city}."),
        (
            "브로커를 통해서 {relative}한테 돈을 보냈어요.",
            "I sent money to {relative} through a broker.",
        ),
        (
            "중국 휴대폰으로 {relative}하고 몇 분 통화했어요.",
            "I talked with {relative} for a few minutes on a Chinese mobile phone.",
        ),
        ("국경이 막히고 나서는 연락이 끊겼어요.", "After the border was closed, we lost contact."),
        ("{relative|이} 살아 있는지도 몰라요.", "I don't even know if {relative} is alive."),
        (
            "명절이 되면 북에 있는 가족 생각이 제일 많이 나요.",
            "At the holidays I think about my family in the North most.",
        ),
        (
            "{relative} 목소리를 들으니까 아무 말도 못 하고 울기만 했어요.",
            "When I heard {relative}'s voice, I couldn't say anything and just cried.",
        ),
        (
            "제가 떠나서 가족이 피해를 봤을까 봐 늘 걱정돼요.",
            "I always worry that my family suffered because I left.",
        ),
        (
            "연락이 닿을 때마다 돈을 보내 달라는 말을 들으면 마음이 복잡해요.",
            "Every time we get in touch and they ask for money, I feel torn.",
        ),
        ("꿈에 {relative|이} 자주 나와요.", "{relative} often appears in my dreams."),
        (
            "가족사진 한 장 없이 떠나온 게 제일 후회돼요.",
            "What I regret most is leaving without a single family photo.",
        ),
        (
            "언젠가 다시 만나면 제일 먼저 밥을 해 드리고 싶어요.",
            "If we ever meet again, the first thing I want to do is cook a meal for them.",
        ),
        (
            "브로커가 전해 준 소식이 진짜인지 알 수가 없어요.",
            "I can't tell whether the news the broker passes on is true.",
        ),
    ),
    "family_here": (
        ("여기서 남편을 만나서 결혼했어요.", "I met my husband here and we got married."),
        (
            "아이가 학교에서 북한 출신이라는 걸 숨기고 싶어 해요.",
            "My child wants to hide at school that we're from the North.",
        ),
        (
            "딸은 벌써 서울 말씨를 써서 저보다 더 한국 사람 같아요.",
            "My daughter already talks like a Seoulite; she sounds more South Korean than I do.",
        ),
        (
            "아들이 대학에 합격했을 때 제일 기뻤어요.",
            "The happiest moment was when my son got into university.",
        ),
        (
            "아이한테 고향 이야기를 해 줘도 잘 이해를 못 해요.",
            "Even when I tell my child about home, they don't really understand.",
        ),
        (
            "중국에서 데려온 아이는 한국어를 처음부터 배워야 했어요.",
            "The child I brought from China had to learn Korean from scratch.",
        ),
        (
            "남편은 남한 사람인데 제 고향 음식을 좋아해요.",
            "My husband is South Korean, but he loves food from my hometown.",
        ),
        (
            "아이 학교 공지를 읽는 게 제일 어려워요.",
            "Reading notices from my child's school is the hardest thing.",
        ),
        (
            "가족이 다 같이 밥을 먹는 게 이렇게 소중한지 몰랐어요.",
            "I never knew how precious it is for the whole family to eat together.",
        ),
    ),
    "education": (
        (
            "대안학교에서 검정고시를 준비했어요.",
            "I prepared for the high-school equivalency exam at an alternative school.",
        ),
        (
            "나이 어린 동생들하고 같은 반에서 공부했어요.",
            "I studied in the same class as kids younger than me.",
        ),
        (
            "영어 수업이 제일 힘들었어요. 다들 어릴 때부터 배웠으니까요.",
            "English class was the hardest. Everyone had learned it since they were little.",
        ),
        ("대학에서 사회복지를 전공했어요.", "I majored in social welfare at university."),
        ("장학금을 받아서 대학에 다녔어요.", "I went to university on a scholarship."),
        (
            "수업 시간에 발표하는 게 억양 때문에 무서웠어요.",
            "Presenting in class scared me because of my accent.",
        ),
        (
            "한국 역사를 다시 배우면서 많이 놀랐어요.",
            "I was shocked when I learned Korean history again.",
        ),
        ("유튜브로 코딩을 혼자 배웠어요.", "I taught myself coding from YouTube."),
        (
            "야간 대학에 다니면서 낮에는 일했어요.",
            "I worked during the day and went to night school.",
        ),
        (
            "공부하는 이유는 아이들한테 부끄럽지 않은 부모가 되고 싶어서예요.",
            "The reason I study is that I want to be a parent my children won't be ashamed of.",
        ),
    ),
    "health_mind": (
        (
            "중국에서 고생한 뒤로 허리가 계속 아파요.",
            "My back has hurt ever since the hard times in China.",
        ),
        (
            "밤에 잠을 잘 못 자요. 자꾸 강 건너던 꿈을 꿔요.",
            "I don't sleep well at night. I keep dreaming about crossing the river.",
        ),
        (
            "상담을 받으면서 조금씩 나아졌어요.",
            "I've been getting a little better with counselling.",
        ),
        (
            "병원에 가도 증상을 어떻게 설명해야 할지 몰랐어요.",
            "Even at the hospital, I didn't know how to describe my symptoms.",
        ),
        (
            "외로울 때는 고향 사람들하고 전화해요.",
            "When I'm lonely, I phone people from back home.",
        ),
        (
            "건강검진을 처음 받아 봤는데 이가 많이 상해 있었어요.",
            "I had my first health check-up, and many of my teeth were damaged.",
        ),
        (
            "우울증이 와서 한동안 집 밖에 안 나갔어요.",
            "I got depressed and didn't leave the house for a while.",
        ),
        (
            "운동을 시작하고 나서 마음이 많이 편해졌어요.",
            "After I started exercising, I felt much calmer.",
        ),
        (
            "아파도 일을 쉬면 돈이 안 나오니까 참고 일했어요.",
            "Even when I was sick, I kept working, because if I took time off there was no money.",
        ),
    ),
    "identity": (
        (
            "저는 그냥 함경도 사람이라고 소개해요.",
            "I just introduce myself as someone from Hamgyong province.",
        ),
        (
            "탈북민이라는 말보다 그냥 이웃으로 봐 줬으면 좋겠어요.",
            "Rather than “defector”, I'd like people to just see me as a neighbour.",
        ),
        ("여기 온 걸 후회하지는 않아요.", "I don't regret coming here."),
        (
            "가끔은 어디에도 속하지 않는 느낌이 들어요.",
            "Sometimes I feel like I don't belong anywhere.",
        ),
        (
            "고향이 그립지만 돌아가고 싶은 건 아니에요.",
            "I miss home, but that doesn't mean I want to go back.",
        ),
        (
            "통일이 되면 제일 먼저 고향 집에 가 보고 싶어요.",
            "If reunification comes, the first thing I want to do is visit my home.",
        ),
        ("언젠가 제 이야기를 책으로 쓰고 싶어요.", "One day I want to write my story as a book."),
        (
            "북에서 온 사람들이 다 똑같다고 생각하지 않았으면 해요.",
            "I hope people don't think that everyone from the North is the same.",
        ),
        (
            "여기서 산 시간이 북에서 산 시간보다 길어졌어요.",
            "I have now lived here longer than I lived in the North.",
        ),
        ("새로 온 사람들을 도와주는 일을 하고 싶어요.", "I want to do work that helps newcomers."),
        (
            "내일 일을 걱정하지 않고 잘 수 있다는 게 자유인 것 같아요.",
            "Being able to sleep without worrying about tomorrow: I think that's freedom.",
        ),
        (
            "이해받지 못해도 괜찮아요. 그냥 들어 주면 돼요.",
            "It's fine if I'm not understood. It's enough to be listened to.",
        ),
    ),
    "food_holidays": (
        (
            "{holiday}에는 임진각에 가서 북쪽을 보고 절을 해요.",
            "On {holiday} I go to Imjingak, look towards the North and bow.",
        ),
        (
            "{food|이} 제일 먹고 싶어요. 여기서 파는 건 맛이 달라요.",
            "What I want to eat most is {food}. The kind sold here tastes different.",
        ),
        (
            "고향 사람들끼리 모여서 {food|을} 만들어 먹어요.",
            "People from home get together and make {food}.",
        ),
        (
            "처음에는 한국 음식이 너무 달고 짰어요.",
            "At first South Korean food was too sweet and too salty.",
        ),
        ("{holiday}에 혼자 있으면 더 외로워요.", "Being alone on {holiday} is even lonelier."),
        (
            "요리를 잘해서 동네 사람들한테 고향 음식을 나눠 줘요.",
            "I'm a good cook, so I share food from home with my neighbours.",
        ),
        (
            "어머니가 {holiday}마다 해 주시던 음식이 생각나요.",
            "I think of the food my mother used to make for {holiday}.",
        ),
        (
            "여기서는 먹을 걱정이 없다는 게 아직도 신기해요.",
            "It still amazes me that I don't have to worry about food here.",
        ),
    ),
    "community": (
        (
            "교회에 다니면서 사람들을 많이 알게 됐어요.",
            "I got to know a lot of people through church.",
        ),
        (
            "고향 사람들 모임에 한 달에 한 번 나가요.",
            "I go to a meeting of people from my hometown once a month.",
        ),
        (
            "남한 친구를 사귀는 데 시간이 오래 걸렸어요.",
            "It took a long time to make South Korean friends.",
        ),
        (
            "이웃집 할머니가 김치를 나눠 주셔서 많이 울었어요.",
            "I cried a lot when the old lady next door shared her kimchi with me.",
        ),
        (
            "북에서 왔다고 하면 사람들 눈빛이 달라져요.",
            "When I say I'm from the North, people look at me differently.",
        ),
        (
            "봉사활동을 하면서 제가 도움만 받는 사람이 아니라는 걸 알게 됐어요.",
            "Through volunteering I realised I'm not just someone who receives help.",
        ),
        (
            "같은 처지의 사람들끼리도 서로 믿기가 어려워요.",
            "Even among people in the same situation, it's hard to trust each other.",
        ),
        (
            "하나센터 선생님하고는 지금도 연락하고 지내요.",
            "I still keep in touch with my teacher from the Hana Center.",
        ),
        ("정치 이야기가 나오면 그냥 조용히 있어요.", "When politics comes up, I just stay quiet."),
        (
            "하나원 동기 {friend} 씨하고는 지금도 자주 만나요.",
            "I still often meet {friend}, who was in my Hanawon cohort.",
        ),
        (
            "노인정에 가면 어르신들이 고향 얘기를 물어보세요.",
            "At the senior centre, the elderly ask me about my hometown.",
        ),
    ),
}

# Sentences with uncommon words: drawn rarely, so their words are rare in the corpus.
RARE: tuple[Pair, ...] = (
    ("할아버지는 아코디언을 아주 잘 켜셨어요.", "My grandfather played the accordion beautifully."),
    (
        "중국에서 양봉하는 집에서 꿀을 뜨는 일을 했어요.",
        "In China I worked for a beekeeping family, collecting honey.",
    ),
    (
        "고향에서는 해바라기씨를 볶아서 팔았어요.",
        "Back home we roasted sunflower seeds and sold them.",
    ),
    (
        "재봉틀 하나로 온 동네 옷을 다 고쳐 줬어요.",
        "With one sewing machine I mended clothes for the whole neighbourhood.",
    ),
    (
        "탁구 대회에 학교 대표로 나간 적이 있어요.",
        "I once played in a table tennis tournament for my school.",
    ),
    (
        "몽골 초원에서 이틀을 걸었어요. 별이 정말 많았어요.",
        "We walked for two days across the Mongolian steppe. There were so many stars.",
    ),
    (
        "라오스 국경에서 코끼리를 처음 봤어요.",
        "I saw an elephant for the first time at the Laos border.",
    ),
    (
        "토끼 가죽을 모아서 학교에 바쳤어요.",
        "We collected rabbit skins and handed them in at school.",
    ),
    (
        "송이버섯을 따서 중국 상인한테 팔았어요.",
        "We picked pine mushrooms and sold them to Chinese traders.",
    ),
    (
        "외할머니 제사 때 쓰던 놋그릇을 아직 기억해요.",
        "I still remember the brass bowls we used for my grandmother's memorial rites.",
    ),
    (
        "고향 집 창문에는 비닐을 붙여서 겨울을 났어요.",
        "We got through winter with plastic sheeting on the windows of our house.",
    ),
    (
        "한국에 와서 처음 본 바다는 부산 해운대였어요.",
        "The first sea I saw in South Korea was Haeundae in Busan.",
    ),
    (
        "자전거 수리를 배워서 장마당에서 돈을 벌었어요.",
        "I learned to fix bicycles and earned money at the market.",
    ),
    ("손목시계를 팔아서 기차표를 샀어요.", "I sold my wristwatch to buy a train ticket."),
    (
        "중국에서 마작을 배웠는데 지금은 다 잊어버렸어요.",
        "I learned mahjong in China, but I've forgotten it all now.",
    ),
    ("첫 월급으로 전기밥솥을 샀어요.", "With my first pay I bought an electric rice cooker."),
    ("운전면허 필기시험에 네 번 떨어졌어요.", "I failed the written driving test four times."),
    ("바둑을 두면서 남한 친구를 사귀었어요.", "I made a South Korean friend by playing baduk."),
    (
        "고향에서는 두부 장사를 하는 집 딸이었어요.",
        "Back home I was the daughter of a tofu-selling family.",
    ),
    (
        "평양에 딱 한 번 가 봤는데 기차로 사흘이 걸렸어요.",
        "I went to Pyongyang only once, and the train took three days.",
    ),
    (
        "철도역 앞에서 꽃제비 아이들을 많이 봤어요.",
        "I saw many homeless children in front of the railway station.",
    ),
    (
        "밀수꾼이 가져다준 라디오로 남한 방송을 몰래 들었어요.",
        "I secretly listened to South Korean broadcasts on a radio a smuggler brought.",
    ),
    (
        "아버지는 소를 키우는 협동농장 작업반장이셨어요.",
        "My father was a work-team leader at a cooperative farm that raised cattle.",
    ),
    (
        "눈이 너무 많이 와서 일주일 동안 학교에 못 갔어요.",
        "So much snow fell that we couldn't go to school for a week.",
    ),
    (
        "요즘은 주말마다 텃밭에서 고추를 키워요.",
        "These days I grow chillies in an allotment every weekend.",
    ),
    (
        "지금도 라면을 먹을 때마다 중국 공장 기숙사가 생각나요.",
        "Whenever I eat ramen, I still think of the factory dormitory in China.",
    ),
    (
        "한국에 와서 처음으로 투표를 했을 때 손이 떨렸어요.",
        "My hand shook the first time I voted in South Korea.",
    ),
    (
        "헌혈을 하고 나서 이제 진짜 이 사회 사람이 된 것 같았어요.",
        "After giving blood, I felt I had really become part of this society.",
    ),
    (
        "제주도에 처음 여행 갔을 때 귤나무를 보고 놀랐어요.",
        "On my first trip to Jeju, I was amazed to see tangerine trees.",
    ),
    (
        "조카가 보낸 편지에는 연필로 그린 꽃이 있었어요.",
        "The letter from my nephew had a flower drawn in pencil.",
    ),
    (
        "가야금 소리를 들으면 이상하게 고향 생각이 나요.",
        "Strangely, the sound of the gayageum makes me think of home.",
    ),
    (
        "김장철이 되면 백 포기씩 김치를 담갔어요.",
        "At kimchi-making season we made a hundred heads of kimchi.",
    ),
    (
        "스키장에서 아르바이트를 하면서 처음으로 스키를 타 봤어요.",
        "I tried skiing for the first time while working part-time at a ski resort.",
    ),
    (
        "미용 기술을 배워서 하나원 동기들 머리를 잘라 줬어요.",
        "I learned hairdressing and cut the hair of people from my Hanawon cohort.",
    ),
    ("어릴 때 꿈은 비행기 조종사였어요.", "My childhood dream was to be a pilot."),
    (
        "고향에서 키우던 강아지 이름이 바둑이였어요.",
        "The puppy we had back home was called Baduki.",
    ),
    ("마라톤 대회에 나가서 끝까지 뛰었어요.", "I ran a marathon and finished it."),
    (
        "중국 기차역에서 검문을 피하려고 화장실에 두 시간 숨어 있었어요.",
        "At a Chinese train station I hid in a toilet for two hours to avoid an ID check.",
    ),
    (
        "어머니가 싸 준 미숫가루로 사흘을 버텼어요.",
        "I survived for three days on roasted grain powder my mother had packed.",
    ),
    (
        "탄광에서 일하던 삼촌은 진폐증으로 돌아가셨어요.",
        "My uncle who worked in the coal mine died of black lung.",
    ),
    (
        "북에서 배운 수학이 여기 수능에서는 도움이 안 됐어요.",
        "The maths I learned in the North didn't help on the college entrance exam here.",
    ),
    (
        "한국 와서 처음 만든 이메일 주소를 아직도 써요.",
        "I still use the first email address I made in South Korea.",
    ),
    (
        "다문화 가족 축제에서 고향 노래를 불렀어요.",
        "I sang a song from home at a multicultural family festival.",
    ),
    (
        "주민센터에서 한글 서예 수업을 들어요.",
        "I take a Korean calligraphy class at the community centre.",
    ),
    (
        "처음 산 중고 노트북은 한 달 만에 고장 났어요.",
        "The second-hand laptop I first bought broke after a month.",
    ),
    (
        "뜨개질로 만든 목도리를 북에 있는 동생한테 보내고 싶었어요.",
        "I wanted to send the scarf I had knitted to my sibling in the North.",
    ),
    (
        "한강에서 자전거를 타면 대동강이 생각나요.",
        "When I cycle along the Han River, I think of the Taedong River.",
    ),
)

# Sentences with North Korean vocabulary (some already in North Korean spelling).
NK_FLAVOUR: tuple[Pair, ...] = (
    ("일없습니다, 걱정 마십시오.", "It's nothing, don't worry."),
    (
        "우리 인민반장 아주머니가 늘 집집마다 검열을 다녔어요.",
        "Our neighbourhood unit leader was always going door to door for inspections.",
    ),
    ("손전화가 있는 집은 몇 집 안 됐어요.", "Only a few households had a mobile phone."),
    (
        "녀맹 모임에 빠지면 비판을 받았어요.",
        "If you missed a Women's Union meeting, you were criticised.",
    ),
    ("동무들하고 강냉이를 구워 먹었어요.", "My friends and I roasted corn."),
    ("로동단련대에 석 달 있었어요.", "I spent three months in a labour training camp."),
    (
        "배급소 앞에 줄을 서도 빈손으로 돌아왔어요.",
        "Even after queuing at the ration centre, we came back empty-handed.",
    ),
    ("직장장 동지가 출근 도장을 찍어 줬어요.", "The workplace manager stamped my attendance."),
    (
        "공민증을 잃어버려서 한참 고생했어요.",
        "I lost my citizen's ID card and had a lot of trouble.",
    ),
)

# South Korean spelling -> North Korean spelling, applied to "original spelling" transcripts.
NK_SPELLING: tuple[tuple[str, str], ...] = (
    ("노동", "로동"),
    ("여성", "녀성"),
    ("이용", "리용"),
    ("역사", "력사"),
    ("내일", "래일"),
    ("연락", "련락"),
    ("이해", "리해"),
    ("노인", "로인"),
    ("양심", "량심"),
    ("요리", "료리"),
    ("이유", "리유"),
    ("여자", "녀자"),
    ("뇌물", "뢰물"),
    ("아파트", "아빠트"),
    ("컴퓨터", "콤퓨터"),
)

# Sentence openers that fit most answer sentences: (korean, english).
ADVERBIALS: tuple[Pair, ...] = (
    ("솔직히", "Honestly,"),
    ("사실", "In fact,"),
    ("그런데", "But"),
    ("그리고", "And"),
    ("아무튼", "Anyway,"),
    ("제 생각에는", "I think"),
    ("물론", "Of course,"),
    ("어쨌든", "In any case,"),
    ("돌이켜 보면", "Looking back,"),
    ("지금 생각하면", "Thinking about it now,"),
    ("한마디로", "In a word,"),
    ("다시 말하면", "In other words,"),
    ("정말로", "Really,"),
    ("그래서", "So"),
    ("결국", "In the end,"),
    ("무엇보다", "Above all,"),
    ("이상하게도", "Oddly enough,"),
    ("그때 일을 말하자면", "If I talk about that time,"),
    ("다른 사람들은 모르겠지만", "I don't know about other people, but"),
    ("제 경우에는", "In my case,"),
)
# English sentence starts that stay capitalised after an opener.
EN_KEEP_CAPITAL: frozenset[str] = frozenset({"I", "I'm", "I've", "I'd", "English"})

KO_FILLERS: tuple[str, ...] = ("음...", "글쎄요,", "그러니까", "사실은", "아,", "뭐랄까,", "그게,")
EN_FILLERS: tuple[str, ...] = ("Well...", "Um...", "You know...", "Hmm...", "Honestly...", "So...")
KO_NOTES: tuple[str, ...] = ("[웃음]", "[잠시 침묵]", "(알아들을 수 없음)", "[한숨]", "[울먹임]")
EN_NOTES: tuple[str, ...] = ("[laughs]", "[pause]", "(inaudible)", "[sighs]", "[tearful]")

# Slot values as (korean, english); for nk_city a 4-tuple adds the province.
SLOTS: dict[str, tuple[Pair, ...]] = {
    "province": (
        ("함경북도", "North Hamgyong"),
        ("양강도", "Ryanggang"),
        ("함경남도", "South Hamgyong"),
        ("평안남도", "South Pyongan"),
        ("평안북도", "North Pyongan"),
        ("자강도", "Chagang"),
        ("강원도", "Kangwon"),
        ("황해북도", "North Hwanghae"),
        ("황해남도", "South Hwanghae"),
    ),
    "cn_place": (
        ("연길", "Yanji"),
        ("도문", "Tumen city"),
        ("심양", "Shenyang"),
        ("장백", "Changbai"),
        ("훈춘", "Hunchun"),
        ("용정", "Longjing"),
        ("단동", "Dandong"),
        ("화룡", "Helong"),
        ("청도", "Qingdao"),
        ("하얼빈", "Harbin"),
        ("장춘", "Changchun"),
        ("목단강", "Mudanjiang"),
        ("대련", "Dalian"),
        ("베이징", "Beijing"),
        ("상하이", "Shanghai"),
    ),
    "third_country": (
        ("라오스", "Laos"),
        ("태국", "Thailand"),
        ("몽골", "Mongolia"),
        ("베트남", "Vietnam"),
        ("캄보디아", "Cambodia"),
        ("미얀마", "Myanmar"),
    ),
    "sk_place": (
        ("서울", "Seoul"),
        ("인천", "Incheon"),
        ("노원구", "Nowon"),
        ("양천구", "Yangcheon"),
        ("안산", "Ansan"),
        ("부천", "Bucheon"),
        ("화성", "Hwaseong"),
        ("부산", "Busan"),
        ("대전", "Daejeon"),
        ("수원", "Suwon"),
        ("천안", "Cheonan"),
        ("광명", "Gwangmyeong"),
        ("김포", "Gimpo"),
        ("의정부", "Uijeongbu"),
        ("대구", "Daegu"),
        ("광주", "Gwangju"),
        ("울산", "Ulsan"),
        ("청주", "Cheongju"),
        ("평택", "Pyeongtaek"),
        ("강서구", "Gangseo"),
    ),
    "season": (("겨울", "winter"), ("봄", "spring"), ("가을", "autumn"), ("여름", "summer")),
    "year": tuple(
        (str(y), str(y))
        for y in (
            2009,
            2010,
            2008,
            2011,
            2006,
            2007,
            2012,
            2005,
            2004,
            2013,
            2014,
            2003,
            2015,
            2002,
            2016,
            2001,
            2017,
            2000,
            2018,
            1999,
            2019,
            1998,
            1997,
        )
    ),  # fmt: skip
    "duration": (
        ("일 년", "a year"),
        ("석 달", "three months"),
        ("이 년", "two years"),
        ("반년", "half a year"),
        ("삼 년", "three years"),
        ("한 달", "a month"),
        ("오 년", "five years"),
        ("몇 주", "a few weeks"),
        ("칠 년", "seven years"),
        ("십 년", "ten years"),
    ),
    "relative": (
        ("어머니", "my mother"),
        ("아버지", "my father"),
        ("남동생", "my younger brother"),
        ("여동생", "my younger sister"),
        ("할머니", "my grandmother"),
        ("언니", "my older sister"),
        ("오빠", "my older brother"),
        ("아들", "my son"),
        ("딸", "my daughter"),
        ("남편", "my husband"),
        ("할아버지", "my grandfather"),
        ("이모", "my aunt"),
        ("삼촌", "my uncle"),
        ("사촌 동생", "my cousin"),
        ("조카", "my nephew"),
        ("아내", "my wife"),
        ("큰아버지", "my father's older brother"),
    ),
    "job": (
        ("요양보호사", "a care worker"),
        ("식당 주방 보조", "a kitchen assistant"),
        ("공장 생산직", "a factory worker"),
        ("택배 기사", "a delivery driver"),
        ("편의점 아르바이트", "a convenience store clerk"),
        ("물류센터 상하차", "a warehouse loader"),
        ("미용사", "a hairdresser"),
        ("간호조무사", "a nursing assistant"),
        ("사무 보조", "an office assistant"),
        ("청소 용역", "a cleaner"),
        ("경비원", "a security guard"),
        ("사회복지사", "a social worker"),
        ("어린이집 보조교사", "a daycare assistant"),
        ("건설 현장 일용직", "a day labourer on building sites"),
        ("웹 개발자", "a web developer"),
        ("보험 설계사", "an insurance agent"),
        ("대리운전 기사", "a designated driver"),
        ("통역사", "an interpreter"),
        ("회계 사무원", "an accounting clerk"),
        ("제빵사", "a baker"),
        ("지게차 기사", "a forklift driver"),
        ("용접공", "a welder"),
        ("한의원 접수원", "a receptionist at a clinic"),
    ),
    "food": (
        ("두부밥", "tofu rice"),
        ("인조고기밥", "artificial-meat rice"),
        ("감자떡", "potato dumplings"),
        ("순대", "sundae"),
        ("강냉이국수", "corn noodles"),
        ("냉면", "cold noodles"),
        ("언감자떡", "frozen-potato cakes"),
        ("옥수수죽", "corn porridge"),
        ("명태식해", "fermented pollock"),
        ("떡", "rice cakes"),
    ),
    "holiday": (
        ("추석", "Chuseok"),
        ("설날", "Lunar New Year"),
        ("정월대보름", "Daeboreum"),
        ("단오", "Dano"),
    ),
    "institution": (
        ("주민센터", "the community service centre"),
        ("은행", "the bank"),
        ("구청", "the district office"),
        ("하나센터", "the Hana Center"),
        ("고용센터", "the job centre"),
        ("병원", "the hospital"),
        ("건강보험공단", "the health insurance office"),
        ("세무서", "the tax office"),
        ("경찰서", "the police station"),
    ),
    "app": (
        ("유튜브", "YouTube"),
        ("네이버", "Naver"),
        ("블로그", "blogs"),
        ("지식인", "Naver Q&A"),
        ("온라인 카페", "online forums"),
        ("구글", "Google"),
        ("번역기", "a translation app"),
        ("지도 앱", "a map app"),
        ("카카오톡 오픈채팅", "KakaoTalk open chats"),
    ),
    "loanword": (
        ("스케줄", "schedule"),
        ("미팅", "meeting"),
        ("컨펌", "confirm"),
        ("피드백", "feedback"),
        ("카트", "cart"),
        ("키오스크", "kiosk"),
        ("데드라인", "deadline"),
        ("테이크아웃", "takeout"),
        ("포인트 적립", "loyalty points"),
        ("세일", "sale"),
    ),
}

# Home towns with their provinces: (city_ko, city_en, province_ko, province_en).
NK_CITIES: tuple[tuple[str, str, str, str], ...] = (
    ("무산", "Musan", "함경북도", "North Hamgyong"),
    ("회령", "Hoeryong", "함경북도", "North Hamgyong"),
    ("청진", "Chongjin", "함경북도", "North Hamgyong"),
    ("혜산", "Hyesan", "양강도", "Ryanggang"),
    ("온성", "Onsong", "함경북도", "North Hamgyong"),
    ("함흥", "Hamhung", "함경남도", "South Hamgyong"),
    ("김책", "Kimchaek", "함경북도", "North Hamgyong"),
    ("새별", "Saebyol", "함경북도", "North Hamgyong"),
    ("단천", "Tanchon", "함경남도", "South Hamgyong"),
    ("길주", "Kilju", "함경북도", "North Hamgyong"),
    ("신의주", "Sinuiju", "평안북도", "North Pyongan"),
    ("경성", "Kyongsong", "함경북도", "North Hamgyong"),
    ("원산", "Wonsan", "강원도", "Kangwon"),
    ("강계", "Kanggye", "자강도", "Chagang"),
    ("사리원", "Sariwon", "황해북도", "North Hwanghae"),
    ("신포", "Sinpo", "함경남도", "South Hamgyong"),
    ("삼지연", "Samjiyon", "양강도", "Ryanggang"),
    ("부령", "Puryong", "함경북도", "North Hamgyong"),
    ("명천", "Myongchon", "함경북도", "North Hamgyong"),
    ("은덕", "Undok", "함경북도", "North Hamgyong"),
)

SURNAMES: tuple[Pair, ...] = (
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"),
    ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"),
    ("한", "Han"), ("오", "Oh"), ("서", "Seo"), ("신", "Shin"), ("권", "Kwon"),
    ("황", "Hwang"), ("안", "Ahn"), ("송", "Song"), ("류", "Ryu"), ("홍", "Hong"),
)  # fmt: skip
GIVEN_FIRST: tuple[Pair, ...] = (
    ("영", "Young"), ("민", "Min"), ("수", "Su"), ("지", "Ji"), ("은", "Eun"), ("정", "Jeong"),
    ("혜", "Hye"), ("현", "Hyun"), ("성", "Sung"), ("경", "Kyung"), ("미", "Mi"), ("선", "Sun"),
    ("순", "Soon"), ("옥", "Ok"), ("철", "Chul"), ("광", "Kwang"), ("명", "Myung"),
    ("금", "Geum"), ("춘", "Chun"), ("향", "Hyang"), ("해", "Hae"), ("동", "Dong"),
    ("진", "Jin"), ("하", "Ha"),
)  # fmt: skip
GIVEN_SECOND: tuple[Pair, ...] = (
    ("미", "mi"), ("희", "hee"), ("진", "jin"), ("호", "ho"), ("철", "chul"), ("숙", "sook"),
    ("옥", "ok"), ("남", "nam"), ("란", "ran"), ("혁", "hyuk"), ("준", "jun"), ("아", "a"),
    ("영", "young"), ("심", "sim"), ("일", "il"), ("국", "guk"), ("화", "hwa"), ("연", "yeon"),
    ("주", "ju"), ("석", "seok"),
)  # fmt: skip

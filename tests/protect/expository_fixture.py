"""Fictional papers, reports and news about North Korean migrants, identifiers marked.

Written for moksori's tests (no real paper, person or participant): the text
names states, demonyms, organisations, rivers and cited authors, which protect
no one, and a few participants' pseudonyms, hometowns, ages and dates, which
must be found. ``[[text|type]]`` marks a gold identifier.
"""

from __future__ import annotations

import re

PAPER_EN = """\
Resettlement and Trust among North Korean Women in Seoul

Abstract. This paper examines how North Korean women who settled in South Korea after 2010 \
rebuild trust. Drawing on interviews with twelve participants, we argue that the Hana Centers \
and church networks shape their first years more than the state does.

1. Introduction
Since the famine of the 1990s, more than 30,000 North Koreans have reached the South \
(Ministry of Unification, 2021). Most crossed the Tumen River into China, and many travelled \
through Laos or Thailand before arriving in Seoul (Kim, 2015; Lankov 2013). Human Rights \
Watch and Amnesty International have documented forced returns from China, and Daily NK \
reports that the Workers' Party tightened border control after 2012. The Democratic \
People's Republic of Korea (DPRK) treats defection as treason, while the Republic of Korea \
(ROK) grants citizenship on arrival. North and South differ in dialect, and South Koreans \
often notice the accent of newcomers from the North.

2. Method
Participants were recruited through the Korea Hana Foundation and two Protestant churches. \
Interviews were held in Korean and translated into English by the first author. All names \
are pseudonyms. Approval came from the Institutional Review Board of Seoul National University.

3. Findings
[[Youngmi|person]] (in her [[20s|age]], left North Korea in [[2010|date]]) grew up in \
[[Hyesan|place]] and sold herbs near the Yalu River. She said that the Chinese police were \
what she feared most. [[Sunhee|person]], who is [[43|age]], came from [[Musan|place]] and \
spent four years in [[Yanji|place]] before a broker took her to [[Kunming|place]]. "In the \
North we trusted the neighbourhood," [[Sunhee|person]] recalled, "but in the South I trust nobody \
at first."

[[Mrs. Ri|person]], a former teacher from [[Onsong|place]], described the National \
Intelligence Service interview as the hardest week of her life. [[Kyong-ok|person]], the \
youngest participant at [[24|age]], had worked in a restaurant in [[Dandong|place]]. Like \
other Korean Chinese brokers, hers spoke both Chinese and Korean.

4. Discussion
Our participants echo earlier work on distrust (Park and Choi, 2018; Sung 2019; Haggard & \
Noland, 2011). The Korean Peninsula remains divided, and the Koreas still lack a peace \
treaty. The United Nations, the Ministry of Unification and the Korean Bar Association all \
offer some help, yet North Korean migrants in Seoul, Busan and Incheon report loneliness. \
The Rodong Sinmun never mentions them; the Chosun Ilbo and the Hankyoreh do, mostly in \
crime reports. Future research should include men and people outside the capital.
"""

REPORT_KO = """\
북한이탈주민 정착 실태 보고서

1. 배경
1990년대 고난의 행군 이후 탈북민의 입국이 늘었다. 통일부에 따르면 북한이탈주민은 대부분 \
하나원에서 12주 교육을 받은 뒤 남한 사회에 정착한다. 국정원은 입국 직후 합동신문을 한다. \
북한에서는 조선로동당이 모든 조직을 통제하며, 북에서 온 사람들은 남한의 경쟁 문화를 \
낯설어한다. 남과 북의 말투 차이도 크다. 두만강과 압록강을 건너 중국으로 가는 경로가 \
일반적이다.

2. 면담 사례
[[영미|person]] 씨는 [[혜산|place]]에서 태어나 [[2012년|date]]에 탈북하였다. 그는 하나원 수료 후 \
지역 하나센터의 도움으로 일자리를 찾았다고 말했다. [[회령|place]] 출신의 한 참여자는 \
[[마흔두 살|age]]에 남한에 왔다.
"""

NEWS_EN = """\
Busan, June 9 (Wire) -- Forty-one North Korean defectors reached South Korea in the first \
half of the year, the Unification Ministry said on Friday, as the border closure eased. \
Officials said most arrivals were women in their 20s and 30s who had lived in China for \
years. The Korea Hana Foundation and the National Intelligence Service screen new arrivals \
before they enter Hanawon. Human rights groups, including the Citizens' Alliance for North \
Korean Human Rights, urged Beijing to stop repatriations. The UN Special Rapporteur on human \
rights in North Korea, Maria Okafor, said returnees face torture, and Unification Minister \
Han Dong-su told lawmakers that support would grow. Scholars such as Tomas Hedlund and Grace \
Nwosu have written about the border economy. One defector, a [[33-year-old|age]] woman from \
[[Kilju|place]] who gave only her surname, [[Choi|person]], said she crossed the Yalu River \
in [[2018|date]] and reached Busan through Laos.
"""

NEWS_KO = """\
탈북민 취업 지원 정책의 성과와 과제

한국개발연구원과 통일연구원은 지난 15일 공동 보고서를 발표했다. 보고서에 따르면 2023년 \
탈북민 고용률은 60.5%로 전년보다 1.2%포인트 올랐다. 연구진은 20대부터 60대까지 2,000명을 \
조사했다. 입국 경로는 대부분 중국을 거쳐 제3국으로 이어진다. 북한 당국은 2020년 1월 \
코로나19를 이유로 국경을 봉쇄했다. 탈북민 수는 2019년 1,047명에서 2021년 63명으로 줄었다. \
박성민 통일부 장관은 국회에서 지원 확대를 약속했고, 정유나 한국평화연구원 연구위원은 \
장기 정착자 지원이 필요하다고 말했다. 통일부는 다음 달 서울에서 포럼을 열고, 포럼에는 \
탈북민 당사자와 지방자치단체 관계자가 참석한다.

사례를 보면, 함경북도 [[청진|place]] 출신 [[최금옥|person]]([[47|age]])씨는 [[2015년|date]] \
입국해 경기도 [[안산|place]]에서 미용실을 운영한다. 그는 손님들이 말투를 듣고 고향을 \
묻는다고 말했다.
"""


# An NGO report chapter: tables and figures, headings in sentence case, interviewee codes,
# citations in several shapes, organisations and demonyms, and three participants.
CHAPTER_EN = """\
Chapter 4. Debt, Brokers and the Price of the Route

Table 2. Fees paid to brokers by year of departure (n = 58)

4.1 Overview

This chapter draws on the second round of the Crossing Costs Survey, run by the Seoul office \
of Open Passage Korea with the Institute for Peace and Unification Studies. Brokerage has \
been described as a market (Jung and Lee 2017; Park et al., 2019) and as a form of debt \
bondage (see Lankov 2013, pp. 44-51). Song (2020) argues that fees rose after Kim Jong-un \
took power. Vietnamese, Thai and Lao officials rarely intervene, and Chinese public security \
bureaus treat the migrants as illegal economic migrants. Most Interviewees left through \
Yunnan Province and Southeast Asia.

Figure 3. Median fee in thousands of yuan, 2009-2019

4.2 Three routes

Interviewee 14, whom we call [[Hyejin|person]] ([[38|age]] at the interview), left \
[[Hoeryong|place]] in [[2011|date]] with her younger brother. She paid a broker in \
[[Longjing|place]] half of the fee in advance. "He said the rest could come from Seoul, \
from my cousin," [[Hyejin|person]] explained. Mr. [[Bae|person]], a former miner from \
[[Komdok|place]] who was [[fifty-six|age]] when he crossed, said that a fee owed to a broker \
is a fee owed by the whole family. The third case, [[Ryeonhwa|person]] (in her \
[[thirties|age]]), spent a year in [[Mudanjiang|place]] before the United Nations High \
Commissioner for Refugees office in [[Bangkok|place]] accepted her claim.

4.3 Discussion

Respondents who left after 2015 paid three times more than those who left before. Defector \
organisations such as the North Korean Refugees Solidarity Network and Durihana help some \
families pay, and the Ministry of Unification settlement grant is often spent on debt. \
Women were more often indebted than men (Table 2). Notes: all names of participants are \
pseudonyms; hometowns are given only with consent.
"""

# A Korean paper: headings, 표/그림, citations, institutions, and two participants.
PAPER_KO = """\
북한이탈 청소년의 학교 적응과 언어

요약
본 연구는 남한 학교에 다니는 북한이탈 청소년의 언어 적응을 살펴본다.

1. 서론
북한이탈 청소년은 말투 때문에 차별을 겪는다(이수정, 2016; 박민호·조은영, 2019). \
교육부와 통일부는 2015년부터 탈북학생 지원 사업을 운영해 왔으며, 한국교육개발원은 \
매년 실태를 조사한다. 중국 출생 자녀는 중국어를 먼저 배우는 경우가 많다.

2. 연구 방법
연구참여자는 서울과 경기 지역 중·고등학생 열한 명이다. 면담은 2021년 4월부터 \
10월까지 이루어졌다. <표 1>은 참여자의 특성을 정리한 것이다.

3. 연구 결과
연구참여자 D(가명 [[은별|person]], [[17세|age]])는 [[무산|place]]에서 태어나 \
[[2018년|date]]에 어머니와 함께 입국하였다. [[은별|person]]은 "친구들이 내 말을 \
따라 해서 입을 닫았다"고 말했다. 연구참여자 G(가명 [[철진|person]])는 [[온성|place]] \
출신으로, 중국 [[연길|place]]에서 [[삼 년|date]]을 지낸 뒤 남한에 왔다.
"""


def parse(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The plain text and its gold spans (start, end, type)."""
    out: list[str] = []
    gold: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in re.finditer(r"\[\[([^|\]]+)\|(\w+)\]\]", marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        gold.append((length, length + len(m.group(1)), m.group(2)))
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), gold

"""A fictional paper and report about North Korean migrants, with its identifiers marked.

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

"""Lines that belong to a page's widgets: newsletter forms, donation appeals, logo rows,
image file names and the organisation's address and registration lines.

NGO and news pages put these inside the article too (a sign-up box between two
answers of an interview), so each is recognised on the line alone, and
:mod:`moksori.ingest.linekinds` calls them chrome wherever they stand. Every
pattern is anchored on the widget's own wording (a form label alone on its line,
"Thank you for subscribing", "Your gift of $35 can ..."), never on a topic word,
because a testimony may well talk about newsletters, donations or photos.
"""

from __future__ import annotations

import re

NEWSLETTER = "banner"  # sign-up forms are banners, as "Subscribe" buttons already were
DONATION = "banner"  # the reason donate buttons already carry
IMAGE = "image placeholder"
FOOTER = "footer"
LOGO_ROW = "logo row"
SHARE = "share buttons"
COMMENT_FORM = "navigation"  # "Leave a comment" already was
RELATED = "link list"
_LEADING_MARK = re.compile(r"^[\s▶►▸→☞※·•\-–—]+")

# A line that is only an image's file name: "IMG_2043.jpg", "banner-final-2.png",
# "photo (3).webp".
_IMAGE_FILE = re.compile(
    r"^[\w\-.,()\[\]~+* ]{1,80}\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|heif|avif)$",
    re.IGNORECASE,
)
# Form fields and buttons, alone on their line.
_FORM_LABELS = frozenset(
    "email address|e-mail address|your email|your email address|enter your email|"
    "enter your email address|enter email|first name|last name|full name|your name|name|"
    "subscribe|subscribe now|sign me up|sign up|submit|send|join|"
    "이메일|이메일 주소|이메일주소|이름|성함|성명|연락처|휴대폰 번호|구독|구독하기|구독 신청|"
    "구독신청|신청|신청하기|보내기|제출|type your email|type your email address|"
    "이메일을 입력하세요|이메일 주소를 입력하세요|join the list|join our list|join now|"
    "sign up free|get updates|keep me posted|email|e-mail|website|comment|your comment|"
    "name (required)|email (required)".split("|")
)
# A comment form's field and button.
_COMMENT_FORM = frozenset(
    "write a comment|add a comment|post a comment|post comment|join the discussion|"
    "what are your thoughts?|what do you think?|share your thoughts|leave a response|"
    "댓글을 입력하세요|댓글을 입력해 주세요|댓글을 남겨 주세요|댓글 달기|댓글 작성|"
    "enter your comment here|leave a reply cancel reply|cancel reply|비밀글 등록|비밀글|"
    "등록된 댓글이 없습니다|아직 댓글이 없습니다|댓글이 없습니다|no comments yet|"
    "be the first to comment|there are no comments yet".split("|")
)
# What a sign-up form says after it is sent: its success and error messages.
_FORM_MESSAGE = re.compile(
    r"^(?:thank you|thanks)[!,.]?(?: so much)?(?: for (?:subscribing|signing up|joining|"
    r"your (?:subscription|submission|interest)))|"
    r"your submission has been received|you(?:'|’)re (?:now )?(?:subscribed|all set|on the list)|"
    r"^success[!.]|^no spam\b|\bunsubscribe (?:at )?any ?time|^one (?:e-?mail|newsletter) a "
    r"(?:week|month)\b|"
    r"check your (?:inbox|email) to confirm|"
    r"^(?:oops[!,.]?\s*)?something went wrong(?:[.!]|\s+while submitting\b|$)|^oops[!,.]|"
    r"^(?:sorry, )?(?:an )?error (?:has )?occurred|please try again(?: later)?[.!]?$|"
    r"구독(?:해 주셔서|을 신청해 주셔서|해주셔서)|"
    r"(?:구독|신청)(?:이|이 정상적으로) 완료되었(?:습니다|어요)|"
    r"^i agree to (?:the )?privacy policy|"
    r"^(?:\S+\s)?(?:채널\s?)?추가가 완료되었습니다[.!]?$|"
    r"^you(?:'|’)re in[!.]|check your (?:inbox|email) for\b|please enter a valid e-?mail|"
    r"sign-?up (?:request )?was successful|successfully subscribed|"
    r"\balready (?:subscribed|on (?:our|the) (?:mailing )?list)\b|이미 구독 중|"
    r"^we respect your privacy\b|^by (?:signing up|subscribing|submitting|clicking)\b.{0,80}"
    r"\b(?:agree|consent|accept)|개인정보 수집(?:\s?(?:및|·|ㆍ)\s?이용)?에 동의|"
    r"(?:오류|문제)가 발생했습니다|다시 시도해 ?주세요|"
    r"이메일(?: 주소)?[을를] (?:정확히 |올바르게 |다시 )?입력해 ?주세요|"
    r"^your email address will not be published\b|^required fields are marked\b|"
    r"^we(?:'ll|’ll| will) never (?:share|sell|spam) your (?:e-?mail|information|data|inbox)|"
    r"^your privacy is important to us\b|확인 메일을 (?:보냈|발송)|"
    r"^개인정보\s?수집\s?(?:및\s?이용)?\s?동의|"
    r"^save my name, email,? and website\b|^notify me of (?:follow-up comments|new posts)\b|"
    r"올바른 이메일|(?:이메일|메일)\s?(?:주소\s?)?형식이 (?:올바르지 않|잘못)",
    re.IGNORECASE,
)
# A newsletter pitch: "Get stories like this in your inbox", "Sign up to hear about ...".
_NEWSLETTER_PITCH = re.compile(
    r"\b(?:in|into|to) your inbox\b|delivered (?:every )?weekdays|"
    r"^join [\d,.]+\s?[km+]?\+? (?:supporters|subscribers|readers|others|people|members)\b|"
    r"^subscribe to (?:our |the )?(?:[\w-]+ ){0,3}newsletter\b|"
    r"(?:소식|이야기|뉴스레터|메일|인터뷰)[^.!?]{0,30}(?:보내|전해)\s?드(?:립니다|려요)|"
    r"^sign up (?:to|for)\b|"
    r"^(?:subscribe|sign up) to (?:get|receive|hear)|"
    r"^stay (?:in the loop|informed|connected|up to date)\b|"
    r"^(?:join|get on) (?:our|the) (?:mailing|email) list|delivered (?:weekly|monthly|daily)|"
    r"소식(?:을|을 매달|을 메일로)? 받아\s?보(?:세요|기)|메일로 받아\s?보|"
    r"(?:추가|구독|신청|팔로우)하시면\s.{0,50}받아\s?보실 수|"
    r"^subscribe to (?:[\w'’&.-]+ ?){1,5}(?:\s*[|/]\s*[^|/.!?]{1,20})?$|"
    r"^get (?:new |the latest |our )?(?:posts|stories|updates|articles|essays) (?:by|via|in your) "
    r"(?:e-?mail|inbox)\b|"
    r"^(?:the best of|the latest|our|new|fresh|analysis|news|stories|updates|insights|"
    r"highlights|commentary|research|reporting|essays|interviews|top stories|a digest|"
    r"a roundup)\b[^.!?]{0,80},\s(?:every (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week(?:day)?|month|morning)|(?:twice|once|three times) a (?:week|month)|"
    r"each (?:week|month))[.!]?$|"
    r"^매(?:주|월|달|일)\s?\S{0,6}\s?(?:발송|보내\s?드립니다|찾아갑니다)[.!]?$",
    re.IGNORECASE,
)
# A blog platform's own pitch: "Thanks for reading X! Subscribe for free to receive new posts".
_SUBSCRIBE_PITCH = re.compile(
    r"\bsubscribe for free\b|\bto receive new posts\b|^thanks for reading\b.{0,60}\bsubscribe\b",
    re.IGNORECASE,
)
# "👉 카카오톡 채널 추가하기": a messenger channel's follow button.
_CHANNEL_BUTTON = re.compile(r"(?:카카오톡|카톡|플러스친구)?\s?채널\s?추가(?:하기)?$")
# The word alone only marks a heading or a button, never a sentence that mentions it.
# "소식지 제12호 - 함께 맞는 두 번째 봄", "Newsletter No. 4": an issue's title, the post itself.
_ISSUE = re.compile(
    r"제\s?\d{1,4}\s?호|\d{4}년\s?\S{1,4}호|\b(?:no|vol|issue)\.?\s?\d{1,4}\b", re.IGNORECASE
)
_NEWSLETTER_WORD = re.compile(r"\bnewsletters?\b|뉴스레터|소식지", re.IGNORECASE)
# Donation appeals: buttons and the sentence that prices a gift.
_DONATION = re.compile(
    r"^(?:please )?(?:donate|give)(?: monthly| today| now| once)?[.!]?$|"
    r"^(?:make|become) a (?:monthly )?(?:gift|donation|donor|supporter)\b|"
    r"(?:^|[:.!?]\s+)(?:your|a monthly|a one-off|a|one|every) (?:monthly )?(?:gift|donation)"
    r"(?: of [$£€₩]?\d[\d,]*)?\s+(?:today |now )?(?:can|will|helps?|pays?|buys?|covers?)\b|"
    r"^(?:your |just |only |every |each )?[$£€₩]\s?\d[\d,]*(?: a (?:month|week))?\s+"
    r"(?:can |will |could )?(?:buys?|pays?|covers?|provides?|helps?|gives?|feeds?|funds?|"
    r"sends?|keeps?)\b|"
    r"^(?:please )?(?:support|help) (?:us|our (?:work|research|mission)|independent \w+|"
    r"more (?:people|families|children|women|men) like)\b|"
    r"후원(?:금)?으로 .{0,40}주세요|^여러분의 (?:정기\s?)?후원(?:금)?이|"
    r"^(?:월|한 달|매달|매월)\s?\d[\d,]*\s?(?:만\s?)?원.{0,12}후원"
    r".*(?:수 있습니다|됩니다|주세요)[.!]?$|"
    r"(?:^|[.!?]\s+)(?:월|한 달|매달|매월)\s?\d[\d,]*\s?(?:만\s?)?원(?:이면|으로|의)"
    r".{0,60}(?:후원|기부|지원|선물|도울|도와|함께할|수 있습니다)|"
    r"\bbecome an? (?:\w+ )?(?:member|supporter|patron|donor)\b.{0,40}[$£€₩]\s?\d|"
    r"\b(?:reader|listener|member)[- ](?:funded|supported)\b.{0,40}\b(?:support|become|donat|"
    r"give|join)|\b(?:give|donate) (?:at|via|on) (?:https?://)?[\w-]+\.[\w./-]+$",
    re.IGNORECASE,
)
# "Join us" appeals in Korean, alone on a short line: "들꽃나눔과 함께해 주세요".
_APPEAL_KO = re.compile(r"(?:함께\s?해\s?주세요|동참해\s?주세요|손을 잡아\s?주세요)[.!]?$")
# "Enjoyed this? Buy me a coffee ☕": a writer's tip jar.
_TIP_JAR = re.compile(
    r"(?:^|[.!?]\s+)(?:please )?buy me a (?:coffee|tea)\b|\bko-fi\.com\b", re.IGNORECASE
)
# "▶ 모금함 바로가기 (같이가치)": a link's label ("go to …"), whatever it links to.
_GO_TO_LINK = re.compile(r"바로\s?가기(?:\s*[(\[][^)\]]{1,20}[)\]])?\s*[▶►>→»]*$")
# "Like this story? Share it!"
_SHARE_PROMPT = re.compile(
    r"^(?:(?:like|liked|enjoy|enjoyed|love) this (?:story|post|article|interview)\?\s*)?"
    r"(?:please )?(?:share|pass) (?:it|this(?: story| post| article| page)?)(?: on| with| along)?"
    r"[\w ]{0,20}[!:.]?$",
    re.IGNORECASE,
)
# Donation buttons in Korean: only where the line is no sentence ("후원하기로 했어요." is one).
_DONATION_KO = re.compile(r"(?:정기\s?)?후원\s?(?:하기|신청|참여|안내|문의)|지금 후원|후원하러")
# Where to send money: "후원 계좌 신한은행 100-000-000000", "give via PayPal".
_DONATION_WAY = re.compile(
    r"(?:후원|입금)\s?계좌|^(?:정기|일시)\s?후원\s*[:：]\s*\S|(?:은행|뱅크|농협|우체국)\s*[:：]?\s*\d{2,6}-\d{2,6}-\d{2,8}|"
    r"paypal로(?:도)? 후원|후원하실 수 있습니다|\b(?:give|donate) (?:via|through|with) paypal\b|"
    r"\b(?:gifts?|donations?) (?:are|is) (?:fully )?tax[- ]deductible\b|"
    r"기부금\s?(?:세액\s?)?공제|기부금\s?영수증|^become a monthly\b",
    re.IGNORECASE,
)
# Site furniture no article has: ad slots ("728x90", "반응형"), an empty category label, a
# newsletter platform's sign-in and promotion lines, a wire's "Our Standards" link, a
# report's disclaimer, and a UN document's distribution line, job number and recycling mark.
_AD_SLOT = re.compile(r"^\d{2,4}\s?[x×]\s?\d{2,4}$|^반응형$")
_PLATFORM = re.compile(
    r"^already have an account\?\s*(?:sign|log) ?in$|^discover more from\s\S|"
    r"^launched \d+ (?:years?|months?) ago$|^our standards:\s|^카테고리 없음$",
    re.IGNORECASE,
)
# A UN paper's language note: "English only", "Arabic, English and French only".
_UN_LANGUAGE = r"(?:arabic|chinese|english|french|russian|spanish)"
_DISCLAIMER = re.compile(
    r"do(?:es)? not necessarily (?:reflect|represent) (?:those|the (?:views?|positions?|"
    r"polic(?:y|ies))) of|^distr\.:\s?(?:general|limited|restricted)$|^please recycle$|"
    r"^GE\.\d{2}-\d{4,6}(?:\s?\([A-Z]\))?$|"
    rf"^{_UN_LANGUAGE}(?:(?:,| and) {_UN_LANGUAGE})* only$|^original:\s?{_UN_LANGUAGE}$",
    re.IGNORECASE,
)
_DOCUMENT_SYMBOL = re.compile(r"^[A-Z]{1,6}/(?:[A-Z0-9.]+/){1,6}[A-Z0-9.]*\d[A-Z0-9.]*$")
# "교재비 후원: 농협 351-1188-2047-63 이음나무센터": a bank account for gifts.
_DONATION_ACCOUNT = re.compile(
    r"^[^:：]{0,15}(?:후원|계좌|입금)[^:：]{0,6}[:：]\s?[^:：]{0,6}"
    r"(?:은행|농협|신협|우체국|카카오뱅크|국민|신한|우리|하나|기업)\s?\d{2,6}-\d{2,6}-\d{2,8}"
)

_LEADING_SYMBOLS = re.compile(r"^[^\w\[(\"'“‘]+")
# A sign-up or donation button with its link: "구독 신청: https://…", "Donate ▶ www.…".
_BUTTON_WORDS = (
    r"(?:구독(?:\s?신청|하기)?|뉴스레터(?:\s?신청)?|(?:정기\s?|일시\s?)?후원(?:\s?(?:하기|신청|참여))?|"
    r"(?:후원|구독)?\s?바로가기|subscribe(?: here| now)?|sign up(?: here| now)?|"
    r"donate(?: here| now)?|give(?: here| now)?)"
)
_LINKED_BUTTON = re.compile(
    rf"(?:^|[.!?]\s+|\s){_BUTTON_WORDS}\s*(?:[:：▶►▸→☞👉]\s*)*"
    r"(?:https?://|www\.|[\w-]+\.(?:substack|com|org|net|kr)\b)\S*$",
    re.IGNORECASE,
)
# "[정기후원 참여하기]", "[Donate now]": a button printed in brackets after an appeal.
_BRACKET_BUTTON = re.compile(
    r"\[(?:[^\]]{0,12}(?:후원|구독|신청하기|참여하기)[^\]]{0,8}|"
    r"(?:donate|give|subscribe|sign up|support us)(?: now| today| here)?)\]$",
    re.IGNORECASE,
)
# "(사)하나로이음", "사단법인 새봄": an incorporated association's name alone on its line.
_ORG_NAME_KO = re.compile(r"^(?:\((?:사|재|주)\)|사단법인|재단법인|㈔|㈜)\s?[가-힣A-Za-z]{1,15}$")
# "Read the full report (PDF)", "보고서 내려받기 (HWP, 2.1MB)": a download link.
_FILE_LINK = re.compile(r"\((?:pdf|hwp|hwpx|docx?|xlsx?)(?:,?\s?[\d.]+\s?[kmg]b)?\)$", re.I)
# "Donate $25": a donation amount button.
_DONATE_AMOUNT = re.compile(r"^(?:donate|give|후원)\s?[$£€₩]\s?\d[\d,]*$", re.I)
# What a Korean news portal adds to every article it carries.
_PORTAL = re.compile(
    r"^이 기사는 언론사에서 .{1,20} 섹션으로 분류했습니다|^기사 섹션 분류 안내$|^기사\s?원문$|"
    r"해당 언론사에서 선정하며|^\S{1,20}\s?구독하기$|^언론사 (?:주요|많이 본)\s?뉴스$",
)
# "Purchase Licensing Rights, opens new tab": a link's label for screen readers.
_NEW_TAB = re.compile(
    r",? opens (?:in )?(?:a )?new (?:tab|window)\)?$|\(opens in (?:a )?new (?:tab|window)\)$", re.I
)
# "← Previous: Notes from a laundromat", "Next: The bus to Anseong →": neighbouring posts.
_PREV_NEXT_ARROW = re.compile(
    r"^[←«‹]\s*(?:previous|prev|next|older|newer|이전|다음)\b|"
    r"^(?:previous|prev|next|older|newer|이전|다음)\b.*[→»›]$",
    re.IGNORECASE,
)
# "report-2025.pdf", "[보도자료] 실태조사.hwp": an attachment's file name alone on its line.
_ATTACHMENT = re.compile(
    r"^[\w\-.,()\[\]~+ ·]{1,100}\.(?:pdf|hwp|hwpx|docx?|xlsx?|pptx?|zip|csv|odt)"
    r"(?:\s*\(\d[\d.,]*\s?[kmg]?b\))?$",
    re.IGNORECASE,
)
# A page-satisfaction poll: "이 페이지에서 제공하는 정보에 대하여 만족하십니까?".
_PAGE_POLL = re.compile(
    r"만족하십니까\??$|^(?:페이지\s?)?만족도\s?(?:조사|평가)|^매우\s?만족\b.*불만족$|"
    r"^(?:was|is) this (?:page|article|information|answer) (?:helpful|useful)\??$|"
    r"^like this:$|^첨부\s?파일$|^attachments?:?$|^downloads?:?$|"
    r"^이 (?:기사|글|포스트|게시물)(?:에 대해|을|를|은|는)? 어떻게 "
    r"생각하(?:시나요|세요|십니까)\??$|"
    r"^what do you think (?:of|about) this (?:article|story|post)\??$|"
    r"^how do you feel about this (?:article|story|post)\??$|"
    r"^(?:이번|오늘의?) (?:레터|뉴스레터|소식지|호|메일)(?:는|은) 어떠셨(?:나요|어요|습니까)\??$|"
    r"^(?:how did you like|what did you think of) (?:this|today's) "
    r"(?:issue|newsletter|edition)\??$",
    re.IGNORECASE,
)
# "Story continues below advertisement": an ad slot's label.
_AD_LABEL = re.compile(
    r"^(?:story|article) continues below(?: advertisement)?$|"
    r"^advertisement(?:\s*[·|•-]\s*scroll to continue(?: with content)?)?$|"
    r"^scroll to continue with content$|^report (?:this )?ad$|^ad feedback$|"
    r"^(?:ad\s*)?\[(?:광고|ad)\]|^sponsored\b",
    re.IGNORECASE,
)
# "로그인 후 댓글을 작성하실 수 있습니다.", "You must be logged in to post a comment."
_LOGIN_TO_COMMENT = re.compile(
    r"^로그인 후 (?:댓글|이용)|^로그인이 필요합니다[.!]?$|"
    r"^(?:please )?log ?in to (?:comment|reply|post)|"
    r"^you must be logged in to (?:post a )?(?:comment|reply)|"
    r"^(?:only )?members can (?:comment|reply)\b|"
    r"^회원만 (?:댓글|답글|글)을? (?:쓸|작성할|달|남길) 수 있(?:습니다|어요)[.!]?$",
    re.IGNORECASE,
)
# "서울 18.2℃ 맑음": the weather widget of a news site's header.
_WEATHER = re.compile(r"^\S{1,8}\s?-?\d{1,2}(?:\.\d)?\s?(?:℃|°C?)(?:\s\S{1,4})?$")
# An e-mail newsletter's footer: why the reader got it, how to stop it, what sent it.
_MAILING_FOOTER = re.compile(
    r"^이 (?:메일|이메일|뉴스레터|레터)은 .{0,60}(?:발송|보내\s?드리|전송)"
    r"(?:됩니다|되었습니다|합니다|립니다)|"
    r"^you (?:are receiving|received|get) this (?:e-?mail|newsletter|message) "
    r"(?:because|as|since)\b|"
    r"^(?:수신\s?거부|구독\s?(?:취소|해지))(?:\s*[|/·]?\s*unsubscribe)?$|^unsubscribe$|"
    r"^(?:스티비|stibee|메일침프|mailchimp|substack)(?:로|으로|를 통해)? (?:만든|보낸|발송한) "
    r"(?:뉴스레터|메일)입니다|^(?:made|sent|powered) (?:with|by) (?:stibee|mailchimp)$",
    re.IGNORECASE,
)
# A paywall's prompt over the locked rest of a story.
_PAYWALL = re.compile(
    r"^this (?:story|article|post|piece|content) is (?:only )?(?:available|reserved|exclusive) "
    r"(?:to|for) (?:paid |paying |premium )?(?:members|subscribers)(?: only)?[.!]?$|"
    r"^(?:become a (?:member|subscriber)|subscribe|sign up|log ?in|join)(?: now| today)? to "
    r"(?:keep|continue) reading\b|"
    r"^cancel any ?time[.!]?(?:\s|$)|"
    r"^(?:이 )?(?:기사|글|콘텐츠)는 (?:유료\s?)?(?:회원|구독자)(?:만|에게만|\s?전용)|"
    r"^(?:유료\s?)?(?:회원|구독자)(?:만|에게만) (?:볼|읽을|열람할|이용할) "
    r"수 있(?:습니다|어요)[.!]?$",
    re.IGNORECASE,
)
# "Liberty Lantern is a 501(c)(3) nonprofit organization.": the organisation's disclaimer.
_ORG_STATUS = re.compile(
    r"\b501\s?\(c\)\s?\(3\)|\bEIN\b:?\s*\d|"
    r"^(?:the )?(?:[A-Z][\w&'’.-]*\s(?:(?:for|of|on|and|the|&) )?){1,7}is an? (?:[\w,-]+\s){0,3}"
    r"(?:nonpartisan|non-partisan|"
    r"nonprofit|non-profit|not-for-profit|independent|registered|charitable)\b.{0,60}\b"
    r"(?:organi[sz]ation|institute|charity|foundation|think tank|research (?:center|centre))\b"
)
# "If you liked this post, consider sharing it with a friend."
_SHARE_ASK = re.compile(
    r"(?:공감|좋아요|구독|이웃\s?추가|댓글|스크랩|공유)[^.!?]{0,20}부탁(?:드려요|드립니다|해요)|"
    r"^if you (?:liked|enjoyed|found|appreciated|valued) (?:this|the|today's) (?:post|story|"
    r"article|piece|interview|newsletter|issue)\b.{0,80}\b(?:shar|forward|subscrib|pass it on)",
    re.IGNORECASE,
)
# A post's tool row: reading time, listen, gift, like and citation buttons.
_TOOLS = re.compile(
    r"^\d{1,2}\s?(?:min(?:ute)?s?|분)\s?(?:read|listen|읽기|소요)?$|^listen\s?\(\d{1,2}\s?min\)$|"
    r"^listen to this (?:article|story|post)$|^(?:오디오로 )?기사 듣기$|"
    r"^gift (?:this|the) (?:article|story)$|^like\s+loading|^cite this (?:publication|article|"
    r"report|paper|page|post)$|^copy citation$|^how to cite(?: this)?$|^인용하기$|"
    r"^(?:font|text) size$|^글(?:자|씨)\s?(?:크기|키우기|줄이기)$",
    re.IGNORECASE,
)
# "Home / Stories / Three Winters": a breadcrumb written with slashes.
_SLASH_CRUMB = re.compile(r"^(?:home|홈)\s/\s[^/]{1,40}(?:\s/\s[^/]{1,80}){0,4}$", re.I)
# "Meridian is independent. Support our research.": an appeal closing a sentence.
_TRAILING_APPEAL = re.compile(
    r"[.!?]\s+(?:please )?support (?:our|independent) (?:work|research|mission|journalism)[.!]?$",
    re.IGNORECASE,
)
# "Copy link", "URL 복사": the share row's copy button.
_COPY = r"(?:copy (?:the )?(?:link|url)|(?:url|링크|주소)\s?복사(?:하기)?)"
_COPY_LINK = re.compile(rf"^{_COPY}(?:\s*[/·|]?\s*{_COPY})?$", re.IGNORECASE)
# "▶ 관련기사: …", "Read more: …": a link to another article set inside the body.
_INLINE_LINK = re.compile(
    r"^(?:관련\s?기사|관련\s?글|함께 (?:보면|읽으면) 좋은 (?:글|기사)|read more|related|"
    r"see also|also read|more on this)\s*[:：]\s*\S",
    re.IGNORECASE,
)
# Headings of a row of media or partner logos; their short following lines are its items.
LOGO_HEADINGS = frozenset(
    "as seen on|as seen in|as featured in|featured in|featured on|in the media|in the press|"
    "press coverage|our partners|partners|our funders|funders|our supporters|supported by|"
    "funded by|with thanks to|함께하는 곳|함께하는 단체|함께하는 기관|후원 기관|후원기관|"
    "협력 기관|협력기관|파트너|파트너 기관|언론 보도|언론 속|언론에 소개된 우리".split("|")
)
# "언론에 비친 하나로이음", "Featured in the press": a press row's heading naming the org.
LOGO_HEADING = re.compile(r"^언론(?:에 비친|에 소개된|에 나온|이 본|\s?속의?)\s?\S{0,15}$")
# The organisation's street address, registration and e-mail lines.
_ADDRESS_EN = re.compile(
    r"\b\d{1,5}[A-Za-z]?,? (?:[A-Z][\w'\-]+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|"
    r"Boulevard|Blvd|Way|Drive|Dr|Place|Pl|Square|Sq|Plaza|Court|Ct)\b\.?,?"
    r"(?:.{0,60}\b(?:\d{4,5}|[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2})\b)"
)
_ADDRESS_KO = re.compile(
    r"(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충청|충북|충남|전라|전북|전남|"
    r"경상|경북|경남|제주)\S{0,5}\s+\S{1,8}[시구군]\s+\S{1,12}(?:로|길|동)\s*\d"
)
_REGISTRATION = re.compile(
    r"고유\s?번호|등록\s?번호|사업자\s?번호|비영리\s?(?:민간)?\s?단체|"
    r"\bregistered\b.{0,50}\b(?:no|number)\b\.?\s*[:：]?\s*[\d\-]{4,}|"
    r"\b(?:ein|abn|tax id|vat (?:no|number))\b\.?\s*[:：]?\s*[\d\-]{4,}|\b501\s?\(c\)\s?\(3\)",
    re.IGNORECASE,
)
_EMAIL_LABEL = re.compile(r"(?:e-?mail|이메일|메일)\s*[:：]\s*\S+@\S+", re.IGNORECASE)
# "글쓴이: 다온쉼터 소식지팀": an author line that names a newsletter team is a byline.
_AUTHOR_LABEL = re.compile(r"글쓴이|작성자|^글\s?[:：]|\bwritten by\b|^by\s", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:[.!?]|다)[\"'”’)]*$")


def _core(s: str) -> str:
    return re.sub(r"[\s:：!.…»›>→▶*]+$", "", s.strip()).casefold()


def _bilingual_label(core: str) -> bool:
    """ "구독 Subscribe": the same form label in Korean and English."""
    parts = [p.strip() for p in re.split(r"(?<=[가-힣])\s+(?=[a-z])|\s+[/·|]\s+", core)]
    return len(parts) == 2 and all(p in _FORM_LABELS for p in parts)


def labelled_furniture(s: str) -> str | None:
    """Chrome written as "label: value", which would otherwise pass for a speaker's turn:
    "Our Standards: …", "Distr.: General", "교재비 후원: 농협 351-…"."""
    w = len(s)
    if w <= 120 and _PLATFORM.search(s):
        return COMMENT_FORM  # navigation
    if w <= 60 and _DISCLAIMER.search(s):
        return FOOTER
    if w <= 200 and _DONATION_ACCOUNT.search(s):
        return DONATION
    return None


def widget_reason(s: str, w: int) -> str | None:
    """Why this stripped line of weight ``w`` (Hangul counts double) is a widget, if it is."""
    core = _core(s)
    if w <= 100 and _IMAGE_FILE.match(s):
        return IMAGE
    if w <= 40 and core in _FORM_LABELS:
        return NEWSLETTER
    if w <= 40 and _bilingual_label(core):
        return NEWSLETTER
    if w <= 40 and core in _COMMENT_FORM:
        return COMMENT_FORM
    if w <= 40 and _COPY_LINK.match(core):
        return SHARE
    if w <= 160 and _PORTAL.search(s):
        return RELATED if "선정" in s or "뉴스" in s else COMMENT_FORM
    if w <= 120 and _FILE_LINK.search(s) and not _SENTENCE_END.search(s):
        return RELATED
    if w <= 120 and _NEW_TAB.search(s):
        return RELATED
    if w <= 200 and _PREV_NEXT_ARROW.search(s):
        return COMMENT_FORM  # navigation
    if w <= 160 and _ATTACHMENT.match(s):
        return RELATED
    if w <= 120 and _PAGE_POLL.search(s):
        return COMMENT_FORM  # navigation
    if w <= 40 and _TOOLS.match(_LEADING_MARK.sub("", s)):
        return SHARE
    if w <= 250 and _LINKED_BUTTON.search(_LEADING_SYMBOLS.sub("", s)):
        return NEWSLETTER  # "👉 구독 신청: https://…", "정기후원 바로가기 ▶ https://…"
    if w <= 250 and _BRACKET_BUTTON.search(s):
        return DONATION  # "… 한 달 2만 원이면 … [정기후원 참여하기]"
    if w <= 30 and _ORG_NAME_KO.match(s):
        return FOOTER  # the organisation's name as the site's logo
    if w <= 160 and _SLASH_CRUMB.match(s) and not _SENTENCE_END.search(s):
        return COMMENT_FORM  # navigation
    if w <= 120 and _TRAILING_APPEAL.search(s):
        return DONATION
    if w <= 200 and _SUBSCRIBE_PITCH.search(s) and len(s.split()) <= 25:
        return NEWSLETTER
    if w <= 40 and _CHANNEL_BUTTON.search(s) and not _SENTENCE_END.search(s):
        return NEWSLETTER
    if w <= 200 and _SHARE_ASK.search(s):
        return SHARE
    if w <= 160 and _INLINE_LINK.match(_LEADING_MARK.sub("", s)) and not _SENTENCE_END.search(s):
        return RELATED
    if w <= 160 and _FORM_MESSAGE.search(s):
        return NEWSLETTER
    if w <= 120 and _NEWSLETTER_PITCH.search(s) and len(s.split()) <= 14:
        return NEWSLETTER
    if (
        w <= 80
        and _NEWSLETTER_WORD.search(s)
        and not _ISSUE.search(s)
        and not _SENTENCE_END.search(s)
        and not _AUTHOR_LABEL.search(s)
    ):
        return NEWSLETTER
    if w <= 20 and _AD_SLOT.match(s):
        return NEWSLETTER  # banners, as "Advertisement" already was
    if w <= 120 and _PLATFORM.search(s):
        return COMMENT_FORM  # navigation
    if w <= 250 and (_DISCLAIMER.search(s) or _DOCUMENT_SYMBOL.match(s)):
        return FOOTER
    if w <= 200 and _DONATION_ACCOUNT.search(s):
        return DONATION
    if w <= 30 and _DONATE_AMOUNT.match(s):
        return DONATION
    if w <= 160 and _DONATION.search(s):
        return DONATION
    if w <= 60 and _DONATION_KO.search(s) and not _SENTENCE_END.search(s):
        return DONATION
    if w <= 250 and _DONATION_WAY.search(s):
        return DONATION
    if w <= 120 and _AD_LABEL.match(s):
        return NEWSLETTER  # banners, as "Advertisement" already was
    if w <= 120 and _LOGIN_TO_COMMENT.match(s):
        return COMMENT_FORM
    if w <= 30 and _WEATHER.match(s):
        return COMMENT_FORM  # navigation, like the date beside it
    if w <= 250 and _ORG_STATUS.search(s):
        return FOOTER
    if w <= 160 and _MAILING_FOOTER.search(s):
        return FOOTER
    if w <= 200 and _PAYWALL.search(s):
        return NEWSLETTER  # banners, as "Subscribe" already was
    if w <= 60 and (
        core in LOGO_HEADINGS
        or LOGO_HEADING.match(core)
        or all(p in LOGO_HEADINGS for p in re.split(r"\s+/\s+", core))
    ):
        return LOGO_ROW
    head, colon, names = s.partition(":")
    if colon and names.strip() and _core(head) in LOGO_HEADINGS and w <= 160:
        return LOGO_ROW  # "As seen in: The Gazette · Channel 9 · Metro Weekly"
    if w <= 60 and _APPEAL_KO.search(s):
        return DONATION
    if w <= 60 and _SHARE_PROMPT.search(s):
        return SHARE
    if w <= 200 and _TIP_JAR.search(s):
        return DONATION
    if w <= 160 and _GO_TO_LINK.search(s):
        return COMMENT_FORM  # navigation
    if w <= 200 and not _SENTENCE_END.search(s):
        if w <= 110 and (_ADDRESS_EN.search(s) or _ADDRESS_KO.search(s)):
            return FOOTER
        if _REGISTRATION.search(s) or _EMAIL_LABEL.search(s):
            return FOOTER
    return None

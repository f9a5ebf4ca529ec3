"""The other conditions as people state them: photo specs, 社保, 调入 and 学历 origin, 实操考评, the 2021 rule,
papers, penalties, and the step a deadline question is about (hours: language/hours.py)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from assistant.language.clauses import Clause
from assistant.language.events import months_between
from assistant.language.lexicon import lexicon
from assistant.language.reading import Reading
from assistant.language.when import find_dates

FORMATS = re.compile(r"(?<![a-z])(jpe?g|png|bmp|gif|webp|heic|tiff?)(?![a-z])", re.I)
PIXELS = re.compile(r"(\d{2,5})\s*(?:[x×*＊]|乘以?|by)\s*(\d{2,5})|"
                    r"宽(?:度)?(?:是|为)?\s*(\d{2,5})[^\d]{0,8}?高(?:度)?(?:是|为)?\s*(\d{2,5})|"
                    r"(\d{2,5})\s*(?:像素|px)?\s*宽[^\d]{0,4}?(\d{2,5})\s*(?:像素|px)?\s*高", re.I)  # "450宽、700高"
SIZE = re.compile(r"(?<![a-z\-\d.])(\d+(?:\.\d+)?)\s*(?:来|多|左右|出头)?\s*((?:kb|k|mb|m)(?![a-z\-\d])|兆|千字节)", re.I)
# (a model number such as "Y2-160M-4电机" is no file size)
BYTES = re.compile(r"(\d{4,8})\s*(?:个)?字节")

def photo(reading: Reading, clauses: list[Clause], message: str, person: str = "self") -> None:
    backgrounds = [m for m in re.finditer(r"(白|蓝|红|灰)(色)?(底|背景)", message)
                   if not re.search(r"(不是|不用|非|没有|不要|不一定)$", message[max(0, m.start() - 3):m.start()])
                   and not re.search(r"(知道|规定|要求|说)[^,，。]{0,2}(要|须|必须|得|是)$|(是不是|要不要|必须|需要|须|得)(要|是|用)?$",
                                     message[max(0, m.start() - 6):m.start()])]
    # ("照片我知道要白底，但我就想用红底的那张": the rule quoted, then the photo's own background)
    if backgrounds:  # "可以不是白底伐，蓝底的": the background the photo has, not the one it lacks
        reading.set("photo.background", backgrounds[0].group(1), backgrounds[0].group(0), person=person)
    formats = list(FORMATS.finditer(message))
    converted = [m for m in formats if re.search(r"(转|改|换|存|导出|另存)(成|为)\s*$", message[max(0, m.start() - 5):m.start()])]
    if m := (converted or formats or [None])[-1 if converted else 0]:  # "我是png的，转成jpg之后是…": the file sent
        reading.set("photo.format", m.group(1).upper(), m.group(0), person=person)
    if m := PIXELS.search(message):
        width, height = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
        reading.set("photo.width", int(width), m.group(0), person=person)
        reading.set("photo.height", int(height), m.group(0), person=person)
    if m := BYTES.search(message):
        reading.set("photo.bytes", int(m.group(1)), m.group(0), person=person)
    elif m := SIZE.search(message):
        factor = 1024 if m.group(2).lower() in ("k", "kb", "千字节") else 1024 * 1024
        reading.set("photo.bytes", int(float(m.group(1)) * factor), m.group(0), person=person)


STEP_WORDS = (("原件", "原件核查"), ("核查", "原件核查"), ("单位审核", "单位审核"), ("审核", "单位审核"), ("报送", "单位审核"),
              ("网上", "网上申报"), ("单位", "单位审核"))  # "我们单位还没报上去": the unit's step
def insurance(reading: Reading, clauses: list[Clause], message: str, person: str = "self") -> None:
    if re.search(r"正常(缴费|参保|缴纳|在交|在缴|交)|一直在(交|缴)|现在(也)?在(交|缴)|交着|没断|没有断|没停", message):
        reading.set("insured_now", True, "正常参保", person=person)
    elif re.search(r"停缴|断缴|断了|停着|停掉|暂停|没(在)?交了|不交了|没在交|停了|(现在|目前|这几个月)[^,，。]{0,2}(没|没有)(在)?(交|缴)",
                   message) and re.search(r"社保|保险", message):
        reading.set("insured_now", False, "停缴", person=person)


INSURED_THROUGHOUT = re.compile(r"(社保|保险)[^。？?]{0,12}(没断|没有断|没停|一天没断|从没断|一直(在)?(交|缴))|"
                                r"(一直|都)在(温岭|台州|本市|这边)[^,，。]{0,4}(交|缴)")
IN_CITY = re.compile(r"温岭|台州|本市|这边|本地")


def insured_throughout(reading: Reading, message: str, reference: date, person: str, started: str | None) -> None:
    """"两家都在温岭，社保没断过" with the start of work known (this message or before): the city's months are
    presumed from that start, said aloud — a reasonable reading, corrected with one figure."""
    if reading.get("months_insured_in_city", person) is not None or not (
            INSURED_THROUGHOUT.search(message) and IN_CITY.search(message)):
        return
    start = reading.get("work_start_date", person) or reading.get("graduation_date", person) or (started if person == "self" else None)
    if start:
        since = date.fromisoformat(str(start)[:10])
        reading.set("months_insured_in_city", months_between(since, reference), INSURED_THROUGHOUT.search(message).group(0), person,
                    presumed=f"按{since.year}年{since.month}月参加工作起一直在本市缴纳社保计算")


def _retired(reading: Reading, clauses: list[Clause], message: str, person: str) -> None:
    """"已经退休了，现在返聘" / "退休前是本科": retired; "还没退休", "离退休还有三年": not — of whoever the
    clause is about ("我师傅退休了" is the master's)."""
    if m := re.search(r"(没|未|还没|尚未)(有)?退休|离退休还有|退休还早", message):
        reading.set("retired", False, "未退休", person=_person_at(clauses, m, person))
    elif m := re.search(r"退休了|已(经)?退休|退休返聘|返聘|退休后|退休前|退下来了", message):
        reading.set("retired", True, "已退休", person=_person_at(clauses, m, person))


# Work that is not 专业技术工作, said of all the years: "一直在泵厂跑销售", "从来没做过技术", "干的都是行政".
NOT_TECHNICAL = re.compile(r"(一直|都|只|光|从来都|始终)(是)?(在)?[^,，。]{0,6}(跑销售|做销售|搞销售|跑业务|做业务员|做行政|干行政|做文员|"
                           r"当文员|做财务|做会计|当会计|做出纳|做仓管|当仓管|当保安|做保安|开车|当司机|做采购|做人事|做后勤|当普工|做普工)|"
                           r"(从来|从)?(没|没有|未)(做|干|搞|从事)过(一天)?(技术|专业技术)|不是技术岗|没在技术岗|不在技术岗|"
                           r"(现在|目前|如今)(在|已经)?(做|干|搞|负责|转做|改做)(行政|人事|销售|财务|后勤|文员|采购)|"
                           r"不(搞|做|干)技术了|转行(做|去|干)?(行政|人事|销售|财务|后勤)")


def _not_technical(reading: Reading, clauses: list[Clause], message: str, person: str) -> None:
    if m := NOT_TECHNICAL.search(message):
        reading.set("professional_work", False, m.group(0), person=_person_at(clauses, m, person))


def status(reading: Reading, clauses: list[Clause], message: str, person: str = "self") -> None:
    """调入 and 军转 (二（二）7（4））, 学历 from abroad (二（二）7（2））, retirement (通知一) and work that is not
    professional, as people mention them."""
    _retired(reading, clauses, message, person)
    _not_technical(reading, clauses, message, person)
    came = re.search(r"转业|部队|军队|退伍|外省调|从外省|省外调|刚调过来|调入|中央部属|部属单位", message) or _title_elsewhere(message)
    if re.search(r"(不是|没有|没|并非|从没)[^,，。]{0,4}(外省|调|转业|部队)", message) or not came and \
            re.search(r"一直在(温岭|台州|本地|这)(?![^,，。]{0,4}(交|缴))", message):  # ("社保…一直在温岭交" says nothing of it)
        reading.set("transferred_in", False, "非调入", person=person)
    elif came:
        reading.set("transferred_in", True, "调入或军转", person=person)
        if re.search(r"(还没|没有|未|尚未)[^,，。]{0,4}(确认|审定|认定)", message):
            reading.set("title_confirmed", False, "尚未审定确认", person=person)
        elif re.search(r"(已经|已)[^,，。]{0,4}(确认|审定|认定)", message):
            reading.set("title_confirmed", True, "已审定确认", person=person)
    degree = re.search(r"硕士|博士|本科|学位|学历|毕业", message)
    if degree and re.search(r"(没有|没|不是|并非)[^,，。]{0,4}(在)?(国外|海外|留学)|国内的?学历|都是国内", message):
        reading.set("degree_origin", "国内", "国内学历", person=person)
    elif degree and re.search(r"国外|留学|海外|英国|美国|德国|日本|澳洲|澳大利亚|加拿大|新加坡", message):
        reading.set("degree_origin", "国外", "国外学历", person=person)
    elif re.search(r"香港|澳门|台湾|港澳台", message) and re.search(r"硕士|博士|本科|学位|学历|毕业", message):
        reading.set("degree_origin", "港澳台", "港澳台学历", person=person)


def practical(reading: Reading, message: str, person: str = "self") -> None:
    """实操考评 (通知 五): "实操考评没及格" — failed; "实操考过了" — passed."""
    if m := re.search(r"实操[^,，。]{0,6}?(没及格|不及格|没过|没通过|未通过|不合格|挂了)", message):
        reading.set("practical_assessment_passed", False, m.group(0), person=person)
    elif m := re.search(r"实操[^,，。]{0,6}?(及格了|通过了|合格了|考过了|过了)", message):
        reading.set("practical_assessment_passed", True, m.group(0), person=person)


@cache
def _where_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Posted outside the city, and a unit or 人事关系 outside it: built once from the lexicon's places."""
    words = lexicon()
    places = "|".join([*words["other_provinces"], *words["other_cities"], "外省", "省外", "外地", "市外", "外市"])
    posted = re.compile(rf"(派驻|外派|派到|派去|派往|被派|派[我他她][^,，。]{{0,2}}(去|到)|派[^,，。]{{1,4}}(去|到))[^。！？]{{0,12}}"
                        rf"({places}|项目部|项目上|分厂|工地)|({places})[^,，。]{{0,8}}(常驻|驻场|派驻)")
    outside = re.compile(rf"(人事关系|人事|档案|单位和社保|社保和单位|社保人事|人事社保)[^,，。]{{0,4}}(都|也)?(在|是)[^,，。]{{0,4}}"
                         rf"({places})|(在|是)({places})[^,，。]{{0,6}}(企业|公司|厂|单位)[^,，。]{{0,4}}(上班|工作|干|做)|"
                         rf"(省属|省部属|部属|中央企业|央企)[^,，。]{{0,8}}"
                         rf"(驻温|在温|温岭)|(驻温岭|在温岭)的?[^,，。]{{0,4}}(省属|部属)")
    return posted, outside


def where_from(reading: Reading, message: str, person: str = "self") -> None:
    """Where one applies (通知三): posted outside the city (单位派我去安徽项目部常驻) applies where his 人事关系 is,
    after 核准备案; a 省属 unit in 温岭, or 人事关系 in another city (人事关系在杭州总部), needs a 委托评审函."""
    posted_at, outside_at = _where_patterns()
    posted = posted_at.search(message)
    if posted and not re.search(r"(没有|没|不是|并非|从没)(被)?(派|外派)", message[max(0, posted.start() - 4):posted.end()]):
        reading.set("posted_outside_city", True, posted.group(0), person=person)
    outside = outside_at.search(message)
    if outside and not re.search(r"调(入|过来|来|到)", message[max(0, outside.start() - 8):outside.end() + 4]):
        reading.set("outside_personnel", True, outside.group(0), person=person)


def _title_elsewhere(message: str) -> bool:
    """"助工是在安徽评的，现在调到温岭": a title obtained in another province is 调入 (二（二）7（4））."""
    provinces = "|".join(lexicon()["other_provinces"])
    return bool(re.search(rf"(在|从)?({provinces}|外省|省外)[^,，。]{{0,4}}((评|拿|考|发)(的|过|了)|取得)|从({provinces}|外省|省外|外地)"
                          rf"[^,，。]{{0,8}}调(过来|来|入|到)|({provinces}|外省|省外)[^。！？]{{0,10}}(那边|那里|当地)[^,，。]{{0,4}}(评|取得|拿)|"
                          rf"(助工|助理工程师|工程师|职称)[^,，。]{{0,3}}是?(在)?({provinces}|外省|省外)", message))


def _person_at(clauses: list[Clause], match: re.Match | None, person: str) -> str:
    """Whose fact a match over the whole message is: the person of the clause it starts in."""
    return next((c.person for c in clauses if match and c.start <= match.start() < c.end), person)


def history(reading: Reading, clauses: list[Clause], message: str, reference: date, person: str = "self") -> None:
    """The 2021 rule (通知二（二）7（5）), discipline, papers and the step of a deadline question."""
    if failed := re.search(r"(去年|(20)?21年|上次|上一年)[^,，。没]{0,12}(没评上|没通过|未通过|没过|落选|被刷|没评过|没能通过|挂了)",
                           message):
        person = _person_at(clauses, failed, person)  # "我同事去年没通过…我自己…": the colleague's
        reading.set("failed_2021", True, "去年未通过", person=person)
    elif re.search(r"(去年|2021年?)[^,，。]{0,6}(没报|没有报|没参评|通过了|评上了|没有挂|没挂)|第一次(报|申报)|从没报过|只是没报|没去报",
                   message):
        reading.set("failed_2021", False, "去年未参评", person=person)
    if re.search(r"(没|没有|无|未)[^,，。]{0,4}(新的?|什么新)[^,，。]{0,2}(业绩|成果|成绩|东西|项目|专利|奖)|"
                 r"(业绩|成果)[^,，。]{0,4}(没|没有)(变|增加|新)",
                 message):
        reading.set("new_achievements_since_2021", False, "无新业绩", person=person)
    elif re.search(r"(新|又)(拿|获|得|评|授权|发表|取得|增|出)|"
                   r"(今年|2022年?)[^,，。]{0,20}(拿了|拿到|获得|授权|发表|发了|评上|评了|取得|又有|新|又拿|又发|又评|通过了?[^,，。]{0,4}验收)|"
                   r"有新(的)?(业绩|成果)",
                   message):
        reading.set("new_achievements_since_2021", True, "有新业绩", person=person)
    _discipline(reading, message, reference, person)


def _discipline(reading: Reading, message: str, reference: date, person: str) -> None:
    """第十九条, 六（三）: under investigation, falsification found (and when), a technical accident."""
    if re.search(r"(没|没有|从没|从来没|未)[^,，。]{0,3}(受过|被)?(处罚|罚款|罚过|处分|技术责任事故)", message):
        reading.set("penalties", [], "无处罚", person=person)
    if re.search(r"(没|没有|从没|从来没|未)[^,，。]{0,3}(弄虚作假|造假|作假)", message):
        reading.set("falsification_years", [], "无弄虚作假", person=person)
    if re.search(r"(立案调查|被调查|接受调查|审查调查|处分期|处理阶段|处罚期|还在处理)", message) and not re.search(
            r"(没有|没|未|不)[^,，。]{0,3}(被)?(立案|调查|处分|处理)", message):
        reading.set("under_investigation", True, "正在立案调查或处分期", person=person)
    elif re.search(r"(没有|没|从未|从来没)[^,，。]{0,4}(违纪|违法|处分|调查)", message):
        reading.set("under_investigation", False, "无违纪违法", person=person)
    if re.search(r"(取消|被取消)[^,，。]{0,6}(评审)?资格|弄虚作假|造假|假的?[^,，。]{0,4}?(材料|证明|证书|文凭|学历|证件|论文|业绩)|"
                 r"证明是假的|伪造|变造|找人(做|开|办)的", message):
        year = re.search(r"(?<!\d)(?:20)?([12]\d)\s*年", message)  # "21年报工程师的时候…被查出来了"
        ago = re.search(r"大前年|前年|去年", message)  # "前年报职称的时候被查出来": two years before the reference
        if (year or ago) and re.search(r"取消|查出|发现|处理|记录", message):
            found = 2000 + int(year.group(1)) if year else reference.year - {"大前年": 3, "前年": 2, "去年": 1}[ago.group(0)]
            reading.set("falsification_years", [found], (year or ago).group(0), person=person)
    if re.search(r"技术责任事故", message) and re.search(r"直接|主要责任|责任人|负责任", message):
        penalties = reading.get("penalties", person) or []
        if penalties:
            reading.set("penalties", [{**x, "technical_accident": True} for x in penalties], "技术责任事故", person=person)
    elif "事故" not in message and (fines := reading.get("penalties", person)) and all(
            (x.get("amount_yuan") or 1000) < 1000 and "technical_accident" not in x for x in fines):
        reading.set("penalties", [{**x, "technical_accident": False} for x in fines], message, person=person,
                    presumed="按这次处罚不属于技术责任事故计算，如是技术责任事故的直接责任者请告诉我")  # "通报批评罚过800块"
    if re.search(r"论文(我)?(都|也)?(没有|没写|没发)|没(有)?(写过|发过|发表过)?(什么)?论文", message):
        reading.set("papers", [], "无论文", person=person)
    elif "论文" in message and (re.search(r"(没有|没|无)[^,，。]{0,4}(第三方)?检索报告", message) or UNDESIGNATED.search(message)
                               and not DESIGNATED.search(message)) and not re.search(r"相似度|重复率|查重|\d\s*%", message):
        reading.set("papers", [{"third_party_report": False}], "无检索报告", person=person)  # ("用百度学术出的检索报告")
    if m := re.search(r"(相似度|重复率|查重|查的重|查了重)[^%。,，]{0,8}?(\d+(?:\.\d+)?)\s*%", message) or re.search(
            r"(相似度|重复率|查重|查的重|查了重)[^\d]{0,6}(\d+(?:\.\d+)?)(?!\s*(篇|个|项))\s*%?|"
                      r"(查出来|检测出来|知网|维普|万方|paper\s*pass)[^\d。]{0,8}(\d+(?:\.\d+)?)\s*%", message, re.I):
        report = False if re.search(r"(没有|无|没)[^,，。]{0,4}(检索报告|第三方)", message) or (
            UNDESIGNATED.search(message) and not DESIGNATED.search(message)) else True  # PaperPass is no 指定机构
        rest = re.split(r"[。;；?？]", message[m.end():], maxsplit=1)[0]  # "相似度一篇10%一篇60%": each paper's
        first = next(g for g in m.groups() if g and re.fullmatch(r"\d+(\.\d+)?", g))
        percents = [float(first)] + [float(p) for p in re.findall(r"(\d+(?:\.\d+)?)\s*%", rest)]
        reading.set("papers", [{"similarity_percent": p, "third_party_report": report} for p in percents], m.group(0),
                    person=person)


PUBLICISED = re.compile(r"公示|贴出|贴到|张贴|挂出")


def publicity(reading: Reading, message: str, reference: date, person: str) -> None:
    """五（一）'s 5 working days as a unit tells its 公示: the first and last day ("从9月16号周五贴到9月20号周二"; a last
    day "之前要报上去" ends the day before it), or only a count ("在厂门口贴三天")."""
    if not PUBLICISED.search(message):
        return
    days = [d for d in find_dates(message, reference) if re.search(r"[号日]", message[d.start:d.end])]  # to the day
    if len(days) >= 2:
        first, last = days[0].value, days[1].value
        if re.match(r"[^,，。]{0,2}(之前|以前|前)[^,，。]{0,4}(报|交|送)", message[days[1].end:]):
            last -= timedelta(days=1)  # "11月2号之前要报上去": the 公示 ends the day before
        reading.set("publicity_start", first.isoformat(), message[days[0].start:days[0].end], person)
        reading.set("publicity_end", last.isoformat(), message[days[1].start:days[1].end], person)
    elif m := re.search(r"(公示|贴)[^,，。\d]{0,6}?(\d+)\s*(个)?(工作日|天)", message):
        reading.set("publicity_days", int(m.group(2)), m.group(0), person)


DESIGNATED = re.compile(r"清华同方|同方|知网|cnki|万方|维普", re.I)  # 二（二）3: the 指定第三方检索机构
UNDESIGNATED = re.compile(r"paper\s*pass|百度学术|turnitin|大雅|笔杆|papertime|源文鉴|checkpass|paperyy|学信", re.I)


def step(reading: Reading, message: str, person: str) -> None:
    """The step a dated action is about (四: 网上申报, 单位审核报送, 原件核查), when a date to act on is known."""
    if not reading.get("action_date", person):
        return
    action = next((step for word, step in STEP_WORDS if word in message), "网上申报")
    reading.set("action", action, action, person)

"""Word lists and dispute templates for the demo desk (谢塘镇, 上虞区, 绍兴市).

Everything here is invented but true to life: names, villages and facts a mediation room in a
Shangyu town really sees. Placeholders in templates: {a} applicant, {b} respondent, {village},
{amount} (yuan), {n} (people), {deadline} (performance deadline, 2026年3月15日 style)."""

from __future__ import annotations

from typing import Any

# Tables of demo text, laid out as tables: the formatter leaves them as written.
# fmt: off
TOWN = "谢塘镇"
VILLAGES = ("谢家塘村", "晋生村", "项家村", "下楼村", "东湖村", "盛丰村")
REGION = "330604"  # 绍兴市上虞区
OLD_REGION = "330682"  # 上虞市 before 2013: still printed on many elders' cards, and valid
MOBILE_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "153", "158", "159",
                   "177", "180", "187", "188", "189", "199")

SURNAMES = ("王", "陈", "李", "张", "徐", "俞", "谢", "杜", "阮", "丁", "顾", "金", "章", "罗",
            "夏", "范", "沈", "宋", "钱", "许", "傅", "胡", "赵", "孙", "倪", "魏", "严")
MALE_GIVEN = ("建国", "国强", "志明", "伟东", "海军", "永根", "关林", "金水", "苗根", "小龙", "宏伟",
              "建华", "忠良", "明华", "林峰", "杰", "浩然", "宇轩", "土根", "荣法", "水林")
FEMALE_GIVEN = ("秀英", "美琴", "桂芳", "月娥", "玉兰", "丽萍", "雪芬", "亚萍", "佳怡", "梦婷",
                "春燕", "彩娟", "金娣", "素娟", "菊仙", "爱娟")
OCCUPATIONS = ("务农", "个体经营", "工人", "退休", "驾驶员", "泥水工", "厂职工", "小店店主", "教师", "电工")

# Names the demo must carry exactly: a rare character outside the BMP (CJK Ext B, U+2003E), a
# Uyghur name with the middle dot, and a She (畲族) name, a people native to Zhejiang.
RARE_NAME = "俞𠀾"
MINORITY_NAME = "阿依古丽·买买提"
SPECIAL_PEOPLE: tuple[dict[str, Any], ...] = (
    {"name": RARE_NAME, "male": True, "ethnicity": "汉族", "occupation": "务农", "region": REGION},
    {"name": MINORITY_NAME, "male": False, "ethnicity": "维吾尔族", "occupation": "纺织厂挡车工",
     "region": "653101"},  # 喀什市: a worker from Xinjiang living in the town
    {"name": "蓝秀珍", "male": False, "ethnicity": "畲族", "occupation": "务农", "region": REGION},
)

# Legal persons. uscc_prefix: registration authority + kind + region (9 = 市场监管, 1 = 企业,
# 2 = 个体工商户; N2 = 农村集体经济组织). None = an individual business registered without a code.
LEGAL_PERSONS: dict[str, dict[str, Any]] = {
    "builder": {"name": "绍兴市上虞区恒达建筑劳务有限公司", "representative": "许国强",
                "representative_title": "执行董事", "uscc_prefix": "91330604", "address": "谢塘镇工业园区8号"},
    "property": {"name": "绍兴市上虞区安居物业服务有限公司", "representative": "钱伟东",
                 "representative_title": "总经理", "uscc_prefix": "91330604", "address": "谢塘镇虞东路16号"},
    "dyeworks": {"name": "绍兴市上虞区东湖印染有限公司", "representative": "沈建华",
                 "representative_title": "董事长", "uscc_prefix": "91330604", "address": "谢塘镇东湖村工业区"},
    "shop": {"name": "上虞区谢塘镇优品家电商行", "representative": "罗海军",
             "representative_title": "经营者", "uscc_prefix": None, "address": "谢塘镇老街52号"},
    "coop": {"name": "谢塘镇晋生村股份经济合作社", "representative": "徐关林",
             "representative_title": "董事长", "uscc_prefix": "N2330604", "address": "谢塘镇晋生村村委会"},
}

MEDIATORS: tuple[dict[str, Any], ...] = (
    {"name": "戴才良", "gender": "男", "title": "老娘舅", "area": "谢家塘村",
     "skills": ["邻里", "房屋宅基地", "婚姻家庭"], "notes": "退休村干部，调解三十余年"},
    {"name": "王永年", "gender": "男", "title": "老娘舅", "area": "晋生村",
     "skills": ["婚姻家庭", "邻里", "山林土地"]},
    {"name": "陈国林", "gender": "男", "title": "老娘舅", "area": "项家村",
     "skills": ["劳动争议", "合同", "生产经营"]},
    {"name": "李绍根", "gender": "男", "title": "老娘舅", "area": "下楼村",
     "skills": ["道路交通事故", "损害赔偿", "邻里"]},
    {"name": "谢美琴", "gender": "女", "title": "妇联主任", "area": "谢家塘村",
     "skills": ["婚姻家庭", "邻里"], "max_open_cases": 3},
    {"name": "俞建军", "gender": "男", "title": "专职调解员", "area": "东湖村",
     "skills": ["劳动争议", "环境污染", "征地拆迁", "其他"]},
    {"name": "丁秀英", "gender": "女", "title": "专职调解员", "area": "盛丰村",
     "skills": ["物业", "消费", "合同", "医疗"]},
    {"name": "顾长水", "gender": "男", "title": "老娘舅", "area": "晋生村",
     "skills": ["山林土地", "房屋宅基地", "征地拆迁"], "available": False, "notes": "住院治疗，暂不派单"},
    {"name": "阮志刚", "gender": "男", "title": "退休民警", "area": "下楼村",
     "skills": ["道路交通事故", "损害赔偿", "医疗"]},
)

REFERRERS = {
    "court": ("绍兴市上虞区人民法院", "上虞区人民法院崧厦人民法庭"),
    "police": ("上虞区公安局谢塘派出所", "上虞区公安局交通警察大队"),
    "petition": ("上虞区信访局", "谢塘镇信访办"),
}

# a/b: "person", "elder" or a LEGAL_PERSONS key. sources: (source, referrer_kind) choices.
TEMPLATES: tuple[dict[str, Any], ...] = (
    {"type": "housing_land", "a": "person", "b": "person", "sources": [("application", None), ("initiative", None)],
     "facts": "{a}与邻居{b}两家宅基地相邻。{b}翻建房屋时将围墙向{a}家一侧移了约三十公分，{a}认为侵占了自家宅基地，双方多次争吵，{b}家已砌好的围墙被推倒一段。",
     "requests": "要求{b}拆除越界部分围墙，按原宅基地使用证界址重砌", "amount": None,
     "issues": "围墙是否越过宅基地界址；推倒围墙的损失由谁承担",
     "terms": ["{b}于{deadline}前将围墙越界部分拆除，按宅基地使用证界址重砌，费用由{b}承担",
               "{a}赔偿被推倒围墙的材料费{amount}元", "双方今后和睦相处，不再因此事发生争执"],
     "method": "现场拆除重砌，由村民小组长到场见证", "a_says": "他家的墙明明砌到我家地里来了。",
     "b_says": "墙是照老墙脚砌的，没有多占一寸。", "amount_range": (800, 3000)},
    {"type": "family", "a": "elder", "b": "person", "b_male": True, "sources": [("application", None), ("referral", "petition")],
     "facts": "{a}年近八旬，老伴去世后独居，育有二子。长子{b}以当年分家时财产分配不公为由，近一年未支付赡养费，{a}生活困难，患高血压需长期服药。",
     "requests": "要求{b}每月支付赡养费600元，医药费由兄弟二人平均负担", "amount": 7200,
     "issues": "赡养费数额及医药费如何分担", "terms": ["{b}自本月起每月5日前支付{a}赡养费600元",
                                                    "{a}的医药费凭票据由两个儿子各负担一半", "{b}每周至少看望老人一次"],
     "method": "按月转账至{a}的银行卡，村调委会每季度回访", "a_says": "我养大了两个儿子，老了却没人管。",
     "b_says": "分家时房子给了弟弟，赡养也该弟弟多出。"},
    {"type": "family", "a": "person", "b": "person", "a_male": False, "b_male": True, "sources": [("application", None), ("referral", "police")],
     "risks": ["civil_to_criminal"],
     "facts": "{a}与丈夫{b}婚后因家庭琐事长期不和。{b}酒后摔砸家具，{a}带孩子回娘家居住，双方就是否离婚、孩子抚养及共同存款分割争执不下，派出所出警后移送调解。",
     "requests": "要求{b}保证不再酒后动手，共同存款{amount}元由{a}保管用于孩子读书", "amount_range": (30000, 80000),
     "issues": "夫妻关系能否继续；共同存款如何保管", "terms": ["{b}书面保证不再酒后打骂家人", "共同存款{amount}元存入孩子名下教育专户",
                                                         "{a}于{deadline}前带孩子回家居住"],
     "method": "妇联主任与村调委会共同监督", "a_says": "他一喝酒就摔东西，我和孩子都害怕。", "b_says": "那天是喝多了，以后一定改。"},
    {"type": "labour", "subtype": "unpaid_wages", "a": "person", "b": "builder", "n": (6, 18),
     "sources": [("application", None), ("referral", "petition")], "risks": ["group_petition"],
     "facts": "{a}等{n}名泥水工在{b}承建的{village}厂房项目干活，工程已于去年底完工验收，尚欠工资共计{amount}元未结，工人多次讨要未果，扬言到区里集体上访。",
     "requests": "要求{b}一次性结清拖欠的工资{amount}元", "amount_range": (60000, 240000),
     "issues": "欠薪数额核对；支付期限", "terms": ["{b}确认拖欠{a}等{n}人工资共计{amount}元",
                                                 "{b}于{deadline}前将上述工资通过银行转账一次性支付到每位工人账户"],
     "method": "银行转账，村调委会和劳动保障所共同监督发放", "a_says": "过年前答应给的钱，到现在一分没拿到。",
     "b_says": "总包方工程款还没付给我们，不是故意拖欠。"},
    {"type": "neighbour", "a": "person", "b": "person", "sources": [("application", None), ("referral", "police")],
     "facts": "{b}在自家一楼开设棋牌室，每晚经营至凌晨，麻将声和说话声影响楼上{a}一家休息。{a}多次上门交涉无果，双方在楼道发生推搡，派出所出警。",
     "requests": "要求棋牌室晚上十点后停止营业，并向{a}家道歉", "amount": None,
     "issues": "噪音扰民；营业时间", "terms": ["{b}的棋牌室每晚22时前停止营业", "{b}在棋牌室加装隔音棉，于{deadline}前完成",
                                              "双方互相谅解，不再追究推搡一事"],
     "method": "村网格员不定期查看", "a_says": "孩子要高考了，每晚吵到一两点。", "b_says": "我们是小本生意，已经尽量小声了。"},
    {"type": "neighbour", "a": "elder", "b": "person", "sources": [("initiative", None)],
     "facts": "{b}在自家承包田边新建猪舍，冲洗猪舍的污水顺沟渠流入{a}家菜地，气味难闻，蔬菜烂根。{a}找{b}理论被骂，村网格员排查时发现。",
     "requests": "要求{b}改建排污沟，赔偿菜地损失{amount}元", "amount_range": (500, 2000),
     "issues": "污水排放；菜地损失", "terms": ["{b}于{deadline}前将猪舍污水接入化粪池，不再排入沟渠", "{b}赔偿{a}菜地损失{amount}元"],
     "method": "现场整改，网格员验收", "a_says": "菜都烂了，味道熏得人吃不下饭。", "b_says": "沟是公家的，谁家都往里排。"},
    {"type": "traffic", "a": "person", "b": "person", "sources": [("referral", "police"), ("application", None)],
     "facts": "{b}驾驶电动三轮车在{village}路段与骑电动自行车的{a}相撞，致{a}左腿骨折住院二十天。交警认定{b}负事故主要责任，双方就医疗费、误工费、护理费的赔偿数额协商不成。",
     "requests": "要求{b}赔偿医疗费、误工费、护理费等共计{amount}元", "amount_range": (18000, 65000),
     "issues": "赔偿项目和数额", "terms": ["{b}赔偿{a}医疗费、误工费、护理费、营养费等各项损失共计{amount}元",
                                       "上述款项于{deadline}前一次性付清", "本协议履行后，双方就此次事故再无其他纠葛"],
     "method": "现金或银行转账，付款时由调解员见证", "a_says": "我到现在还拄着拐，活也干不了。",
     "b_says": "我也没多少钱，保险只赔了一部分。", "judicial": True},
    {"type": "property_mgmt", "a": "property", "b": "person", "sources": [("referral", "court"), ("application", None)],
     "facts": "{a}称业主{b}自2023年起拖欠物业费{amount}元，多次催缴未果；{b}称小区电梯长期故障、绿化无人维护、车辆乱停无人管，物业服务不到位，故拒绝缴纳。法院诉前委派调解。",
     "requests": "要求{b}缴清拖欠的物业费{amount}元", "amount_range": (1800, 6000),
     "issues": "物业服务是否达标；欠费数额", "terms": ["{b}于{deadline}前缴清物业费{amount}元（已减免部分滞纳金）",
                                                    "{a}一个月内修复电梯并书面答复整改情况"],
     "method": "{b}到物业服务中心缴费，{a}出具收据", "a_says": "其他业主都交了，他不交影响很坏。",
     "b_says": "电梯坏了三个月，凭什么交全额？"},
    {"type": "consumer", "subtype": "ecommerce", "a": "person", "b": "shop", "sources": [("application", None)],
     "facts": "{a}在{b}开设的网店购买空调一台，价款{amount}元，安装后制冷效果差。{a}申请七天无理由退货被拒，双方就退货运费和安装费由谁承担发生争议。",
     "requests": "要求退货退款{amount}元，运费和安装费由商家承担", "amount_range": (2200, 4800),
     "issues": "能否退货；运费和安装费承担", "terms": ["{b}于{deadline}前上门拆机退货，退还货款{amount}元", "拆装费和运费由{b}承担"],
     "method": "原支付渠道退款", "a_says": "买来就不制冷，找他们几次都推。", "b_says": "空调已经安装使用，不属于无理由退货。"},
    {"type": "contract", "a": "person", "b": "person", "sources": [("application", None), ("referral", "court")],
     "facts": "{a}将自家承包的二十亩葡萄园转包给{b}经营，约定年承包费{amount}元。{b}以当年遭台风减产为由拒付剩余承包费，{a}要求收回葡萄园。",
     "requests": "要求{b}付清承包费{amount}元", "amount_range": (12000, 30000),
     "issues": "台风减产是否减免承包费", "terms": ["{b}于{deadline}前支付承包费{amount}元", "考虑台风减产，{a}同意当年承包费减免一成"],
     "method": "银行转账", "a_says": "合同白纸黑字写着的。", "b_says": "台风刮倒一半葡萄架，血本无归。"},
    {"type": "damages", "a": "person", "b": "person", "sources": [("referral", "police"), ("application", None)],
     "facts": "{b}家散养的狗在村道上咬伤{a}的孙子，孩子小腿两处伤口，先后注射狂犬疫苗五针。{a}要求赔偿医药费、交通费和营养费，{b}认为孩子先用石头砸狗。",
     "requests": "要求赔偿医药费、交通费、营养费共计{amount}元", "amount_range": (1500, 5000),
     "issues": "责任划分；赔偿数额", "terms": ["{b}赔偿{a}医药费、交通费、营养费共计{amount}元", "{b}今后拴养犬只并办理犬证"],
     "method": "当场支付", "a_says": "孩子吓得晚上做噩梦。", "b_says": "狗平时很乖，是孩子先逗它。"},
    {"type": "forest_land", "a": "elder", "b": "person", "sources": [("application", None), ("initiative", None)],
     "facts": "{a}与{b}因山上一片竹林的界址发生争议。{b}在争议山地上砍伐毛竹四十余株，{a}认为该片竹林按1983年林权证属自家所有。",
     "requests": "要求确认竹林归属，{b}赔偿毛竹损失{amount}元", "amount_range": (800, 2500),
     "issues": "竹林界址；毛竹损失", "terms": ["以林权证附图为准，双方共同在界址处埋设界桩", "{b}赔偿{a}毛竹损失{amount}元"],
     "method": "村干部和双方到场埋设界桩", "a_says": "这片竹林是我爹手里就种下的。", "b_says": "老辈人说这里一直是我们家砍的。"},
    {"type": "expropriation", "a": "person", "b": "coop", "sources": [("referral", "petition"), ("application", None)],
     "risks": ["group_petition"],
     "facts": "{a}家承包地被征用于开发区道路建设，{a}对村股份经济合作社的青苗补偿款分配方案有异议，认为少算了两分地，多次到镇里上访。",
     "requests": "要求重新丈量并补发青苗补偿款{amount}元", "amount_range": (3000, 12000),
     "issues": "承包地面积；补偿款分配", "terms": ["由镇国土所会同村股份经济合作社重新丈量", "按丈量结果补发青苗补偿款{amount}元，于{deadline}前发放"],
     "method": "村股份经济合作社转账", "a_says": "我家的地是一亩二分，表上只写一亩。", "b_says": "面积是按二轮承包合同算的。"},
    {"type": "pollution", "a": "person", "b": "dyeworks", "sources": [("application", None), ("initiative", None)],
     "facts": "{a}承包的十二亩鱼塘紧邻{b}。某日暴雨后厂区废水溢流入塘，次日塘里鱼苗大面积死亡，{a}估算损失{amount}元。",
     "requests": "要求{b}赔偿鱼苗损失{amount}元并整改排水设施", "amount_range": (20000, 90000),
     "issues": "死鱼原因；损失数额", "terms": ["{b}赔偿{a}鱼苗损失{amount}元", "{b}于{deadline}前完成厂区雨污分流改造"],
     "method": "银行转账，生态环境分局复查", "a_says": "厂里的水一进来，鱼就翻白肚了。", "b_says": "那天雨太大，排水沟漫出来不是故意的。"},
    {"type": "medical", "a": "person", "b": "person", "sources": [("application", None)],
     "facts": "{a}在{village}卫生室输液治疗感冒，输液后出现皮疹、胸闷等过敏反应，转院治疗花去医药费{amount}元。{a}认为村医{b}未做皮试，要求赔偿。",
     "requests": "要求{b}赔偿医药费、误工费{amount}元", "amount_range": (3000, 9000),
     "issues": "是否存在过错；赔偿数额", "terms": ["{b}一次性补偿{a}医药费、误工费共计{amount}元", "{a}不再就此事向有关部门投诉"],
     "method": "当场支付", "a_says": "打针前没问我过不过敏。", "b_says": "这种药说明书上不需要皮试。"},
    {"type": "business", "a": "person", "b": "person", "sources": [("application", None)],
     "facts": "{a}与{b}合伙在{village}经营农家乐三年，因账目不清散伙，双方就剩余设备和未分利润{amount}元如何分配发生争议。",
     "requests": "要求平分未分利润{amount}元", "amount_range": (15000, 50000),
     "issues": "合伙账目；设备归属", "terms": ["设备归{b}所有，{b}支付{a}折价款及未分利润共计{amount}元", "款项于{deadline}前付清"],
     "method": "银行转账", "a_says": "账都在他手里，我看不到。", "b_says": "他后两年基本不来店里。"},
    {"type": "other", "subtype": "village_affairs", "a": "elder", "b": "coop", "sources": [("initiative", None), ("referral", "petition")],
     "facts": "{a}对村股份经济合作社年终分红的计算方法有异议，认为自己户口迁回后应享有全额股份分红，村里只按半份发放，差额{amount}元。",
     "requests": "要求补发分红差额{amount}元", "amount_range": (1200, 4000),
     "issues": "股份资格认定", "terms": ["经村股份经济合作社董事会讨论，补发{a}分红差额{amount}元", "于{deadline}前发放"],
     "method": "村股份经济合作社转账", "a_says": "户口迁回来了，就该是全额社员。", "b_says": "按章程迁回未满三年只算半份。"},
)

PLACES = ("{village}人民调解室", "{village}村委会会议室", "当事人{a}家中", "谢塘镇矛盾纠纷调处化解中心")
HELPERS = ("村民小组长 徐阿土", "村网格员 金丽萍", "法律顾问 章律师", "村妇女主任 夏彩娟")
DECLINE_REASONS = ("被申请人{b}明确表示不同意调解，坚持通过诉讼解决（人民调解法第十七条）",
                   "申请人{a}撤回调解申请，表示双方已自行和解")
TERMINATE_REASONS = ("经三次调解，双方对赔偿数额分歧过大，无法达成协议",
                     "被申请人{b}经通知两次未到场，调解无法继续")
ESCALATE_REASONS = ("双方矛盾激化，{b}扬言报复，存在民转刑风险，上报镇矛调中心联合化解",
                    "涉及人数多、诉求复杂，村调委会难以化解，上报区社会治理中心")
RELATIONS = ("外甥（姐姐的儿子）", "同一村民小组的邻居，多年好友")
PARTLY_PERFORMED = "{a}反映对方已付部分款项，余款承诺月底前付清"
FOLLOW_UP_NOTES = ("电话回访{a}，协议约定事项已按期履行，双方关系缓和", "上门回访，当事人对调解结果表示认可")
# fmt: on

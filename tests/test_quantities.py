"""Held-out phrases from the five sources, with values, units and qualifiers read by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gwr._reading._quantities import CHANGES, QUALIFIERS, UNITS, cn_to_int, parse_quantities

# (phrase, [(value, unit, qualifier, change, relative_to, text), ...])
Row = tuple[str, str, str, str | None, str | None, str]

CASES: list[tuple[str, list[Row]]] = [
    # the main expected targets
    ("国内生产总值增长5%左右", [("5", "%", "about", "increase", None, "5%左右")]),
    ("城镇新增就业1200万人以上", [("12000000", "persons", "at_least", None, None, "1200万人以上")]),
    ("城镇调查失业率5.5%左右", [("5.5", "%", "about", None, None, "5.5%左右")]),
    ("居民消费价格涨幅3%左右", [("3", "%", "about", "increase", None, "3%左右")]),
    ("粮食产量1.3万亿斤以上", [("1300000000000", "jin", "at_least", None, None, "1.3万亿斤以上")]),
    ("单位国内生产总值能耗降低2.5%左右", [("2.5", "%", "about", "decrease", None, "2.5%左右")]),
    ("单位国内生产总值能耗下降2.5%左右", [("2.5", "%", "about", "decrease", None, "2.5%左右")]),
    ("粮食产量1.4万亿斤左右", [("1400000000000", "jin", "about", None, None, "1.4万亿斤左右")]),
    ("居民消费价格涨幅2%左右", [("2", "%", "about", "increase", None, "2%左右")]),
    ("居民收入增长和经济增长同步", []),
    (
        "赤字率拟按3%安排，赤字规模4.06万亿元，比上年年初预算增加1800亿元",
        [
            ("3", "%", "exact", None, None, "3%"),
            ("4060000000000", "CNY", "exact", None, None, "4.06万亿元"),
            ("180000000000", "CNY", "exact", "increase", "上年年初预算", "1800亿元"),
        ],
    ),
    (
        "2024年赤字率按3%安排，与2023年年初预算持平；赤字规模4.06万亿元，比2023年年初预算增加1800亿元",
        [
            ("3", "%", "exact", "unchanged", "2023年年初预算", "3%"),
            ("4060000000000", "CNY", "exact", None, None, "4.06万亿元"),
            ("180000000000", "CNY", "exact", "increase", "2023年年初预算", "1800亿元"),
        ],
    ),
    # numbers in words with 多 before the magnitude, and sections after 亿 (read by hand)
    ("全年总收入增加三百多亿元", [("30000000000", "CNY", "more_than", "increase", None, "三百多亿元")]),
    ("粮食产量达到四亿零七百多万吨", [("407000000", "t", "more_than", None, None, "四亿零七百多万吨")]),
    ("原油达到一亿一千四百多万吨", [("114000000", "t", "more_than", None, None, "一亿一千四百多万吨")]),
    ("全国人口1亿3千万人", [("130000000", "persons", "exact", None, None, "1亿3千万人")]),
    (
        "城乡居民人均可支配收入分别达6.9万元、3.4万元",
        [
            ("69000", "CNY/person", "exact", None, None, "6.9万元"),
            ("34000", "CNY/person", "exact", None, None, "3.4万元"),
        ],
    ),
    ("发行1亿零500万元", [("105000000", "CNY", "exact", None, None, "1亿零500万元")]),
    (
        "发电量由三千亿度增加到四千零七十三亿度",
        [
            ("300000000000", "kWh", "exact", None, None, "三千亿度"),
            ("407300000000", "kWh", "exact", None, None, "四千零七十三亿度"),
        ],
    ),
    # results
    (
        "国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列",
        [
            ("126000000000000", "CNY", "more_than", None, None, "超过126万亿元"),
            ("5.2", "%", "exact", "increase", None, "5.2%"),
        ],
    ),
    ("2023年国内生产总值（GDP）126.06万亿元", [("126060000000000", "CNY", "exact", None, None, "126.06万亿元")]),
    ("年末外汇储备规模为32379.77亿美元", [("3237977000000", "USD", "exact", None, None, "32379.77亿美元")]),
    ("外汇储备超过3.2万亿美元", [("3200000000000", "USD", "more_than", None, None, "超过3.2万亿美元")]),
    ("粮食产量首次跃上1.4万亿斤新台阶", [("1400000000000", "jin", "at_least", None, None, "跃上1.4万亿斤")]),
    ("新能源汽车年产量突破1300万辆", [("13000000", "vehicles", "more_than", None, None, "突破1300万辆")]),
    (
        "高技术制造业、装备制造业增加值分别增长8.9％、7.7％",
        [("8.9", "%", "exact", "increase", None, "8.9％"), ("7.7", "%", "exact", "increase", None, "7.7％")],
    ),
    (
        "1年期和5年期以上贷款市场报价利率（LPR）分别下降0.2个和0.1个百分点",
        [
            ("0.2", "percentage_points", "exact", "decrease", None, "0.2个"),
            ("0.1", "percentage_points", "exact", "decrease", None, "0.1个百分点"),
        ],
    ),
    (
        "年末常住人口城镇化率达到66.16%，比上年末提高0.94个百分点",
        [
            ("66.16", "%", "exact", None, None, "66.16%"),
            ("0.94", "percentage_points", "exact", "increase", "上年末", "0.94个百分点"),
        ],
    ),
    (
        "全年人民币贷款增加22.75万亿元，比上年多增1.31万亿元",
        [
            ("22750000000000", "CNY", "exact", "increase", None, "22.75万亿元"),
            ("1310000000000", "CNY", "exact", "increase", "上年", "1.31万亿元"),
        ],
    ),
    (
        "拟安排地方政府专项债券3.9万亿元、比上年增加1000亿元",
        [
            ("3900000000000", "CNY", "exact", None, None, "3.9万亿元"),
            ("100000000000", "CNY", "exact", "increase", "上年", "1000亿元"),
        ],
    ),
    ("规模比2023年增加1000亿元", [("100000000000", "CNY", "exact", "increase", "2023年", "1000亿元")]),
    ("光伏产品“新三样”出口增长近30%", [("30", "%", "less_than", "increase", None, "近30%")]),
    ("高价值发明专利占比超过四成，成为世界上首个", [("40", "%", "more_than", None, None, "超过四成")]),
    ("全年累计吸纳带动250余万农村低收入群众", [("2500000", "persons", "more_than", None, None, "250余万")]),
    ("6600多万纳税人受益", [("66000000", "persons", "more_than", None, None, "6600多万")]),
    ("预计今年高校毕业生超过1170 万人", [("11700000", "persons", "more_than", None, None, "超过1170 万人")]),
    (
        "两次降低存款准备金率、两次下调政策利率",
        [
            ("2", "times", "exact", None, None, "两次"),
            ("2", "times", "exact", None, None, "两次"),
        ],
    ),
    ("先后2次下调存款准备金率", [("2", "times", "exact", None, None, "2次")]),
    ("常住人口城镇化率提高到66.2%", [("66.2", "%", "exact", None, None, "66.2%")]),
    ("优良天数比例上升至87.2%", [("87.2", "%", "exact", None, None, "87.2%")]),
    ("单位国内生产总值能耗降幅超过3%", [("3", "%", "more_than", "decrease", None, "超过3%")]),
    ("可再生能源新增装机3.7亿千瓦", [("370000000", "kW", "exact", None, None, "3.7亿千瓦")]),
    ("全年发电量近3万亿千瓦时", [("3000000000000", "kWh", "less_than", None, None, "近3万亿千瓦时")]),
    (
        "已投运新型储能装机规模超过3100万千瓦，比上年末增长超过260%",
        [
            ("31000000", "kW", "more_than", None, None, "超过3100万千瓦"),
            ("260", "%", "more_than", "increase", "上年末", "超过260%"),
        ],
    ),
    ("细颗粒物（PM2.5）平均浓度为30微克/立方米", [("30", "ug/m3", "exact", None, None, "30微克/立方米")]),
    ("完成水土流失治理面积6.3万平方公里", [("63000", "km2", "exact", None, None, "6.3万平方公里")]),
    ("牢牢守住18亿亩耕地红线", [("1800000000", "mu", "exact", None, None, "18亿亩")]),
    ("全年惠及群众就医1.3亿人次", [("130000000", "person_times", "exact", None, None, "1.3亿人次")]),
    (
        "全年累计开行1.7万列、运送货物190万标箱，分别增长6%和18%",
        [
            ("17000", "trains", "exact", None, None, "1.7万列"),
            ("1900000", "TEU", "exact", None, None, "190万标箱"),
            ("6", "%", "exact", "increase", None, "6%"),
            ("18", "%", "exact", "increase", None, "18%"),
        ],
    ),
    (
        "覆盖农户累计超过500万户，户均年收入增长约2000元",
        [
            ("5000000", "households", "more_than", None, None, "超过500万户"),
            ("2000", "CNY/household/year", "about", "increase", None, "约2000元"),
        ],
    ),
    (
        "培育全产业链产值超百亿元的特色产业集群139个",
        [
            ("10000000000", "CNY", "more_than", None, None, "超百亿元"),
            ("139", "count", "exact", None, None, "139个"),
        ],
    ),
    ("推出170余项新的试点举措", [("170", "items", "more_than", None, None, "170余项")]),
    ("5000家以上产教融合型企业", [("5000", "entities", "at_least", None, None, "5000家以上")]),
    ("全国充电基础设施累计达859.6万台", [("8596000", "machines", "exact", None, None, "859.6万台")]),
    ("全球首台16兆瓦海上风电机组并网发电", [("16", "MW", "exact", None, None, "16兆瓦")]),
    ("国内有效发明专利量达到401.5万件", [("4015000", "pieces", "exact", None, None, "401.5万件")]),
    ("粮食平均亩产389.7公斤", [("389.7", "kg/mu", "exact", None, None, "389.7公斤")]),
    ("城乡居民基础养老金月最低标准提高20元", [("20", "CNY/month", "exact", "increase", None, "20元")]),
    ("企业职工基本养老金平均上调3.8%", [("3.8", "%", "exact", "increase", None, "3.8%")]),
    (
        "国内生产总值达到134.9万亿\n元、增长 5％，增速居世界主要",
        [
            ("134900000000000", "CNY", "exact", None, None, "134.9万亿\n元"),
            ("5", "%", "exact", "increase", None, "5％"),
        ],
    ),
    ("有序推进第二轮土地承包到期后再延长30年试点", [("30", "years", "exact", "increase", None, "30年")]),
    ("新能源汽车产销量连续9年位居全球首位", [("9", "years", "exact", None, None, "9年")]),
    ("提高3岁以下婴幼儿照护专项附加扣除标准", [("3", "years_of_age", "at_most", None, None, "3岁以下")]),
    ("大概每年有1/3的大学生就业", [("1", "parts_per_3", "exact", None, None, "1/3")]),
    ("增长 5%", [("5", "%", "exact", "increase", None, "5%")]),
    (
        "社会融资规模存量分别增长9.7%和9.5%",
        [
            ("9.7", "%", "exact", "increase", None, "9.7%"),
            ("9.5", "%", "exact", "increase", None, "9.5%"),
        ],
    ),
    # ranges, Chinese numerals and forms the sources do not have (yet)
    ("增长5%—6%", [("5", "%", "exact", "increase", None, "5%—6%")]),
    ("一万亿元", [("1000000000000", "CNY", "exact", None, None, "一万亿元")]),
    ("同比增长3%", [("3", "%", "exact", "increase", "上年同期", "3%")]),
    ("百分之五十以上", [("50", "%", "at_least", None, None, "百分之五十以上")]),
    ("三分之一", [("1", "parts_per_3", "exact", None, None, "三分之一")]),
    ("月最低标准提高20元/月", [("20", "CNY/month", "exact", "increase", None, "20元/月")]),
    ("补贴标准不超过500元", [("500", "CNY", "at_most", None, None, "不超过500元")]),
    ("控制在3%以内", [("3", "%", "at_most", None, None, "3%以内")]),
    ("近30%", [("30", "%", "less_than", None, None, "近30%")]),
    ("去年年底毛入学率超过了60%", [("60", "%", "more_than", None, None, "超过了60%")]),
    ("节约1000吨", [("1000", "t", "exact", None, None, "1000吨")]),
    (
        "近5年累计增长10%",
        [
            ("5", "years", "exact", None, None, "5年"),
            ("10", "%", "exact", "increase", None, "10%"),
        ],
    ),
]


@pytest.mark.parametrize(("phrase", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_phrase(phrase: str, expected: list[Row]) -> None:
    found = parse_quantities(phrase)
    got = [(str(q.value), q.unit, q.qualifier, q.change, q.relative_to, q.text) for q in found]
    assert got == expected
    for q in found:
        assert phrase[q.start : q.end] == q.text
        assert q.indicator is None


def test_range_bounds() -> None:
    [q] = parse_quantities("增长2-3倍")
    assert (q.value, q.upper, q.unit, q.change) == (Decimal(2), Decimal(3), "fold", "increase")
    [q] = parse_quantities("5-6万亿元")
    assert (q.value, q.upper, q.unit) == (Decimal(5 * 10**12), Decimal(6 * 10**12), "CNY")
    [q] = parse_quantities("5%—6%")
    assert (q.value, q.upper) == (Decimal(5), Decimal(6))


def test_values_are_exact_decimals() -> None:
    [q] = parse_quantities("32379.77亿美元")
    assert q.value == Decimal("3237977000000")
    assert str(q.value) == "3237977000000"  # no exponent, no trailing zeros
    [q] = parse_quantities("增长3.0%")
    assert str(q.value) == "3"


NOT_QUANTITIES = [
    "2035年",
    "2024年3月5日",
    "1月31日下午",
    "新华社北京3月13日电",
    "“十四五”规划",
    "为实现“十五五”良好开局打牢基础",
    "5G、6G等未来产业",
    "国产大飞机C919投入商业运营",
    "广义货币供应量（M2）余额",
    "广义货币供应量（M 2 ）余额",
    "细颗粒物（PM2.5）",
    "以PM 2.5 控制为主线",
    "“嫦娥六号”实现人类首次月球背面采样返回",
    "中国－东盟自贸区3.0版谈判",
    "第二轮土地承包",
    "中共中央政治局第十一次集体学习",
    "开展国家碳达峰第二批试点",
    "1年期和5年期以上贷款市场报价利率",
    "全国地表水Ⅰ－Ⅲ类水质断面",
    "一是促进消费稳定增长",
    "（一）大力推进现代化产业体系建设",
    "一、2023年工作回顾",
    "一些地方基层财政困难",
    "支持创建一批国家农村产业融合发展示范园",
    "构建全国统一大市场",
    "加快形成全国一体化算力体系",
    "万物互联",
    "十分重要",
    "着力抓好“三农”工作",
    "落实“两个毫不动摇”",
    "共建“一带一路”",
    "坚定不移贯彻“一国两制”",
    "坚持一个中国原则和“九二共识”",
    "制定实施教育强国建设三年行动计划",
    "以推进“高效办成一件事”为牵引",
    "一年来，面对外部压力加大",
    "在十四届全国人大二次会议上",
    "新中国成立75周年",
    "《全国国土空间规划纲要（2021－2035年）》",
    "实施新一轮千亿斤粮食产能提升行动",
    "持续推进长江十年禁渔",
    "开展百万青年职业技能培训",
    "“八纵八横”高速铁路网",
    "发挥第三次分配作用",
    "打好实现建军一百年奋斗目标攻坚战",
    "八项行动的“1+8”实施方案",
    "20242024",
    "科技创新2030－重大项目",
    "神舟十七号成功发射",
    "“九章三号”量子计算原型机",
    "一次性",
    "国际合作高峰论坛",
    "数字教育“3I”",
]


@pytest.mark.parametrize("phrase", NOT_QUANTITIES)
def test_not_a_quantity(phrase: str) -> None:
    assert parse_quantities(phrase) == ()


def test_chinese_numerals() -> None:
    assert cn_to_int("两") == 2
    assert cn_to_int("十") == 10
    assert cn_to_int("十一") == 11
    assert cn_to_int("二十三") == 23
    assert cn_to_int("一百零五") == 105
    assert cn_to_int("三千零五") == 3005
    assert cn_to_int("一万") == 10_000
    assert cn_to_int("两万三千") == 23_000
    assert cn_to_int("一万亿") == 10**12
    assert cn_to_int("百亿") == 10**10
    for bad in ["十四五", "十五五", "九二", "万", "亿万", "", "一二三"]:
        assert cn_to_int(bad) is None, bad


def test_tables_are_consistent() -> None:
    assert set(QUALIFIERS.values()) == {"about", "at_least", "more_than", "at_most", "less_than"}
    assert set(CHANGES.values()) == {"increase", "decrease", "unchanged"}
    assert UNITS["元"].code == "CNY"
    assert UNITS["个百分点"].code == "percentage_points"
    for word, unit in UNITS.items():
        assert unit.code, word
        assert unit.description, word


def test_full_width_digits_and_percent() -> None:
    [q] = parse_quantities("增长５．２％")
    assert (q.value, q.unit, q.text) == (Decimal("5.2"), "%", "５．２％")

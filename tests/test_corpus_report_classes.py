"""Mining on reports it was not written against, class by class (issue 12).

Each test builds a small report in the shape of one failure class seen on real
provincial, State Council and township pages (portal chrome, broken title
blocks, one-line pages, page-store chunks, Traditional script, half-width
punctuation, plan headings of the 2020s, news and resolutions that mention a
report) and checks what `drafter mine` makes of it.
"""
from drafter.corpus.model import Line
from drafter.corpus.genre import detect_genre
from drafter.corpus.pipeline import mine_text
from drafter.corpus.segment import part_of_heading, segment

P = "全省上下坚持稳中求进工作总基调，经济运行稳中有进，地区生产总值增长5%，城镇新增就业超过百万人。"
TOOLBAR = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"]


def mine(text):
    docs, _ = mine_text(text, "x.txt")
    return docs


def roles_by_raw(doc):
    out = {}
    for ln in doc.lines:
        out.setdefault(ln.raw_no, []).extend(r for r in ln.roles if r not in out.get(ln.raw_no, []))
    return out


def provincial_page(closing=True):
    lines = TOOLBAR + [
        "2026年某省政府工作报告",
        "——2026年1月26日在某省第十四届",
        "人民代表大会第五次会议上",
        "来源：某某日报",
        "时间：2026-02-01",
        "某省省长 王某某",
        "王某某同志作政府工作报告。本报记者 李某 摄",
        "各位代表：",
        "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。",
        "一、2025年和“十四五”时期工作回顾",
        P,
        "各位代表！五年历程极不寻常，成绩来之不易，根本在于以习近平同志为核心的党中央领航掌舵。",
        "在看到成绩的同时，我们也认识到老问题、新挑战仍然不少，外部环境变化影响加深。",
        "二、“十五五”时期主要目标任务",
        "“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期。",
        "三、2026年主要工作",
        "今年经济社会发展主要预期目标是：地区生产总值增长5%左右。",
        "重点做好以下几个方面工作：",
        "（一）全力扩大内需。" + P,
    ]
    if closing:
        lines.append("使命重在担当，奋斗创造未来。我们要更加紧密地团结在以习近平同志为核心的党中央周围，为谱写新篇章而努力奋斗！")
    lines += ["相关报道：", "扫一扫在手机打开当前页", "微信 ![]() |"]
    return "\n".join(lines)


def test_portal_chrome_stays_outside_and_title_block_is_whole():
    docs = mine(provincial_page())
    assert len(docs) == 1
    doc = docs[0]
    assert doc.start_line == 10 and doc.end_line == 29  # from the title to the closing, toolbar and widgets out
    texts = [ln.text for ln in doc.lines]
    assert not any(t.startswith(("来源", "时间", "相关报道")) or "摄" in t[-2:] for t in texts)
    roles = roles_by_raw(doc)
    assert roles[11] == roles[12] == roles[15] == ["title"]  # ——…第十四届 / 人民代表大会…会议上 / byline
    assert roles[17] == ["salutation"] and roles[18] == ["opening"]


def test_plan_sections_of_the_2020s_and_closing_without_salutation():
    doc = mine(provincial_page())[0]
    roles = roles_by_raw(doc)
    assert roles[19] == ["review_heading"]  # 一、2025年和“十四五”时期工作回顾
    assert roles[21] == ["thanks"] and roles[22] == ["shortcomings"]
    assert roles[23] == ["plan_heading"] and roles[24] == ["plan_overview"]  # 二、“十五五”时期主要目标任务
    assert roles[25] == ["plan_heading"] and roles[26] == ["targets"]  # 三、2026年主要工作
    assert roles[27] == roles[28] == ["tasks"]
    assert roles[29] == ["closing"]  # no 各位代表！ before it


def test_plan_heading_words_and_times():
    assert part_of_heading("二、今年的主要任务") == "plan"
    assert part_of_heading("二、2008年主要任务") == "plan"
    assert part_of_heading("三、2026年主要工作", 2025) == "plan"
    assert part_of_heading("2024年主要工作") == "review"
    assert part_of_heading("一、2025年和“十四五”时期工作回顾") == "review"
    assert part_of_heading("一、关于过去五年的政府工作") == "review"
    assert part_of_heading("二、关于1998年政府工作的建议") == "plan"
    assert part_of_heading("二、“十四五”时期发展成就和“十五五”时期主要目标任务") == "review+plan"


def test_numbered_part_after_numbered_review_opens_the_plan():
    texts = ["各位代表：", "现在，我代表国务院向大会作政府工作报告，请予审议。", "一、1991年国内工作的回顾", P,
             "二、抓紧有利时机，加快经济发展", "今年计划要求，在保持社会总需求与总供给基本平衡的基础上，经济增长6%。",
             "结束语", "各位代表！", "让我们高举有中国特色社会主义的伟大旗帜，为实现第二步战略目标而努力奋斗！"]
    lines = segment([Line(i, t) for i, t in enumerate(texts, 1)], "gov_work_report")
    assert [ln.roles for ln in lines] == [
        ["salutation"], ["opening"], ["review_heading"], ["achievements"], ["plan_heading"], ["plan_overview"],
        ["closing"], ["closing"], ["closing"],
    ]


def test_salutation_as_first_line_is_no_title():
    docs = mine("各位代表：\n\n我代表国务院向大会报告过去五年的工作，请予审议。\n\n一、关于过去五年的政府工作\n\n" + P)
    assert docs[0].lines[0].roles == ["salutation"]
    assert docs[0].genre == "gov_work_report"


def test_exclamation_leads_the_closing():
    texts = ["各位代表：", "现在，我代表省人民政府向大会报告工作，请予审议。", "一、2025年工作回顾", P,
             "二、2026年工作安排", "（一）全力扩大内需。" + P, "各位代表！",
             "进位突破正当时，奋楫笃行启新程。让我们更加紧密地团结在党中央周围，为全面建设社会主义现代化而努力奋斗！"]
    lines = segment([Line(i, t) for i, t in enumerate(texts, 1)], "gov_work_report")
    assert lines[6].roles == lines[7].roles == ["closing"]


def test_wikisource_notice_and_link_breaks_stay_out():
    body = ["各位代表：", "", "我代表国务院向大会作政府工作报告，请予审议。", "", "一、一年来工作回顾", "", P,
            "", "各位代表！", "", "让我们团结一致，为夺取全面建设小康社会的新胜利而努力奋斗！"]
    notice = ["本作品是中华人民共和国的", "法律", "、", "法规", "中华人民共和国著作权法", "》第五条第一项，本作品不适用于该法",
              "Public domain", "Public domain", "false", "false"]
    docs = mine("\n".join(body + notice))
    assert len(docs) == 1 and docs[0].end_line == len(body)
    assert docs[0].lines[-1].roles == ["closing"]


def test_whole_report_on_one_line():
    text = ("乡镇镇长述职报告各位领导、同志们:我是今年二月份调入本镇,并在镇人代会上当选为镇长,负责政府全面工作的。"
            "一年来,自己团结带领政府一班人,在镇党委的正确领导下,真抓实干,锐意进取,为实现全镇加快发展做出了一定贡献。"
            "下面,我就一年来的工作情况汇报如下,不妥之处,请各位领导和同志们批评指正,我将诚恳接受。"
            "一、抢抓机遇、优化产业,经济工作再上新水平今年以来,镇政府因地制宜求特色,依托优势谋发展,全镇经济工作迈上新水平。"
            "二、加强自身建设,政府效能明显提升一年来,我们坚持依法行政,政务公开,群众满意度进一步提高。")
    docs = mine(text)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.start_line == doc.end_line == 1
    assert doc.genre == "personal_duty_report"
    assert len(doc.lines) >= 4  # title | salutation | opening | parts, all on raw line 1
    assert doc.lines[0].text == "乡镇镇长述职报告"
    assert doc.lines[1].roles == ["salutation"]


def test_page_store_chunks_are_joined_and_cut_at_the_seams():
    text = "\n".join([
        "1、某乡镇政府工作报告 政府工作报告 镇长 各位代表: 现在,我代表镇人民政府向大会作工作报告,请予审议,并请列席会议的同志提出意见。"
        " 过去一年工作回顾 一年来,镇政府在县委、县政府和镇党委的领导下,团结带领全镇人民,求真务实,锐意进取,全力推进四大战略,"
        "圆满完成了各项任务。 国民经济持续健康发展。全镇实现生产总值",
        "2、亿元,增长百分之十;完成全社会固定资产投资亿元,增长百分之十二;财政总收入突破万元大关,农民人均纯收入到达元,增长百分之八。"
        " 农业结构调整迈出新步伐。全镇粮经种植面积比进一步优化,高价值经济作物种植面积有了新的增长,名优水产品养殖面积进一步扩大。"
        " 民营经济实现新的突破,",
        "3、民营业户大幅增加,新上了饲料厂、渔业公司等一批企业。",
    ])
    docs = mine(text)
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.start_line, doc.end_line) == (1, 3)
    assert doc.genre == "gov_work_report"
    assert not any(ln.text.startswith(("2、", "3、")) for ln in doc.lines)
    assert "全镇实现生产总值亿元" in doc.text  # the cut mid-word is healed
    roles = [r for ln in doc.lines for r in ln.roles]
    assert "salutation" in roles and "opening" in roles and "review_heading" in roles


def test_traditional_script_without_pinyin_and_half_width_punctuation():
    text = "\n".join(["鎮人大主席團工作報告", "各位代表:", "我受鎮第十七屆人民代表大會主席團委託,向大會報告工作,請予審議。",
                      "2017年工作回顧", "2017年,鎮人大主席團在鎮黨委的領導下,切實履行了憲法和法律賦予的職責,為促進全鎮社會穩定發揮了積極作用。"])
    doc = mine(text)[0]
    assert doc.genre == "congress_work_report"
    assert [ln.roles for ln in doc.lines] == [["title"], ["salutation"], ["opening"], ["review_heading"], ["achievements"]]
    assert doc.lines[1].text == "各位代表："


def test_html_paragraphs_become_lines():
    text = ('<p class="ql-block"> 2021年8月24日，中国共产党某镇第二十次代表大会在镇政府会议室隆重召开，93名党代表出席会议。</p>'
            '<p class="ql-block">会议审议通过了镇党委书记代表第十九届委员会向大会所作的工作报告，选举产生了新一届委员会。</p>')
    doc = mine(text)[0]
    assert [ln.text[:4] for ln in doc.lines] == ["2021", "会议审议"]
    assert doc.genre == "other"


def g(*texts):
    return detect_genre([Line(i, t) for i, t in enumerate(texts, 1)])


def test_meeting_news_and_resolutions_are_not_government_reports():
    news = g("某镇第十四届人民代表大会第一次会议胜利召开",
             "10月28日，某镇第十四届人民代表大会第一次会议在镇政府会议室隆重召开，71名镇人大代表出席会议。",
             "镇长所作的政府工作报告回顾了过去五年的工作。全体代表听取并审议通过了《政府工作报告》和《人大工作报告》。")
    resolution = g("某镇第十七届人民代表大会第二次会议", "关于《某镇政府工作报告》的决议",
                   "某镇第十七届人民代表大会第二次会议听取和审议了镇长代表镇人民政府所作的工作报告。",
                   "会议认为，镇政府较好地完成了目标任务，决定批准这个报告。会议号召全镇干部群众为建设新农村而努力奋斗！")
    assert news == resolution == "other"


def test_party_congress_speech_is_not_a_government_report():
    assert g("第九次党代表大会开幕词", "各位代表：", "中国共产党某镇第九次代表大会，经中共某市委批准，今天隆重开幕了。",
             "我们这次代表大会，是全镇广大党员和人民群众政治生活中的一件大事。") == "other"


def test_work_plan_research_report_and_town_head_summary():
    assert g("乡镇2023年工作要点", "2023年是开局之年。乡党委政府将在县委、县政府的领导下，力争各项工作出众、出彩。",
             "全年经济社会发展预期目标：全乡生产总值增长10%。", "一、做强产业") == "work_plan"
    assert g("关于某镇人大工作的调研报告", "乡镇人民代表大会是人民代表大会制度的重要组成部分。本人就我镇的人大工作开展了调研，"
             "现将调研情况汇报如下：", "一、基本情况", "全镇有县人大代表十人，镇代表五十人。") == "reflection"
    assert g("镇长年度工作总结", "本人继续担任镇镇长职务。一年来，本人尽职尽责，较好地完成了全年各项任务。现将本年度工作简要汇报如下：",
             "一、围绕中心加快经济发展", "本人坚持把发展作为履职的第一要务。") == "personal_duty_report"


def test_genre_on_a_fragment():
    full = provincial_page()
    doc = mine(full[:400])[0]
    assert doc.genre == "gov_work_report"


def test_slogan_part_headings_by_position():
    texts = ["各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。",
             "一、一年接着一年干，新福建建设持续取得新进展新成效", "2025年是“十四五”收官之年。一年来，我们坚持稳中求进，" + P,
             "这些成绩的取得，根本在于党中央领航掌舵。", "在肯定成绩的同时，我们也清醒认识到，发展还面临不少困难。",
             "二、一张蓝图绘到底，奋力谱写现代化新篇章", "“十五五”时期是基本实现社会主义现代化夯实基础的关键时期。",
             "三、一鼓作气勇争先，全力推动“十五五”开好局、起好步", "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
             "（一）壮大实体经济。" + P, "四、一以贯之转作风，努力建设人民满意的服务型政府", "（一）始终把忠诚作为为政之魂。" + P,
             "各位代表！让我们更加紧密地团结在党中央周围，为谱写新篇章而努力奋斗！"]
    roles = [ln.roles for ln in segment([Line(i, t) for i, t in enumerate(texts, 1)], "gov_work_report")]
    assert roles[2] == ["review_heading"] and roles[3] == ["achievements"]
    assert roles[6] == ["plan_heading"] and roles[7] == ["plan_overview"]
    assert roles[8] == ["plan_heading"] and roles[9] == ["targets"]
    assert roles[11] == roles[12] == ["tasks"]  # 政府自身建设 is a task, not a new plan part
    assert roles[13] == ["closing"]


def test_plan_without_heading_after_the_shortcomings():
    texts = ["各位代表：", "现在，我代表国务院向大会作政府工作报告，请予审议。", "首先报告２００１年的工作", P,
             "我们也清醒地看到，当前经济和社会生活中还存在不少困难和问题。",
             "２００２年是我们党和国家发展史上非常重要的一年。", "今年工作的总体要求是：以邓小平理论为指导，保持经济较快增长。",
             "按照这个总体要求，今年要着重做好以下八个方面的工作：", "一、扩大和培育内需，促进经济较快增长", P]
    doc = mine("\n".join(texts))[0]
    roles = [ln.roles for ln in doc.lines]
    assert roles[2] == ["review_heading"] and doc.lines[2].text == "首先报告2001年的工作"  # full-width digits read
    assert roles[4] == ["shortcomings"]
    assert roles[5] == roles[6] == ["plan_overview"]
    assert roles[7] == roles[8] == ["tasks"]


def test_formulas_deep_inside_a_report_open_no_new_document():
    body = [P] * 6
    texts = ["各位代表！", "我代表国务院，向大会作政府工作报告，请予审议。", "过去五年国内工作的基本总结", *body,
             "为了向代表们进一步说明物价和价格改革的情况，将由国家物价局向大会作一专题汇报。", *body,
             "我们要在各企业中推行职工代表大会制度，企业负责人要定期向大会报告工作，接受职工监督。", *body,
             "现在我向大会报告的，是正在拟定的方案的一些主要设想。", *body]
    docs = mine("\n".join(texts))
    assert len(docs) == 1 and docs[0].genre == "gov_work_report"
    assert docs[0].lines[0].roles == ["salutation"]  # 各位代表！ as the first line addresses the deputies


def test_title_with_subtitle_and_source_line_stay_out_of_the_opening():
    text = "\n".join(["当前位置：某秘书网 > 专题范文 > 振兴乡镇 > 春节回乡关于开展乡村振兴的调研报告", "",
                      "春节回乡关于开展乡村振兴的调研报告--以产业为引领,以交通为保障", "",
                      "时间:2022-05-03 08:30:03 来源:网友投稿", "",
                      "根据上级通知精神，结合本人工作经历，特选取产业发展和基础设施作为此次调研的重点方向。",
                      "此次选取户籍所在地作为调研区域，通过问卷、电话访问、面谈等方式进行，现将调研情况报告如下：",
                      "一、花香乡基本情况概述", P])
    doc = mine(text)[0]
    assert doc.start_line == 3 and doc.genre == "reflection"
    assert doc.lines[0].roles == ["title"] and doc.lines[0].raw_end == 3
    assert doc.lines[1].roles == doc.lines[2].roles == ["opening"]

from drafter.corpus.genre import detect_genre
from drafter.corpus.model import Line


def g(*texts):
    return detect_genre([Line(i, t) for i, t in enumerate(texts, 1)])


B = "一年来，我们认真贯彻上级决策部署，各项工作取得新成效，经济社会保持良好发展势头。"


def test_gov_report():
    assert g("某标题", "各位代表：", "现在，我代表镇人民政府，向大会报告政府工作，请予审议。", "2024年工作回顾", B) == "gov_work_report"


def test_congress_report_even_with_gov_site_title():
    assert g("2024年度乡镇人大换届政府工作报告", "我受镇人大主席团委托，向大会报告工作，请予审议，并请各位列席代表提出意见。", B) == "congress_work_report"


def test_personal_duty():
    assert g("镇政府领导班子述职报告", "从参加工作以来，我始终怀着对党组织的深厚感情，本人坚持学习。", "一、注重学习。本人坚持学习。", "二、勤恳敬业。我坚持把立党为公放在首位，自己严格要求。") == "personal_duty_report"


def test_integrity_duty():
    assert g("述职报告", "镇领导班子坚持党风廉政建设，加强反腐倡廉，现作述职汇报如下：", "一、强化廉政教育，严肃纪律。", "查办违纪案件，廉洁自律，反腐败工作取得成效。") == "integrity_duty_report"


def test_speech_is_other():
    assert g("乡镇人大工作要点范文3", "同志们：", "这次乡镇机构改革动员会，是在全县改革发展的关键时期召开的。下面，我讲三点意见。", B) == "other"


def test_reflection_and_survey():
    assert g("心得体会", "一、乡镇人大工作的现状", B, "二、存在的问题", B, "三、对策与建议", B) == "reflection"
    assert g("调查报告", "关键词：公共服务", "一、调查研究的对象与方法", "课题组发放调查问卷500份。") == "survey_report"


def test_work_plan():
    assert g("要点", "一、工作目标", "1、乡镇企业增加值：确保完成10亿元。", "二、工作措施", "要切实加强领导。") == "work_plan"

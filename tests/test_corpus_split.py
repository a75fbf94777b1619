from drafter.corpus.clean import clean_text
from drafter.corpus.split import marker_of, split_documents


def docs_of(text):
    lines, _ = clean_text(text)
    return split_documents(lines)


def test_marker_with_length_suffix():
    assert marker_of("篇一 2023年度乡镇人大换届政府工作报告5000字") == ("篇一", "2023年度乡镇人大换届政府工作报告")
    assert marker_of("第十一篇 山区乡镇政府工作报告6950字")[0] == "第十一篇"
    assert marker_of("乡镇人大工作要点范文3")[0] == "范文3"
    assert marker_of("一、精心组织，依法开好镇人代会") is None


BODY = "一年来，镇人大主席团在县人大常委会的指导下，认真履行职责，各项工作取得新进展。"


def test_markers_chrome_and_stray_titles():
    text = "\n".join([
        "发布时间:2024-11-09 热度:55",
        "某某报告大全",
        "第一篇 镇人大工作报告3000字",
        "各位代表：",
        "我受镇人大主席团委托，向大会报告工作，请予审议。",
        BODY,
        "镇人大工作报告",
        "第二篇 镇长述职报告2000字",
        "尊敬的各位领导、同志们：",
        "本人自2020年起任镇长。现将三年来各方面情况报告如下。",
        BODY,
        "本文章共2页，当前在第2页 上一页",
    ])
    docs = docs_of(text)
    assert [(d.start_line, d.end_line) for d in docs] == [(3, 6), (8, 11)]
    assert docs[0].title == "镇人大工作报告"


def test_unmarked_boundary_from_new_opening_formula():
    first = ["篇三 镇人大五年工作报告", "近五年来，镇人大在县人大常委会的指导下，认真工作。现将五年来的工作汇报如下："]
    first += [f"{n}、加强代表工作，发挥代表作用。" + BODY for n in "一二三四五六七八"]
    second = ["2023年以来，土家族乡坚持发展第一要务，推动全乡各项工作取得了较好成绩。现将主要工作情况报告如下：", "一、过去三年的工作回顾", BODY]
    docs = docs_of("\n".join(first + second))
    assert len(docs) == 2
    assert docs[1].start_line == len(first) + 1


def test_file_without_marker_starts_at_title():
    text = "\n".join(["人大工作汇报", "發布時間:2020-07-07 來源: 黨課講稿 點擊:", "", "XX镇人大工作情况汇报", "今年以来，XX镇人大在县人大常委会和镇党委的正确领导下，扎实开展工作。", BODY])
    docs = docs_of(text)
    assert len(docs) == 1 and docs[0].start_line == 4

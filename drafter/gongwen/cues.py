"""Formula cues: the fixed phrases that open and close a report, written once.

Splitting (a new document begins), segmenting (which line opens or closes),
mining (which sentence is an opening or closing formula) and proofreading (a
report lacks its request for review or its appeal) all recognise the same
formulas; each composes these fragments with the few extras its job needs.
Fragments are regular-expression source, without anchors.
"""
from __future__ import annotations

# --- opening ----------------------------------------------------------------------------
REPORT_AS_FOLLOWS = r"现将.{0,30}?(?:汇报|报告|总结|介绍|述职)(?:如下|以下)|现作.{0,6}(?:汇报|报告)如下"
ENTRUSTED = r"受[^，。]{0,12}(?:国务院|人民政府|政府|主席团|常务委员会)的?委托"
TO_THE_CONGRESS = r"向大会(?:作|做)?.{0,10}(?:报告|汇报)"
REVIEW_REQUEST = r"请予审议|请各位代表予以审议|请审议|请予审查"
OPENING = "|".join((REPORT_AS_FOLLOWS, ENTRUSTED, TO_THE_CONGRESS, REVIEW_REQUEST))

# --- closing ----------------------------------------------------------------------------
APPEAL = r"而(?:努力|不懈|团结|共同)?奋斗"
THANK_YOU = r"谢谢大家"
HUMBLE_CLOSE = r"以上汇报|不妥之处|批评指正|请予指正"
CLOSING = "|".join((APPEAL, THANK_YOU, HUMBLE_CLOSE))

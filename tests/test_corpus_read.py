from drafter.corpus.read import decode_bytes, split_lines

TRAD = "現在，我代表鎮人民政府向大會報告工作，請予審議。"
SIMP = "现在，我代表镇人民政府向大会报告工作，请予审议。"


def test_utf8_with_and_without_bom():
    assert decode_bytes(SIMP.encode("utf-8")).text == SIMP
    r = decode_bytes(SIMP.encode("utf-8-sig"))
    assert r.text == SIMP and r.bom and r.encoding == "utf-8-sig"


def test_legacy_encodings_detected():
    assert decode_bytes(SIMP.encode("gbk")).text == SIMP
    assert decode_bytes(SIMP.encode("gb18030")).encoding == "gb18030"
    r = decode_bytes(TRAD.encode("big5"))
    assert r.text == TRAD and r.encoding == "big5"


def test_utf16_with_and_without_bom():
    assert decode_bytes(SIMP.encode("utf-16")).text == SIMP
    assert decode_bytes(SIMP.encode("utf-16-le")).text == SIMP


def test_undecodable_bytes_replaced_and_counted():
    r = decode_bytes(SIMP.encode("utf-8") + b"\xff\xfe\xfa" + SIMP.encode("utf-8"))
    assert r.status == "ok" and r.replaced >= 1 and SIMP in r.text


def test_empty_and_binary_reported():
    assert decode_bytes(b"").status == "empty"
    assert decode_bytes(b"  \n\n").status == "empty"
    assert decode_bytes(bytes(range(256)) * 20).status == "binary"


def test_split_lines_numbers_every_raw_line():
    assert split_lines("a\r\nb\rc\n") == ["a", "b", "c", ""]

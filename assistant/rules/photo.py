"""证件照 (附件3 二1, 附件5 二13): kind, format, size, pixels and ratio, every number from the parameters."""

from __future__ import annotations

from assistant.rules.facts import Facts
from assistant.rules.logic import Check, all_of, leaf
from assistant.rules.params import Parameters

CLAUSES = ["附件3/二/1", "附件5/二/13"]
KIB, MIB = 1024, 1024 * 1024


def _size(n_bytes: int) -> str:
    """30K, 1M: how the notice writes sizes (1K = 1024 bytes, see the parameters' notes)."""
    return f"{n_bytes / MIB:g}M" if n_bytes >= MIB else f"{n_bytes / KIB:g}K"


def photo(facts: Facts, p: Parameters) -> Check:
    ph = facts.photo
    fmt, size, w, h = (None, None, None, None) if ph is None else (ph.format, ph.bytes, ph.width, ph.height)
    formats = p.value("photo.formats")
    lo, hi = p.value("photo.min_bytes_exclusive"), p.value("photo.max_bytes_exclusive")
    min_w, min_h = p.value("photo.min_width_exclusive"), p.value("photo.min_height_exclusive")
    r_lo, r_hi = p.value("photo.min_ratio"), p.value("photo.max_ratio")
    ratio = None if w is None or h is None else w / h
    fmt_name = None if fmt is None else fmt.strip().lstrip(".").upper()
    size_rule = f"文件须大于{_size(lo)}且小于{_size(hi)}"
    pixels_rule = f"像素须大于{min_w}×{min_h}（宽×高）"
    ratio_rule = f"宽高比须在{r_lo}到{r_hi}之间"
    background = None if ph is None else ph.background
    kinds = p.value("photo.kinds")
    # 底色 is checked when said (a 证件照 is taken as white unless the applicant says otherwise)
    colour = [] if background is None else [
        leaf("photo.background", CLAUSES, background.startswith("白"), f"须为{kinds}，现为{background}底。",
             params={"kinds": kinds})]
    return all_of("photo", CLAUSES, colour + [
        leaf("photo.format", CLAUSES, None if fmt_name is None else fmt_name in formats,
             f"格式须为{'或'.join(formats)}" + ("" if fmt_name is None else f"，现为{fmt_name}。"),
             params={"formats": formats}, needs=["photo.format"]),
        leaf("photo.size", CLAUSES, None if size is None else lo < size < hi,
             size_rule + ("" if size is None else f"，现为{_size(size) if size >= MIB else f'{size / KIB:.1f}K'}。"),
             params={"min_bytes_exclusive": lo, "max_bytes_exclusive": hi}, needs=["photo.bytes"]),
        leaf("photo.pixels", CLAUSES, None if w is None or h is None else (w > min_w and h > min_h),
             pixels_rule + ("" if w is None or h is None else f"，现为{w}×{h}。"),
             params={"min_width_exclusive": min_w, "min_height_exclusive": min_h},
             needs=[n for n, v in (("photo.width", w), ("photo.height", h)) if v is None]),
        leaf("photo.ratio", CLAUSES, None if ratio is None else r_lo <= ratio <= r_hi,
             ratio_rule + ("" if ratio is None else f"，现为{ratio:.3f}。"),
             params={"min_ratio": r_lo, "max_ratio": r_hi},
             needs=[n for n, v in (("photo.width", w), ("photo.height", h)) if v is None]),
    ], f"证件照要求：{p.value('photo.kinds')}，{'/'.join(formats)}，"
       + "，".join(rule.replace("须", "") for rule in (size_rule, pixels_rule, ratio_rule)) + "。")


def photo_given(facts: Facts, p: Parameters) -> Check:
    """"480×640的能用吗", ".jpeg认不认": the requirements the applicant asked about, those whose facts were
    given; the others are named in the sentence so the answer can remind of them."""
    whole = photo(facts, p)
    asked = [child for child in whole.children if not child.unknown]
    if not asked:
        return whole

    rest = [child.sentence.split("，现为")[0].rstrip("。") for child in whole.children if child.unknown]
    return all_of("photo_given", CLAUSES, asked, "按您给出的照片信息判断" + (f"；另须{'，'.join(rest)}。" if rest else "。"))

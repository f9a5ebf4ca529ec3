"""证件照 (附件3 二1, 附件5 二13): JPG/JPEG, >30K and <1M, >215×300 px, 0.65 ≤ w/h ≤ 0.8."""

from __future__ import annotations

from assistant.rules.facts import Facts
from assistant.rules.logic import Check, all_of, leaf
from assistant.rules.params import Parameters

CLAUSES = ["附件3/二/1", "附件5/二/13"]


def photo(facts: Facts, p: Parameters) -> Check:
    ph = facts.photo
    fmt, size, w, h = (None, None, None, None) if ph is None else (ph.format, ph.bytes, ph.width, ph.height)
    formats = p.value("photo.formats")
    lo, hi = p.value("photo.min_bytes_exclusive"), p.value("photo.max_bytes_exclusive")
    min_w, min_h = p.value("photo.min_width_exclusive"), p.value("photo.min_height_exclusive")
    r_lo, r_hi = p.value("photo.min_ratio"), p.value("photo.max_ratio")
    ratio = None if w is None or h is None else w / h
    fmt_name = None if fmt is None else fmt.strip().lstrip(".").upper()
    return all_of("photo", CLAUSES, [
        leaf("photo.format", CLAUSES, None if fmt_name is None else fmt_name in formats,
             f"格式须为{'或'.join(formats)}" + ("" if fmt_name is None else f"，现为{fmt_name}。"),
             params={"formats": formats}, needs=["photo.format"]),
        leaf("photo.size", CLAUSES, None if size is None else lo < size < hi,
             "文件须大于30K且小于1M" + ("" if size is None else f"，现为{size / 1024:.1f}K。"),
             params={"min_bytes_exclusive": lo, "max_bytes_exclusive": hi}, needs=["photo.bytes"]),
        leaf("photo.pixels", CLAUSES, None if w is None or h is None else (w > min_w and h > min_h),
             f"像素须大于{min_w}×{min_h}（宽×高）" + ("" if w is None or h is None else f"，现为{w}×{h}。"),
             params={"min_width_exclusive": min_w, "min_height_exclusive": min_h},
             needs=[n for n, v in (("photo.width", w), ("photo.height", h)) if v is None]),
        leaf("photo.ratio", CLAUSES, None if ratio is None else r_lo <= ratio <= r_hi,
             f"宽高比须在{r_lo}到{r_hi}之间" + ("" if ratio is None else f"，现为{ratio:.3f}。"),
             params={"min_ratio": r_lo, "max_ratio": r_hi},
             needs=[n for n, v in (("photo.width", w), ("photo.height", h)) if v is None]),
    ], "证件照要求：1寸或2寸白底证件照，JPG/JPEG，大于30K小于1M，大于215×300像素，宽高比0.65–0.8。")

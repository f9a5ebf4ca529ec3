"""The hotline console in a real browser: the verdict never reads a value the operator did not type."""

from conftest import shot
from playwright.sync_api import expect


def _open_console(page):
    page.get_by_role("tab", name="热线工作台").click()
    page.wait_for_selector("#c-run")


def _choose(page, elem: str, value: str):
    page.locator(f"{elem} input").click()
    page.get_by_role("option", name=value, exact=True).click()  # choose from the list, not type-and-hope
    expect(page.locator(f"{elem} input")).to_have_value(value)


def test_console_form_gives_verdict_script_and_steps(page):
    _open_console(page)
    page.locator("#c-target").get_by_text("工程师", exact=True).click()
    page.fill("#c-major textarea", "机械工程")
    page.fill("#c-series textarea", "机电")
    page.fill("#c-appointed textarea", "2017年3月")  # as a caller says it
    _choose(page, "#c-education", "本科")
    _choose(page, "#c-title", "助理工程师")
    page.click("#c-run")
    page.wait_for_selector("#c-badge .badge[data-outcome]", timeout=30000)
    assert page.get_attribute("#c-badge .badge", "data-outcome") == "eligible", page.inner_text("#c-steps")
    assert "正常申报" in page.inner_text("#c-badge")
    script = page.input_value("#c-script textarea")
    assert script.startswith("可以申报工程师") and "还没有核实" in script  # the answer first; the caveat read out too
    assert "现满5年" in page.inner_text("#c-steps")
    assert page.locator("#c-copy").is_visible()  # 复制给来电人
    page.fill("#c-search textarea", "照片")
    page.wait_for_selector("#c-results details", timeout=30000)
    shot(page, "console")


def test_blank_fields_stay_unknown_after_the_sections_are_opened(page):
    """Opening 破格/学时/照片 used to turn every blank number into 0: a photo of 0 bytes, 0 hours."""
    _open_console(page)
    page.get_by_text("破格、越级条件").click()
    page.get_by_text("继续教育学时、社保、照片").click()
    page.locator("#c-target").get_by_text("工程师", exact=True).click()
    page.click("#c-run")
    page.wait_for_selector("#c-badge .badge[data-outcome]", timeout=30000)
    assert page.get_attribute("#c-badge .badge", "data-outcome") == "need_more_info"
    assert page.inner_text("#c-error").strip() == ""


def test_a_field_that_cannot_be_read_is_named_in_chinese_beside_the_form(page):
    _open_console(page)
    page.locator("#c-target").get_by_text("工程师", exact=True).click()
    page.fill("#c-appointed textarea", "去年夏天")
    page.click("#c-run")
    page.wait_for_function("() => document.querySelector('#c-error').innerText.includes('现职务聘任时间')")
    assert "2018年9月" in page.inner_text("#c-error") and page.input_value("#c-script textarea") == ""
    page.wait_for_function("() => document.querySelector('#c-appointed').innerText.includes('请写成')")  # under the field
    assert "请写成" not in page.inner_text("#c-work-start")
    page.fill("#c-appointed textarea", "2018.9")
    page.click("#c-run")
    page.wait_for_function("() => !document.querySelector('#c-appointed').innerText.includes('请写成')")

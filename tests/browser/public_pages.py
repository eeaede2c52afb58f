"""The public pages the phone and Lighthouse tests open: one of each kind a citizen reads."""


def phone_paths():
    from wagtail.models import Locale

    from disclosure.catalogue.models import DisclosureItemPage, PolicyDocumentPage
    from disclosure.reports.models import AnnualReportPage

    chinese = Locale.objects.get(language_code="zh-hans")
    item = PolicyDocumentPage.objects.live().filter(locale=chinese).first()
    assert isinstance(item, DisclosureItemPage)
    report = AnnualReportPage.objects.live().get(year=2023, locale=chinese)
    return {"home": "/", "item": item.url, "report": report.url, "search": "/search/?q=垃圾分类"}

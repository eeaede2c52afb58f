"""What an organisation's inspection counts: an organisation without a disclosure catalogue
fails, whatever the thresholds say; a column or home page is updated only by the organisation's
own publications, never by an alias of another office's document."""

from disclosure.catalogue.tests.factories import OrganisationFactory
from disclosure.inspection import snapshots
from disclosure.inspection.indicators import any_veto, inspect
from disclosure.inspection.models import Indicator

from .helpers import column, item, result


def test_an_organisation_without_a_disclosure_catalogue_is_a_veto(office):
    bare = OrganisationFactory(name="没有目录的乡人民政府")
    found = result("home_not_updated", bare)
    assert found.status == "veto"
    (finding,) = found.findings
    assert finding.page_id is None and "信息公开目录" in finding.detail
    Indicator.objects.filter(code="home_not_updated").update(threshold=5)
    assert result("home_not_updated", bare).status == "veto"  # not a matter of degree
    assert any_veto(inspect(bare))
    snapshots.refresh(bare)
    assert snapshots.snapshot_of(bare).veto


def test_an_alias_of_another_offices_document_does_not_update_a_column(office):
    news = column(office["root"], "工作动态")
    item(news, title="本镇的动态", days=20)  # past the 14 days of 动态要闻
    county_news = column(office["county_root"], "县政府办动态")
    fresh = item(county_news, title="县政府办昨天的动态", days=1)
    alias = fresh.create_alias(parent=news, update_slug="county-news-alias")
    assert alias.live and alias.first_published_at is not None

    stale = result("stale_columns", office["township"])
    assert news.pk in {finding.page_id for finding in stale.failures}
    home = result("home_not_updated", office["township"])
    assert home.status == "veto"  # the township's newest own item is 20 days old


def test_a_column_showing_only_aliases_is_not_blank_but_not_updated(office):
    news = column(office["root"], "工作动态")
    county_news = column(office["county_root"], "县政府办动态")
    fresh = item(county_news, title="县政府办昨天的动态", days=1)
    fresh.create_alias(parent=news, update_slug="county-news-alias")
    assert news.pk not in {f.page_id for f in result("blank_columns", office["township"]).findings}
    stale = result("stale_columns", office["township"])
    (finding,) = [f for f in stale.failures if f.page_id == news.pk]
    assert "本单位" in finding.detail

import pytest
from django.core.checks import run_checks
from wagtail.models import Page, Site

from gongkai.page_cache import page_cache
from home.models import SiteFooterSettings


@pytest.fixture
def home(db):
    page_cache().clear()
    site = Site.objects.get(is_default_site=True)
    yield site.root_page.specific
    page_cache().clear()


def retitle(page, title):
    page.title = title
    page.save_revision().publish()


def test_anonymous_visitors_share_one_rendering(client, home):
    first = client.get(home.url)
    assert first.status_code == 200
    assert "X-Page-Cache" not in first
    assert client.get(home.url)["X-Page-Cache"] == "hit"


def test_a_page_from_the_cache_carries_the_security_policy_it_was_rendered_with(client, home):
    rendered = client.get(home.url)
    hit = client.get(home.url)
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Security-Policy"] == rendered["Content-Security-Policy"]
    assert "script-src 'self'" in hit["Content-Security-Policy"]


def test_a_hit_answers_what_the_rendering_answered(client, home):
    # Kept as plain values (status, headers, body), which load faster than a pickled response.
    rendered = client.get(home.url)
    hit = client.get(home.url)
    assert hit["X-Page-Cache"] == "hit"
    assert hit.status_code == rendered.status_code
    assert hit.content == rendered.content
    assert {**hit.headers, "X-Page-Cache": None} == {**rendered.headers, "X-Page-Cache": None}
    assert not hit.cookies


def test_a_hit_carries_the_security_headers_and_plain_http_is_still_redirected(
    client, home, settings
):
    # The page cache stands before the security middleware: its headers are stored with the
    # page, and a request over plain HTTP, an address of its own, is never answered from it.
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    https = {"X-Forwarded-Proto": "https"}
    rendered = client.get(home.url, headers=https)
    hit = client.get(home.url, headers=https)
    assert hit["X-Page-Cache"] == "hit"
    for header in ("Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy"):
        assert hit[header] == rendered[header], header
    plain = client.get(home.url)
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    assert "X-Page-Cache" not in plain


def test_publishing_any_page_shows_at_once(client, home):
    client.get(home.url)
    retitle(home, "友谊镇政府信息公开新版")
    response = client.get(home.url)
    assert "X-Page-Cache" not in response
    assert "友谊镇政府信息公开新版" in response.text


def test_unpublishing_and_moving_clear_the_cache(client, home):
    child = home.add_child(instance=Page(title="临时栏目", slug="temporary"))
    child.save_revision().publish()
    client.get(home.url)
    child.unpublish()
    assert "X-Page-Cache" not in client.get(home.url)

    client.get(home.url)
    other = home.add_child(instance=Page(title="另一栏目", slug="other", live=False))
    child.move(other, pos="last-child")
    assert "X-Page-Cache" not in client.get(home.url)


def test_site_settings_appear_at_once(client, home):
    client.get(home.url)
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.save()
    assert "X-Page-Cache" not in client.get(home.url)


def test_a_changed_site_is_not_answered_from_the_cache(client, home):
    # Its root page decides what every address of the site serves; the port and the name go
    # into every page's links and title.
    site = Site.objects.get(is_default_site=True)
    client.get(home.url)
    site.site_name = "友谊镇人民政府"
    site.save()
    assert "X-Page-Cache" not in client.get(home.url)

    other_root = Page.get_first_root_node().add_child(
        instance=Page(title="新版门户", slug="new-portal")
    )
    client.get(home.url)
    site.root_page = other_root
    site.save()
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "新版门户" in response.text


def test_signed_in_editors_never_get_or_fill_the_shared_copy(client, home, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x", is_superuser=True)
    client.force_login(editor)
    client.get(home.url)
    assert "X-Page-Cache" not in client.get(home.url)
    client.logout()
    assert "X-Page-Cache" not in client.get(home.url)


def test_only_page_views_are_cached(client, home):
    client.get("/healthz/")
    assert "X-Page-Cache" not in client.get("/healthz/")


def test_a_page_cache_sharing_the_brokers_redis_database_is_refused(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        },
    }
    assert [m.id for m in run_checks()].count("gongkai.E001") == 1
    settings.CACHES["pages"]["LOCATION"] = "redis://127.0.0.1:6379/2"
    assert "gongkai.E001" not in [m.id for m in run_checks()]


def footer_of(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def rendered(response):
    return [template.name for template in response.templates]


def test_the_footer_is_rendered_once_while_the_site_is_unchanged(client, home):
    # Every address of every page carries it: rendered again at an address the page cache
    # does not hold, a page takes it from memory.
    first = client.get(home.url, {"first": 1})
    second = client.get(home.url, {"second": 1})
    assert "includes/footer.html" in rendered(first)
    assert "includes/footer.html" not in rendered(second)
    assert footer_of(second) == footer_of(first)


def test_a_footer_setting_changed_shows_in_the_next_rendering(client, home):
    client.get(home.url, {"before": 1})
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.phone = "0451-87654321"
    footer.save()
    after = client.get(home.url, {"after": 1})
    assert "0451-87654321" in footer_of(after)

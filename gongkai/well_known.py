"""Files crawlers and browsers ask for at the root of any site, whatever its pages link."""

from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from gongkai.site_url import absolute

# The admin and the applicants' status pages are no content for a search engine; search result
# pages are an endless space of URLs (each also says noindex).
DISALLOWED = ("/admin/", "/apply/status/", "/search/", "/en/search/")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {absolute('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon_ico(request):
    """Browsers ask for /favicon.ico whatever the page's <link rel="icon">: a 404 there is
    logged in the console (a Lighthouse best-practice). The icon itself is a static file (served
    by nginx or whitenoise under its hashed name), so this only points at it."""
    return HttpResponseRedirect(static("img/favicon.ico"))

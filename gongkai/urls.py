from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.urls import display_custom_404
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from disclosure.applications import views as application_views
from disclosure.moderation.files.renditions import serve_rendition
from disclosure.moderation.organisations import admin_page_walls, kept_site_wide_objects
from disclosure.moderation.publishing.public_api import api_router
from gongkai import healthz, well_known
from gongkai.document_names import serve_under_title
from gongkai.languages.admin_language import in_the_users_language
from gongkai.media import serve_media
from gongkai.sitemap import sitemap_xml
from home.site_map import site_map


def admin_views(patterns):
    """Admin views in the user's admin language to the end, a 404 among them (a wall's too,
    raised around Wagtail's own views) answered with Wagtail's admin 404 page, not the public
    site's."""
    return include(in_the_users_language(decorate_urlpatterns(list(patterns), display_custom_404)))


# The public "page not found" speaks for the section the address was in (home/not_found.py).
handler404 = "home.not_found.page_not_found"

urlpatterns = [
    # Wagtail admin views walled between organisations, at Wagtail's own addresses.
    path("admin/", admin_views(admin_page_walls.urlpatterns)),
    # Wagtail's disabling of a workflow, refused for the default one.
    path("admin/", admin_views(kept_site_wide_objects.urlpatterns)),
    # Every other admin view: none names another organisation's page by id.
    path("admin/", admin_views(admin_page_walls.walled_admin_urls(wagtailadmin_urls.urlpatterns))),
    # Wagtail's document view at its own address, naming the download after the title.
    re_path(r"^documents/(\d+)/(.*)$", serve_under_title, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", healthz.healthz, name="healthz"),
    path("healthz/live/", healthz.live, name="healthz_live"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_xml),
    path("robots.txt", well_known.robots_txt, name="robots_txt"),
    path("favicon.ico", well_known.favicon_ico, name="favicon_ico"),
    # Ahead of django-simple-captcha's own patterns, same addresses: an expired picture is
    # gone (410) and a refresh is counted against the address (applications/challenge.py).
    re_path(r"^captcha/image/(?P<key>\w+)/$", application_views.captcha_image),
    re_path(r"^captcha/image/(?P<key>\w+)@2/$", application_views.captcha_image, {"scale": 2}),
    re_path(r"^captcha/refresh/$", application_views.captcha_refresh),
    path("captcha/", include("captcha.urls")),
    # Image renditions, to whom a page showing the image may be shown (nginx sends the file).
    path("media/images/<path:path>", serve_rendition),
    # Answers only where settings.GONGKAI_SERVE_MEDIA is on; in production nginx serves /media/.
    path("media/<path:path>", serve_media),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Chinese lives at the root, other content locales under their prefix (/en/…).
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("apply/", include("disclosure.applications.urls")),
    # The HTML 网站地图 every footer links (sitemap.xml above is the crawlers').
    path("sitemap/", site_map, name="site_map"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

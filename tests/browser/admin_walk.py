"""Walking the admin as a signed-in person: the links they can follow and the text they see.

Used by test_chinese_admin.py (issue 17: no English on any admin screen in zh-hans)."""

import re
from collections import deque
from urllib.parse import urljoin, urlparse

from django.contrib.auth import get_user_model
from playwright.sync_api import Error as PlaywrightError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from disclosure.applications.models import Application, ReviewCase
from disclosure.catalogue.models import Domain, Organisation
from gongkai.languages.admin_words import WORD

# What a walk must not open: signing out, downloads (they have no screen), previews of the
# public site, and the per-object JSON of the admin API.
NOT_SCREENS = re.compile(
    r"/logout/|/export|export=|\.(xlsx|csv|pdf|docx)\b|/pdf/|/letter/\d+/$|/download|"
    r"/preview|/view_draft/|/api/|/jsi18n/|/sprite"
)

# Text an admin screen shows that is not interface: what people typed (form fields and the rich
# text editor), keys printed on the keyboard (<kbd>), literals to copy (<code>), and markup the
# browser never shows (a number badge Wagtail renders hidden while empty, the date picker's apply
# button Wagtail never enables).
INTERFACE_TEXT = """() => {
  const skip = [
    'script', 'style', 'noscript', 'template', 'textarea', 'kbd', 'code',
    '[contenteditable]', '.Draftail-Editor', '[data-side-panel-toggle-counter][hidden]',
    '.xdsoft_save_selected',
  ].join(',');
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent.trim();
    if (text && element && !element.closest(skip)) texts.push(text);
  }
  for (const element of document.querySelectorAll(
    '[placeholder], [title], [aria-label], [alt], input[type=submit], input[type=button]'
  )) {
    if (element.closest(skip)) continue;
    for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
      const value = element.getAttribute(name);
      if (value && value.trim()) texts.push(value.trim());
    }
    if (['submit', 'button'].includes(element.type) && element.value) texts.push(element.value);
  }
  texts.push(document.title);
  return texts;
}"""


def shape(path):
    """/admin/pages/12/edit/ and /admin/pages/40/edit/ are the same screen."""
    return re.sub(r"\d+", "N", path)


def admin_links(page, server_url, here):
    links = []
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
        url = urlparse(urljoin(here, href))
        if url.netloc != urlparse(server_url).netloc or not url.path.startswith("/admin/"):
            continue
        full = url.path + (f"?{url.query}" if url.query else "")
        if not NOT_SCREENS.search(full):
            links.append(full)
    return links


def walk(page, server_url, start, max_screens, per_shape=2):
    """Open admin screens breadth-first from `start`, each kind (shape) at most `per_shape`
    times; yield (path, interface texts) for each screen opened."""
    queue, seen, shapes, opened = deque(start), set(), {}, 0
    while queue and opened < max_screens:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        kind = shape(urlparse(path).path)
        if shapes.get(kind, 0) >= per_shape:
            continue
        shapes[kind] = shapes.get(kind, 0) + 1
        try:
            response = page.goto(server_url + path, wait_until="load")
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # a download link NOT_SCREENS does not name: it has no screen
            raise
        if response is None or response.status >= 400 or "/admin/" not in page.url:
            continue  # a 403/404 for a link shown by mistake is another test's business
        opened += 1
        yield path, page.evaluate(INTERFACE_TEXT)
        queue.extend(link for link in admin_links(page, server_url, page.url) if link not in seen)


def content_words(*texts):
    """The Latin-letter words of content (usernames, slugs, tracking numbers…)."""
    words = set()
    for text in texts:
        words.update(WORD.findall(str(text or "")))
    return words


def demo_content_words():
    """Every word of the demo's content (titles, names, addresses): not interface text."""
    Document, Image = get_document_model(), get_image_model()
    texts = []
    for page in Page.objects.filter(depth__gt=1):
        texts += [page.title, page.draft_title, page.slug, page.seo_title]
    for user in get_user_model().objects.all():
        texts += [user.username, user.first_name, user.last_name, user.email]
    for document in Document.objects.all():
        texts += [document.title, document.file.name]
    for image in Image.objects.all():
        texts += [image.title, image.file.name]
    for organisation in Organisation.objects.all():
        texts += [organisation.name, organisation.short_name, organisation.code]
        texts += [organisation.index_pattern, organisation.email, organisation.office_hours]
    for application in Application.objects.all():
        texts += [application.tracking_number, application.name, application.email]
        texts += [application.address, application.description, application.purpose]
    texts += [case.note for case in ReviewCase.objects.all()]
    for site in Site.objects.all():
        texts += [site.hostname, site.site_name]
    texts += [collection.name for collection in Collection.objects.filter(depth__gt=1)]
    texts += [domain.name for domain in Domain.objects.all()]
    return content_words(*texts)

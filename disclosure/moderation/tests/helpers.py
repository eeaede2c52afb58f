from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from disclosure.catalogue.models import DisclosureDocumentPage, ServiceGuidePage
from disclosure.catalogue.tests.factories import (
    GUIDE_ELEMENTS,
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
)
from disclosure.catalogue.title_slugs import pinyin_slug
from disclosure.moderation.files.attachment_lock import ActingUserMiddleware
from disclosure.moderation.forms import SECRECY_CHECKLIST
from disclosure.moderation.publishing.view_restrictions import lifting_with_reason

FULL_CHECKLIST = {name: True for name, _statement in SECRECY_CHECKLIST}


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def submit(page, user):
    return page.get_workflow().start(page, user)


def act(page, user, action, **data):
    page = fresh(page)
    task = page.current_workflow_task
    return task.on_action(page.current_workflow_task_state, user, action, **data)


def approve_all(page, users):
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")
    return fresh(page)


def published_item(office, column):
    """An item of `column` drafted by the office's editor and approved by every step."""
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    return approve_all(page, users)


def draft_item(parent, author, title="办事指南：老年人优待证办理"):
    """A column page drafted by `author` under `parent`: not live, one revision, its slug made
    from the title as the editor's form makes it (so a reviewer's save changes nothing)."""
    return CategoryPageFactory(
        parent=parent, title=title, slug=pinyin_slug(title), live=False, owner=author
    )


def body_with(*documents):
    """A DisclosureDocumentPage body: a paragraph, then an attachment block per document."""
    return [
        ("paragraph", RichText("<p>见附件。</p>")),
        *(("attachment", {"document": document, "title": ""}) for document in documents),
    ]


def new_service_guide(author):
    """A disclosure item (办事指南), the kind of page editors publish every day (not saved),
    with every key element a guide needs to go to review (catalogue/models/guide_elements.py)."""
    return ServiceGuidePage(
        title="办事指南：老年人优待证办理",
        item_name="老年人优待证办理",
        live=False,
        owner=author,
        **GUIDE_ELEMENTS,
    )


def _item_metadata(page):
    """The metadata fields every disclosure item's editor posts (DisclosureItemPage)."""
    return {
        "domain": "",
        "written_on": "",
        "published_on": "",
        "doc_number": page.doc_number,
        "validity": page.validity,
        "effective_on": "",
        "abolished_on": "",
        "keywords": page.keywords,
        "summary": page.summary,
    }


def _type_fields(page):
    if isinstance(page, ServiceGuidePage):
        return {
            "item_name": page.item_name,
            "item_type": page.item_type,
            "legal_basis": page.legal_basis,
            "conditions": page.conditions,
            "materials": streamfield([(b.block_type, dict(b.value)) for b in page.materials]),
            "steps": streamfield([(b.block_type, dict(b.value)) for b in page.steps]),
            "statutory_time_limit": "",
            "promised_time_limit": "",
            "fees": page.fees,
            "location": page.location,
            "service_hours": page.service_hours,
            "consultation_phone": page.consultation_phone,
            "supervision_phone": "",
            "online_url": "",
            "attachments": streamfield(_body_blocks(page.attachments)),
            **_item_metadata(page),
        }
    if isinstance(page, DisclosureDocumentPage):
        return {"body": streamfield(_body_blocks(page.body)), **_item_metadata(page)}
    return {"intro": rich_text("")}


def _body_blocks(body):
    """A DocumentBodyBlock's paragraphs and attachments as the editor posts them."""
    posted = []
    for block in body:
        if block.block_type == "attachment":
            document = block.value["document"]
            posted.append(("attachment", {"document": document.pk, "title": block.value["title"]}))
        elif block.block_type == "paragraph":
            posted.append(("paragraph", rich_text(block.value.source)))
    return posted


def edit_form_data(page, **extra):
    """What the page editor posts for a CategoryPage, a ServiceGuidePage or a
    DisclosureDocumentPage (paragraphs and attachments), plus the action button pressed."""
    return {
        **nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                **_type_fields(page),
                "comments": inline_formset([]),
            }
        ),
        **extra,
    }


def draft_with(office, slug, *documents):
    editor = office["users"]["editor"]
    return DisclosureDocumentPageFactory(
        parent=office["columns"][0],
        title=f"附件测试 {slug}",
        slug=slug,
        live=False,
        owner=editor,
        body=body_with(*documents),
    )


def published_with(office, slug, *documents):
    page = draft_with(office, slug, *documents)
    submit(page, office["users"]["editor"])
    assert approve_all(page, office["users"]).live
    return fresh(page)


def home_of(client, user):
    """The HTML of `user`'s dashboard."""
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def panel(html, panel_id):
    """The HTML of one dashboard panel (Wagtail's {% panel %} wraps it in a section)."""
    start = html.index(f'id="{panel_id}')
    return html[start : html.index("</section>", start)]


def as_user(user, change, reason=""):
    """Run `change` inside a request of `user` through ActingUserMiddleware, with `reason` for
    lifting a view restriction (the model guards of view_restrictions.py and attachment_lock.py
    read the acting user)."""

    def view(request):
        # As in a view: a refused change rolls back its own savepoint only.
        with transaction.atomic(), lifting_with_reason(reason):
            change()
        return HttpResponse()

    request = RequestFactory().post("/")
    request.user = user
    return ActingUserMiddleware(view)(request)

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from disclosure.catalogue.models import ServiceGuidePage
from disclosure.moderation.forms import SECRECY_CHECKLIST

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


def new_service_guide(author):
    """A disclosure item (办事指南), the kind of page editors publish every day (not saved)."""
    return ServiceGuidePage(
        title="办事指南：老年人优待证办理", item_name="老年人优待证办理", live=False, owner=author
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
            "materials": streamfield([]),
            "steps": streamfield([]),
            "statutory_time_limit": "",
            "promised_time_limit": "",
            "fees": page.fees,
            "location": "",
            "service_hours": "",
            "consultation_phone": "",
            "supervision_phone": "",
            "online_url": "",
            **_item_metadata(page),
        }
    return {"intro": rich_text("")}


def edit_form_data(page, **extra):
    """What the page editor posts for a CategoryPage or a ServiceGuidePage, plus the action
    button pressed."""
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

from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

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


def edit_form_data(page, **extra):
    """What the page editor posts for a CategoryPage, plus the action button pressed."""
    return {
        "title": page.title,
        "slug": page.slug,
        "intro": rich_text(""),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **extra,
    }

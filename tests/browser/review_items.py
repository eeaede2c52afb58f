"""An item waiting for review, as the browser walks of the editor's and the reviewers' screens
find it."""

from django.contrib.auth import get_user_model

from disclosure.catalogue.models import DisclosureIndexPage, ServiceGuidePage
from disclosure.moderation.tests.helpers import fresh

TITLE = "老年人优待证办理指南"


def guides_column():
    return DisclosureIndexPage.objects.get(slug="xxgk").get_children().get(slug="service-guides")


def submitted_guide():
    """What the editor submitted yesterday, waiting at 初审."""
    editor = get_user_model().objects.get(username="editor")
    guide = ServiceGuidePage(title=TITLE, item_name="老年人优待证办理", owner=editor, live=False)
    guides_column().add_child(instance=guide)
    guide.save_revision(user=editor)
    guide.get_workflow().start(guide, editor)
    return fresh(guide)

"""An item waiting for review, as the browser walks of the editor's and the reviewers' screens
find it."""

from django.contrib.auth import get_user_model

from disclosure.catalogue.models import DisclosureIndexPage, ServiceGuidePage
from disclosure.moderation.tests.helpers import GUIDE_ELEMENTS, fresh

TITLE = "老年人优待证办理指南"


def guides_column():
    return DisclosureIndexPage.objects.get(slug="xxgk").get_children().get(slug="service-guides")


def submitted_guide():
    """What the editor submitted yesterday, waiting at 初审."""
    editor = get_user_model().objects.get(username="editor")
    # The slug the editor's form gives a new item (title_slugs.py): a leader approving from the
    # editor saves the form, and would otherwise correct the slug along with the approval.
    guide = ServiceGuidePage(
        title=TITLE,
        slug="lao-nian-ren-you-dai-zheng-ban-li-zhi-nan",
        item_name="老年人优待证办理",
        owner=editor,
        live=False,
        **GUIDE_ELEMENTS,
    )
    guides_column().add_child(instance=guide)
    guide.save_revision(user=editor)
    guide.get_workflow().start(guide, editor)
    return fresh(guide)

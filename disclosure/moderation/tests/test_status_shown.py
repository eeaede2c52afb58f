"""The review state appears in the admin's page listing, the editor's header and the history."""

from django.urls import reverse

from .helpers import draft_item, submit


def test_listing_editor_and_history_show_the_review_state(client, office, column):
    users = office["users"]
    draft_item(column, users["editor"], title="仍是草稿的稿件")
    pending = draft_item(column, users["editor"], title="已提交的稿件")
    submit(pending, users["editor"])
    client.force_login(users["reviewer"])

    listing = client.get(reverse("wagtailadmin_explore", args=[column.pk])).content.decode()
    # Wagtail's own tag also says 草稿 in Chinese: count the review-state badges instead.
    assert listing.count("审核状态：") == 2 and "待初审" in listing
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[pending.pk])).content.decode()
    assert "待初审" in editor
    history = client.get(reverse("wagtailadmin_pages:history", args=[pending.pk]))
    assert "待初审" in history.content.decode()

"""取消发布 is offered only where it would go ahead: a published disclosure page is taken down
through a 撤稿申请, so the listing's and the header's menus leave the link out there."""

from django.urls import reverse

from disclosure.moderation.publishing.guards import WITHDRAW_THROUGH_REVIEW

from .helpers import fresh, published_item


def test_no_unpublish_link_where_the_unpublish_would_be_refused(client, small_office):
    admin = small_office["users"]["admin"]  # may publish and unpublish anywhere
    column = small_office["columns"][0]
    item = published_item(small_office, column)
    unpublish_item = reverse("wagtailadmin_pages:unpublish", args=[item.pk])
    client.force_login(admin)

    listing = client.get(reverse("wagtailadmin_explore", args=[column.pk])).content.decode()
    assert item.title in listing and unpublish_item not in listing
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[item.pk])).content.decode()
    assert unpublish_item not in edit
    # Sending the form anyway still meets the refusal, with its reason.
    response = client.post(unpublish_item, follow=True)
    assert str(WITHDRAW_THROUGH_REVIEW) in response.content.decode() and fresh(item).live

    # Outside the disclosure trees the site's own pages keep Wagtail's link.
    home = small_office["root"].get_parent()
    assert home.live
    listing = client.get(reverse("wagtailadmin_explore", args=[home.get_parent().pk]))
    assert reverse("wagtailadmin_pages:unpublish", args=[home.pk]) in listing.content.decode()

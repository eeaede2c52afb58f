"""An item started and abandoned stays as a draft (Wagtail's autosave created it): in the page
listing it says that it was never submitted, and when and by whom it was last saved, so that
two abandoned attempts with one title read apart and an editor knows which to clean up."""

from django.urls import reverse

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory

from .helpers import fresh, submit


def draft(office, title, by):
    page = DisclosureDocumentPageFactory(
        parent=office["columns"][0], title=title, live=False, owner=by
    )
    fresh(page).save_revision(user=by)
    return fresh(page)


def test_never_submitted_drafts_say_so_with_their_last_save(client, small_office):
    users = small_office["users"]
    users["editor"].last_name, users["editor"].first_name = "陈", "晓燕"
    users["editor"].save()
    users["reviewer"].last_name, users["reviewer"].first_name = "刘", "志强"
    users["reviewer"].save()
    draft(small_office, "同名的通知", users["editor"])
    draft(small_office, "同名的通知", users["reviewer"])
    submitted = draft(small_office, "已送审的通知", users["editor"])
    submit(submitted, users["editor"])

    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_explore", args=(small_office["columns"][0].pk,)))
    html = html.content.decode()
    assert html.count("从未送审") == 2
    assert "最后保存" in html and "陈晓燕" in html and "刘志强" in html
    row = html[html.index("已送审的通知") :]
    assert "从未送审" not in row[: row.index("</tr>")]

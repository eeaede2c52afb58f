import datetime
import io

import pytest
from django.contrib.auth.models import Group
from docx import Document

from disclosure.applications.letters import reply_letter, wording
from disclosure.applications.roles import APPLICATION_HANDLERS
from disclosure.reports.tables import OUTCOME_ROWS_2021

D = datetime.date
pytestmark = pytest.mark.django_db


def text_of(docx_bytes):
    return "\n".join(p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs)


def test_every_outcome_has_a_wording():
    assert all(wording(key) for key in OUTCOME_ROWS_2021)


def test_a_refusal_letter_names_ground_reason_and_remedy(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.reply(clerk, D(2025, 3, 10), "refused_process", "属于讨论记录，依据第十六条不予公开。")
    text = text_of(reply_letter(app))
    assert app.tracking_number in text and "张三" in text
    assert "属于四类过程性信息" in text and "依据第十六条" in text
    assert "行政复议" in text and "2025年03月10日" in text


def test_no_letter_before_the_reply(make_application):
    with pytest.raises(ValueError):
        reply_letter(make_application())


def test_staff_download_the_letter_and_the_look_is_logged(client, clerk, make_application):
    clerk.groups.add(Group.objects.get(name=APPLICATION_HANDLERS))
    client.force_login(clerk)
    app = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/letter/{app.pk}/"
    assert client.get(url).status_code == 404
    app.reply(clerk, D(2025, 3, 4), "granted")
    response = client.get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "予以公开" in text_of(response.content)
    assert app.events.filter(action="view").count() == 1

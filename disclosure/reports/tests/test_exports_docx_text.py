"""The Word download read back as text: what a reader sees, not the HTML it came from."""

import pytest

from disclosure.reports.files.report_text import docx_text
from disclosure.reports.filling.page_body import report_body
from disclosure.reports.tests.factories import (
    SECTION_TEXT,
    AnnualReportPageFactory,
    consistent_report,
    make_index,
)
from disclosure.statutory.tables import FORMAT_2021

pytestmark = pytest.mark.django_db

QUOTED = (
    "<p>依据《条例》规定，&quot;应公开尽公开&quot;，全年受理 3 件 &amp; 办结 3 件；"
    "&lt;附表&gt;&nbsp;见下。</p>"
)


def test_the_word_file_shows_quotes_and_ampersands_not_html_entities(client, tmp_path):
    tables = {key: (FORMAT_2021, values) for key, values in consistent_report().items()}
    report = AnnualReportPageFactory(
        parent=make_index(), body=report_body({**SECTION_TEXT, "1": QUOTED}, tables)
    )

    response = client.get(report.url + "docx/")
    assert response.status_code == 200
    path = tmp_path / "report.docx"
    path.write_bytes(response.content)
    text = docx_text(path)

    assert '"应公开尽公开"' in text
    assert "受理 3 件 & 办结 3 件" in text
    assert "<附表>\xa0见下" in text
    assert "&quot;" not in text and "&amp;" not in text and "&lt;" not in text
    assert "&nbsp;" not in text

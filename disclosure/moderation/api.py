"""The public API lists only the documents the public may download (attachments.py)."""

from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from .attachments import public_documents


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return public_documents().order_by("id")

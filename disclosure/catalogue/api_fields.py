"""API fields that name another page only while everyone may read it."""

from rest_framework.fields import Field


class PublicPageField(Field):
    """A link to another page, read from a method of the page (`source`, which DRF calls) that
    returns it only while it is live and unrestricted (None otherwise), in the shape Wagtail
    gives the parent page. Wagtail's serializers load models, so they are read when the field
    is used, not when the model module is."""

    def __init__(self, source, **kwargs):
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, value):
        from wagtail.api.v2.serializers import PageSerializer, get_serializer_class

        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """Site migration: an office's old catalogue brought over (import_documents, import_html).

    Above moderation because it publishes the old site's live records outside review, under
    `sanctioned_publication`, like the records they were on the old site.
    """

    name = "disclosure.imports"
    label = "imports"
    verbose_name = "旧站迁移"

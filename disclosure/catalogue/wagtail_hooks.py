from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .domain_chooser import DomainViewSet
from .models import Organisation

register_snippet(Organisation)
register_snippet(DomainViewSet)


@hooks.register("register_log_actions")
def register_catalogue_log_actions(actions):
    actions.register_action("catalogue.import", _("导入发布"), _("从原网站导入并发布"))

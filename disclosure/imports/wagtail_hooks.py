"""The site migration's log action: the records it publishes are logged under IMPORT_ACTION."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .publishing import IMPORT_ACTION


@hooks.register("register_log_actions")
def register_import_log_actions(actions):
    actions.register_action(IMPORT_ACTION, _("导入发布"), _("从原网站导入并发布"))

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action(
        "moderation.publish_approved", _("审核通过后由系统发布"), _("审核通过，系统发布")
    )

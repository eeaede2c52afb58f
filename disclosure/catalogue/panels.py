"""Editor panels of catalogue items."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .visibility import public


def _why_not_public(policy):
    if not policy.live:
        return _("已撤下") if policy.first_published_at else _("尚未发布")
    return _("所在栏目未公开或设有访问限制")


class InterpretedPolicyStatusPanel(Panel):
    """Beside a 政策解读's document: whether that document is public. A 解读 is published with
    its document; one published alone shows no link to it, and the inspection counts it
    against the office, so the editor and the reviewer are told before they send or approve."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/panels/interpreted_policy_status.html"

        def _policy(self):
            policy_id = getattr(self.instance, "interpreted_policy_id", None)
            if not policy_id:
                return None
            model = type(self.instance)
            if public(model.objects.filter(pk=policy_id)).exists():
                return None
            return model.objects.filter(pk=policy_id).first()

        def is_shown(self):
            self.policy = self._policy()
            return self.policy is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["policy"] = self.policy
            context["why"] = _why_not_public(self.policy)
            return context

"""Editor panels of catalogue items."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .publication_state import NEVER_PUBLISHED, WITHDRAWN, was_withdrawn


def _why_not_public(policy):
    if not policy.live:
        return WITHDRAWN if was_withdrawn(policy) else NEVER_PUBLISHED
    # Live, yet not public: a column above it is not live, or a view restriction (on it, on
    # a page above it, or on its alias source) hides it.
    return _("本页或所在栏目未公开或设有访问限制")


class InterpretedPolicyStatusPanel(Panel):
    """Beside a 政策解读's document: whether that document is public. A 解读 is published with
    its document; one published alone shows no link to it, and the inspection counts it
    against the office, so the editor and the reviewer are told before they send or approve."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/panels/interpreted_policy_status.html"

        def _policy(self):
            page = self.instance
            if not getattr(page, "interpreted_policy_id", None):
                return None
            if page.public_interpreted_policy() is not None:
                return None
            return page.interpreted_policy

        def is_shown(self):
            self.policy = self._policy()
            return self.policy is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["policy"] = self.policy
            context["why"] = _why_not_public(self.policy)
            return context

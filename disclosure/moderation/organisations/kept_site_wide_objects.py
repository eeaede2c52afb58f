"""The admin refuses to delete a site-wide group or to disable the default review workflow:
code finds them by key (accounts.SiteWideGroup, DefaultWorkflow), so renaming them is harmless,
but without them new organisations' role groups get no permissions and new disclosure roots no
review. The refusal is said in the admin, before Wagtail's confirmation page."""

from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.workflows import Disable

from gongkai.accounts.site_wide_groups import is_site_wide

from .placement import default_workflow


class RefusedWhileKept:
    """A Wagtail DeleteView (a workflow's Disable view is one) that answers with `refusal` and
    goes back to the listing instead, for an object `is_kept` says must stay."""

    refusal = ""

    def is_kept(self):
        raise NotImplementedError

    def run_before_hook(self):
        if self.is_kept():
            messages.error(self.request, self.refusal % {"name": self.object})
            return redirect(self.get_success_url())
        return super().run_before_hook()


class SiteWideGroupKept(RefusedWhileKept):
    refusal = _("“%(name)s”是站点级用户组，不能删除：新机构的同名角色组按它复制权限。可以改名。")

    def is_kept(self):
        return is_site_wide(self.object)


class DefaultWorkflowDisable(RefusedWhileKept, Disable):
    refusal = _(
        "“%(name)s”是默认审核工作流，不能停用：每个新的信息公开目录都使用它。可以改名或修改步骤。"
    )

    def is_kept(self):
        workflow = default_workflow()
        return workflow is not None and workflow.pk == self.object.pk


# Placed before Wagtail's admin URLs (gongkai/urls.py): Wagtail's own address and name.
urlpatterns = [
    path(
        "workflows/disable/<int:pk>/",
        require_admin_access(DefaultWorkflowDisable.as_view()),
    ),
]

"""The default review workflow, checked at startup (`manage.py check`, and `migrate`)."""

from django.core.checks import Error, Tags, register
from django.db import DEFAULT_DB_ALIAS

from gongkai.migrated import fully_migrated

from .organisations.placement import NO_DEFAULT_WORKFLOW, default_workflow


@register(Tags.database)
def default_workflow_exists(app_configs, databases=None, **kwargs):
    """A new disclosure root gets the workflow the DefaultWorkflow row names (placement): a
    missing or disabled one would leave it without review, so creating a root is refused."""
    # A check that reads rows runs where Django runs database checks (`migrate`, `check
    # --database default`), not in every run_checks() (the server's start, a test's).
    if not databases or not fully_migrated(DEFAULT_DB_ALIAS):
        return []
    workflow = default_workflow()
    if workflow is not None and workflow.active:
        return []
    return [
        Error(
            NO_DEFAULT_WORKFLOW,
            hint="默认工作流由数据迁移 moderation 0012 登记在 moderation.DefaultWorkflow 中；"
            "请启用它，或在该表中登记一个启用的工作流。",
            id="moderation.E001",
        )
    ]

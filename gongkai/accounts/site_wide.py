"""What exists once for the whole platform, registered once: the models only site
administrators change (gongkai.accounts.administrators says who they are).

Their model permissions are held by the site-wide 管理员 group only, never by an organisation's
copy of a role: disclosure.moderation's placement leaves them out when it copies the site-wide
role's permissions, and its organisations/role_permissions.py grants the site-wide 管理员 the
actions written here. Models are named by app label and model name, so this module imports no app.

The data migrations that granted and withdrew these permissions carry the lists as they were
then (migrations are history); disclosure.moderation's tests/test_roles.py checks that a
migrated database holds what this registry says, so a change here comes with a data migration.
"""

from django.db.models import Q

EDITING = ("add", "change", "delete")

# (app_label, model) → the actions the site-wide 管理员 group holds on it; none: superusers only.
SITE_WIDE_MODELS = {
    ("wagtailcore", "workflow"): EDITING,
    ("wagtailcore", "task"): EDITING,
    ("moderation", "roleapprovaltask"): (),
    ("moderation", "secrecyreviewtask"): (),
    ("moderation", "sensitiveword"): EDITING,
    ("home", "sitefootersettings"): ("change",),
    # Organisations are created and renamed, never deleted from the admin (their pages, staff
    # and registers hang on them).
    ("catalogue", "organisation"): ("add", "change"),
    ("catalogue", "domain"): EDITING,
    ("search", "synonym"): EDITING,
    # The working-day calendar counts every organisation's statutory clocks.
    ("workdays", "calendarday"): (*EDITING, "view"),
    ("wagtailsearchpromotions", "query"): (),
    ("wagtailsearchpromotions", "searchpromotion"): EDITING,
    ("wagtailcore", "site"): (),
    ("wagtailcore", "locale"): (),
    ("auth", "group"): EDITING,
    # The inspection's thresholds, column types and names, and misstatements: an office that
    # edited them could raise its own veto thresholds or delete a misstatement to pass.
    ("inspection", "indicator"): (*EDITING, "view"),
    ("inspection", "columntype"): (*EDITING, "view"),
    ("inspection", "columnsetting"): (*EDITING, "view"),
    ("inspection", "misstatement"): (*EDITING, "view"),
}


def site_administration_permissions():
    """[(app_label, model, codename)]: what the site-wide 管理员 group holds on site-wide
    models."""
    return [
        (app_label, model, f"{action}_{model}")
        for (app_label, model), actions in SITE_WIDE_MODELS.items()
        for action in actions
    ]


def site_wide_permissions_q(prefix=""):
    """A Q over Permission (or over `<prefix>permission`) matching every permission on a
    SITE_WIDE_MODELS model, whichever action."""
    q = Q(pk__in=[])
    for app_label, model in SITE_WIDE_MODELS:
        q |= Q(
            **{
                f"{prefix}content_type__app_label": app_label,
                f"{prefix}content_type__model": model,
            }
        )
    return q

"""Who manages accounts site-wide: one function, so the rule changes in one place."""


def is_site_administrator(user):
    # Superusers for now; organisation administrators manage their own users elsewhere and
    # never unlock or reset accounts of other organisations.
    return bool(user.is_authenticated and user.is_active and user.is_superuser)

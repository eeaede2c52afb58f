"""Every lock, unlock and two-factor reset leaves a log line and, for a known account, a Wagtail
log entry (the audit log administrators export)."""

import logging

from django.contrib.auth import get_user_model
from wagtail.log_actions import log

logger = logging.getLogger("gongkai.accounts")

LOCKED = "accounts.login_locked"
UNLOCKED = "accounts.login_unlocked"
TWO_FACTOR_ENROLLED = "accounts.two_factor_enrolled"
TWO_FACTOR_RESET = "accounts.two_factor_reset"
BACKUP_CODES_ISSUED = "accounts.backup_codes_issued"


def record(action, username, by=None, **data):
    logger.warning(
        "%s username=%s by=%s %s",
        action,
        username,
        by.get_username() if by is not None else "-",
        " ".join(f"{key}={value}" for key, value in sorted(data.items())),
    )
    account = get_user_model().objects.filter(username=username).first()
    if account is not None:
        log(instance=account, action=action, user=by, data=data)

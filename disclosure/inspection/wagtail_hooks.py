from wagtail import hooks

from disclosure.moderation.sensitive import SENSITIVE_WORD_LISTS

from .models import Misstatement


@hooks.register(SENSITIVE_WORD_LISTS)
def serious_misstatements():
    """Submission refuses a serious misstatement as it refuses an error-level sensitive word."""
    return list(Misstatement.objects.all())

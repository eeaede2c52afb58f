"""Why a file could not be opened, in Chinese: the system's own words (``[Errno 2] No such
file or directory``) are English, and every message the checker shows is Chinese."""

from django.utils.translation import gettext as _


def os_error_reason(error):
    if isinstance(error, FileNotFoundError):
        return _("文件不存在")
    if isinstance(error, PermissionError):
        return _("没有读取该文件的权限")
    if isinstance(error, IsADirectoryError):
        return _("这是一个目录，不是文件")
    return _("系统无法读取该文件")

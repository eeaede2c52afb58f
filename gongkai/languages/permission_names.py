"""Permission names in Chinese.

Django names a model's permissions "Can add <model>" when it creates them, in English and never
through a catalogue, and `gongkai.permissions` names those it creates early "Add application";
the group editor shows these names (to screen readers, and as the labels of other permissions).
After every migrate, each permission whose name has Latin letters gets a Chinese one: a model's
add, change, delete and view permissions from its Chinese name; the others from the catalogues
(Wagtail's, or CUSTOM below).
"""

from django.utils import translation
from django.utils.translation import gettext

from .admin_words import latin_words

ACTIONS = {"add": "添加", "change": "修改", "delete": "删除", "view": "查看"}

# Permissions of Wagtail and its companions that no catalogue translates, by codename.
CUSTOM = {
    "submit_translation": "可提交翻译",
    "choose_document": "可选用文档",
    "choose_image": "可选用图片",
}


def chinese_name(permission):
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    default = model is not None and permission.codename == f"{action}_{model._meta.model_name}"
    if default and action in ACTIONS:
        return f"可{ACTIONS[action]}{model._meta.verbose_name}"
    if permission.codename in CUSTOM:
        return CUSTOM[permission.codename]
    return gettext(permission.name)


def name_permissions_in_chinese(app_config, **kwargs):
    """post_migrate is sent once per app with models, in INSTALLED_APPS order, each after
    Django created that app's permissions: act on the last one."""
    from django.apps import apps
    from django.contrib.auth.models import Permission

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not with_models[-1]:
        return

    with translation.override("zh-hans"):
        for permission in Permission.objects.select_related("content_type"):
            if not latin_words(permission.name):
                continue
            name = str(chinese_name(permission))[:255]
            if name != permission.name:
                Permission.objects.filter(pk=permission.pk).update(name=name)

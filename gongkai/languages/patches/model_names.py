"""Replaces the model names that have no Chinese: the names Django derives from class names,
and the English names some libraries declare without a Chinese translation.

What it replaces: the `verbose_name` and `verbose_name_plural` of a model's options. For a
model that declares none, `django.db.models.options.Options.contribute_to_class` splits the
class name into words ("locale", "translation", "rendition") and appends an "s" for the plural.
- The models of Wagtail and its companions in MODEL_NAMES get a Chinese name (singular and
  plural): most declare none; axes, wagtailsearch and django-otp declare English names their
  catalogues do not translate, and Wagtail's search promotion a singular only (its plural was
  "搜索推广s"). The group editor shows them as the headings of its permission table, and
  permissions are named after them (gongkai/languages/permission_names.py).
- The project's own models that declare no plural get their name as plural: Chinese has none,
  and Django's appended "s" listed them as "公开信息s".

Why: the admin is read in Chinese (issue 17), and these names come from code, not catalogues.
Migrations read only the options a model declares (`_meta.original_attrs`), so no migration
state changes.

Checked against Django 5.2.19: `contribute_to_class` sets `verbose_name` from the class name
and `verbose_name_plural` to `format_lazy("{}s", verbose_name)` unless the Meta declares them.
DECLARED_WHEN_CHECKED records what each model of MODEL_NAMES declared then (in English);
gongkai/languages/tests/test_admin_label_patches.py fails when a library declares another name
after an upgrade, so that the entry is re-read (the library's name may now be good Chinese).
"""

from django.utils.translation import gettext_lazy as _

from gongkai.patching import Patch

PATCH = Patch(
    library="django",
    checked_version="5.2.19",
    relies_on={"django.db.models.options.Options.contribute_to_class": "f2fa69cc8f7ab521"},
)

# The project's own apps: their models are named in Chinese.
OWN_PACKAGES = ("gongkai", "home", "disclosure", "search")

MODEL_NAMES = {
    "wagtail_localize.translatableobject": _("可翻译对象"),
    "wagtail_localize.translationsource": _("翻译原文"),
    "wagtail_localize.translation": _("译本"),
    "wagtail_localize.translationlog": _("翻译日志"),
    "wagtail_localize.string": _("待译文字"),
    "wagtail_localize.translationcontext": _("翻译上下文"),
    "wagtail_localize.stringtranslation": _("文字译文"),
    "wagtail_localize.template": _("翻译模板"),
    "wagtail_localize.segmentoverride": _("译段覆盖"),
    "wagtail_localize.stringsegment": _("文字译段"),
    "wagtail_localize.templatesegment": _("模板译段"),
    "wagtail_localize.relatedobjectsegment": _("关联对象译段"),
    "wagtail_localize.overridablesegment": _("可覆盖译段"),
    "wagtail_localize.localesynchronization": _("语言区域同步"),
    "wagtailsearchpromotions.searchpromotion": _("搜索推广"),
    "wagtailimages.rendition": _("图片规格"),
    "wagtailsearch.indexentry": _("搜索索引条目"),
    "wagtailsearch.sqliteftsindexentry": _("全文索引条目"),
    "wagtailadmin.admin": _("管理后台"),
    "wagtailadmin.editingsession": _("编辑会话"),
    "wagtailadmin.formstate": _("表单状态"),
    "wagtailcore.locale": _("语言区域"),
    "wagtailcore.uploadedfile": _("上传的文件"),
    "wagtailcore.workflowcontenttype": _("工作流内容类型"),
    "wagtailcore.pagesubscription": _("页面订阅"),
    "wagtailcore.referenceindex": _("引用索引"),
    "axes.accessfailurelog": _("登录失败记录"),
    "axes.accessattempt": _("登录尝试"),
    "axes.accessattemptexpiration": _("登录尝试到期"),
    "axes.accesslog": _("登录记录"),
    "otp_totp.totpdevice": _("身份验证器"),
    "otp_static.staticdevice": _("备用验证码组"),
    "otp_static.statictoken": _("备用验证码"),
    "captcha.captchastore": _("验证码"),
}

# What each model above declared (verbose_name, verbose_name_plural) when this was checked.
DECLARED_WHEN_CHECKED = {
    "wagtail_localize.translatableobject": (None, None),
    "wagtail_localize.translationsource": (None, None),
    "wagtail_localize.translation": (None, None),
    "wagtail_localize.translationlog": (None, None),
    "wagtail_localize.string": (None, None),
    "wagtail_localize.translationcontext": (None, None),
    "wagtail_localize.stringtranslation": (None, None),
    "wagtail_localize.template": (None, None),
    "wagtail_localize.segmentoverride": (None, None),
    "wagtail_localize.stringsegment": (None, None),
    "wagtail_localize.templatesegment": (None, None),
    "wagtail_localize.relatedobjectsegment": (None, None),
    "wagtail_localize.overridablesegment": (None, None),
    "wagtail_localize.localesynchronization": (None, None),
    "wagtailsearchpromotions.searchpromotion": ("search promotion", None),
    "wagtailimages.rendition": (None, None),
    "wagtailsearch.indexentry": ("index entry", "index entries"),
    "wagtailsearch.sqliteftsindexentry": (None, None),
    "wagtailadmin.admin": (None, None),
    "wagtailadmin.editingsession": (None, None),
    "wagtailadmin.formstate": (None, None),
    "wagtailcore.locale": (None, None),
    "wagtailcore.uploadedfile": (None, None),
    "wagtailcore.workflowcontenttype": (None, None),
    "wagtailcore.pagesubscription": (None, None),
    "wagtailcore.referenceindex": (None, None),
    "axes.accessfailurelog": ("access failure", "access failures"),
    "axes.accessattempt": ("access attempt", "access attempts"),
    "axes.accessattemptexpiration": ("access attempt expiration", "access attempt expirations"),
    "axes.accesslog": ("access log", "access logs"),
    "otp_totp.totpdevice": ("TOTP device", None),
    "otp_static.staticdevice": (None, None),
    "otp_static.statictoken": (None, None),
    "captcha.captchastore": (None, None),
}


def apply():
    from django.apps import apps

    for label, name in MODEL_NAMES.items():
        try:
            options = apps.get_model(label)._meta
        except LookupError:  # an app left out of INSTALLED_APPS
            continue
        options.verbose_name = name
        options.verbose_name_plural = name
    for model in apps.get_models():
        options = model._meta
        if model.__module__.startswith(OWN_PACKAGES) and (
            "verbose_name_plural" not in options.original_attrs
        ):
            options.verbose_name_plural = options.verbose_name

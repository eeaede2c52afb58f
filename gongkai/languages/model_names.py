"""Chinese names for the models of Wagtail and its companions that declare none (Django then
uses the class name: "locale", "translation", "rendition"). The group editor shows them as the
headings of its permission table, and permissions are named after them (permission_names.py).
Set when the apps are ready; migrations read only the options a model declares, so no migration
state changes."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

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


def name_models_in_chinese():
    for label, name in MODEL_NAMES.items():
        try:
            options = apps.get_model(label)._meta
        except LookupError:  # an app left out of INSTALLED_APPS
            continue
        options.verbose_name = name
        options.verbose_name_plural = name

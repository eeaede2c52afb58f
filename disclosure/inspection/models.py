"""What the quarterly website inspection (国办秘函〔2019〕19号) measures, as data the site
administrators edit: the thresholds of each indicator with its source clause, the column types
and their update cadence, the list of serious misstatements, the stored status of links, and the
weekly snapshot the digest compares with."""

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from disclosure.catalogue.models import CategoryPage, Organisation
from disclosure.moderation.models import MatchesPattern, SensitiveWordLevel

# The longest period or cadence, in days: ten years. A date plus a larger number leaves what a
# date can hold (year 9999), and every inspection would fail on it.
MAX_DAYS = 3650

# The highest veto threshold. The 2019 indicators' are 1, 5 and 10; an office has tens of
# columns, a few hundred guides at most, so a count past a thousand is never reached: such a
# threshold would switch the veto off without saying so (启用 does that openly).
MAX_THRESHOLD = 1000

# 首页不更新's period when none is stored: the 2019 indicators' two weeks.
DEFAULT_PERIOD_DAYS = 14

SOURCE_2019 = "国办秘函〔2019〕19号《政府网站与政务新媒体检查指标、监管工作年度考核指标》"


def applied_threshold(stored):
    """A threshold below 1 (stored before the form refused it) still needs a problem; one past
    MAX_THRESHOLD (stored past the form) would never fail anyone."""
    return min(max(stored or 0, 1), MAX_THRESHOLD)


class IndicatorKind(models.TextChoices):
    VETO = "veto", _("单项否决")
    DEDUCTION = "deduction", _("扣分")


class Indicator(models.Model):
    """One indicator and its threshold: the count of failing things at which it fails."""

    code = models.SlugField(_("代码"), max_length=40, unique=True, editable=False)
    name = models.CharField(_("指标"), max_length=100)
    kind = models.CharField(_("类别"), max_length=10, choices=IndicatorKind.choices)
    # At least 1: a veto at 0 problems would fail every organisation, the flawless too.
    threshold = models.PositiveIntegerField(
        _("否决阈值"),
        default=1,
        validators=[
            MinValueValidator(1, _("否决阈值至少为 1：问题数量达到此值即为单项否决。")),
            MaxValueValidator(
                MAX_THRESHOLD,
                _("否决阈值最多为 %(limit_value)s；不再检查此指标请取消“启用”。"),
            ),
        ],
        help_text=_(
            "问题数量达到此值即为单项否决；少于此值但不为零时为提醒。扣分项不单项否决，不使用此值。"
        ),
    )
    period_days = models.PositiveIntegerField(
        _("期限（天）"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("期限至少为 1 天；留空则按 14 天计。")),
            MaxValueValidator(MAX_DAYS, _("期限最多为 %(limit_value)s 天（十年）。")),
        ],
        help_text=_("如首页两周未更新即为 14 天。"),
    )
    source = models.TextField(_("依据条款"))
    enabled = models.BooleanField(_("启用"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("threshold"),
        FieldPanel("period_days"),
        FieldPanel("source"),
        FieldPanel("enabled"),
    ]

    class Meta:
        verbose_name = _("检查指标")
        verbose_name_plural = _("检查指标")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    # What the checks apply, which the settings lists show: a value stored past the form's
    # limits (a script, an older row) is read within them, and shown as read.
    @property
    def applied_threshold(self):
        return applied_threshold(self.threshold)

    @property
    def applied_period_days(self):
        return min(self.period_days or DEFAULT_PERIOD_DAYS, MAX_DAYS)


class CadenceKind(models.TextChoices):
    NEWS = "news", _("动态要闻类")
    NOTICES = "notices", _("通知公告、政策文件类")
    SHOULD_UPDATE = "should_update", _("应更新栏目")
    STATIC = "static", _("相对固定，无需定期更新")


class ColumnType(models.Model):
    """A kind of catalogue column and how often it must get a new item. A column takes the
    type named for it (ColumnSetting), otherwise the first type (by order) one of whose keywords
    its title contains, otherwise the default type."""

    name = models.CharField(_("栏目类型"), max_length=50, unique=True)
    kind = models.CharField(_("检查类别"), max_length=20, choices=CadenceKind.choices)
    keywords = models.CharField(
        _("栏目名称关键词"),
        max_length=200,
        blank=True,
        help_text=_("栏目名称包含其中任一词即属此类型，多个词用空格分隔。"),
    )
    cadence_days = models.PositiveIntegerField(
        _("更新周期（天）"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("更新周期至少为 1 天；无需定期更新的栏目类型请留空。")),
            MaxValueValidator(MAX_DAYS, _("更新周期最多为 %(limit_value)s 天（十年）。")),
        ],
        help_text=_("留空表示无需定期更新。"),
    )
    order = models.PositiveSmallIntegerField(_("匹配顺序"), default=100)
    is_default = models.BooleanField(
        _("默认类型"), default=False, help_text=_("名称不含任何关键词的栏目属于默认类型。")
    )
    source = models.TextField(_("依据条款"), blank=True)

    class Meta:
        verbose_name = _("栏目类型")
        verbose_name_plural = _("栏目类型")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    @property
    def applied_cadence_days(self):
        """The cadence the checks apply (None: no cadence), within the form's limit."""
        return min(self.cadence_days, MAX_DAYS) if self.cadence_days else None

    def keyword_list(self):
        return [word for word in self.keywords.split() if word]

    def clean(self):
        if self.kind != CadenceKind.STATIC and self.cadence_days is None:
            raise ValidationError({"cadence_days": _("需要定期更新的栏目类型请填写更新周期。")})
        # Blank keywords match no column: the type would silently apply to none by its title.
        if not self.is_default and not self.keyword_list():
            raise ValidationError(
                {
                    "keywords": _(
                        "请填写栏目名称关键词（多个词用空格分隔）：不填则没有栏目按名称归入此类型。"
                        "只有默认类型可以不填。"
                    )
                }
            )
        # An invisible character matches no title; a lone hyphen or comma matches many.
        meaningless = [word for word in self.keyword_list() if not any(c.isalnum() for c in word)]
        if meaningless:
            raise ValidationError(
                {
                    "keywords": _("关键词“%(word)s”不含文字或数字，请删去或改为栏目名称中的词。")
                    % {"word": meaningless[0]}
                }
            )


class ColumnSetting(models.Model):
    """A column whose type its title does not tell (e.g. “工作信息” that is really news)."""

    column = models.OneToOneField(
        CategoryPage,
        verbose_name=_("栏目"),
        on_delete=models.CASCADE,
        related_name="inspection_setting",
    )
    column_type = models.ForeignKey(
        ColumnType, verbose_name=_("栏目类型"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("栏目类型设置")
        verbose_name_plural = _("栏目类型设置")

    def __str__(self):
        return f"{self.column.title}：{self.column_type.name}"


class Misstatement(MatchesPattern, models.Model):
    """A serious misstatement (严重表述错误): a wrong official name or formulation. The sensitive-
    word scan reads these beside the administrators' sensitive words
    (moderation/review/sensitive.py, SENSITIVE_WORD_LISTS), so submission refuses them and the
    inspection finds them live."""

    CATEGORY = _("严重表述错误")

    pattern = models.CharField(
        _("错误表述"),
        max_length=200,
        unique=True,
        help_text=_("勾选“正则表达式”时按正则匹配，否则按原文匹配。"),
    )
    is_regex = models.BooleanField(_("正则表达式"), default=False)
    correct = models.CharField(_("规范表述"), max_length=200)
    source = models.CharField(_("依据"), max_length=300)

    class Meta:
        verbose_name = _("严重表述错误")
        verbose_name_plural = _("严重表述错误")
        ordering = ["pattern"]

    def __str__(self):
        return f"{self.pattern} → {self.correct}"

    # What the sensitive-word scan reads of an entry (moderation.models.SensitiveWord's shape).
    level = SensitiveWordLevel.ERROR

    @property
    def category(self):
        return str(self.CATEGORY)

    @property
    def note(self):
        return f"{self.correct}（{self.source}）"


class LinkState(models.TextChoices):
    UNCHECKED = "unchecked", _("未检查")
    OK = "ok", _("正常")
    BROKEN = "broken", _("无法访问")


class ExternalLink(models.Model):
    """The last check of one external address linked from live content (tasks.py)."""

    url = models.URLField(_("地址"), max_length=1000, unique=True)
    host = models.CharField(_("主机"), max_length=255, db_index=True)
    state = models.CharField(
        _("状态"), max_length=10, choices=LinkState.choices, default=LinkState.UNCHECKED
    )
    http_status = models.PositiveSmallIntegerField(_("HTTP 状态码"), null=True, blank=True)
    error = models.CharField(_("错误"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("检查时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("外部链接")
        verbose_name_plural = _("外部链接")

    def __str__(self):
        return self.url


class InspectionSnapshot(models.Model):
    """The findings of one run for one organisation (or the platform, organisation empty):
    the weekly digest names what changed since the previous one."""

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    taken_at = models.DateTimeField(auto_now_add=True)
    findings = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("检查快照")
        verbose_name_plural = _("检查快照")
        ordering = ["-taken_at", "-pk"]

    def __str__(self):
        return f"{self.organisation_id or '-'} {self.taken_at:%Y-%m-%d}"


class OrganisationInspection(models.Model):
    """The latest results of every indicator for one organisation, computed in Celery
    (snapshots.py): the admin report, the platform overview, the dashboard panel and the XLSX
    read this row, since computing every indicator for every organisation on each request takes
    seconds. `manage.py inspect_site` still computes live."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("公开主体"),
        on_delete=models.CASCADE,
        related_name="inspection",
    )
    computed_at = models.DateTimeField(_("检查时间"))
    # When something the results depend on last changed (changes.py): after computed_at, the
    # pages say 过期.
    changed_at = models.DateTimeField(_("内容变化时间"), null=True, blank=True)
    results = models.JSONField(_("检查结果"), default=list, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("检查结果")
        verbose_name_plural = _("检查结果")

    def __str__(self):
        return f"{self.organisation} {self.computed_at:%Y-%m-%d %H:%M}"

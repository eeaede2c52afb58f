"""Organisations that disclose information, and how their pattern makes index numbers."""

import string
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..codes import normalise_code, validate_organisation_identifier

DEFAULT_INDEX_PATTERN = "{code}/{year}-{serial:05d}"


def english_name(name_en, name):
    """`name_en` when the active language is English and it is given, else `name` (names,
    addresses, office hours: whatever has an English version beside the Chinese)."""
    language = translation.get_language() or ""
    return name_en if name_en and language.startswith("en") else name


def format_index_number(pattern, code, year, serial):
    return pattern.format(code=code, year=year, serial=serial)


def index_number_parts(pattern, code, year, serial):
    """The number the pattern makes, cut into (text, placeholder) pieces, so that a page can
    say what each piece is (the 指南 explains an example, not the pattern's syntax);
    placeholder is None for the literal characters between them."""
    values = {"code": code, "year": year, "serial": serial}
    parts = []
    for literal, field, spec, _conversion in string.Formatter().parse(pattern):
        if literal:
            parts.append((literal, None))
        if field is not None:
            parts.append((format(values[field], spec or ""), field))
    return parts


def validate_index_pattern(pattern):
    if "{serial" not in pattern:
        raise ValidationError(_("索引号格式必须包含流水号 {serial}。"), code="no_serial")
    try:
        format_index_number(pattern, code="X", year=2024, serial=1)
    except (KeyError, IndexError, ValueError) as error:
        raise ValidationError(
            _("索引号格式无法识别（%(error)s）。可用的占位符：{code}、{year}、{serial}。"),
            code="bad_pattern",
            params={"error": error},
        ) from error


class Level(models.TextChoices):
    """Where an organisation stands: its annual report's deadline (Art. 49) and whether it may
    make 规章 (立法法 Art. 93) depend on it."""

    TOWNSHIP = "township", _("乡镇、街道")
    COUNTY = "county", _("县级人民政府")
    CITY = "city", _("市级人民政府")
    PROVINCE = "province", _("省级人民政府")
    DEPARTMENT = "department", _("政府部门")


def visible_short_name(text):
    """`text` without whitespace (full-width spaces included) and format characters (Unicode
    category Cf: zero-width spaces and joiners, the byte-order mark, word joiners)."""
    return "".join(
        character
        for character in text or ""
        if not character.isspace() and unicodedata.category(character) != "Cf"
    )


class Organisation(index.Indexed, models.Model):
    """An organ that discloses information: a county government, a department, a township."""

    name = models.CharField(_("机构全称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=30, blank=True)
    name_en = models.CharField(
        _("英文名称"),
        max_length=200,
        blank=True,
        help_text=_("英文页面（/en/）上显示的机构名称，留空时显示机构全称。"),
    )
    code = models.CharField(
        _("统一社会信用代码或组织机构代码"),
        max_length=18,
        blank=True,
        validators=[validate_organisation_identifier],
        help_text=_("18 位统一社会信用代码或 9 位组织机构代码，用于生成索引号。"),
    )
    index_pattern = models.CharField(
        _("索引号格式"),
        max_length=100,
        default=DEFAULT_INDEX_PATTERN,
        validators=[validate_index_pattern],
        help_text=_(
            "发布时自动生成索引号。占位符：{code} 机构代码，{year} 发布年份，"
            "{serial:05d} 五位流水号。例如 {code}/{year}-{serial:05d}。"
        ),
    )
    level = models.CharField(
        _("层级"),
        max_length=12,
        choices=Level.choices,
        blank=True,
        help_text=_(
            "决定年度报告的报送期限和检查规则（如乡镇无权制定规章）。"
            "留空时按机构名称的结尾判断（如“…镇人民政府”“…街道办事处”为乡镇、街道）。"
        ),
    )
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    address_en = models.CharField(
        _("英文办公地址"), max_length=200, blank=True, help_text=_("留空时英文页面显示中文地址。")
    )
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    fax = models.CharField(_("传真"), max_length=50, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    office_hours_en = models.CharField(
        _("英文办公时间"),
        max_length=200,
        blank=True,
        help_text=_("留空时英文页面显示中文办公时间。"),
    )
    email = models.EmailField(_("电子邮箱"), blank=True)
    # Named in the remedy of every reply letter (Regulation Art. 51; applications/letters.py).
    review_authority = models.CharField(
        _("行政复议机关"),
        max_length=100,
        blank=True,
        help_text=_(
            "答复告知书中告知申请人可以向其申请行政复议的机关，如“××县人民政府”。"
            "留空时告知书只写“依法申请行政复议”。"
        ),
    )
    court = models.CharField(
        _("人民法院"),
        max_length=100,
        blank=True,
        help_text=_(
            "答复告知书中告知申请人可以向其提起行政诉讼的法院，如“××县人民法院”。"
            "留空时告知书只写“依法提起行政诉讼”。"
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("short_name"),
        FieldPanel("code"),
        FieldPanel("index_pattern"),
        FieldPanel("level"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("office_hours"),
                FieldPanel("office_hours_en"),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [FieldPanel("review_authority"), FieldPanel("court")],
            heading=_("答复告知书的救济途径"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("公开主体")
        verbose_name_plural = _("公开主体")
        ordering = ["name"]
        constraints = [
            # The command line, the report importer and the level lookup find an organisation
            # by its short name: two with one name would make the answer depend on row order.
            # The form refuses it (clean()); the database refuses what no form sees (a
            # script, two administrators saving at once).
            models.UniqueConstraint(
                fields=["short_name"],
                condition=~models.Q(short_name=""),
                name="catalogue_organisation_short_name_unique",
                violation_error_message=_("这个简称已被另一个公开主体使用。"),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # What no form sees (a script, an import) is stored as the form would store it.
        self.short_name = visible_short_name(self.short_name)
        super().save(*args, **kwargs)

    @property
    def local_name(self):
        """The name in the language of the page being served: the English name on English
        pages where one is given, the Chinese full name otherwise."""
        return english_name(self.name_en, self.name)

    @property
    def local_address(self):
        return english_name(self.address_en, self.address)

    @property
    def local_office_hours(self):
        return english_name(self.office_hours_en, self.office_hours)

    def clean(self):
        super().clean()
        self.code = normalise_code(self.code)
        self._refuse_an_invisible_short_name()
        self._refuse_a_taken_short_name()
        self._refuse_a_name_taken_as_short_name()

    def _refuse_an_invisible_short_name(self):
        """A zero-width character or a space inside a short name is invisible on screen and
        makes "友\u200b谊镇" another short name than "友谊镇" to the uniqueness check: the
        short name is stored without them, and one made only of them is refused."""
        written = self.short_name
        self.short_name = visible_short_name(written)
        if written and not self.short_name:
            raise ValidationError({"short_name": _("简称只含空白或不可见字符，请填写简称或留空。")})

    def _refuse_a_taken_short_name(self):
        """A short name another organisation has, as its short name or its full name (what
        `--organisation` and the importer would find first), on the field and naming it."""
        if not self.short_name:
            return
        taken = (
            Organisation.objects.exclude(pk=self.pk)
            .filter(models.Q(short_name=self.short_name) | models.Q(name=self.short_name))
            .first()
        )
        if taken is not None:
            raise ValidationError(
                {
                    "short_name": _(
                        "简称“%(short_name)s”已是“%(other)s”的名称，请另取一个简称，"
                        "以免按简称查找公开主体时混淆。"
                    )
                    % {"short_name": self.short_name, "other": taken.name}
                }
            )

    def _refuse_a_name_taken_as_short_name(self):
        taken = Organisation.objects.exclude(pk=self.pk).filter(short_name=self.name).first()
        if self.name and taken is not None:
            raise ValidationError(
                {
                    "name": _("“%(name)s”已是“%(other)s”的简称，请填写机构全称。")
                    % {"name": self.name, "other": taken.name}
                }
            )

    def validate_constraints(self, exclude=None):
        # clean() already refused a taken short name on its field, naming the organisation
        # that has it; the constraint's generic message would repeat it without the name.
        super().validate_constraints(exclude={*(exclude or ()), "short_name"})

    def index_number(self, year, serial):
        return format_index_number(self.index_pattern, self.code or str(self.pk), year, serial)

    def index_number_parts(self, year, serial):
        return index_number_parts(self.index_pattern, self.code or str(self.pk), year, serial)


class IndexNumberCounter(models.Model):
    """The last serial handed out for one organisation in one year; locked while it is raised."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="catalogue_one_counter_per_org_year"
            )
        ]
        verbose_name = _("索引号计数器")
        verbose_name_plural = _("索引号计数器")

    def __str__(self):
        return f"{self.organisation_id}/{self.year}: {self.last_serial}"

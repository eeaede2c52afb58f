"""Factories for the catalogue's models and page types, and an organisation's tree to put items in.

Pages are published as fixtures unless built with `live=False` (tests/factories.py PageFactory).
"""

import datetime

import factory
from django.utils import timezone

from disclosure.catalogue.models import (
    BudgetPage,
    CategoryPage,
    DisclosureDocumentPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    Organisation,
    OrganisationFunctionPage,
    PolicyDocumentPage,
    PublicationDateSource,
    ServiceGuidePage,
    ServiceItemListPage,
)
from tests.factories import PageFactory

TOWNSHIP_CODE = "1123052200432650XW"
# The organisation whose tree the catalogue and translation tests build.
TEST_TOWNSHIP = {"name": "测试镇人民政府", "short_name": "测试镇", "code": TOWNSHIP_CODE}


def day(text):
    return datetime.date.fromisoformat(text)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"测试{n}镇人民政府")


class DisclosureIndexPageFactory(PageFactory):
    """An organisation's disclosure root (信息公开) under the site's home page."""

    class Meta:
        model = DisclosureIndexPage

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.LazyAttribute(lambda page: f"{page.organisation.name}信息公开")


class CategoryPageFactory(PageFactory):
    """A catalogue column (栏目); `parent` is a disclosure root or another column."""

    class Meta:
        model = CategoryPage

    title = "政策信息"


class ItemPageFactory(PageFactory):
    """An item; given a `published_on`, it was published then on the office's old site (as an
    import brings it), since only a recorded earlier publication keeps a 发布日期."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("published_on") and kwargs.get("live", True):
            kwargs.setdefault("published_on_source", PublicationDateSource.OLD_SITE)
            kwargs.setdefault(
                "first_published_at",
                timezone.make_aware(
                    datetime.datetime.combine(kwargs["published_on"], datetime.time(9))
                ),
            )
        return super()._create(model_class, *args, **kwargs)


class DisclosureDocumentPageFactory(ItemPageFactory):
    class Meta:
        model = DisclosureDocumentPage

    title = "关于做好垃圾分类工作的通知"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>正文。</p>")])


class PolicyDocumentPageFactory(ItemPageFactory):
    class Meta:
        model = PolicyDocumentPage

    title = "友谊镇村级公益事业建设一事一议财政奖补实施办法"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>正文。</p>")])


# Every key element a 办事指南 needs to go to review (catalogue/models/guide_elements.py).
GUIDE_ELEMENTS = {
    "legal_basis": "《中华人民共和国老年人权益保障法》",
    "conditions": "本镇户籍 60 周岁以上老年人",
    "materials": [("material", {"name": "居民身份证", "copies": 1, "form": "原件", "notes": ""})],
    "steps": [("step", {"title": "申请", "description": "到便民服务中心提交材料"})],
    "location": "友谊镇便民服务中心",
    "service_hours": "工作日 8:30—17:00",
    "consultation_phone": "0469-5818672",
}


class ServiceGuidePageFactory(ItemPageFactory):
    class Meta:
        model = ServiceGuidePage

    title = "办事指南：老年人优待证办理"
    item_name = "老年人优待证办理"


class BudgetPageFactory(ItemPageFactory):
    class Meta:
        model = BudgetPage

    title = factory.LazyAttribute(lambda page: f"{page.year}年部门预算")
    year = 2023
    kind = "budget"


class ServiceItemListPageFactory(ItemPageFactory):
    class Meta:
        model = ServiceItemListPage

    title = "便民服务事项清单"


class OrganisationFunctionPageFactory(ItemPageFactory):
    class Meta:
        model = OrganisationFunctionPage

    title = "机构职能"


class DisclosureGuidePageFactory(PageFactory):
    """The organisation's 政府信息公开指南; `parent` is its disclosure root."""

    class Meta:
        model = DisclosureGuidePage

    title = "公开指南"
    slug = "guide"

"""The disclosure catalogue (政府信息公开目录): organisations, domains, pages and items."""

from .domains import Domain
from .guide import DisclosureGuidePage
from .imports import ImportedDocument
from .items import (
    ITEM_PAGE_MODELS,
    BudgetKind,
    BudgetPage,
    DisclosureDocumentPage,
    OrganisationFunctionPage,
    PolicyDocumentPage,
    PolicyKind,
    ServiceGuidePage,
    ServiceItemListPage,
    ServiceKind,
)
from .items_base import DisclosureItemPage, PublicationDateSource, Validity, item_page_models
from .organisations import DEFAULT_INDEX_PATTERN, IndexNumberCounter, Level, Organisation
from .pages import ITEM_PAGE_TYPES, CategoryPage, DisclosureIndexPage
from .staff_and_roles import OrganisationRole, StaffOrganisation

__all__ = [
    "DEFAULT_INDEX_PATTERN",
    "ITEM_PAGE_MODELS",
    "ITEM_PAGE_TYPES",
    "BudgetKind",
    "BudgetPage",
    "CategoryPage",
    "DisclosureDocumentPage",
    "DisclosureGuidePage",
    "DisclosureIndexPage",
    "DisclosureItemPage",
    "Domain",
    "ImportedDocument",
    "IndexNumberCounter",
    "Level",
    "Organisation",
    "OrganisationFunctionPage",
    "OrganisationRole",
    "PolicyDocumentPage",
    "PolicyKind",
    "PublicationDateSource",
    "ServiceGuidePage",
    "ServiceItemListPage",
    "ServiceKind",
    "StaffOrganisation",
    "Validity",
    "item_page_models",
]

"""A corpus of two organisations' columns and items to search."""

import pytest

from disclosure.catalogue.tests.factories import BudgetPageFactory, DisclosureDocumentPageFactory
from search.tests.factories import build_corpus
from tests.fixtures import module_transaction, shared_or_built


@pytest.fixture(scope="module")
def corpus_for_the_module(django_db_setup, django_db_blocker):
    """The corpus built once for every test of a module (tests/fixtures.py module_transaction)."""
    with module_transaction(django_db_blocker, build_corpus) as pages:
        yield pages


@pytest.fixture
def corpus(request, db):
    """Two organisations' columns and items, with drafts and a view-restricted page: the
    module's shared corpus as built (fresh instances) where the module shares one."""
    return shared_or_built(request, "corpus_for_the_module", build_corpus)


@pytest.fixture
def items(corpus):
    """Catalogue items under the township's budget column: metadata, a table, domains."""
    from disclosure.catalogue.models import Domain

    social, _ = Domain.objects.get_or_create(name="社会救助")
    budget_domain, _ = Domain.objects.get_or_create(name="财政预决算")
    table = {"data": [["项目", "金额"], ["城乡居民养老保险补助", "1200"]]}
    found = {
        "table": BudgetPageFactory(
            parent=corpus["budget"],
            year=2023,
            body=[("table", table)],
            domain=budget_domain,
            summary="本年度收支总表",
            keywords="三公经费，政府采购",
            doc_number="友财发〔2023〕7号",
        ),
        "abolished": DisclosureDocumentPageFactory(
            parent=corpus["budget"],
            title="临时救助实施办法",
            body=[("heading", "第一章"), ("paragraph", "<p>临时救助对象。</p>")],
            domain=social,
            validity="abolished",
            abolished_on="2024-01-01",
        ),
        "valid": DisclosureDocumentPageFactory(
            parent=corpus["budget"],
            title="临时救助审批流程",
            body=[("paragraph", "<p>临时救助审批。</p>")],
            domain=social,
        ),
    }
    found["domains"] = {"social": social, "budget": budget_domain}
    return found

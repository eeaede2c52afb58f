"""Every project class that takes over a library's method is recorded, with the library source it
was written against, and this fails, naming the class, when the library changes underneath it.

gongkai/patching.py (Override) describes the record; each app's `overrides.py` holds its own.
The scan below finds the classes by itself: a project class (or a mixin, in the classes it is
composed into) that overrides a library method with a private name, or replaces one without
calling super(). Classes that only lean on a library's inner working while calling super() (the
page editor's mixins, the import's publication) cannot be found this way and are recorded by
hand beside them.
"""

import inspect
from importlib import import_module, metadata

import pytest
from django.utils.module_loading import import_string

from gongkai.patching import (
    Override,
    Patch,
    override_drift,
    project_overrides,
    reimplemented_methods,
)

from .project_code import APP_PACKAGES, source_files

# The overrides are library source, read once: in the SQLite pass, where every backend class
# (the SQLite search index's included) can be imported.
pytestmark = pytest.mark.backend_independent


def is_ours(cls):
    return cls.__module__.split(".")[0] in APP_PACKAGES


def project_classes():
    """Every class defined in the project's code (tests, migrations and settings aside)."""
    classes = []
    for path, _text in source_files(skip=("tests", "migrations", "settings")):
        name = ".".join(path.with_suffix("").parts).removesuffix(".__init__")
        if name == "gongkai.wsgi":
            continue  # builds the application
        module = import_module(name)
        classes += [
            value
            for value in vars(module).values()
            if inspect.isclass(value) and value.__module__ == name
        ]
    return classes


RECORDED = project_overrides()


def test_every_class_taking_over_a_library_method_is_recorded_with_that_method():
    found = reimplemented_methods(project_classes(), is_ours)
    assert "gongkai.broker.Channel" in found  # the scan sees the private _put and _get
    missing = {name: sorted(methods) for name, methods in found.items() if name not in RECORDED}
    assert missing == {}
    unprinted = {
        name: sorted(methods - RECORDED[name].checked.relies_on.keys())
        for name, methods in found.items()
        if methods - RECORDED[name].checked.relies_on.keys()
    }
    assert unprinted == {}


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_the_library_has_not_changed_under_the_override(name):
    """On failure: read the library's new source of each method named, adjust the override (or
    drop it when the library now does the job), then record the new version and fingerprints
    in its app's overrides.py."""
    assert override_drift(RECORDED[name]) == []


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_the_override_exists_and_says_what_it_replaces_and_why(name):
    override = RECORDED[name]
    assert is_ours(import_string(name))
    assert override.replaces and override.why and override.checked.relies_on
    # The distribution (django-treebeard) ships the packages the methods live in (treebeard).
    distributions = metadata.packages_distributions()

    def canonical(name):
        return name.lower().replace("_", "-")

    assert canonical(override.checked.library) in {
        canonical(distribution)
        for dotted in override.checked.relies_on
        for distribution in distributions.get(dotted.split(".")[0], [])
    }


def test_the_records_named_in_the_pending_list_are_there():
    assert {
        "gongkai.broker.Channel",
        "gongkai.create_once.CreateOnce",
        "disclosure.moderation.review.unchanged_saves.RevisionOnlyForChanges",
        "disclosure.moderation.review.submission.SubmissionScreening",
        "disclosure.imports.publishing.publish_created",
        # Library internals used without overriding a method (treebeard's paths, the parent
        # cache, Wagtail's site-root flag) and a route() that calls super() on its way out.
        "disclosure.imports.batches.ChildSlots",
        "disclosure.imports.importer.import_record",
        "disclosure.catalogue.models.routing.PathRouteMixin",
        # modelsearch's receivers disconnected and connected again as modelsearch connects them.
        "search.indexing.index_updates_deferred",
    } <= RECORDED.keys()


class Library:
    def _put(self, item):
        self.items.append(item)

    def render(self):
        return "".join(self.items)

    def extra_context(self):
        return {}

    def save(self):
        self.saved = True

    @classmethod
    def for_request(cls, request):
        return cls.objects.get_or_create(site=request.site)[0]


class Ours(Library):
    def _put(self, item):  # private: always counted
        super()._put(item)

    def render(self):  # replaced without super()
        return "ours"

    def extra_context(self):  # a hook
        return {"a": 1}

    def save(self):  # extended
        super().save()

    @classmethod
    def for_request(cls, request):  # a class method, replaced
        return cls(site=request.site)


class ReplacingMixin:
    def save(self):
        self.saved = "ours"


class Composed(ReplacingMixin, Library):
    pass


def test_the_scan_finds_private_and_replaced_methods_and_mixins_but_not_hooks_or_extensions():
    def in_this_module(cls):
        return cls.__module__ == __name__ and cls is not Library

    found = reimplemented_methods([Ours, Composed, ReplacingMixin], in_this_module)
    library = f"{__name__}.Library"
    assert found == {
        f"{__name__}.Ours": {f"{library}._put", f"{library}.render", f"{library}.for_request"},
        f"{__name__}.ReplacingMixin": {f"{library}.save"},
    }


def test_a_changed_library_or_an_unprinted_method_is_noticed():
    get_for_language = "wagtail.models.i18n.LocaleManager.get_for_language"
    stale = Override(
        replaces="x",
        why="y",
        checked=Patch("wagtail", "7.0", {get_for_language: "0" * 16}),
    )
    problems = override_drift(stale, {get_for_language, "wagtail.models.Page.save"})
    assert problems[0] == f"wagtail {metadata.version('wagtail')} installed, checked against 7.0"
    assert problems[1].startswith(f"{get_for_language} changed")
    assert problems[2] == "wagtail.models.Page.save is replaced but not fingerprinted"

"""One create form, one page: a create form sent twice (a second click of 保存草稿 while the
first request is still on a slow server, or an autosave racing the click) creates one page.

The create form carries a one-time token (a hidden input, templates/gongkai/pages/create.html).
The view claims it in the transaction that creates the page: the token's unique row is written
before the page, so a second request with the same token waits for the first to commit (SQLite
takes the write lock at BEGIN IMMEDIATE; PostgreSQL makes the second insert wait on the unique
index) and then finds the token taken. It then creates nothing and opens the page the first
request created. A form without a token (scripts, older tabs) is created as before: creation
is never blocked.

A token is kept as long as the form that carries it can still be sent: the admin's session
(SESSION_COOKIE_AGE); beat drops older ones daily (`forget_old_tokens`, task
gongkai.forget_create_form_tokens).
"""

import json
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import set_query_params
from wagtail.models import Page

from .models import CreateFormToken

FIELD = "create_form_token"
ALREADY_CREATED = _(
    "这份表单已经保存过（重复提交），没有再新建一份；下面是已保存的稿件，请核对内容。"
)


class CreateOnce:
    """For Wagtail's page CreateView, inside the transaction of its save (gongkai/busy.py)."""

    template_name = "gongkai/pages/create.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A form shown again after an error keeps its token: it has not created anything yet.
        context[FIELD] = self.request.POST.get(FIELD) or uuid.uuid4().hex
        return context

    def form_valid(self, form):
        token = self.request.POST.get(FIELD, "")[:64]
        if not token:
            return super().form_valid(form)
        try:
            with transaction.atomic():
                claim = CreateFormToken.objects.create(token=token)
        except IntegrityError:
            return self.already_created(token)
        response = super().form_valid(form)
        if self.page.pk is not None:
            claim.page_id = self.page.pk
            claim.save(update_fields=["page"])
        else:
            claim.delete()  # nothing was created (a hook answered instead): the form may retry
        return response

    def already_created(self, token):
        page_id = (
            CreateFormToken.objects.filter(token=token).values_list("page_id", flat=True).first()
        )
        if self.expects_json_response:
            return self.autosave_into(page_id)
        if page_id is not None and self.is_a_draft_to_go_on_with(page_id):
            return self.in_edit_view(page_id)
        messages.warning(self.request, ALREADY_CREATED)
        if page_id is None:
            return redirect("wagtailadmin_explore", self.parent_page.pk)
        return redirect("wagtailadmin_pages:edit", page_id)

    @staticmethod
    def is_a_draft_to_go_on_with(page_id):
        """A click that found its form already saved, when the page that saving made is a draft
        outside review: an autosave sent just before the click (or the first of two clicks of
        保存草稿) made it. The click is carried out on that draft by its edit view: what the
        form holds is saved and 提交审核 submits it. Otherwise the editor's 提交审核 was
        answered 重复提交 and the draft stayed unsubmitted. A draft already in review or live
        was made by a click that did what this one asks."""
        page = Page.objects.filter(pk=page_id).first()
        return page is not None and not page.live and page.current_workflow_state is None

    def in_edit_view(self, page_id):
        """This request answered by the page's edit view, as the site's URLs route it."""
        edit = resolve(reverse("wagtailadmin_pages:edit", args=(page_id,)))
        return edit.func(self.request, *edit.args, **edit.kwargs)

    def autosave_into(self, page_id):
        """An autosave of a form whose earlier request created a page: an autosave or a click
        whose answer the browser never read (the editor's 提交审核 of a form missing its 正文
        came back refused while the autosave sent just before it created the draft; the
        refused form then autosaved with the same token). What the form holds is saved into
        that page by its edit view, and the form goes on as that page's editor, as if this
        autosave had created it: the address and the form's action become the page's edit
        page. Otherwise autosave stopped with a message saying the saved draft was below,
        beside the create form."""
        if page_id is None:
            return self.json_error_response("invalid_revision", str(ALREADY_CREATED))
        edit_url = reverse("wagtailadmin_pages:edit", args=(page_id,))
        response = self.in_edit_view(page_id)
        if not self.response_is_json(response):
            return self.json_error_response("invalid_revision", str(ALREADY_CREATED))
        answer = json.loads(response.content)
        if not answer.get("success"):
            return response
        answer.pop("html", None)  # the edit page's partials: the hydration below brings them
        answer["url"] = edit_url
        answer["hydrate_url"] = set_query_params(edit_url, {"_w_hydrate_create_view": "1"})
        return JsonResponse(answer)


def forget_old_tokens():
    """Drop the tokens of forms saved longer ago than a session lives: the session that showed
    such a form has ended, so the form cannot be sent again. Returns how many went."""
    cutoff = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    return CreateFormToken.objects.filter(created_at__lt=cutoff).delete()[0]

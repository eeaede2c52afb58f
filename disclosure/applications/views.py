"""Public pages: apply (/apply/) and follow an application (/apply/status/)."""

import logging
import smtplib

from captcha import views as captcha_views
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from disclosure.applications import lookup_limits, spoken_digits, timeline
from disclosure.applications.challenge import new_challenge_allowed
from disclosure.applications.forms import ApplicationForm, StatusForm
from disclosure.applications.letters import reply_letter, reply_letter_pdf
from disclosure.applications.models import Application
from disclosure.applications.public_contacts import too_many_contacts
from disclosure.catalogue.models import DisclosureIndexPage, Organisation
from gongkai import ratelimit
from gongkai.busy import is_database_busy
from gongkai.params import object_id
from gongkai.site_url import absolute

logger = logging.getLogger(__name__)


def _too_many(request, rate, submission_lost=False, back="applications:apply"):
    """The answer over a per-address limit (`rate` is the setting's (limit, seconds)): what
    was refused, when the limit lifts at the latest (the count's window starts at the first
    request, so it may be sooner), for a refused application that nothing was kept, whom to
    call instead, and the way back to the form (`back`, a URL name)."""
    period = rate[1]
    response = render(
        request,
        "applications/too_many.html",
        {
            "minutes": max(1, -(-period // 60)),
            "submission_lost": submission_lost,
            "contacts": too_many_contacts(),
            "back": reverse(back),
            "back_label": _("返回办理进度查询")
            if back == "applications:status"
            else _("返回申请表"),
        },
        status=429,
    )
    response["Retry-After"] = str(period)
    return response


def _plays(key):
    """Count one more fetch of this challenge's audio; how many there have been."""
    name = f"gongkai-captcha-audio:{key}"
    cache.add(name, 0, captcha_settings.CAPTCHA_TIMEOUT * 60)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, captcha_settings.CAPTCHA_TIMEOUT * 60)
        return 1


def _live_challenge(key):
    return CaptchaStore.objects.filter(hashkey=key, expiration__gt=timezone.now()).first()


def captcha_image(request, key, scale=1):
    """django-simple-captcha's picture, gone (410) once the challenge has expired, as the
    audio is: the library draws any row still in the table until the cleanup removes it."""
    if _live_challenge(key) is None:
        return HttpResponse(status=410)
    return captcha_views.captcha_image(request, key, scale=scale)


def captcha_refresh(request):
    """django-simple-captcha's refresh, counted against the address like the form's own
    challenges."""
    if not new_challenge_allowed(request):
        return _too_many(request, settings.GONGKAI_CAPTCHA_RATE)
    return captcha_views.captcha_refresh(request)


@never_cache
def captcha_audio(request, key):
    """The CAPTCHA's digits read in Mandarin (the accessible alternative to the picture)."""
    store = _live_challenge(key)
    if store is None:
        # Gone, as django-simple-captcha answers: an expired challenge is not worth crawling,
        # nor read aloud to whoever kept its key (expired rows stay until the cleanup runs).
        return HttpResponse(status=410)
    if not all(c in "0123456789" for c in store.challenge):
        raise Http404
    # A few plays for a listener; not an endless supply of renderings of the same digits
    # for a script to compare or average.
    if _plays(key) > settings.GONGKAI_CAPTCHA_AUDIO_PLAYS:
        return HttpResponse(status=410)
    response = HttpResponse(spoken_digits.spoken(store.challenge), content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="captcha.wav"'
    return response


def apply(request):
    if request.method == "POST" and request.POST.get("captcha_refresh"):
        # "换一张" without JavaScript posts the form: it comes back with what was typed and a
        # new picture. Nothing is checked, stored or counted, as for a fresh GET.
        typed = {
            name: value
            for name, value in request.POST.items()
            if name in ApplicationForm.Meta.fields and name != "id_proof"
        }
        return _render_form(request, ApplicationForm(initial=typed))
    if request.method == "POST":
        refused = _over_submission_limits(request)
        if refused:
            return _too_many(request, refused, submission_lost=True)
        form = ApplicationForm(request.POST, request.FILES)
        if form.is_valid():
            if _count_accepted(request):
                return _too_many(request, settings.GONGKAI_APPLICATION_RATE, submission_lost=True)
            application, query_code = form.register()
            # Post/redirect/get: reloading the confirmation must not post the form again (its
            # spent CAPTCHA then said 申请未提交 of an application that was registered).
            mailed = _send_receipt(application, query_code)
            request.session[SUBMITTED] = {
                "id": application.pk,
                "query_code": query_code,
                "mailed": mailed,
            }
            return redirect("applications:submitted")
    else:
        initial = {}
        # str.isdigit() also accepts "²", which the database query then failed on (a 500).
        organisation = object_id(request.GET.get("organisation"))
        if organisation and Organisation.objects.filter(pk=organisation).exists():
            initial["organisation"] = organisation
        form = ApplicationForm(initial=initial)
    return _render_form(request, form)


def _over_submission_limits(request):
    """The (limit, seconds) this post is refused under, or None.

    Two limits per address. GONGKAI_APPLICATION_RATE counts accepted applications only
    (_count_accepted): a form sent back with an error message must not lock out a citizen
    fixing typos, nor a service hall whose desks share one address. Every post, accepted or
    not, counts against the much higher GONGKAI_APPLICATION_ATTEMPT_RATE, so that a flood of
    invalid posts (each one checks a CAPTCHA, may carry a 5 MB upload and renders the form with
    a new challenge) is still bounded. A separate ceiling rather than a fractional weight: one
    number that says how many posts an address may make, and an accepted one costs the same
    as a refused one."""
    if ratelimit.exceeded(request, "apply", settings.GONGKAI_APPLICATION_RATE[0]):
        return settings.GONGKAI_APPLICATION_RATE
    limit, period = settings.GONGKAI_APPLICATION_ATTEMPT_RATE
    if ratelimit.hit(request, "apply-attempt", limit, period):
        return settings.GONGKAI_APPLICATION_ATTEMPT_RATE
    return None


def _count_accepted(request):
    """Count one accepted application; True when it is one too many (two posts from one
    address that both passed _over_submission_limits: the counter's increment decides)."""
    limit, period = settings.GONGKAI_APPLICATION_RATE
    return ratelimit.hit(request, "apply", limit, period)


SUBMITTED = "applications_submitted"


@never_cache
def submitted(request):
    """The confirmation of this visitor's last submission: the query code only the first time
    (the session forgets it once shown), the tracking number on every reload."""
    receipt = request.session.get(SUBMITTED)
    application = receipt and Application.objects.filter(pk=receipt["id"]).first()
    if not application:
        return redirect("applications:apply")
    query_code = receipt.pop("query_code", None)
    if query_code:
        request.session[SUBMITTED] = receipt
    return render(
        request,
        "applications/submitted.html",
        {"application": application, "query_code": query_code, "mailed": receipt.get("mailed")},
    )


def _render_form(request, form):
    """The form page. Its CAPTCHA is the one thing a public page writes (django-simple-captcha
    stores each challenge): when the database is too busy to store one, the form is shown
    without it and the visitor is asked to reload before submitting."""
    try:
        if not new_challenge_allowed(request):
            return _too_many(request, settings.GONGKAI_CAPTCHA_RATE)
        return render(
            request, "applications/apply.html", {"form": form, "section_page": _section(form)}
        )
    except DatabaseError as error:
        if not is_database_busy(error):
            raise
    del form.fields["captcha"]
    return render(
        request,
        "applications/apply.html",
        {"form": form, "captcha_unavailable": True, "section_page": _section(form)},
    )


def _section(form):
    """The disclosure root of the organisation the form is addressed to, in the page's
    language: the banner, navigation and footer (its phone for 致电受理机关求助) are then that
    organisation's, as on its own pages, not the site's."""
    organisation = object_id(form["organisation"].value())
    if organisation is None:
        return None
    return (
        DisclosureIndexPage.objects.live()
        .public()
        .filter(organisation_id=organisation, locale=Locale.get_active())
        .first()
    )


def _send_receipt(application, query_code):
    """Whether the receipt went out. The application is registered already: a mail server
    that refuses or does not answer (EMAIL_TIMEOUT) is logged, never the visitor's error.

    Sent here, not after commit through gongkai/mail.py like every other mail: the receipt
    carries the query code, which the register keeps only as a hash (`query_code_hash`); an
    outbox row and its broker message would keep it in plain text, in the database and its
    backups. And the confirmation page says whether the mail went out, so that an applicant
    whose receipt failed writes the code down."""
    if not application.email:
        return False
    try:
        _mail_receipt(application, query_code)
    except (OSError, smtplib.SMTPException):
        logger.warning("申请 %s 的回执邮件未能发出", application.tracking_number, exc_info=True)
        return False
    return True


def _mail_receipt(application, query_code):
    send_mail(
        _("政府信息公开申请已收到：%(number)s") % {"number": application.tracking_number},
        _(
            "%(name)s：\n\n%(organisation)s已收到您的政府信息公开申请。\n"
            "申请编号：%(number)s\n查询码：%(code)s\n收到日期：%(received)s\n答复期限：%(due)s\n\n"
            "请凭申请编号和查询码在“申请办理进度查询”页面查看办理进度：\n%(status_url)s\n"
            "查询码请妥善保管。"
        )
        % {
            "name": application.name,
            "organisation": application.organisation.local_name,
            "number": application.tracking_number,
            "code": query_code,
            "received": application.received_on,
            "due": application.due_on,
            "status_url": absolute(reverse("applications:status")),
        },
        None,
        [application.email],
    )


@never_cache  # a shared terminal's back button must not bring back someone's status
def status(request):
    if request.method != "POST":
        return render(request, "applications/status.html", {"form": StatusForm()})
    # The limits come first: over them, no query code is hashed and none is accepted.
    refused = lookup_limits.refused(request)
    if refused:
        return _too_many(request, refused, back="applications:status")
    if request.POST.get("letter"):
        return _letter(request)
    form = StatusForm(request.POST)
    if not form.is_valid():
        lookup_limits.count_failure(request)
        return _status_form_again(request, form)
    application = form.cleaned_data["application"]
    return render(
        request,
        "applications/status.html",
        {
            # The form below the result asks afresh: the next person at a shared terminal
            # finds neither this number nor its code filled in.
            "form": StatusForm(),
            "lookup": form,
            "application": application,
            "steps": timeline.steps(application),
        },
    )


def _status_form_again(request, form):
    """The form with its message, the number as typed and the query code never filled in."""
    form.forget_query_code()
    return render(request, "applications/status.html", {"form": form, "application": None})


LETTER_FORMATS = {
    "pdf": (reply_letter_pdf, "application/pdf"),
    "docx": (
        reply_letter,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


def _letter(request):
    """The applicant's copy of the issued 告知书, for whoever holds both codes."""
    form = StatusForm(request.POST)
    extension = request.POST.get("letter")
    if (
        extension not in LETTER_FORMATS
        or not form.is_valid()
        or not form.cleaned_data["application"].letter_issued_on
    ):
        lookup_limits.count_failure(request)
        return _status_form_again(request, form)
    application = form.cleaned_data["application"]
    render_letter, content_type = LETTER_FORMATS[extension]
    response = HttpResponse(render_letter(application), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="reply-{application.tracking_number}.{extension}"'
    )
    return response

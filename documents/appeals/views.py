"""The public pages of appeals: the form, the sender's status page and the statistics.

The status link carries its token after ``#``, which browsers never send: the page's script
posts it in the body, so the token reaches no request log, no proxy log and no Referer."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from documents.appeals import selectors, services
from documents.appeals.enums import Kind
from documents.appeals.forms import AppealForm, StatusForm


@never_cache
@require_http_methods(["GET", "POST"])
def submit(request):
    form = AppealForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            appeal, token = services.appeal_submit(
                fields=fields,
                attachments=form.cleaned_data["attachments"],
                address=request.META.get("REMOTE_ADDR", ""),
                language=translation.get_language()[:2],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "appeals/sent.html", {"appeal": appeal, "token": token})
    return render(request, "appeals/form.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def status(request):
    form = StatusForm(request.POST or None)
    appeal = None
    if request.method == "POST" and form.is_valid():
        appeal = services.by_token(form.cleaned_data["code"])
        if appeal is None:
            form.add_error("code", StatusForm.not_found)
    context = {"form": form, "appeal": appeal}
    if appeal is not None:
        today = timezone.localdate()
        context.update(
            overdue=selectors.is_overdue(appeal, today),
            days_off=(appeal.deadline - appeal.registered_on).days - appeal.rule.answer_days,
        )
    return render(request, "appeals/status.html", context, status=404 if form.errors else 200)


def statistics(request):
    figures = selectors.statistics(today=timezone.localdate())
    kinds = dict(Kind.choices)
    for row in figures["by_kind"]:
        row["label"] = kinds.get(row["kind"], row["kind"])
    return render(request, "appeals/statistics.html", figures)

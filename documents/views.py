"""The admin's views of the desk's notices: follow one (it is then read), or mark them all read."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from documents import notices
from documents.models import Notice


@require_GET
def open_notice(request, pk: int):
    """The notice's own address: only its recipient gets it; it is then read and leads on."""
    notice = Notice.objects.filter(pk=pk, user=request.user).first()
    if notice is None:
        raise Http404
    notices.mark_read(request.user, notice)
    if notice.url and url_has_allowed_host_and_scheme(notice.url, allowed_hosts=None):
        return HttpResponseRedirect(notice.url)
    return redirect("wagtailadmin_home")


@require_POST
def read_all(request):
    count = notices.mark_read(request.user)
    if count:
        messages.success(request, _("All notices are marked as read."))
    return redirect("wagtailadmin_home")

"""Notices: when something lands on someone's desk, they are told, in their own language.

A service calls ``notify`` inside its transaction::

    notices.notify(
        recipients=[approval.approver],
        message=_("“%(title)s” awaits your approval."),
        params={"title": order},
        url=reverse("wagtailsnippets_orders_order:inspect", args=(order.pk,)),
        actor=actor,
    )

Each recipient (never the actor) gets a ``Notice`` in both languages, which the dashboard shows,
and, unless they turned it off under *Account*, an e-mail in their admin language, sent only once
the transaction commits (a refused or rolled-back action tells no one). The desk shows the unread
ones; a notice is read when its link is followed (``open_notice``) or when the user marks them all.
"""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from documents.models import Notice, NoticePreference

LANGUAGES = ("ky", "ru")


def language_of(user) -> str:
    """The user's admin language (Account → Preferences), else the site's default."""
    profile = getattr(user, "wagtail_userprofile", None)
    chosen = getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE
    return chosen[:2] if chosen[:2] in LANGUAGES else settings.LANGUAGE_CODE


def _in(language: str, message, params: Mapping) -> str:
    with translation.override(language):
        return str(message) % {key: str(value) for key, value in params.items()}


def wants_email(user) -> bool:
    return bool(user.email) and not NoticePreference.objects.filter(user=user, email=False).exists()


def notify(*, recipients: Iterable, message, params: Mapping, url: str = "", actor=None) -> list[Notice]:
    """Tell each recipient, except the actor, what landed on their desk."""
    told = {}
    for user in recipients:
        if user is not None and user.is_active and (actor is None or user.pk != actor.pk):
            told.setdefault(user.pk, user)
    quiet = set(NoticePreference.objects.filter(user__in=told, email=False).values_list("user", flat=True))
    texts = {language: _in(language, message, params) for language in LANGUAGES}
    notices = []
    for user in told.values():
        notices.append(Notice(user=user, text_ky=texts["ky"][:500], text_ru=texts["ru"][:500], url=url))
        if user.email and user.pk not in quiet:
            language = language_of(user)
            transaction.on_commit(
                lambda user=user, text=texts[language], language=language: _mail(user, text, url, language)
            )
    return Notice.objects.bulk_create(notices)


def _mail(user, text: str, url: str, language: str) -> None:
    with translation.override(language):
        link = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{url}" if url else ""
        send_mail(subject=text[:200], message=f"{text}\n\n{link}".strip(), from_email=None, recipient_list=[user.email])


def unread(user):
    return Notice.objects.filter(user=user, read_at__isnull=True)


def recent(user, limit: int = 10) -> list[Notice]:
    """The latest unread notices of ``user``."""
    return list(unread(user)[:limit])


def mark_read(user, notice: Notice | None = None) -> int:
    """Mark one notice of ``user`` read, or all of them; how many changed."""
    notices = unread(user) if notice is None else unread(user).filter(pk=notice.pk)
    return notices.update(read_at=timezone.now())

from django.conf import settings
from django.db import models

from tests.documents.kitapp.enums import MemoStatus


class Memo(models.Model):
    title = models.CharField("title", max_length=200)
    body = models.TextField("body", blank=True)
    status = models.CharField("status", max_length=16, choices=MemoStatus.choices, default=MemoStatus.DRAFT)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        permissions = [("approve_memo", "Can approve memos")]

    def __str__(self):
        return self.title

"""Move the service's day (``django.utils.timezone.localdate``) to a chosen date in a test."""

import datetime

import pytest
from django.utils import timezone


@pytest.fixture
def today(monkeypatch):
    def move_to(day: datetime.date):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    return move_to

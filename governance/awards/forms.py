from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.lifecycle_admin import ActionForm
from governance.access.people import with_posts
from governance.awards.enums import NominationStatus
from governance.awards.models import Nomination
from governance.bodies.enums import BodyKind, DecisionStatus
from governance.bodies.models import Decision


class CollegiumForm(ActionForm):
    """The collegium's registered decision on the nomination."""

    decision = forms.ModelChoiceField(label=_("collegium's decision"), queryset=Decision.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Decision.objects.filter(
            status=DecisionStatus.REGISTERED, item__meeting__body__kind=BodyKind.COLLEGIUM
        ).order_by("-registered_on", "-pk")


class AwardOrderForm(forms.Form):
    """The approved nominations the order of the awards series confers, and its approval sheet."""

    nominations = forms.ModelMultipleChoiceField(
        label=_("nominations"), queryset=Nomination.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    approvers = forms.ModelMultipleChoiceField(
        label=_("approval sheet"), queryset=get_user_model().objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = Nomination.objects.filter(
            status=NominationStatus.APPROVED, order__isnull=True
        ).select_related("kind")
        self.fields["approvers"].queryset = with_posts(
            get_user_model()
            .objects.filter(is_active=True, groups__role__code__in=["state_secretary", "deputy_chairman"])
            .distinct()
        )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("year"), required=False, min_value=2000, max_value=2100)

    def year_or_current(self) -> int:
        return (self.cleaned_data.get("year") if self.is_valid() else None) or timezone.localdate().year

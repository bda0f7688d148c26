from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from documents.lifecycle_admin import ActionForm
from governance.access import policy
from governance.access.people import with_posts
from governance.orders.models import Order, Series
from governance.staff.enums import ExternalActKind
from governance.staff.selectors import chairman_deputies
from governance.structure.enums import ClassRank
from governance.structure.models import Position, Subdivision


class DelegationForm(WagtailAdminModelForm):
    """The chairman's powers go only to whom the roles table allows, shown by name and post."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "delegate" in self.fields:
            self.fields["delegate"].queryset = with_posts(chairman_deputies().order_by("first_name", "last_name"))
        if "basis_order" in self.fields:
            registered = Order.objects.registered().select_related("series")
            self.fields["basis_order"].queryset = policy.visible(self.for_user, "orders.view_order", registered)


class ProposeForm(ActionForm):
    """The order that will approve the version: its series and its approval sheet."""

    series = forms.ModelChoiceField(label=_("series"), queryset=Series.objects.filter(is_active=True))
    approvers = forms.ModelMultipleChoiceField(
        label=_("approval sheet"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approvers"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__role__code__in=["state_secretary", "deputy_chairman"])
            .distinct()
        )


class DateForm(forms.Form):
    date = forms.DateField(label=_("on the date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class RankConferralForm(WagtailAdminModelForm):
    """The basis is a signed order the user may read, or an external act."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "basis_order" in self.fields:
            registered = Order.objects.registered().select_related("series")
            self.fields["basis_order"].queryset = policy.visible(self.for_user, "orders.view_order", registered)


class EligibilityForm(forms.Form):
    date = forms.DateField(label=_("on the date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    rank = forms.ChoiceField(label=_("class rank held"), required=False, choices=[("", "—"), *ClassRank.choices])
    due_by = forms.DateField(label=_("eligible by"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class StaffingRowChangeForm(forms.Form):
    """A row's units and the monthly salary of one unit."""

    units = forms.IntegerField(label=_("units"), min_value=1, max_value=32767)
    monthly_salary = forms.DecimalField(label=_("monthly salary of a unit"), max_digits=12, decimal_places=2)


class StaffingRowForm(StaffingRowChangeForm):
    """A new row of a draft version: a subdivision that exists on its date, a position."""

    monthly_salary = forms.DecimalField(
        label=_("monthly salary of a unit"),
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_("Empty: the position's monthly salary rate."),
    )
    subdivision = forms.ModelChoiceField(label=_("subdivision"), queryset=Subdivision.objects.none())
    position = forms.ModelChoiceField(label=_("position"), queryset=Position.objects.all())
    field_order = ["subdivision", "position", "units", "monthly_salary"]

    def __init__(self, *args, table, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subdivision"].queryset = Subdivision.objects.on(table.effective_from).order_by(
            "sort_order", "code"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("monthly_salary") is None and cleaned.get("position") is not None:
            cleaned["monthly_salary"] = cleaned["position"].salary_rate
        return cleaned


class ExternalActForm(ActionForm):
    """The act of another body that made an action on a nomenclature post."""

    act_kind = forms.ChoiceField(label=_("kind of act"), choices=ExternalActKind.choices)
    act_issuer = forms.CharField(label=_("issued by"), max_length=300)
    act_number = forms.CharField(label=_("act number"), max_length=50)
    act_date = forms.DateField(label=_("act date"), widget=forms.DateInput(attrs={"type": "date"}))
    act_title_ky = forms.CharField(label=_("act title (Kyrgyz)"), max_length=500)
    act_title_ru = forms.CharField(label=_("act title (Russian)"), max_length=500)

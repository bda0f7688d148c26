from wagtail.admin.forms import WagtailAdminModelForm

from governance.access.people import with_posts
from governance.staff.selectors import chairman_deputies


class DelegationForm(WagtailAdminModelForm):
    """The chairman's powers go only to whom the roles table allows, shown by name and post."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "delegate" in self.fields:
            self.fields["delegate"].queryset = with_posts(chairman_deputies().order_by("first_name", "last_name"))

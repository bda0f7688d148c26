from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    name = "governance.agency"
    label = "agency"
    verbose_name = _("The agency")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontdeskConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "frontdesk"
    verbose_name = _("Front desk")
    # Shown at the top of the admin's front page (staff_access/admin_site.py).
    admin_index_panel = "admin/frontdesk/index_panel.html"

    def ready(self):
        from consultations import export, patient_data
        from frontdesk import history_export

        export.add_column(history_export.CSV_TITLE, history_export.csv_cells)
        patient_data.add_related("contact_history", history_export.copy_rows)

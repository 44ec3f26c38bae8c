from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class StaffAccessConfig(AppConfig):
    name = "staff_access"
    verbose_name = _("Staff access")
    default = True

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from staff_access import access_ended, signals  # noqa: F401  (signals: sign-in receivers)

        access_ended.connect()

        # A person is signed in once the second factor passes: last_login is set there
        # (two_factor.sign_in_second_factor), not by Django at the password.
        user_logged_in.disconnect(dispatch_uid="update_last_login")


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with a site that lets staff in only after their second factor."""

    default = False
    default_site = "staff_access.admin_site.StaffAdminSite"

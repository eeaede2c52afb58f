from django.urls import path

from . import views

# Global names (no namespace): the two-factor middleware lets the first two through.
urlpatterns = [
    path("account/two-factor/", views.two_factor_view, name="accounts_two_factor"),
    path("account/two-factor/verify/", views.verify_view, name="accounts_two_factor_verify"),
    path("account-security/", views.security_view, name="accounts_security"),
    path("account-security/unlock/", views.unlock_view, name="accounts_unlock"),
    path(
        "account-security/reset/<int:user_id>/",
        views.reset_two_factor_view,
        name="accounts_reset_two_factor",
    ),
]

"""Signing in and out, changing the password, and accepting an invitation to a workspace."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from opennps.accounts.actions.members import (
    MembershipError,
    accept_invitation,
    join_with_new_account,
    pending_invitation,
)
from opennps.accounts.forms import EmailAuthenticationForm, JoinForm
from opennps.accounts.models import MemberInvitation, Role, User
from opennps.accounts.ratelimits import (
    check_login_throttle,
    clear_failed_logins,
    normalised_email,
    record_failed_login,
)


class LoginView(auth_views.LoginView):
    """Django's sign-in, refusing throttled attempts before any password is checked."""

    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        throttle = check_login_throttle(request)
        if throttle is not None:
            if throttle.locked:
                message = _(
                    "Too many failed sign-ins for this e-mail. It is locked for "
                    "%(minutes)s more minutes; try again then."
                ) % {"minutes": throttle.retry_after_minutes}
            else:
                message = _("Too many sign-in attempts. Wait a minute and try again.")
            # An unbound form: nothing of this attempt is validated, least of all the password.
            form = EmailAuthenticationForm(request, initial={"username": normalised_email(request)})
            context = self.get_context_data(form=form, throttled=message)
            response = self.render_to_response(context, status=429)
            response["Retry-After"] = str(throttle.retry_after_seconds)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: EmailAuthenticationForm) -> HttpResponse:
        clear_failed_logins(normalised_email(self.request))
        return super().form_valid(form)

    def form_invalid(self, form: EmailAuthenticationForm) -> HttpResponse:
        record_failed_login(normalised_email(self.request))
        return super().form_invalid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("web:home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


def _invitation_invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/invitation_invalid.html", status=404)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link: a signed-in person accepts; a new person creates an account and joins."""
    found = pending_invitation(token)
    if found is None:
        return _invitation_invalid(request)
    if request.user.is_authenticated:
        return _accept_as_signed_in_user(request, found)
    if User.objects.filter(email=found.email).exists():
        return render(
            request,
            "accounts/invitation_sign_in.html",
            {"invitation": found, "role": Role(found.role).label, "next": request.path},
        )
    form = JoinForm(request.POST or None, email=found.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = join_with_new_account(
                found, form.cleaned_data["name"], form.cleaned_data["password1"]
            )
        except MembershipError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to %(name)s.") % {"name": found.workspace.name})
            return redirect("surveys:list", workspace_id=found.workspace_id)
    return render(
        request,
        "accounts/invitation_join.html",
        {"invitation": found, "role": Role(found.role).label, "form": form},
    )


def _accept_as_signed_in_user(request: HttpRequest, found: MemberInvitation) -> HttpResponse:
    if request.method == "POST":
        try:
            accept_invitation(found, request.user)
        except MembershipError as error:
            messages.error(request, str(error))
            return redirect(reverse("web:home"))
        messages.success(request, _("You joined %(name)s.") % {"name": found.workspace.name})
        return redirect("surveys:list", workspace_id=found.workspace_id)
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": found, "role": Role(found.role).label},
    )

"""A workspace's members, invitations and API keys: owners and admins only (the `manage` ability)."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opennps.accounts.actions.api_keys import create_api_key, revoke_api_key
from opennps.accounts.actions.members import (
    MembershipError,
    cancel_invitation,
    change_role,
    invite_member,
    remove_member,
)
from opennps.accounts.forms import ApiKeyForm, InviteForm, RoleForm, role_choices_for
from opennps.accounts.models import ApiKey, MemberInvitation, Membership, Role
from opennps.accounts.scoping import membership_or_404

API_KEY_FORM_TOKENS = "api_key_form_tokens"


def _members_page(request: HttpRequest, actor: Membership, invite_form: InviteForm) -> HttpResponse:
    workspace = actor.workspace
    members = (
        Membership.objects.filter(workspace=workspace)
        .select_related("user")
        .order_by("user__email")
    )
    invitations = MemberInvitation.objects.filter(
        workspace=workspace, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("email")
    return render(
        request,
        "accounts/members.html",
        {
            "membership": actor,
            "workspace": workspace,
            "members": members,
            "invitations": invitations,
            "invite_form": invite_form,
            "role_choices": role_choices_for(actor),
            "is_owner": actor.role == Role.OWNER,
        },
        status=400 if invite_form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def members(request: HttpRequest, workspace_id: int) -> HttpResponse:
    actor = membership_or_404(request.user, workspace_id, "manage")
    return _members_page(request, actor, InviteForm(actor=actor))


@login_required
@require_POST
def invite(request: HttpRequest, workspace_id: int) -> HttpResponse:
    actor = membership_or_404(request.user, workspace_id, "manage")
    form = InviteForm(request.POST, actor=actor)
    if not form.is_valid():
        return _members_page(request, actor, form)
    try:
        invite_member(actor.workspace, form.cleaned_data["email"], form.cleaned_data["role"], actor)
    except MembershipError as error:
        form.add_error("email", str(error))
        return _members_page(request, actor, form)
    messages.success(
        request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]}
    )
    return redirect("web:team:members", workspace_id=workspace_id)


@login_required
@require_POST
def member_role(request: HttpRequest, workspace_id: int, member_id: int) -> HttpResponse:
    actor = membership_or_404(request.user, workspace_id, "manage")
    member = get_object_or_404(Membership, pk=member_id, workspace_id=workspace_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles listed."))
    else:
        try:
            change_role(actor, member, form.cleaned_data["role"])
        except MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(email)s is now %(role)s.")
                % {"email": member.user.email, "role": Role(form.cleaned_data["role"]).label},
            )
    return redirect("web:team:members", workspace_id=workspace_id)


@login_required
@require_POST
def member_remove(request: HttpRequest, workspace_id: int, member_id: int) -> HttpResponse:
    actor = membership_or_404(request.user, workspace_id, "manage")
    member = get_object_or_404(Membership, pk=member_id, workspace_id=workspace_id)
    try:
        remove_member(actor, member)
    except MembershipError as error:
        messages.error(request, str(error))
        return redirect("web:team:members", workspace_id=workspace_id)
    messages.success(request, _("%(email)s was removed.") % {"email": member.user.email})
    if member.pk == actor.pk:
        return redirect("web:home")
    return redirect("web:team:members", workspace_id=workspace_id)


@login_required
@require_POST
def invitation_cancel(request: HttpRequest, workspace_id: int, invitation_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "manage")
    found = get_object_or_404(MemberInvitation, pk=invitation_id, workspace_id=workspace_id)
    cancel_invitation(found)
    messages.success(
        request, _("The invitation to %(email)s was cancelled.") % {"email": found.email}
    )
    return redirect("web:team:members", workspace_id=workspace_id)


def _new_form_token(request: HttpRequest) -> str:
    token = secrets.token_urlsafe(16)
    # A few tokens, so two open tabs both work; older ones fall out.
    request.session[API_KEY_FORM_TOKENS] = [
        *request.session.get(API_KEY_FORM_TOKENS, [])[-4:],
        token,
    ]
    return token


def _use_form_token(request: HttpRequest, token: str) -> bool:
    tokens = request.session.get(API_KEY_FORM_TOKENS, [])
    if token not in tokens:
        return False
    request.session[API_KEY_FORM_TOKENS] = [other for other in tokens if other != token]
    return True


def _api_keys_page(
    request: HttpRequest,
    actor: Membership,
    form: ApiKeyForm | None = None,
    created: ApiKey | None = None,
    secret: str = "",
) -> HttpResponse:
    if form is None or created is not None:
        form = ApiKeyForm(initial={"form_token": _new_form_token(request)})
    else:
        form.data = form.data.copy()
        form.data["form_token"] = _new_form_token(request)
    keys = ApiKey.objects.filter(workspace=actor.workspace, revoked_at__isnull=True).order_by(
        "-created_at"
    )
    response = render(
        request,
        "accounts/api_keys.html",
        {
            "membership": actor,
            "workspace": actor.workspace,
            "keys": keys,
            "form": form,
            "created": created,
            "secret": secret,
        },
        status=400 if form.errors else 200,
    )
    # The page may show a secret: no cache anywhere may keep a copy.
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def api_keys(request: HttpRequest, workspace_id: int) -> HttpResponse:
    """List and create keys. A new key's secret is rendered in the POST's answer and stored nowhere.

    Each form carries a one-time token from the session, so reloading that answer (or a double click)
    cannot create a second key.
    """
    actor = membership_or_404(request.user, workspace_id, "manage")
    if request.method != "POST":
        return _api_keys_page(request, actor)
    form = ApiKeyForm(request.POST)
    if not form.is_valid():
        return _api_keys_page(request, actor, form)
    if not _use_form_token(request, form.cleaned_data["form_token"]):
        messages.error(
            request,
            _(
                "This form was already sent, so no second key was created. The list shows every key."
            ),
        )
        return redirect("web:team:api_keys", workspace_id=workspace_id)
    key, secret = create_api_key(
        actor.workspace,
        form.cleaned_data["scopes"],
        name=form.cleaned_data["name"],
        created_by=request.user,
    )
    return _api_keys_page(request, actor, created=key, secret=secret)


@login_required
@require_POST
def api_key_revoke(request: HttpRequest, workspace_id: int, key_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "manage")
    key = get_object_or_404(ApiKey, pk=key_id, workspace_id=workspace_id, revoked_at__isnull=True)
    revoke_api_key(key)
    messages.success(request, _("The key %(name)s was revoked.") % {"name": key.name or key.hint})
    return redirect("web:team:api_keys", workspace_id=workspace_id)

"""Alert pages under /w/<id>/alerts/: rules, webhook endpoints, the delivery log and re-send.

Everything needs the `edit` ability (analysts, admins, owners); viewers and other workspaces get
404, as for the other settings-like pages (see accounts/scoping.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from opennps.accounts.models import Membership
from opennps.accounts.scoping import membership_or_404
from opennps.alerts import actions
from opennps.alerts.conditions import RuleError
from opennps.alerts.describe import describe_rules
from opennps.alerts.forms import AlertRuleForm, WebhookEndpointForm
from opennps.alerts.models import AlertRule, WebhookDelivery, WebhookEndpoint
from opennps.comments.models import WatchedTheme

EDIT_OR_VIEW = ("GET", "HEAD", "POST")
LOG_LENGTH = 100


def _page(
    request: HttpRequest, membership: Membership, template: str, status: int = 200, **context
) -> HttpResponse:
    context |= {
        "membership": membership,
        "workspace": membership.workspace,
        "nav_section": "alerts",
    }
    return render(request, template, context, status=status)


@login_required
@require_safe
def rule_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    rules = list(
        AlertRule.objects.filter(workspace_id=workspace_id).prefetch_related("email_recipients")
    )
    descriptions = describe_rules(rules, workspace_id, get_language() or "en")
    return _page(
        request, membership, "alerts/list.html", rules=list(zip(rules, descriptions, strict=True))
    )


def _rule_form_page(
    request: HttpRequest, membership: Membership, form: AlertRuleForm, rule: AlertRule | None
) -> HttpResponse:
    return _page(
        request,
        membership,
        "alerts/rule_form.html",
        status=400 if form.errors else 200,
        form=form,
        rule=rule,
    )


@login_required
@require_http_methods(EDIT_OR_VIEW)
def rule_create(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    initial = {"recipients": [request.user.pk], "classes": ["detractor"], "enabled": True}
    theme_id = request.GET.get("theme", "")
    if theme_id.isdigit():  # "Alert on this theme" on the watched themes page
        theme = WatchedTheme.objects.filter(pk=int(theme_id), workspace_id=workspace_id).first()
        if theme is not None:
            name = _("Detractors: %(theme)s") % {"theme": theme.name}
            initial |= {"themes": [theme.pk], "name": name}
    form = AlertRuleForm(request.POST or None, workspace=membership.workspace, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.create_rule(membership.workspace, request.user, form.spec())
        except RuleError as error:
            form.add_rule_error(error)
        else:
            messages.success(request, _("The alert rule was created."))
            return redirect("alerts:list", workspace_id=workspace_id)
    return _rule_form_page(request, membership, form, None)


@login_required
@require_http_methods(EDIT_OR_VIEW)
def rule_edit(request: HttpRequest, workspace_id: int, rule_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    rule = get_object_or_404(AlertRule, pk=rule_id, workspace_id=workspace_id)
    form = AlertRuleForm(request.POST or None, workspace=membership.workspace, rule=rule)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_rule(rule, form.spec())
        except RuleError as error:
            form.add_rule_error(error)
        else:
            messages.success(request, _("The alert rule was saved."))
            return redirect("alerts:list", workspace_id=workspace_id)
    return _rule_form_page(request, membership, form, rule)


@login_required
@require_POST
def rule_delete(request: HttpRequest, workspace_id: int, rule_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    rule = get_object_or_404(AlertRule, pk=rule_id, workspace_id=workspace_id)
    actions.delete_rule(rule)
    messages.success(request, _("The alert rule was deleted."))
    return redirect("alerts:list", workspace_id=workspace_id)


@login_required
@require_safe
def webhook_list(request: HttpRequest, workspace_id: int) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    endpoints = WebhookEndpoint.objects.filter(workspace_id=workspace_id)
    deliveries = WebhookDelivery.objects.filter(workspace_id=workspace_id).select_related(
        "endpoint", "rule"
    )[:LOG_LENGTH]
    return _page(
        request, membership, "alerts/webhooks.html", endpoints=endpoints, deliveries=deliveries
    )


@login_required
@require_http_methods(EDIT_OR_VIEW)
def endpoint_form(
    request: HttpRequest, workspace_id: int, endpoint_id: int | None = None
) -> HttpResponse:
    membership = membership_or_404(request.user, workspace_id, "edit")
    endpoint = None
    initial = None
    if endpoint_id is not None:
        endpoint = get_object_or_404(WebhookEndpoint, pk=endpoint_id, workspace_id=workspace_id)
        initial = {"url": endpoint.url, "events": endpoint.events, "enabled": endpoint.enabled}
    form = WebhookEndpointForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if endpoint is None:
                actions.create_endpoint(
                    membership.workspace,
                    url=data["url"],
                    secret=data["secret"],
                    events=data["events"],
                    enabled=data["enabled"],
                )
            else:
                actions.update_endpoint(
                    endpoint,
                    url=data["url"],
                    secret=data["secret"] or None,
                    events=data["events"],
                    enabled=data["enabled"],
                )
        except RuleError as error:
            form.add_rule_error(error)
        else:
            messages.success(request, _("The webhook endpoint was saved."))
            return redirect("alerts:webhooks", workspace_id=workspace_id)
    return _page(
        request,
        membership,
        "alerts/endpoint_form.html",
        status=400 if form.errors else 200,
        form=form,
        endpoint=endpoint,
    )


@login_required
@require_POST
def endpoint_delete(request: HttpRequest, workspace_id: int, endpoint_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    endpoint = get_object_or_404(WebhookEndpoint, pk=endpoint_id, workspace_id=workspace_id)
    actions.delete_endpoint(endpoint)
    messages.success(request, _("The webhook endpoint was deleted."))
    return redirect("alerts:webhooks", workspace_id=workspace_id)


@login_required
@require_POST
def delivery_resend(request: HttpRequest, workspace_id: int, delivery_id: int) -> HttpResponse:
    membership_or_404(request.user, workspace_id, "edit")
    delivery = get_object_or_404(WebhookDelivery, pk=delivery_id, workspace_id=workspace_id)
    actions.resend_delivery(delivery)
    messages.success(request, _("The delivery was queued again."))
    return redirect("alerts:webhooks", workspace_id=workspace_id)

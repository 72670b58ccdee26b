"""SDG framework pages: goals, targets and the city's local targets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import can_manage_sdg_framework, can_view
from tsunagu.core import selectors
from tsunagu.core.forms import LocalTargetForm
from tsunagu.core.models import Goal, LocalTarget


def goal_list(request):
    return render(request, "core/goal_list.html", {"goals": selectors.goal_list()})


def goal_detail(request, number: int):
    goal = get_object_or_404(Goal, number=number)
    local_targets = selectors.local_target_list(user=request.user, goal=number)
    by_target: dict[int, list[LocalTarget]] = {}
    for local_target in local_targets:
        by_target.setdefault(local_target.target_id, []).append(local_target)
    targets = [(t, by_target.get(t.pk, [])) for t in selectors.target_list(goal=number)]
    return render(request, "core/goal_detail.html", {"goal": goal, "targets": targets})


def local_target_detail(request, code: str):
    local_target = get_object_or_404(LocalTarget.objects.select_related("target__goal"), code=code)
    if not can_view(request.user, local_target):
        raise Http404  # drafts do not exist for those who may not see them
    return render(request, "core/local_target_detail.html", {"local_target": local_target})


@login_required
def local_target_edit(request, code: str | None = None):
    if not can_manage_sdg_framework(request.user):
        raise PermissionDenied
    instance = get_object_or_404(LocalTarget, code=code) if code else None
    form = LocalTargetForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            local_target = form.save()
        messages.success(request, _("Local target %(code)s saved.") % {"code": local_target.code})
        return redirect("core:local_target_detail", code=local_target.code)
    return render(request, "core/local_target_form.html", {"form": form, "instance": instance})

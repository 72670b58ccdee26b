"""Operators register themselves and keep their details and tour products up to date;
city staff may do the same for any operator."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.tourism.forms import OperatorForm, TourProductForm
from tsunagu.tourism.models import Operator, TourProduct
from tsunagu.tourism.policy import can_manage_operator
from tsunagu.tourism.selectors import operator_products
from tsunagu.tourism.services import operators as services


def _form_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Shows a service's error on the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _managed(request, slug: str) -> Operator:
    operator = get_object_or_404(Operator, slug=slug)
    if not can_manage_operator(request.user, operator):
        raise PermissionDenied
    return operator


@login_required
def operator_create(request):
    form = OperatorForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            operator = services.operator_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, _("The operator was registered. You can now add its tour products.")
            )
            return redirect("tourism:tour_product_list", operator.slug)
    return render(request, "tourism/operator_form.html", {"form": form, "operator": None})


@login_required
def operator_edit(request, slug: str):
    operator = _managed(request, slug)
    form = OperatorForm(request.POST or None, instance=operator, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.operator_update(operator=operator, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The operator's details were saved."))
            return redirect("tourism:operator_detail", operator.slug)
    return render(request, "tourism/operator_form.html", {"form": form, "operator": operator})


@login_required
def tour_product_list(request, slug: str):
    operator = _managed(request, slug)
    return render(
        request,
        "tourism/tour_product_list.html",
        {"operator": operator, "products": operator_products(operator)},
    )


@login_required
def tour_product_create(request, slug: str):
    operator = _managed(request, slug)
    form = TourProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.tour_product_create(operator=operator, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The tour product was added."))
            return redirect("tourism:tour_product_list", operator.slug)
    return render(
        request,
        "tourism/tour_product_form.html",
        {"form": form, "operator": operator, "product": None},
    )


@login_required
def tour_product_edit(request, slug: str, pk: int):
    operator = _managed(request, slug)
    product = get_object_or_404(TourProduct, pk=pk, operator=operator)
    form = TourProductForm(request.POST or None, instance=product)
    if request.method == "POST" and form.is_valid():
        try:
            services.tour_product_update(product=product, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The tour product was saved."))
            return redirect("tourism:tour_product_list", operator.slug)
    return render(
        request,
        "tourism/tour_product_form.html",
        {"form": form, "operator": operator, "product": product},
    )


@login_required
@require_POST
def tour_product_delete(request, slug: str, pk: int):
    operator = _managed(request, slug)
    product = get_object_or_404(TourProduct, pk=pk, operator=operator)
    services.tour_product_delete(product=product, by=request.user)
    messages.success(request, _("The tour product was deleted."))
    return redirect("tourism:tour_product_list", operator.slug)

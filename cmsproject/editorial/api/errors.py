"""The API's errors: JSON naming what was wrong, for DRF's exceptions and for what Django and
the workflow raise inside a write."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, models
from rest_framework import exceptions, status
from rest_framework.fields import get_error_detail
from rest_framework.views import exception_handler as drf_exception_handler

from cmsproject.editorial import rights, workflow


class StatusChangeRefused(exceptions.PermissionDenied):
    """The workflow refused the status change (a contributor publishing, say)."""


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "This record has changed since you read it."
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    """RFC 6585: the write must be conditional (``If-Match``)."""

    status_code = 428
    default_detail = "Send the record's ETag in If-Match."
    default_code = "precondition_required"


def exception_handler(exc, context):
    """DRF's handler, plus readable answers for what Django raises inside a write.

    A Django ValidationError becomes a 400 naming its fields; a workflow refusal a 403 whose
    message says why (DRF would replace it with a generic one).
    """
    if isinstance(exc, workflow.WorkflowError):
        exc = StatusChangeRefused({"status": [str(exc)]})
    elif isinstance(exc, rights.ChangeRefused):
        exc = exceptions.PermissionDenied(str(exc))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(get_error_detail(exc))
    elif isinstance(exc, models.ProtectedError):
        exc = exceptions.ValidationError({"detail": [str(exc.args[0])]})
    elif isinstance(exc, DataError):
        # A value the database cannot hold or compare (out of its range, a NUL in a JSON
        # string): the client's mistake, said as such; the write's transaction is undone.
        exc = exceptions.ValidationError(
            {"detail": [f"A value sent cannot be stored or searched: {str(exc).strip()}"]}
        )
    return drf_exception_handler(exc, context)

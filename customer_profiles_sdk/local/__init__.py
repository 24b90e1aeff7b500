"""An embedded emulator of Amazon Connect Customer Profiles.

Use it in-process, through a real boto3 client answered by a botocore event handler
(``before-call`` for the unsigned client below, ``before-send`` for a signed one: see
:meth:`LocalBackend.attach`)::

    from customer_profiles_sdk.local import LocalBackend

    backend = LocalBackend()
    client = backend.client()          # a plain boto3 "customer-profiles" client
    client.create_domain(DomainName="retail", DefaultExpirationDays=365)

intercept every client your own code creates (moto-style)::

    from customer_profiles_sdk.local import mock_customer_profiles

    with mock_customer_profiles() as backend:
        my_app.run()                   # its boto3.client("customer-profiles") is answered here

or as an HTTP server for the AWS CLI and other SDKs::

    customer-profiles local serve --port 4566

The emulator depends on botocore's service model only, never on the SDK's models or
resources. Its behaviour follows ``service-spec.md``; where the spec makes an
assumption it is marked ``[A]`` in the code.
"""

from __future__ import annotations

from ._backend import EMULATOR_ENDPOINT, CallRecord, LocalBackend, emulator_client
from ._clock import Clock
from ._errors import ServiceFault
from ._faults import DOCUMENTED_TPS, Faults
from ._mock import mock_customer_profiles
from ._server import EmulatorServer

__all__ = [
    "DOCUMENTED_TPS",
    "EMULATOR_ENDPOINT",
    "CallRecord",
    "Clock",
    "EmulatorServer",
    "Faults",
    "LocalBackend",
    "ServiceFault",
    "emulator_client",
    "mock_customer_profiles",
]

"""The entry point: :class:`CustomerProfiles`."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config

from . import _service, _signing
from ._transport import Transport
from .retry import RetryPolicy

if TYPE_CHECKING:
    from ._upload import UploadAnswer
    from .local import LocalBackend
    from .resources import (
        AccountIntegrations,
        Domain,
        Domains,
        RecommenderRecipes,
        Tags,
        Templates,
    )

__all__ = ["CustomerProfiles"]

#: botocore's own retries are off in clients the SDK builds: RetryPolicy is the only loop.
#: botocore's parameter validation is off too: the SDK validates every request of its
#: own against the whole model (``_service.check_request``) before sending it.
_NO_BOTOCORE_RETRIES = Config(retries={"total_max_attempts": 1}, parameter_validation=False)

#: One boto3 session per AWS profile name for the whole process, all on one botocore
#: loader: a further ``CustomerProfiles()`` costs about what a further ``boto3.client()``
#: does (the service model is read and built once). Like boto3's default session, a
#: session resolves its credentials once and refreshes them when they are refreshable.
_SESSIONS: dict[str | None, boto3.session.Session] = {}
_SESSIONS_LOCK = threading.Lock()


def _shared_session(profile_name: str | None) -> boto3.session.Session:
    """The process's boto3 session for ``profile_name`` (``None``: the default chain)."""
    session = _SESSIONS.get(profile_name)
    if session is not None:
        return session
    with _SESSIONS_LOCK:
        session = _SESSIONS.get(profile_name)
        if session is None:
            import botocore.session

            # The default chain's session is the one the SDK reads the model with (one
            # botocore session to build, not two); another profile's session shares its
            # loader, which caches the JSON it reads: the model loads once either way.
            model_session = _service.botocore_session()
            if profile_name is None:
                core = model_session
            else:
                core = botocore.session.Session()
                core.register_component("data_loader", model_session.get_component("data_loader"))
            session = boto3.session.Session(botocore_session=core, profile_name=profile_name)
            _SESSIONS[profile_name] = session
    return session


class CustomerProfiles:
    """A Customer Profiles client: the root of the SDK's resources.

    Build it from the default AWS credential chain, from a named profile and region, or
    around a boto3 client you already have. Instances are immutable.

    Args:
        client: an existing boto3 ``customer-profiles`` client. Its configuration is
            kept, but botocore's own retries are gated off for the SDK's calls (a
            ``needs-retry`` handler, see :mod:`customer_profiles_sdk.retry`): the
            SDK's :class:`RetryPolicy` is their only retry loop, and a ``CreateProfile``
            is never repeated blindly. Your own calls on the client keep botocore's
            retries. Exclusive with ``region_name``, ``profile_name``, ``endpoint_url``
            and ``botocore_config``.
        region_name: the AWS region (default: from the environment / AWS config).
        profile_name: a named profile of your AWS configuration.
        endpoint_url: a custom endpoint, e.g. an emulator served by
            ``customer-profiles local serve``.
        botocore_config: extra botocore ``Config``; its retry settings are overridden so
            that botocore does not retry on its own.
        retry: the retry policy (default: ``RetryPolicy()``).

    Raises:
        TypeError: ``client`` combined with options that build a client.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()             # embedded emulator, no AWS account
        >>> cp.region_name
        'us-east-1'
    """

    __slots__ = ("_client", "_transport")
    _client: Any
    _transport: Transport

    def __init__(
        self,
        *,
        client: Any | None = None,
        region_name: str | None = None,
        profile_name: str | None = None,
        endpoint_url: str | None = None,
        botocore_config: Config | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        if client is not None:
            if any(
                v is not None for v in (region_name, profile_name, endpoint_url, botocore_config)
            ):
                raise TypeError(
                    "pass either client= or the options to build one "
                    "(region_name, profile_name, endpoint_url, botocore_config), not both"
                )
        else:
            config = (botocore_config or Config()).merge(_NO_BOTOCORE_RETRIES)
            client = _shared_session(profile_name).client(
                "customer-profiles",
                region_name=region_name,
                endpoint_url=endpoint_url,
                config=config,
            )
            # SigV4 computed in one pass (the same signature as botocore's signer).
            _signing.install(client)
        object.__setattr__(self, "_client", client)
        object.__setattr__(self, "_transport", Transport(client, retry or RetryPolicy()))

    @classmethod
    def local(
        cls,
        *,
        backend: LocalBackend | None = None,
        region_name: str = "us-east-1",
        retry: RetryPolicy | None = None,
    ) -> CustomerProfiles:
        """A client on the embedded emulator: no AWS account, no network.

        Args:
            backend: share an existing :class:`~customer_profiles_sdk.local.LocalBackend`
                (e.g. to inspect it or inject faults); default: a fresh one.
            region_name: the region the client pretends to be in.
            retry: the retry policy (default: ``RetryPolicy()``).

        Waiting for an asynchronous job (``.wait()``) advances the backend's clock
        instead of sleeping, so a job of ten emulated minutes finishes at once. The file
        of an upload job (``domain.upload_jobs.upload(...)``) is handed to the backend
        in-process (``LocalBackend.put_upload``): its upload URLs have no listener.
        """
        from ._polling import Waiter
        from .local import LocalBackend

        backend = backend if backend is not None else LocalBackend()
        # botocore's parameter validation is off, as on every client the SDK builds.
        client = backend.client(region_name=region_name, config=Config(parameter_validation=False))
        cp = cls(client=client, retry=retry)
        # ``.wait()`` on the emulator advances its clock instead of sleeping.
        clock = backend.clock
        waiter = Waiter(clock=clock.now, sleep=lambda seconds: clock.advance(seconds))

        # The emulator's in-process upload URLs have no listener: the PUT of an upload
        # job's file is handed to the backend, which applies the URL's checks.
        def upload_hook(url: str, body: bytes, headers: Mapping[str, str]) -> UploadAnswer:
            from ._upload import UploadAnswer

            answer = backend.put_upload(url, body, headers)
            return UploadAnswer(answer.status, dict(answer.headers), answer.body)

        transport = Transport(cp._client, cp.retry_policy, waiter=waiter, upload_hook=upload_hook)
        object.__setattr__(cp, "_transport", transport)
        return cp

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    @property
    def domains(self) -> Domains:
        """The account's domains: ``cp.domains.create(...)``, ``.list()``, ``.get(name)``."""
        from .resources.domains import Domains  # loaded on first use

        return Domains(self._transport)

    def domain(self, name: str) -> Domain:
        """A handle on domain ``name``; makes no request (see :class:`Domain`)."""
        from .resources.domains import Domain  # loaded on first use

        return Domain(self._transport, name)

    @property
    def templates(self) -> Templates:
        """The object-type templates AWS provides (``cp.templates.list()``)."""
        from .resources.templates import Templates  # loaded on first use

        return Templates(self._transport)

    @property
    def integrations(self) -> AccountIntegrations:
        """Account-level integration lookup (``cp.integrations.list(uri)``)."""
        from .resources.account_integrations import AccountIntegrations  # loaded on first use

        return AccountIntegrations(self._transport)

    @property
    def tags(self) -> Tags:
        """Tags of any Customer Profiles resource, by ARN (``cp.tags.list(arn)``)."""
        from .resources.tags import Tags  # loaded on first use

        return Tags(self._transport)

    @property
    def recommender_recipes(self) -> RecommenderRecipes:
        """The recipes recommenders are built from (``cp.recommender_recipes.list()``)."""
        from .resources.recommenders import RecommenderRecipes  # loaded on first use

        return RecommenderRecipes(self._transport)

    @property
    def client(self) -> Any:
        """The underlying boto3 client (for operations the SDK does not wrap)."""
        return self._client

    @property
    def region_name(self) -> str:
        """The region the client talks to."""
        return str(self._client.meta.region_name)

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy applied to every call."""
        return self._transport.retry_policy

    def __repr__(self) -> str:
        return f"CustomerProfiles(region_name={self.region_name!r})"

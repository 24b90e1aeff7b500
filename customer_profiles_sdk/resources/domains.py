"""Domains: ``cp.domains`` (the collection) and ``cp.domain(name)`` (a handle)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import _convert
from .._convert import to_request
from .._transport import Transport
from ..errors import ResourceNotFoundError
from ..models.domain import DataStore, DomainSettings, DomainSummary, Matching, RuleBasedMatching
from ..paging import Paged
from ._base import Resource, api, as_map, coerce
from .attributes import Attributes
from .calculated_attributes import CalculatedAttributes
from .domain_object_types import DomainObjectTypes
from .event_streams import EventStreams
from .event_triggers import EventTriggers
from .integrations import Integrations
from .layouts import Layouts
from .matches import Matches
from .object_types import ObjectTypes
from .objects import Objects
from .profiles import Profiles
from .recommendations import Recommendations
from .recommenders import Recommenders
from .segments import Segments
from .upload_jobs import UploadJobs
from .workflows import Workflows

if TYPE_CHECKING:
    from ..domain_spec import ApplyResult, DomainSpec, OnChange, Plan

__all__ = ["Domain", "Domains"]


def _settings_params(
    *,
    default_expiration_days: int | None,
    default_encryption_key: str | None,
    dead_letter_queue_url: str | None,
    matching: Matching | Mapping[str, Any] | None,
    rule_based_matching: RuleBasedMatching | Mapping[str, Any] | None,
    data_store: DataStore | Mapping[str, Any] | None,
    tags: Mapping[str, str] | None,
) -> dict[str, Any]:
    return {
        "DefaultExpirationDays": default_expiration_days,
        "DefaultEncryptionKey": default_encryption_key,
        "DeadLetterQueueUrl": dead_letter_queue_url,
        "Matching": None
        if matching is None
        else to_request(coerce(Matching, matching), "MatchingRequest"),
        "RuleBasedMatching": None
        if rule_based_matching is None
        else to_request(coerce(RuleBasedMatching, rule_based_matching), "RuleBasedMatchingRequest"),
        "DataStore": None
        if data_store is None
        else to_request(coerce(DataStore, data_store), "DataStoreRequest"),
        "Tags": as_map(tags),
    }


class Domain(Resource):
    """A handle on one domain: ``cp.domain("retail")``. Creating it makes no request.

    Its attributes reach everything inside the domain: :attr:`profiles`,
    :attr:`object_types`, :attr:`objects`, :attr:`calculated_attributes`,
    :attr:`integrations` and :attr:`matches`; and its configuration:
    :attr:`domain_object_types`, :attr:`event_streams`, :attr:`event_triggers` and
    :attr:`layouts`.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-handle", default_expiration_days=365)
        >>> domain.name, domain.exists()
        ('docs-handle', True)
    """

    __slots__ = ("_name",)

    def __init__(self, transport: Transport, name: str) -> None:
        super().__init__(transport)
        self._name = name

    @property
    def name(self) -> str:
        """The domain name."""
        return self._name

    @property
    def profiles(self) -> Profiles:
        """The domain's profiles."""
        return Profiles(self._transport, self._name)

    @property
    def object_types(self) -> ObjectTypes:
        """The domain's object types (ingestion mappings)."""
        return ObjectTypes(self._transport, self._name)

    @property
    def objects(self) -> Objects:
        """The profile objects (orders, cases, assets, custom records) of the domain."""
        return Objects(self._transport, self._name)

    @property
    def calculated_attributes(self) -> CalculatedAttributes:
        """The domain's calculated attribute definitions and their per-profile values."""
        return CalculatedAttributes(self._transport, self._name)

    @property
    def integrations(self) -> Integrations:
        """The domain's integrations (AppFlow, Connect and other sources)."""
        return Integrations(self._transport, self._name)

    @property
    def matches(self) -> Matches:
        """The identity-resolution matches of the domain."""
        return Matches(self._transport, self._name)

    @property
    def segments(self) -> Segments:
        """The domain's segments: definitions, estimates, membership, snapshots and
        membership events."""
        return Segments(self._transport, self._name)

    @property
    def attributes(self) -> Attributes:
        """Attribute values and statistics of the domain's profiles and object types."""
        return Attributes(self._transport, self._name)

    @property
    def upload_jobs(self) -> UploadJobs:
        """The domain's upload jobs: CSV imports of profiles."""
        return UploadJobs(self._transport, self._name)

    @property
    def workflows(self) -> Workflows:
        """The domain's integration workflows (historical ingestion from AppFlow sources)."""
        return Workflows(self._transport, self._name)

    @property
    def recommenders(self) -> Recommenders:
        """The domain's recommenders, with their filters and schemas."""
        return Recommenders(self._transport, self._name)

    @property
    def recommendations(self) -> Recommendations:
        """Recommendations for the domain's profiles, from its recommenders."""
        return Recommendations(self._transport, self._name)

    @property
    def domain_object_types(self) -> DomainObjectTypes:
        """The domain's Data Store object types."""
        return DomainObjectTypes(self._transport, self._name)

    @property
    def event_streams(self) -> EventStreams:
        """The domain's event streams (real-time export to Kinesis)."""
        return EventStreams(self._transport, self._name)

    @property
    def event_triggers(self) -> EventTriggers:
        """The domain's event triggers (conditions on ingested objects)."""
        return EventTriggers(self._transport, self._name)

    @property
    def layouts(self) -> Layouts:
        """The domain's layouts (Profile Explorer views)."""
        return Layouts(self._transport, self._name)

    @api("GetDomain", output=DomainSettings)
    def get(self) -> DomainSettings:
        """Read the domain's settings and statistics (``GetDomain``).

        Raises:
            ResourceNotFoundError: the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-get", default_expiration_days=90)
            >>> domain.get().stats.profile_count
            0
        """
        response = self._call("GetDomain", {"DomainName": self._name})
        return _convert.from_wire(DomainSettings, response)

    def exists(self) -> bool:
        """Whether the domain exists (``GetDomain``; a missing domain is ``False``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> CustomerProfiles.local().domain("nowhere").exists()
            False
        """
        try:
            self._call("GetDomain", {"DomainName": self._name})
        except ResourceNotFoundError:
            return False
        return True

    @api("UpdateDomain", output=DomainSettings)
    def update(
        self,
        *,
        default_expiration_days: int | None = None,
        default_encryption_key: str | None = None,
        dead_letter_queue_url: str | None = None,
        matching: Matching | Mapping[str, Any] | None = None,
        rule_based_matching: RuleBasedMatching | Mapping[str, Any] | None = None,
        data_store: DataStore | Mapping[str, Any] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> DomainSettings:
        """Change the domain's settings (``UpdateDomain``).

        Only the arguments you pass are sent; the others keep their value. Pass an empty
        string to clear ``default_encryption_key`` or ``dead_letter_queue_url``. ``tags``
        are added to (and overwrite) the existing tags.

        Returns:
            The settings after the update (without ``stats``).

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the service rejected the change.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-update", default_expiration_days=30)
            >>> domain.update(default_expiration_days=60).default_expiration_days
            60
        """
        params = _settings_params(
            default_expiration_days=default_expiration_days,
            default_encryption_key=default_encryption_key,
            dead_letter_queue_url=dead_letter_queue_url,
            matching=matching,
            rule_based_matching=rule_based_matching,
            data_store=data_store,
            tags=tags,
        )
        response = self._call("UpdateDomain", {"DomainName": self._name, **params})
        return _convert.from_wire(DomainSettings, response)

    @api("DeleteDomain", returns=("Message",))
    def delete(self) -> bool:
        """Delete the domain and everything in it (``DeleteDomain``).

        Idempotent: deleting a domain that does not exist is not an error.

        Returns:
            ``True`` if the domain was deleted, ``False`` if it did not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-delete", default_expiration_days=30)
            >>> domain.delete(), domain.delete()
            (True, False)
        """
        return self._delete_if_exists("DeleteDomain", {"DomainName": self._name})

    def overview_html(self) -> str:
        """The domain as HTML: settings and statistics, object types, calculated
        attributes and integrations (``GetDomain`` and one list of each; Jupyter shows it
        when a :class:`Domain` is displayed). Personal data (e.g. descriptions) is masked
        unless :func:`~customer_profiles_sdk.show_personal_data` is on.

        Raises:
            ResourceNotFoundError: the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-overview", default_expiration_days=30)
            >>> "Calculated attributes" in domain.overview_html()
            True
        """
        from .._display import domain_html

        settings = self.get()
        return domain_html(
            settings,
            self.object_types.list().to_list(),
            self.calculated_attributes.list().to_list(),
            self.integrations.list().to_list(),
        )

    def _repr_html_(self) -> str:
        """Jupyter's view: :meth:`overview_html` (a handle makes requests only here)."""
        from ..errors import CustomerProfilesError

        try:
            return self.overview_html()
        except CustomerProfilesError as exc:
            import html

            return f"<p><b>Domain {html.escape(self._name)}</b>: {html.escape(str(exc))}</p>"

    def __repr__(self) -> str:
        return f"Domain(name={self._name!r})"


class Domains(Resource):
    """The account's domains in this region: ``cp.domains``.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> cp = CustomerProfiles.local()
        >>> _ = cp.domains.create("docs-a", default_expiration_days=365)
        >>> [d.domain_name for d in cp.domains.list()]
        ['docs-a']
    """

    __slots__ = ()

    def __call__(self, name: str) -> Domain:
        """A handle on domain ``name`` (no request); same as ``cp.domain(name)``."""
        return Domain(self._transport, name)

    @api("CreateDomain", bound=(), params={"DomainName": "name"}, output=DomainSettings)
    def create(
        self,
        name: str,
        *,
        default_expiration_days: int,
        default_encryption_key: str | None = None,
        dead_letter_queue_url: str | None = None,
        matching: Matching | Mapping[str, Any] | None = None,
        rule_based_matching: RuleBasedMatching | Mapping[str, Any] | None = None,
        data_store: DataStore | Mapping[str, Any] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Domain:
        """Create a domain (``CreateDomain``) and return a handle on it.

        Args:
            name: the domain name (letters, digits, ``_`` and ``-``; at most 64).
            default_expiration_days: how long profile data is kept (1 to 1098 days).
            default_encryption_key: a KMS key ARN to encrypt the domain's data.
            dead_letter_queue_url: an SQS queue for ingestion failures.
            matching: ML identity-resolution settings, e.g. ``Matching(enabled=True)``.
            rule_based_matching: rule-based identity resolution settings.
            data_store: data store settings.
            tags: tags of the domain.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            BadRequestError: the domain already exists, or the service rejected it.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> cp.domains.create("docs-create", default_expiration_days=365).name
            'docs-create'
        """
        params = _settings_params(
            default_expiration_days=default_expiration_days,
            default_encryption_key=default_encryption_key,
            dead_letter_queue_url=dead_letter_queue_url,
            matching=matching,
            rule_based_matching=rule_based_matching,
            data_store=data_store,
            tags=tags,
        )
        self._call("CreateDomain", {"DomainName": name, **params})
        return Domain(self._transport, name)

    def get(self, name: str) -> DomainSettings:
        """Read domain ``name``'s settings (``GetDomain``); see :meth:`Domain.get`."""
        return Domain(self._transport, name).get()

    def exists(self, name: str) -> bool:
        """Whether domain ``name`` exists (``GetDomain``)."""
        return Domain(self._transport, name).exists()

    def delete(self, name: str) -> bool:
        """Delete domain ``name`` if it exists (``DeleteDomain``); see :meth:`Domain.delete`."""
        return Domain(self._transport, name).delete()

    @api("ListDomains", bound=(), output=DomainSummary)
    def list(self) -> Paged[DomainSummary]:
        """Every domain of the account in this region (``ListDomains``), lazily paged.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> for n in ("docs-x", "docs-y"):
            ...     _ = cp.domains.create(n, default_expiration_days=30)
            >>> [d.domain_name for d in cp.domains.list().page_size(1)]
            ['docs-x', 'docs-y']
        """
        return self._paged("ListDomains", {}, DomainSummary)

    # ----------------------------------------------------------------- domains as code

    def plan(self, spec: DomainSpec, *, prune: bool = False) -> Plan:
        """What :meth:`apply` would change to make the domain match ``spec``; changes nothing.

        Reads the domain (``GetDomain``, ``ListProfileObjectTypes``,
        ``GetProfileObjectType``, ``ListCalculatedAttributeDefinitions``,
        ``GetCalculatedAttributeDefinition``, ``ListIntegrations``,
        ``ListDomainObjectTypes``, ``GetDomainObjectType``, ``ListEventStreams``,
        ``ListEventTriggers``, ``GetEventTrigger``, ``ListSegmentDefinitions``,
        ``GetSegmentDefinition``; and ``ListProfileObjectTypeTemplates`` when the spec names
        a template as a type).

        Args:
            spec: the desired domain (see :class:`~customer_profiles_sdk.domain_spec.DomainSpec`).
            prune: also plan to delete the object types, calculated attributes,
                integrations, Data Store object types, event streams, event triggers and
                segment definitions the spec does not list (else they are in
                ``plan.unmanaged``).

        Returns:
            The plan; ``print(plan)`` shows a diff for people.

        Raises:
            SpecError: the spec is invalid, or references an object type, a source
                segment or a calculated attribute that is neither in the spec nor in the
                domain (nothing was sent for a spec that breaks the API's constraints).
            ServiceError: a read failed.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.domain_spec import DomainSpec
            >>> cp = CustomerProfiles.local()
            >>> spec = DomainSpec(domain_name="docs-plan-m", default_expiration_days=30)
            >>> [c.summary() for c in cp.domains.plan(spec).changes]
            ['+ domain docs-plan-m']
        """
        from ._domain_setup import DomainSetup  # loads YAML and the spec format

        return DomainSetup(self._transport).plan(spec, prune=prune)

    def apply(
        self, spec: DomainSpec, *, prune: bool = False, on_change: OnChange | None = None
    ) -> ApplyResult:
        """Make the domain match ``spec``: create or update it and what it contains.

        Plans first (see :meth:`plan`), then makes the changes in dependency order: the
        domain (``CreateDomain``/``UpdateDomain``); with ``prune``, deletions of
        integrations, calculated attributes and event streams (``DeleteIntegration``,
        ``DeleteCalculatedAttributeDefinition``, ``DeleteEventStream``); object types
        (``PutProfileObjectType``); Data Store object types (``PutDomainObjectType``);
        event streams (``CreateEventStream``, ``TagResource`` for a tag change, or
        delete and create for a new ``Uri``); event triggers (``CreateEventTrigger``,
        ``UpdateEventTrigger``, or delete and create for a replace); integrations
        (``PutIntegration``); calculated attributes
        (``CreateCalculatedAttributeDefinition``, ``UpdateCalculatedAttributeDefinition``,
        or delete and create for a replace); with ``prune``, deletions of event triggers,
        Data Store object types and object types (``DeleteEventTrigger``,
        ``DeleteDomainObjectType``, ``DeleteProfileObjectType``). Segment definitions
        are created sources first (``CreateSegmentDefinition``, delete and create for a
        replace, ``TagResource`` for new tags) and deleted with ``prune`` dependants first
        (``DeleteSegmentDefinition``).

        Idempotent: applying the same spec again sends no write request. Throttled
        requests are retried by the client's retry policy.

        Args:
            spec: the desired domain.
            prune: delete what the spec does not list.
            on_change: called with each :class:`~customer_profiles_sdk.domain_spec.Change`
                once it is made (progress reporting).

        Returns:
            What was applied.

        Raises:
            SpecError: the spec is invalid (nothing was changed).
            ApplyError: a change failed; ``.applied`` lists the changes made,
                ``.pending`` the ones not made. Apply again to finish.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> from customer_profiles_sdk.domain_spec import DomainSpec
            >>> cp = CustomerProfiles.local()
            >>> spec = DomainSpec(domain_name="docs-apply", default_expiration_days=30)
            >>> cp.domains.apply(spec).changed, cp.domains.apply(spec).changed
            (True, False)
        """
        from ._domain_setup import DomainSetup  # loads YAML and the spec format

        return DomainSetup(self._transport).apply(spec, prune=prune, on_change=on_change)

    def export(self, name: str) -> DomainSpec:
        """Domain ``name`` as a spec: its settings, object types, calculated attributes,
        integrations, Data Store object types, event streams, event triggers and segment
        definitions (the reads of :meth:`plan`).

        Integrations' ``FlowDefinition`` is not exported: the service never returns it.

        Raises:
            ResourceNotFoundError: the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> _ = cp.domains.create("docs-export", default_expiration_days=30,
            ...                       tags={"team": "crm"})
            >>> print(cp.domains.export("docs-export").dumps(), end="")
            DomainName: docs-export
            DefaultExpirationDays: 30
            Tags:
              team: crm
        """
        from ._domain_setup import DomainSetup  # loads YAML and the spec format

        return DomainSetup(self._transport).export(name)

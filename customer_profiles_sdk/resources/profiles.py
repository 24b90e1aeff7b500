"""Profiles: ``domain.profiles`` - create, read, search, update, keys, merge, delete.

There is no ``GetProfile`` operation in the API: :meth:`Profiles.get` searches by the
``_profileId`` key. Profile ids are 32 lowercase hexadecimal characters; an id of
another form is refused with :class:`~customer_profiles_sdk.errors.ValidationError`
before anything is sent.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeVar

from .. import _convert, _service
from .._convert import to_request
from ..errors import ResourceNotFoundError, ValidationError
from ..models.profile import (
    Address,
    BatchGetProfileResult,
    EngagementPreferences,
    FieldSourceProfileIds,
    Gender,
    Key,
    MergeResult,
    PartyType,
    Profile,
    ProfileType,
    SearchKey,
)
from ..paging import Paged
from . import _key_names
from ._base import DomainResource, api, as_map, coerce, value_list
from .history import ProfileHistory

__all__ = ["Profiles"]

#: The most key/values pairs one search may use (``KeyName`` plus 4 additional keys).
MAX_SEARCH_KEYS = 5

_LOGICAL_OPERATORS = {"any": "OR", "all": "AND"}

M = TypeVar("M")


def _member_value(shape_name: str, wire: str, value: Any) -> Any:
    """Unstructure ``value`` for member ``wire`` of request ``shape_name``."""
    member = _service.structure(shape_name).members[wire]
    return to_request(value, member.name)


class Profiles(ProfileHistory, DomainResource):  # history(): resources/history.py
    """The profiles of one domain: ``cp.domain("retail").profiles``.

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles, Profile
        >>> cp = CustomerProfiles.local()
        >>> domain = cp.domains.create("docs-profiles", default_expiration_days=365)
        >>> pid = domain.profiles.create(Profile(first_name="Ana", email_address="ana@example.com"))
        >>> [p.first_name for p in domain.profiles.search("_email", ["ANA@example.com"])]
        ['Ana']
    """

    __slots__ = ()

    # ------------------------------------------------------------------ create / read

    @api("CreateProfile", returns=("ProfileId",))
    def create(self, profile: Profile | Mapping[str, Any]) -> str:
        """Create a profile (``CreateProfile``) and return its new id.

        Args:
            profile: the profile's fields, as a :class:`Profile` or a mapping of its
                field names (``{"first_name": "Ana"}``). ``profile_id`` and
                ``found_by_items`` are set by the service and not sent.

        Returns:
            The new profile's id (32 hexadecimal characters).

        Raises:
            ValidationError: a field breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the service rejected the profile (e.g. both ``gender`` and
                ``gender_string`` set).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pcreate", default_expiration_days=365)
            >>> pid = domain.profiles.create({"first_name": "Ana", "last_name": "Lima"})
            >>> len(pid), domain.profiles.get(pid).last_name
            (32, 'Lima')
        """
        request = to_request(coerce(Profile, profile), "CreateProfileRequest")
        response = self._call("CreateProfile", {**request, "DomainName": self._domain})
        return str(response["ProfileId"])

    def get(self, profile_id: str) -> Profile:
        """Read one profile by id (``SearchProfiles`` on the ``_profileId`` key).

        The API has no ``GetProfile`` operation; this is the documented way to read one.

        Raises:
            ValidationError: ``profile_id`` is not 32 lowercase hex characters (nothing
                sent).
            ResourceNotFoundError: no such profile, or the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pget", default_expiration_days=365)
            >>> pid = domain.profiles.create({"business_name": "Acme"})
            >>> domain.profiles.get(pid).business_name
            'Acme'
        """
        self._check_profile_id("SearchProfiles", profile_id)
        found = self._search_pairs([("_profileId", [profile_id])], "OR").first()
        if found is None:
            raise ResourceNotFoundError(
                f"Profile {profile_id} not found in domain {self._domain}",
                operation="SearchProfiles",
            )
        return found

    def exists(self, profile_id: str) -> bool:
        """Whether profile ``profile_id`` exists (``SearchProfiles`` on ``_profileId``).

        Raises:
            ValidationError: ``profile_id`` is malformed (nothing sent).
            ResourceNotFoundError: the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pexists", default_expiration_days=365)
            >>> pid = domain.profiles.create({"first_name": "Ana"})
            >>> domain.profiles.exists(pid), domain.profiles.exists("0" * 32)
            (True, False)
        """
        self._check_profile_id("SearchProfiles", profile_id)
        return self._search_pairs([("_profileId", [profile_id])], "OR").first() is not None

    @api(
        "SearchProfiles",
        params={"AdditionalSearchKeys": "keys", "LogicalOperator": "match"},
        output=Profile,
    )
    def search(
        self,
        key_name: str | None = None,
        values: Iterable[str] | None = None,
        *,
        keys: Mapping[str, Iterable[str]] | Iterable[SearchKey | Mapping[str, Any]] | None = None,
        match: Literal["any", "all"] = "any",
        check_key: bool = True,
    ) -> Paged[Profile]:
        """Find profiles by search keys (``SearchProfiles``), lazily paged.

        Search either one key (``search("_email", ["ana@example.com"])``) or up to 5
        keys at once (``search(keys={"_email": [...], "_phone": [...]})``). A profile
        satisfies a key when one of its values for that key equals one of the given
        values (phone numbers and emails are compared normalised by the service).

        Args:
            key_name: the key to search (``_email``, ``_phone``, ``_account``,
                ``_fullName``, ``_profileId`` or a key of an object type).
            values: the values to look for (a list, even for one value).
            keys: several keys and their values, instead of ``key_name``/``values``:
                a mapping ``{key_name: values}`` or a list of :class:`SearchKey`.
            match: with ``keys``, ``"any"`` (default) finds profiles satisfying at
                least one key (``OR``), ``"all"`` those satisfying every key (``AND``).
            check_key: refuse a key name that is neither a standard key nor defined by
                an object type of the domain (a misspelling such as ``"_emial"`` would
                otherwise find nothing, like a search for an unknown customer). The
                domain's key names are read once per client and again on a miss;
                ``False`` skips the check (and those reads).

        Returns:
            The matching profiles. For a multi-key search each profile's
            ``found_by_items`` tells which keys found it.

        Raises:
            ValidationError: not exactly one of ``key_name``/``values`` and ``keys``
                given, more than 5 keys, a bare string as values, a value breaking
                the API's constraints, or (``check_key``) a key name the domain does
                not know, with the closest known names; raised before the search is sent.
            ResourceNotFoundError: the domain does not exist (raised while iterating).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-psearch", default_expiration_days=365)
            >>> _ = domain.profiles.create({"first_name": "Ana", "phone_number": "+15551234567"})
            >>> _ = domain.profiles.create({"first_name": "Bo", "email_address": "bo@example.com"})
            >>> found = domain.profiles.search(
            ...     keys={"_phone": ["(555) 123-4567"], "_email": ["bo@example.com"]})
            >>> sorted(p.first_name for p in found)
            ['Ana', 'Bo']
            >>> both = domain.profiles.search(
            ...     keys={"_phone": ["+15551234567"], "_email": ["bo@example.com"]}, match="all")
            >>> both.to_list()
            []
        """
        operation = "SearchProfiles"
        if match not in _LOGICAL_OPERATORS:
            violation = _service.Violation("match", "one of 'any', 'all'", f"got {match!r}")
            raise ValidationError(operation, [violation])
        if keys is not None:
            if key_name is not None or values is not None:
                violation = _service.Violation(
                    "keys", "either key_name and values, or keys", "got both"
                )
                raise ValidationError(operation, [violation])
            if isinstance(keys, Mapping):
                pairs = [
                    (name, value_list(operation, f"keys[{name!r}]", vals))
                    for name, vals in keys.items()
                ]
            else:
                found = [coerce(SearchKey, key) for key in keys]
                pairs = [
                    (key.key_name, value_list(operation, f"keys[{i}].values", key.values))
                    for i, key in enumerate(found)
                ]
            if not 1 <= len(pairs) <= MAX_SEARCH_KEYS:
                violation = _service.Violation(
                    "keys", f"1 to {MAX_SEARCH_KEYS} keys", f"got {len(pairs)}"
                )
                raise ValidationError(operation, [violation])
        else:
            if key_name is None or values is None:
                violation = _service.Violation(
                    "key_name", "key_name and values, or keys", "missing"
                )
                raise ValidationError(operation, [violation])
            pairs = [(key_name, value_list(operation, "Values", values))]
        if check_key:
            _key_names.check_search_keys(self, operation, [name for name, _ in pairs])
        return self._search_pairs(pairs, _LOGICAL_OPERATORS[match])

    def _search_pairs(
        self, pairs: builtins.list[tuple[str, builtins.list[str]]], operator: str
    ) -> Paged[Profile]:
        (first_key, first_values), *more = pairs
        params: dict[str, Any] = {
            "DomainName": self._domain,
            "KeyName": first_key,
            "Values": first_values,
        }
        if more:
            params["AdditionalSearchKeys"] = [
                {"KeyName": name, "Values": vals} for name, vals in more
            ]
            params["LogicalOperator"] = operator
        # Validated once, by ``_paged``: now, not at the first iteration.
        return self._paged("SearchProfiles", params, Profile)

    @api("BatchGetProfile", output=BatchGetProfileResult)
    def batch_get(self, profile_ids: Iterable[str]) -> BatchGetProfileResult:
        """Read up to 20 profiles at once (``BatchGetProfile``).

        Args:
            profile_ids: 1 to 20 profile ids (duplicates are answered once).

        Returns:
            ``.profiles`` (those found) and ``.errors`` (one
            :class:`BatchGetProfileError` per id that could not be read).

        Raises:
            ValidationError: no ids, more than 20, or a malformed id (nothing sent).
            ResourceNotFoundError: the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pbatch", default_expiration_days=365)
            >>> pid = domain.profiles.create({"first_name": "Ana"})
            >>> result = domain.profiles.batch_get([pid, "0" * 32])
            >>> [p.first_name for p in result.profiles], [e.profile_id for e in result.errors]
            (['Ana'], ['00000000000000000000000000000000'])
        """
        ids = value_list("BatchGetProfile", "ProfileIds", profile_ids)
        response = self._call("BatchGetProfile", {"DomainName": self._domain, "ProfileIds": ids})
        return _convert.from_wire(BatchGetProfileResult, response)

    # ------------------------------------------------------------------ update

    @api("UpdateProfile", returns=("ProfileId",))
    def update(
        self,
        profile_id: str,
        *,
        account_number: str | None = None,
        additional_information: str | None = None,
        party_type: PartyType | str | None = None,
        party_type_string: str | None = None,
        business_name: str | None = None,
        first_name: str | None = None,
        middle_name: str | None = None,
        last_name: str | None = None,
        birth_date: str | None = None,
        gender: Gender | str | None = None,
        gender_string: str | None = None,
        phone_number: str | None = None,
        mobile_phone_number: str | None = None,
        home_phone_number: str | None = None,
        business_phone_number: str | None = None,
        email_address: str | None = None,
        personal_email_address: str | None = None,
        business_email_address: str | None = None,
        address: Address | Mapping[str, str] | None = None,
        shipping_address: Address | Mapping[str, str] | None = None,
        mailing_address: Address | Mapping[str, str] | None = None,
        billing_address: Address | Mapping[str, str] | None = None,
        attributes: Mapping[str, str] | None = None,
        profile_type: ProfileType | str | None = None,
        engagement_preferences: EngagementPreferences | Mapping[str, Any] | None = None,
    ) -> str:
        """Change some fields of a profile (``UpdateProfile``).

        Clearing rules (from the API):

        * an argument left at ``None`` is not sent: the field keeps its value;
        * an empty string ``""`` removes the field's value;
        * in an address, only the members you set change, and ``""`` removes one
          member (``address={"city": ""}``); the other members are kept;
        * in ``attributes``, only the keys you name change; ``{"tier": ""}`` removes
          the ``tier`` attribute, other attributes are kept;
        * ``engagement_preferences`` replaces the preferences as a whole;
        * enum fields (``gender``, ``party_type``, ``profile_type``) cannot be cleared
          with ``""``; setting ``gender`` clears ``gender_string`` and the other way
          round (likewise ``party_type``/``party_type_string``).

        Args:
            profile_id: the profile to change.
            account_number: and every other keyword: the new value of that
                :class:`Profile` field (see the rules above).

        Returns:
            The profile id.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the profile or the domain does not exist.
            BadRequestError: the service rejected the change.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pupdate", default_expiration_days=365)
            >>> pid = domain.profiles.create({"first_name": "Ana", "last_name": "Lima"})
            >>> _ = domain.profiles.update(pid, first_name="Anna", last_name="")
            >>> p = domain.profiles.get(pid)
            >>> p.first_name, p.last_name
            ('Anna', None)
        """
        fields: dict[str, Any] = {
            "account_number": account_number,
            "additional_information": additional_information,
            "party_type": party_type,
            "party_type_string": party_type_string,
            "business_name": business_name,
            "first_name": first_name,
            "middle_name": middle_name,
            "last_name": last_name,
            "birth_date": birth_date,
            "gender": gender,
            "gender_string": gender_string,
            "phone_number": phone_number,
            "mobile_phone_number": mobile_phone_number,
            "home_phone_number": home_phone_number,
            "business_phone_number": business_phone_number,
            "email_address": email_address,
            "personal_email_address": personal_email_address,
            "business_email_address": business_email_address,
            "address": None if address is None else coerce(Address, address),
            "shipping_address": None
            if shipping_address is None
            else coerce(Address, shipping_address),
            "mailing_address": None
            if mailing_address is None
            else coerce(Address, mailing_address),
            "billing_address": None
            if billing_address is None
            else coerce(Address, billing_address),
            "attributes": as_map(attributes),
            "profile_type": profile_type,
            "engagement_preferences": None
            if engagement_preferences is None
            else coerce(EngagementPreferences, engagement_preferences),
        }
        names = _service.member_names("UpdateProfileRequest")
        params = {
            names[name]: _member_value("UpdateProfileRequest", names[name], value)
            for name, value in fields.items()
            if value is not None
        }
        return self._update("UpdateProfile", profile_id, params)

    @api("UpdateProfile", returns=("ProfileId",))
    def update_from(self, profile: Profile | Mapping[str, Any]) -> str:
        """Write every field set on ``profile`` to it (``UpdateProfile``): read-modify-write.

        Use it with :meth:`get` and ``attrs.evolve``: every field that is not ``None`` is
        sent, including addresses, attributes, engagement preferences and members a
        newer service version returned that this SDK does not know (when the installed
        botocore knows them). The rules of :meth:`update` apply: a field set to ``None``
        keeps its stored value; set it to ``""`` to clear it.

        Args:
            profile: the profile, with ``profile_id`` set.

        Returns:
            The profile id.

        Raises:
            ValidationError: ``profile_id`` is missing or a field breaks the API's
                constraints (nothing sent).
            ResourceNotFoundError: the profile or the domain does not exist.
            BadRequestError: the service rejected the change.

        Example:
            >>> import attrs
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pupdfrom", default_expiration_days=365)
            >>> pid = domain.profiles.create({"first_name": "Ana", "attributes": {"tier": "gold"}})
            >>> p = domain.profiles.get(pid)
            >>> _ = domain.profiles.update_from(attrs.evolve(p, first_name="Anna"))
            >>> p2 = domain.profiles.get(pid)
            >>> p2.first_name, p2.attributes
            ('Anna', {'tier': 'gold'})
        """
        model = coerce(Profile, profile)
        if model.profile_id is None:
            violation = _service.Violation("ProfileId", "required", "missing")
            raise ValidationError("UpdateProfile", [violation])
        params = dict(to_request(model, "UpdateProfileRequest"))
        params.pop("ProfileId", None)
        return self._update("UpdateProfile", model.profile_id, params)

    def _update(self, operation: str, profile_id: str, params: Mapping[str, Any]) -> str:
        request = {**params, "DomainName": self._domain, "ProfileId": profile_id}
        response = self._call(operation, request)
        return str(response["ProfileId"])

    # ------------------------------------------------------------------ keys

    @api("AddProfileKey", output=Key)
    def add_key(self, profile_id: str, key_name: str, values: Iterable[str]) -> Key:
        """Attach search-key values to a profile (``AddProfileKey``).

        The profile can then be found with ``search(key_name, values)``. Adding a value
        the profile already holds changes nothing.

        Args:
            profile_id: the profile.
            key_name: the key (letters, digits, ``_`` and ``-``; at most 64), e.g.
                ``_account`` or a key of an object type.
            values: the values to add (a list).

        Returns:
            The key and the values added.

        Raises:
            ValidationError: a malformed id, key name or value (nothing sent).
            ResourceNotFoundError: the profile or the domain does not exist.
            BadRequestError: the service refused the key (e.g. ``_profileId``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-paddkey", default_expiration_days=365)
            >>> pid = domain.profiles.create({"first_name": "Ana"})
            >>> domain.profiles.add_key(pid, "loyaltyId", ["L-1"]).key_name
            'loyaltyId'
            >>> [p.profile_id == pid for p in domain.profiles.search("loyaltyId", ["L-1"])]
            [True]
        """
        request = {
            "DomainName": self._domain,
            "ProfileId": profile_id,
            "KeyName": key_name,
            "Values": value_list("AddProfileKey", "Values", values),
        }
        key = _convert.from_wire(Key, self._call("AddProfileKey", request))
        _key_names.remember_key(self, key_name)  # searchable without an object type
        return key

    @api("DeleteProfileKey", returns=("Message",))
    def delete_key(self, profile_id: str, key_name: str, values: Iterable[str]) -> bool:
        """Remove search-key values from a profile (``DeleteProfileKey``).

        Idempotent: values the profile does not hold are ignored by the service. Values
        of the standard keys (``_email``, ``_phone``, ``_account``, ``_fullName``) that
        were added or stored can be removed too; the profile's own fields are not
        changed (use :meth:`update` for those).

        Returns:
            ``True`` when the request succeeded, ``False`` if the profile (or the
            domain) does not exist.

        Raises:
            ResourceNotFoundError: the domain does not exist (a 404 is checked with
                ``GetDomain``).
            ValidationError: a malformed id, key name or value (nothing sent).
            BadRequestError: the service refused (e.g. a key derived from fields).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pdelkey", default_expiration_days=365)
            >>> pid = domain.profiles.create({"first_name": "Ana"})
            >>> _ = domain.profiles.add_key(pid, "loyaltyId", ["L-1"])
            >>> domain.profiles.delete_key(pid, "loyaltyId", ["L-1"])
            True
            >>> domain.profiles.search("loyaltyId", ["L-1"]).to_list()
            []
        """
        request = {
            "DomainName": self._domain,
            "ProfileId": profile_id,
            "KeyName": key_name,
            "Values": value_list("DeleteProfileKey", "Values", values),
        }
        return self._delete_if_exists("DeleteProfileKey", request)

    # ------------------------------------------------------------------ merge / delete

    @api(
        "MergeProfiles",
        params={
            "ProfileIdsToBeMerged": "duplicate_ids",
            "FieldSourceProfileIds": "field_sources",
        },
        output=MergeResult,
    )
    def merge(
        self,
        main_profile_id: str,
        duplicate_ids: Iterable[str],
        *,
        field_sources: FieldSourceProfileIds | Mapping[str, Any] | None = None,
    ) -> MergeResult:
        """Merge profiles into a main profile (``MergeProfiles``). Irreversible.

        The keys and objects of the duplicates move to the main profile and the
        duplicates are deleted. Fields are combined: where only one profile has a value
        it is kept; on a conflict the main profile's value wins, unless
        ``field_sources`` names the profile to take that field from (its value is
        taken even when it has none, which clears the field).

        Args:
            main_profile_id: the profile that remains.
            duplicate_ids: 1 to 20 profiles merged into it.
            field_sources: per field, the id of the profile to take the value from, as a
                :class:`FieldSourceProfileIds` or a mapping of its field names
                (``{"email_address": dup_id, "attributes": {"tier": dup_id}}``).

        Raises:
            ValidationError: no or more than 20 duplicates, or a malformed id (nothing
                sent).
            ResourceNotFoundError: a profile or the domain does not exist.
            BadRequestError: the main id is also a duplicate, an id is repeated, or a
                field source is neither the main profile nor a duplicate.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pmerge", default_expiration_days=365)
            >>> main = domain.profiles.create({"first_name": "Ana", "email_address": "a@x.com"})
            >>> dup = domain.profiles.create({"first_name": "Ana", "email_address": "b@x.com"})
            >>> _ = domain.profiles.merge(main, [dup], field_sources={"email_address": dup})
            >>> domain.profiles.get(main).email_address, domain.profiles.exists(dup)
            ('b@x.com', False)
        """
        request: dict[str, Any] = {
            "DomainName": self._domain,
            "MainProfileId": main_profile_id,
            "ProfileIdsToBeMerged": value_list(
                "MergeProfiles", "ProfileIdsToBeMerged", duplicate_ids
            ),
        }
        if field_sources is not None:
            request["FieldSourceProfileIds"] = to_request(
                coerce(FieldSourceProfileIds, field_sources), "FieldSourceProfileIds"
            )
        return _convert.from_wire(MergeResult, self._call("MergeProfiles", request))

    @api("DeleteProfile", returns=("Message",))
    def delete(self, profile_id: str) -> bool:
        """Delete a profile with its objects and keys (``DeleteProfile``).

        Idempotent: deleting a profile that does not exist is not an error.

        Returns:
            ``True`` if the profile was deleted (also when an earlier attempt committed
            and its retry found nothing), ``False`` if it did not exist.

        Raises:
            ValidationError: ``profile_id`` is malformed (nothing sent).
            ResourceNotFoundError: the domain does not exist.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> cp = CustomerProfiles.local()
            >>> domain = cp.domains.create("docs-pdelete", default_expiration_days=365)
            >>> pid = domain.profiles.create({"first_name": "Ana"})
            >>> domain.profiles.delete(pid), domain.profiles.delete(pid)
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteProfile", {"DomainName": self._domain, "ProfileId": profile_id}
        )

    # ------------------------------------------------------------------ helpers

    def _check_profile_id(self, operation: str, profile_id: str) -> None:
        """Refuse a malformed profile id before sending, as ``check_request`` would."""
        violations = _service.check_request(
            "DeleteProfile", {"DomainName": self._domain, "ProfileId": profile_id}
        )
        if violations:
            raise ValidationError(operation, violations)

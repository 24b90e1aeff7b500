"""Domain layouts (Profile Explorer views): ``domain.layouts``."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .. import _convert
from ..models import DomainLayout, DomainLayoutSummary, LayoutType
from ..paging import Paged
from ._base import DomainResource, api, as_map

__all__ = ["Layouts"]

#: A layout: its JSON text, or the JSON document (encoded before sending).
LayoutDefinition = str | Mapping[str, Any] | Sequence[Any]


def _layout_text(layout: LayoutDefinition | None) -> str | None:
    if layout is None or isinstance(layout, str):
        return layout
    return json.dumps(layout, separators=(",", ":"))


def _plain(value: LayoutType | str | None) -> str | None:
    return value.value if isinstance(value, LayoutType) else value


class Layouts(DomainResource):
    """The layouts of a domain: ``domain.layouts``.

    A layout is a Profile Explorer view of a profile: a JSON tree of components
    (``BoardItem``, ``Table``, ``KeyValuePair``...) with template expressions such as
    ``{{Customer.FirstName}}``. The service stores it as text; pass the text, or a
    mapping that the SDK encodes as JSON. One layout of the domain can be the default.

    AWS documents these operations as meant for the Amazon Connect admin website: an
    account may refuse them to other callers (``AccessDeniedError``).

    Example:
        >>> from customer_profiles_sdk import CustomerProfiles
        >>> domain = CustomerProfiles.local().domains.create(
        ...     "docs-layouts", default_expiration_days=30)
        >>> layout = domain.layouts.create(
        ...     "main", display_name="Main view", description="agents' view",
        ...     layout={"Id": "1", "Type": "BoardItem", "Children": []})
        >>> layout.version, layout.layout_type.value, layout.layout
        ('1', 'PROFILE_EXPLORER', '{"Id":"1","Type":"BoardItem","Children":[]}')
    """

    __slots__ = ()

    @api("CreateDomainLayout", params={"LayoutDefinitionName": "name"}, output=DomainLayout)
    def create(
        self,
        name: str,
        *,
        display_name: str,
        description: str,
        layout: LayoutDefinition,
        layout_type: LayoutType | str = LayoutType.PROFILE_EXPLORER,
        is_default: bool | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> DomainLayout:
        """Create a layout (``CreateDomainLayout``).

        Args:
            name: the layout's name (letters, digits, ``_`` and ``-``; at most 64).
            display_name: the name people see (starts with a letter or ``_``; letters,
                digits, ``_``, ``-`` and spaces).
            description: a description.
            layout: the layout: its JSON text, or a mapping (or list) encoded as JSON.
            layout_type: the kind of layout; ``PROFILE_EXPLORER``, the only one.
            is_default: make it the domain's default layout.
            tags: tags of the layout.

        Returns:
            The new layout, version ``"1"``.

        Raises:
            ValidationError: an argument breaks the API's constraints, e.g. a display
                name with a dot (nothing sent).
            ResourceNotFoundError: the domain does not exist.
            BadRequestError: the name is taken, or the service rejected the layout.
            AccessDeniedError: the account allows layouts only from the admin website.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-layouts-create", default_expiration_days=30)
            >>> layout = domain.layouts.create(
            ...     "main", display_name="Main view", description="default view",
            ...     layout='{"Id": "1", "Type": "BoardItem"}', is_default=True)
            >>> layout.is_default, layout.display_name
            (True, 'Main view')
        """
        params = {
            "DomainName": self._domain,
            "LayoutDefinitionName": name,
            "Description": description,
            "DisplayName": display_name,
            "IsDefault": is_default,
            "LayoutType": _plain(layout_type),
            "Layout": _layout_text(layout),
            "Tags": as_map(tags),
        }
        response = self._call("CreateDomainLayout", params)
        return _convert.from_wire(DomainLayout, response)

    @api("GetDomainLayout", params={"LayoutDefinitionName": "name"}, output=DomainLayout)
    def get(self, name: str) -> DomainLayout:
        """Read layout ``name`` (``GetDomainLayout``).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain or the layout does not exist.
            AccessDeniedError: the account allows layouts only from the admin website.

        Example:
            >>> import json
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-layouts-get", default_expiration_days=30)
            >>> _ = domain.layouts.create("main", display_name="Main", description="x",
            ...                           layout={"Id": "1", "Type": "BoardItem"})
            >>> json.loads(domain.layouts.get("main").layout)["Type"]
            'BoardItem'
        """
        response = self._call(
            "GetDomainLayout", {"DomainName": self._domain, "LayoutDefinitionName": name}
        )
        return _convert.from_wire(DomainLayout, response)

    def exists(self, name: str) -> bool:
        """Whether layout ``name`` exists (``GetDomainLayout``).

        A missing domain raises ``ResourceNotFoundError`` (a 404 is checked with
        ``GetDomain``).

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-layouts-exists", default_expiration_days=30)
            >>> domain.layouts.exists("main")
            False
        """
        return self._exists(
            "GetDomainLayout", {"DomainName": self._domain, "LayoutDefinitionName": name}
        )

    @api("ListDomainLayouts", output=DomainLayoutSummary)
    def list(self) -> Paged[DomainLayoutSummary]:
        """The domain's layouts (``ListDomainLayouts``), lazily paged.

        Summaries carry neither the layout nor its version; read those with :meth:`get`.

        Raises:
            ResourceNotFoundError: the domain does not exist (raised while iterating).
            AccessDeniedError: the account allows layouts only from the admin website.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-layouts-list", default_expiration_days=30)
            >>> for n in ("a", "b"):
            ...     _ = domain.layouts.create(n, display_name=n, description=n,
            ...                               layout={"Id": n}, is_default=True)
            >>> [(s.layout_definition_name, s.is_default) for s in domain.layouts.list()]
            [('a', False), ('b', True)]
        """
        return self._paged("ListDomainLayouts", {"DomainName": self._domain}, DomainLayoutSummary)

    @api("UpdateDomainLayout", params={"LayoutDefinitionName": "name"}, output=DomainLayout)
    def update(
        self,
        name: str,
        *,
        display_name: str | None = None,
        description: str | None = None,
        layout: LayoutDefinition | None = None,
        layout_type: LayoutType | str | None = None,
        is_default: bool | None = None,
    ) -> DomainLayout:
        """Change a layout (``UpdateDomainLayout``); its version changes.

        Only the arguments you pass are sent; the others keep their value. Tags cannot
        be changed here: use ``cp.tags``.

        Returns:
            The layout after the update.

        Raises:
            ValidationError: an argument breaks the API's constraints (nothing sent).
            ResourceNotFoundError: the domain or the layout does not exist.
            BadRequestError: the service rejected the change.
            AccessDeniedError: the account allows layouts only from the admin website.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-layouts-update", default_expiration_days=30)
            >>> _ = domain.layouts.create("main", display_name="Main", description="x",
            ...                           layout={"Id": "1"})
            >>> updated = domain.layouts.update("main", layout={"Id": "2"})
            >>> updated.version, updated.layout
            ('2', '{"Id":"2"}')
        """
        params = {
            "DomainName": self._domain,
            "LayoutDefinitionName": name,
            "Description": description,
            "DisplayName": display_name,
            "IsDefault": is_default,
            "LayoutType": _plain(layout_type),
            "Layout": _layout_text(layout),
        }
        response = self._call("UpdateDomainLayout", params)
        return _convert.from_wire(DomainLayout, response)

    @api("DeleteDomainLayout", params={"LayoutDefinitionName": "name"}, returns=("Message",))
    def delete(self, name: str) -> bool:
        """Delete layout ``name`` (``DeleteDomainLayout``).

        Idempotent: deleting a layout that does not exist is not an error.

        Returns:
            ``True`` if the layout was deleted, ``False`` if it did not
            exist (a missing domain raises ``ResourceNotFoundError``).

        Raises:
            ValidationError: ``name`` breaks the API's constraints (nothing sent).
            AccessDeniedError: the account allows layouts only from the admin website.

        Example:
            >>> from customer_profiles_sdk import CustomerProfiles
            >>> domain = CustomerProfiles.local().domains.create(
            ...     "docs-layouts-delete", default_expiration_days=30)
            >>> _ = domain.layouts.create("old", display_name="Old", description="x",
            ...                           layout={"Id": "1"})
            >>> domain.layouts.delete("old"), domain.layouts.delete("old")
            (True, False)
        """
        return self._delete_if_exists(
            "DeleteDomainLayout", {"DomainName": self._domain, "LayoutDefinitionName": name}
        )

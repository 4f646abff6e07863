"""The two ways an Instagram professional account is reached, and the Graph API host of each.

Meta's Instagram API with Instagram Login answers on graph.instagram.com; the one with Facebook Login (an account
linked to a Facebook Page) on graph.facebook.com. Kept apart from the services so that the command line and the
window can offer the choice without importing the database layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

GRAPH_HOSTS: Mapping[str, str] = MappingProxyType({
    "instagram_login": "https://graph.instagram.com",
    "facebook_login": "https://graph.facebook.com",
})

"""Serving a backend from a background thread, and keeping access to it."""

import socket

import boto3

from customer_profiles_sdk.local import LocalBackend

backend = LocalBackend()
with backend.serve() as server:  # 127.0.0.1, a free port
    print(server.url)  # e.g. http://127.0.0.1:53021
    # ... run the CLI or another SDK against server.url, for example:
    other = boto3.client(
        "customer-profiles",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id="x",
        aws_secret_access_key="x",
    )
    other.create_domain(DomainName="retail", DefaultExpirationDays=30)
    assert backend.call_count("CreateDomain") == 1  # the backend answered it
# leaving the block stops the server and releases the port
try:
    socket.create_connection((server.host, server.port), timeout=1).close()
except ConnectionRefusedError:
    pass
else:
    raise AssertionError("the server still answers")

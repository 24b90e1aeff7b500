"""The pre-signed upload URL, hosted by the emulator's HTTP server (``local serve``)."""

import base64
import hashlib
import urllib.request

from customer_profiles_sdk.local import LocalBackend, emulator_client

backend = LocalBackend()
with backend.serve() as server:  # what `customer-profiles local serve` runs
    client = emulator_client(server.url)
    client.create_domain(DomainName="retail", DefaultExpirationDays=365)
    job_id = client.create_upload_job(
        DomainName="retail",
        DisplayName="ids.csv",
        Fields={"CustomerId": {"Source": "_source.id", "Target": "_profile.AccountNumber"}},
        UniqueKey="CustomerId",
    )["JobId"]
    path = client.get_upload_job_path(DomainName="retail", JobId=job_id)
    assert path["Url"].startswith(f"{server.url}/_local/upload/retail/{job_id}?")

    body = b"id\nC1\n"
    token = path["ClientToken"]  # a base64 256-bit key: S3's SSE-C headers
    key_md5 = base64.b64encode(hashlib.md5(base64.b64decode(token)).digest()).decode()
    request = urllib.request.Request(
        path["Url"],
        data=body,
        method="PUT",
        headers={
            "x-amz-server-side-encryption-customer-algorithm": "AES256",
            "x-amz-server-side-encryption-customer-key": token,
            "x-amz-server-side-encryption-customer-key-MD5": key_md5,
        },
    )
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
        assert response.headers["ETag"] == f'"{hashlib.md5(body).hexdigest()}"'
    client.start_upload_job(DomainName="retail", JobId=job_id)

"""Loading data: stop a run, then resume it from the first unacknowledged position."""

from customer_profiles_sdk import BulkLoadError, CustomerProfiles

cp = CustomerProfiles.local()
domain = cp.domains.create("retail", default_expiration_days=365)
rows = [{"id": f"u-{n}"} for n in range(500)]


def stop_early(progress):  # e.g. Ctrl-C in a terminal
    if progress.stored >= 100:
        raise KeyboardInterrupt


try:
    domain.objects.put_many("Zendesk-users", rows, on_progress=stop_early)
except BulkLoadError as stopped:
    position = stopped.result.resume_from  # every earlier position is acknowledged
    print(f"stopped at {position}")

rest = domain.objects.put_many("Zendesk-users", rows, start=position)
print(rest.stored, rest.resume_from)  # the remaining objects, 500
assert rest.resume_from == 500
assert domain.get().stats.object_count == 500  # resending replaced, never duplicated

"""Continuous profiling with the Pyroscope Python SDK (pyroscope-io), configured the way the original FastAPI
service was: only by PYROSCOPE_* variables, 100 Hz CPU samples, tags environment and service."""

import os
import sys
from typing import Mapping, Optional

import pyroscope

SAMPLE_RATE_HZ = 100
DEFAULT_APPLICATION_NAME = "fastapi-trigs"
DISABLED = ("false", "0", "no", "off")


def application_name(env: Mapping[str, str] = os.environ) -> str:
    """Pyroscope files profiles under service_name = this name; traces use it as service.name too, so
    Tempo's "Profiles for this span" finds them."""
    return env.get("PYROSCOPE_APPLICATION_NAME", "").strip() or DEFAULT_APPLICATION_NAME


def start_profiling(env: Mapping[str, str] = os.environ) -> Optional[str]:
    """Starts the SDK unless PYROSCOPE_ENABLED says no; returns the start-up line it logged, or None."""
    if env.get("PYROSCOPE_ENABLED", "true").strip().lower() in DISABLED:
        print("pyroscope: profiling is off (PYROSCOPE_ENABLED=%s)" % env["PYROSCOPE_ENABLED"], file=sys.stderr)
        return None
    name = application_name(env)
    server = env.get("PYROSCOPE_SERVER_ADDRESS", "").strip() or "http://localhost:4040"
    tags = {"environment": env.get("ENVIRONMENT", "").strip() or "development", "service": name}
    # pyroscope-io 1.x has no auth_token argument any more; the token of the original setup is sent the way
    # the older SDK sent it, as a bearer header. Grafana Cloud takes basic auth (user id + access token).
    token = env.get("PYROSCOPE_AUTH_TOKEN", "").strip()
    pyroscope.configure(
        application_name=name,
        server_address=server,
        basic_auth_username=env.get("PYROSCOPE_BASIC_AUTH_USER", ""),
        basic_auth_password=env.get("PYROSCOPE_BASIC_AUTH_PASSWORD", ""),
        http_headers={"Authorization": "Bearer " + token} if token else {},
        sample_rate=SAMPLE_RATE_HZ,
        tags=tags,
    )
    described = ",".join("%s=%s" % item for item in sorted(tags.items()))
    line = "pyroscope: profiling %s{%s} at %d Hz, uploading every 10 s to %s" % (
        name,
        described,
        SAMPLE_RATE_HZ,
        server,
    )
    print(line, file=sys.stderr, flush=True)
    return line

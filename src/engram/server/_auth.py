"""Who is calling: ``Authorization: Token <key>`` (Mem0's spelling) or ``Bearer <key>``,
checked against the keys table on every request, then the key's rate limit. Invalid keys
are limited per client address (``auth_fail_rate``/``auth_fail_burst``).

>>> parse_authorization("Token eng_abc"), parse_authorization("bearer eng_abc")
('eng_abc', 'eng_abc')
>>> parse_authorization("Basic eng_abc") is None
True
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from starlette.exceptions import HTTPException

from engram.server._keys import Tenant

__all__ = ["current_tenant", "parse_authorization"]

# Declared for /openapi.json and /docs ("Token <key>" or "Bearer <key>").
_scheme = APIKeyHeader(name="Authorization", auto_error=False,
                       description="`Token <key>` or `Bearer <key>`; create keys with "
                                   "`engram keys create --org ORG --project PROJECT`.")
_CHALLENGE = {"WWW-Authenticate": 'Token realm="engram", Bearer realm="engram"'}


def parse_authorization(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, secret = header.strip().partition(" ")
    secret = secret.strip()
    if scheme.lower() not in ("token", "bearer") or not secret:
        return None
    return secret


def current_tenant(request: Request, authorization: str | None = Security(_scheme)) -> Tenant:
    """The dependency every API route takes: 401 without a valid key, 429 over the rate."""
    secret = parse_authorization(authorization)
    if secret is None:
        raise HTTPException(401, "missing API key: send 'Authorization: Token <key>'",
                            headers=_CHALLENGE)
    state = request.app.state
    # Failed keys are limited per client address, before the key is even looked up, so
    # guessing (or a client stuck on a revoked key) cannot load the keys file.
    address = request.client.host if request.client else "unknown"
    wait = state.auth_limiter.check(address, dry=True)
    if wait > 0:
        state.metrics.rate_limited.inc()
        raise HTTPException(429, "too many requests with invalid API keys from this address; "
                                 f"retry in {wait:.2f} s",
                            headers={"Retry-After": str(max(1, math.ceil(wait)))})
    tenant = state.keys.verify(secret)
    if tenant is None:
        state.auth_limiter.check(address)
        raise HTTPException(401, "invalid or revoked API key", headers=_CHALLENGE)
    request.state.key_id = tenant.key_id
    request.state.tenant = tenant.namespace
    wait = state.limiter.check(tenant.key_id)
    if wait > 0:
        state.metrics.rate_limited.inc()
        raise HTTPException(429, f"rate limit exceeded for key {tenant.key_id}; "
                                 f"retry in {wait:.2f} s",
                            headers={"Retry-After": str(max(1, math.ceil(wait)))})
    return tenant


# What a route declares to get the caller's tenant (401 before the route runs otherwise).
TenantDep = Annotated[Tenant, Depends(current_tenant)]

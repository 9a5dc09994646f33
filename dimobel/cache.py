"""Django's Redis cache, made to degrade instead of failing: a Redis that is down or slow is a cache miss.

Every operation that fails with a connection or timeout error logs a warning and answers as an empty cache
would: ``get`` returns the default, ``add`` reports the key as added, ``incr`` counts from zero, writes are
dropped. So pages that merely use the cache keep working, and every limit kept in the cache (allauth's login
and TOTP limits, the contact form's, the instructors' nudge cooldown) fails *open* while Redis is down: a short
outage must not lock everybody out. docs/operations.md says so for the operator.
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError as RedisResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
# Down, slow, or refusing writes (MISCONF when its disk is full, OOM when it is out of memory).
OUTAGE = (RedisConnectionError, RedisTimeoutError, RedisResponseError, OSError)


def _degrade(method, fallback):
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OUTAGE as error:
            logger.warning("cache unavailable (%s): %s treated as a miss", error, method.__name__)
            return fallback(*args) if callable(fallback) else fallback

    wrapper.__name__ = method.__name__
    return wrapper


class ResilientRedisCacheClient(RedisCacheClient):
    get = _degrade(RedisCacheClient.get, lambda key, default: default)
    add = _degrade(RedisCacheClient.add, True)
    set = _degrade(RedisCacheClient.set, None)
    touch = _degrade(RedisCacheClient.touch, False)
    delete = _degrade(RedisCacheClient.delete, False)
    get_many = _degrade(RedisCacheClient.get_many, {})
    has_key = _degrade(RedisCacheClient.has_key, False)
    incr = _degrade(RedisCacheClient.incr, lambda key, delta: delta)
    set_many = _degrade(RedisCacheClient.set_many, [])
    delete_many = _degrade(RedisCacheClient.delete_many, None)
    clear = _degrade(RedisCacheClient.clear, False)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient

"""Distributed mode's wire format: requests and items as JSON (never pickle), raw bodies compressed."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

import zstandard
from scrapy.http import Request
from scrapy.utils.request import request_from_dict

from crawler.archive.storage import asdict_shallow
from crawler.distributed.keys import RAW_ZSTD_LEVEL, FrontierError
from crawler.items import ArticleItem
from spiders.portal import PortalSpider


def _jsonable(value: Any) -> Any:
    """A JSON-ready copy of request data: bytes tagged `$b` (base64), non-text-keyed dicts `$d`."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, bytes):
        return {"$b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Mapping):
        if all(isinstance(k, str) for k in value):
            return {k: _jsonable(v) for k, v in value.items()}
        return {"$d": [[_jsonable(k), _jsonable(v)] for k, v in value.items()]}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    raise FrontierError(f"cannot queue a request carrying a {type(value).__name__}")


def _from_jsonable(value: Any) -> Any:
    """Inverse of `_jsonable`."""
    if isinstance(value, list):
        return [_from_jsonable(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and "$b" in value:
            return base64.b64decode(value["$b"])
        if len(value) == 1 and "$d" in value:
            return {_from_jsonable(k): _from_jsonable(v) for k, v in value["$d"]}
        return {k: _from_jsonable(v) for k, v in value.items()}
    return value


def _method_name(method: Any) -> str | None:
    if method is None:
        return None
    if isinstance(method, str):
        return method
    name = getattr(method, "__name__", None)
    if not name or getattr(method, "__self__", None) is None:
        raise FrontierError(f"a queued request's callback must be a spider method, not {method!r}")
    return name


def encode_request(request: Any) -> str:
    """A Scrapy Request as JSON (callbacks by method name, bytes base64) for the Redis queue."""
    data: dict[str, Any] = {}
    for attr in request.attributes:
        if attr in ("callback", "errback"):
            data[attr] = _method_name(getattr(request, attr))
        elif attr == "headers":
            data[attr] = _jsonable(dict(request.headers))
        else:
            data[attr] = _jsonable(getattr(request, attr))
    if type(request) is not Request:
        data["_class"] = f"{type(request).__module__}.{type(request).__name__}"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_request(payload: str, spider: Any) -> Any:
    """The Request that `encode_request` wrote, its callbacks bound to `spider`'s methods."""
    try:
        data = _from_jsonable(json.loads(payload))
        return request_from_dict(data, spider=spider)
    except (ValueError, TypeError, KeyError) as exc:
        raise FrontierError(f"unreadable request in the queue: {exc}") from None


_ZSTD = zstandard.ZstdCompressor(level=RAW_ZSTD_LEVEL)


def encode_item(item: ArticleItem) -> dict[str, Any]:
    """An ArticleItem's archive fields plus its raw response (zstd, base64) as a JSON-ready dict."""
    data = asdict_shallow(item)
    if item.raw_body is not None:
        data["raw_body"] = _packed(item.raw_body)
    data["raw_headers"] = item.raw_headers
    if item.raw_parts:  # a split article's later pages
        data["raw_parts"] = [{**part, "body": _packed(part["body"])} for part in item.raw_parts]
    return data


def _packed(body: bytes) -> str:
    return base64.b64encode(_ZSTD.compress(body)).decode("ascii")


def _unpacked(text: str) -> bytes:
    return zstandard.ZstdDecompressor().decompress(base64.b64decode(text))


def decode_item(data: Mapping[str, Any]) -> ArticleItem:
    """The ArticleItem `encode_item` wrote (raw response included, extraction output not)."""
    fields = {k: v for k, v in data.items() if k not in ("raw_body", "raw_headers", "raw_parts")}
    try:
        item = ArticleItem(**fields)
        if data.get("raw_body"):
            item.raw_body = _unpacked(data["raw_body"])
        item.raw_parts = [
            {**part, "body": _unpacked(part["body"])} for part in data.get("raw_parts") or ()
        ]
    except (TypeError, ValueError, KeyError, zstandard.ZstdError) as exc:
        raise FrontierError(f"unreadable article message: {exc}") from None
    item.raw_headers = data.get("raw_headers")
    return item


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def normalise_portal(args: Mapping[str, Any]) -> dict[str, Any]:
    """Spider arguments of one portal as a seed: URL with a scheme, `site` always named, empty
    values left out; raises ValueError on a bad URL or date (the spider's own checks)."""
    seed = {k: v for k, v in args.items() if v not in (None, "", [])}
    url = str(seed.get("url") or "")
    if not url:
        raise ValueError("a portal needs a url")
    if "://" not in url:
        url = "https://" + url
    seed["url"] = url
    spider = PortalSpider(**seed)  # validates the URL and the since/until dates
    seed["site"] = spider.site
    return seed


# -- the frontier: everything in Redis, no Scrapy -----------------------------------------------

"""`GET /metrics` of the real server: what it counts after real traffic, and what it never shows."""

from __future__ import annotations

import re

import httpx
from district_helpers import TOWN_A, enroll, new_id, statuses
from prometheus_client.parser import text_string_to_metric_families

from mediation_desk.core import sync_contract as contract

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
LONG_TOKENISH = re.compile(r"[A-Za-z0-9_\-]{24,}")


def scrape(url: str, **params: str) -> tuple[str, dict[str, list[tuple[dict[str, str], float]]]]:
    r = httpx.get(f"{url}/metrics", params=params, timeout=30)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain")
    samples: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(r.text):
        for sample in family.samples:
            samples.setdefault(sample.name, []).append((sample.labels, sample.value))
    return r.text, samples


def value(samples: dict, name: str, **labels: str) -> float:
    """The sum over the series of `name` whose labels include `labels`."""
    return sum(v for got, v in samples.get(name, []) if labels.items() <= got.items())


def test_metrics_count_requests_ops_and_auth_failures_by_template(district):
    desk = enroll(district, "XT-001")
    town = enroll(district, town=TOWN_A)
    case = desk.new_case()
    parcel = desk.op("parcel", new_id(), "create", {})
    assert statuses(desk.push([case, parcel])) == ["applied", "rejected"]
    changes, _cursor = desk.pull_all()
    assert changes
    secret_ids = [desk.token, town.token, desk.device_id, town.device_id, case["entity_id"], case["op_id"]]
    unknown = [new_id(), new_id()]
    with town.http() as c:
        for case_id in unknown:  # two ids, one series: the route's template is the label
            assert c.get(f"{contract.TOWN_CASES_PATH}/{case_id}").status_code == 404
    forged = "f" * 43
    r = httpx.get(f"{district.url}{contract.PULL_PATH}", headers={"Authorization": f"Bearer {forged}"}, timeout=30)
    assert r.status_code == 401
    assert httpx.get(f"{district.url}/no/such/{unknown[0]}", timeout=30).status_code == 404

    text, samples = scrape(district.url, x=forged)  # a query string is ignored, not echoed
    requests = "district_http_requests_total"
    assert value(samples, requests, method="POST", route=contract.PUSH_PATH, code="200") == 1
    assert value(samples, requests, method="GET", route=contract.PULL_PATH, code="200") >= 1
    assert value(samples, requests, method="GET", route=contract.PULL_PATH, code="401") == 1
    assert value(samples, requests, route=contract.TOWN_CASES_PATH + "/{case_id}", code="404") == 2
    assert value(samples, requests, route="unmatched", code="404") == 1
    assert value(samples, requests, route="/metrics") == 0  # a scrape does not count itself
    assert value(samples, "district_http_request_duration_seconds_count", route=contract.PUSH_PATH) == 1
    assert value(samples, "district_http_errors_total") == 0

    assert value(samples, "district_ops_total", status="applied") == 1
    rejected = [(labels, v) for labels, v in samples["district_ops_total"] if labels["status"] == "rejected"]
    assert [v for _, v in rejected] == [1] and rejected[0][0]["reason"]
    assert value(samples, "district_auth_failures_total", kind=contract.ERROR_TOKEN_INVALID) == 1
    assert value(samples, "district_feed_head_seq") >= len(changes)
    assert value(samples, "process_resident_memory_bytes") > 0

    # Nothing that identifies a person, a device or a case, nor anything a client sent.
    for secret in [*secret_ids, *unknown, forged, "XT-001", TOWN_A]:
        assert secret not in text, secret
    assert not UUID.search(text)
    assert not [t for t in LONG_TOKENISH.findall(text) if not t.startswith(("district_", "process_"))]
    assert "python_info" not in text  # no exact interpreter version for anyone who asks


def test_metrics_refuse_other_methods_in_the_error_shape(district_server):
    for method in ("POST", "PUT", "DELETE"):
        r = httpx.request(method, f"{district_server.url}/metrics", content=b"x=1", timeout=30)
        assert r.status_code == 405, (method, r.text)
        error = r.json()["error"]
        assert set(error) == {"code", "message", "field"} and error["message"]
    # Made-up methods and long query strings add no series and break nothing.
    for method in ("BREW", "PROPFIND"):
        r = httpx.request(method, f"{district_server.url}/health", timeout=30)
        assert r.status_code in (400, 405), method  # refused by the HTTP parser, or by the app
    text, samples = scrape(district_server.url, q="x" * 2000, **{"a[]": "1"})
    assert "BREW" not in text and "PROPFIND" not in text and "x" * 100 not in text
    assert value(samples, "district_http_requests_total", method="other", route=contract.HEALTH_PATH) == 1
    assert value(samples, "district_http_requests_total", method="POST", route="/metrics") == 0

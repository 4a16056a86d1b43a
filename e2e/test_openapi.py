"""The served OpenAPI document is valid OpenAPI 3.1, and what the API answers matches it."""
import json
import pathlib
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator
import yaml
from openapi_spec_validator import validate


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers.get("Content-Type", ""), json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), json.load(error)


@pytest.fixture(scope="module")
def spec(base_url):
    return fetch(f"{base_url}/api/v1/openapi.json")[2]


def test_openapi_document_validates(spec):
    validate(spec)
    assert spec["openapi"].startswith("3.1")


def test_served_document_is_the_repositorys_openapi_yaml(spec):
    """openapi.yaml is the source: the server serves it as JSON (converted by scripts/generate-api)."""
    source = pathlib.Path(__file__).resolve().parent.parent / "openapi.yaml"
    assert spec == yaml.safe_load(source.read_text(encoding="utf-8"))


def response_schema(spec, path, status, content_type):
    response = spec["paths"][path]["get"]["responses"][str(status)]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    schema = response["content"][content_type]["schema"]
    # Resolve "#/components/…" against the whole document.
    return {**schema, "components": spec["components"]}


@pytest.mark.parametrize("url, path, status", [
    ("/api/v1/measures", "/api/v1/measures", 200),
    ("/api/v1/measures?area=11", "/api/v1/measures", 200),
    ("/api/v1/measures?area=0", "/api/v1/measures", 400),
    ("/api/v1/measures/11.2", "/api/v1/measures/{number}", 200),
    ("/api/v1/measures/12.1", "/api/v1/measures/{number}", 404),
    ("/api/v1/search?q=%E4%B8%80%E7%AB%99%E5%BC%8F", "/api/v1/search", 200),
    ("/api/v1/search?q=x&page=0", "/api/v1/search", 400),
])
def test_answers_match_the_document(base_url, spec, url, path, status):
    got, content_type, body = fetch(f"{base_url}{url}")
    assert got == status
    kind = "application/problem+json" if status >= 400 else "application/json"
    assert content_type.startswith(kind)
    errors = list(Draft202012Validator(response_schema(spec, path, status, kind)).iter_errors(body))
    assert not errors, [e.message for e in errors]

"""The served OpenAPI document is a valid OpenAPI 3.1 document."""
import json
import urllib.request

from openapi_spec_validator import validate


def test_openapi_document_validates(base_url):
    with urllib.request.urlopen(f"{base_url}/api/v1/openapi.json") as response:
        spec = json.load(response)
    validate(spec)
    assert spec["openapi"].startswith("3.1")

"""schemathesis against /api/v1/openapi.json: generated requests to every operation, in
examples, coverage, fuzzing and stateful phases; no server error, and every response in a
documented status, content type and schema."""
import os
import subprocess


def test_the_api_keeps_to_its_schema(base_url):
    result = subprocess.run(
        ["schemathesis", "run", f"{base_url}/api/v1/openapi.json",
         "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance",
         "--max-examples", os.environ.get("SCHEMATHESIS_EXAMPLES", "40"), "--seed", "7731", "--no-color"],
        capture_output=True, text=True, timeout=900)
    summary = result.stdout[-3000:]
    assert result.returncode == 0, summary
    assert "generated" in summary, summary

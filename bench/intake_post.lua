-- wrk: POST one feedback submission per request (JSON); the body and its headers come from the
-- environment (INTAKE_BODY, INTAKE_AUTH).
wrk.method = "POST"
wrk.body = os.getenv("INTAKE_BODY")
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("INTAKE_AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end

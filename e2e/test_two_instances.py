"""Two instances on one PostgreSQL behind nginx (round robin), as the offices will run YuGang.

Needs TEST_POSTGRES_URL (scripts/test starts that PostgreSQL) and Debian's nginx; the instances and
nginx listen on loopback ports of their own and are stopped at the end. Everything that must hold
across instances is checked through the balancer and against each instance directly:
attachments, the page cache, sessions, access codes, rate limits, and the worker's jobs.
"""
import base64
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")
POSTGRES = os.environ.get("TEST_POSTGRES_URL")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NEW_PASSWORD = "Two instances, one database 2026"

pytestmark = pytest.mark.skipif(not POSTGRES, reason="needs the test PostgreSQL (make test starts it)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url, process, log):
    for _ in range(200):
        if process.poll() is not None:
            raise AssertionError(f"{url} stopped:\n{open(log).read()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/health/ready", timeout=2) as r:
                if r.status == 200:
                    return r.read().decode()
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} not ready:\n{open(log).read()[-3000:]}")


class Client:
    """A person with a cookie jar, talking to one base URL."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, method, path, data=None, headers=None, base=None):
        body = None
        headers = dict(headers or {})
        if isinstance(data, dict):
            body = urllib.parse.urlencode(data).encode()
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        elif data is not None:
            body = data
        req = urllib.request.Request((base or self.base) + path, data=body, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, r.read(), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read(), dict(e.headers)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def csrf(self, path):
        status, body, _ = self.get(path)
        assert status == 200, (path, status)
        return re.search(r'name="_csrf" value="([^"]+)"', body.decode()).group(1)

    def post_form(self, path, fields, form_page=None, base=None):
        fields = dict(fields)
        fields["_csrf"] = self.csrf(form_page or path)
        return self.request("POST", path, fields, base=base)

    def log_in(self, username, password, new_password=None):
        status, _, headers = self.post_form("/login", {"username": username, "password": password})
        assert status in (302, 303), status
        if new_password:
            status, _, _ = self.post_form("/officer/password", {"current": password, "new": new_password, "confirm": new_password})
            assert status in (302, 303), status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def cluster():
    """Two instances (A, B) on a new database, nginx in front; yields their URLs and the admin password."""
    root = tempfile.mkdtemp(prefix="yugang-two-")
    database = "two_" + uuid.uuid4().hex[:8]
    subprocess.run(["psql", "-q", POSTGRES, "-c", f"CREATE DATABASE {database}"], check=True)
    url = POSTGRES.rsplit("/", 1)[0] + "/" + database
    ports = [free_port(), free_port()]
    processes, logs = [], []
    env = dict(os.environ, DATABASE_URL=url, HOST="127.0.0.1", PAGE_CACHE_SECONDS="60", TRUSTED_PROXIES="127.0.0.1",
               REQUIRE_TWO_FACTOR="", FEEDBACK_LIMIT_PER_ADDRESS="3", LOG_LEVEL="info", WORKER_IN_SERVE="0")
    # The first instance migrates and creates the admin; the second starts on the same database.
    admin_password = None
    for i, port in enumerate(ports):
        log = os.path.join(root, f"instance-{i}.log")
        logs.append(log)
        p = subprocess.Popen([BIN, "serve"], env=dict(env, PORT=str(port), DATA_DIR=os.path.join(root, f"data-{i}")),
                             stdout=open(log, "w"), stderr=subprocess.STDOUT)
        processes.append(p)
        ready = wait_ready(f"http://127.0.0.1:{port}", p, log)
        assert "database: postgresql" in ready and "page cache invalidation: listening" in ready, ready
        found = re.search(r"One-time password: (\S+)", open(log).read())
        admin_password = admin_password or (found and found.group(1))
    assert admin_password
    balancer = free_port()
    conf = os.path.join(root, "nginx.conf")
    user = "user root;\n" if os.geteuid() == 0 else ""
    with open(conf, "w") as f:
        f.write(f"""{user}worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {root}/body; proxy_temp_path {root}/proxy;
  fastcgi_temp_path {root}/fcgi; uwsgi_temp_path {root}/uwsgi; scgi_temp_path {root}/scgi;
  client_max_body_size 25m;
  upstream yugang {{ server 127.0.0.1:{ports[0]}; server 127.0.0.1:{ports[1]}; }}
  server {{
    listen 127.0.0.1:{balancer};
    location / {{
      proxy_pass http://yugang;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}
  }}
}}
""")
    nginx = subprocess.Popen([NGINX, "-c", conf, "-p", root], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{balancer}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/health/live", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    yield {"base": base, "a": f"http://127.0.0.1:{ports[0]}", "b": f"http://127.0.0.1:{ports[1]}",
           "admin": admin_password, "url": url, "env": env, "root": root}
    nginx.terminate()
    for p in processes:
        p.terminate()
    for p in [nginx, *processes]:
        p.wait(timeout=20)
    shutil.rmtree(root, ignore_errors=True)


def psql(cluster, sql):
    out = subprocess.run(["psql", "-qtA", cluster["url"], "-c", sql], check=True, capture_output=True, text=True).stdout
    return out.strip()


@pytest.fixture(scope="module")
def admin(cluster):
    """The admin, logged in through the balancer (the log-in and the password change may land on either instance)."""
    c = Client(cluster["base"])
    c.log_in("admin", cluster["admin"], NEW_PASSWORD)
    return c


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 40


def submit_feedback(base, subject, attachment=None):
    payload = {"kind": "suggestion", "area": "11", "subject": subject, "content": "兩個實例測試：請在重慶增設港人服務點。",
               "replyLanguage": "zh-Hant", "consentReply": True, "consentShare": True, "email": "two@example.hk"}
    if attachment:
        payload["attachments"] = [{"filename": "證明.pdf", "data": base64.b64encode(attachment).decode()}]
    req = urllib.request.Request(base + "/api/v1/feedback", data=json.dumps(payload).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read()), {k.lower(): v for k, v in r.headers.items()}
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), {k.lower(): v for k, v in e.headers.items()}


def test_attachment_and_access_code_on_both_instances(cluster, admin):
    status, receipt, _ = submit_feedback(cluster["base"], "附件經負載平衡器提交", PDF)
    assert status == 201, receipt
    reference, code = receipt["reference"], receipt["accessCode"]
    # The sender's access code opens the case on either instance.
    for instance in ("a", "b"):
        s, body, _ = Client(cluster[instance]).get(f"/api/v1/feedback/{reference}", headers={"X-Access-Code": code})
        assert s == 200 and json.loads(body)["reference"] == reference
    # The officer's session works on both instances, and both serve the same bytes of the file.
    case_id = psql(cluster, f"SELECT id FROM feedback_cases WHERE reference = '{reference}'")
    attachment_id = psql(cluster, f"SELECT id FROM case_attachments WHERE case_id = '{case_id}'")
    downloads = []
    for instance in ("a", "b"):
        s, body, headers = admin.get(f"/officer/cases/{case_id}/attachments/{attachment_id}", base=cluster[instance])
        assert s == 200, (instance, s)
        downloads.append(body)
    assert downloads[0] == downloads[1] == PDF


def test_a_published_update_shows_at_once_on_both_instances(cluster, admin):
    # A Chongqing liaison officer, created by the admin.
    page = admin.get("/officer/users")[1].decode()
    office = re.search(r'<option value="([0-9A-Fa-f-]{36})"[^>]*>[^<]*重慶市人民政府港澳事務辦公室', page).group(1)
    s, body, _ = admin.post_form("/officer/users", {"username": "cq-two", "displayName": "CQ Two", "role": "liaison", "unit": office})
    assert s == 200, s
    password = re.search(r'class="notice".*?<code>([^<]+)</code>', body.decode(), re.S).group(1)
    liaison = Client(cluster["base"])
    liaison.log_in("cq-two", password, NEW_PASSWORD)
    narrative = "兩個實例都立即看到的進展 " + uuid.uuid4().hex[:6]
    # Both instances have the page in their caches (60 s) before the update.
    for instance in ("a", "b"):
        for _ in range(2):
            assert narrative not in Client(cluster[instance]).get("/measures/11.3")[1].decode()
    s, _, _ = liaison.post_form("/officer/measures/11.3/updates",
                                {"period": "2026-11", "status": "in_progress", "percent": "40", "narrative": narrative, "visibility": "public"},
                                form_page="/officer/measures/11.3")
    assert s in (302, 303), s
    # Seen on both at once: well inside the cache's 60 seconds (the other instance hears the write).
    for instance in ("a", "b"):
        deadline = time.monotonic() + 2
        while narrative not in Client(cluster[instance]).get("/measures/11.3")[1].decode():
            assert time.monotonic() < deadline, f"instance {instance} still serves the cached page"
            time.sleep(0.05)


def test_the_rate_limit_counts_across_instances(cluster):
    # FEEDBACK_LIMIT_PER_ADDRESS=3 an hour; round robin sends the submissions to both instances in turn.
    # (The first test's submission already counted one.)
    statuses = [submit_feedback(cluster["base"], f"限額測試 {i}")[0] for i in range(3)]
    assert statuses[:2] == [201, 201] and statuses[2] == 429, statuses
    # Straight to one instance, from the same address: still over the limit (and told when to retry).
    status, _, headers = submit_feedback(cluster["a"], "直接連接")
    assert status == 429 and int(headers.get("retry-after", "0")) > 0


def test_each_reminder_is_sent_once_by_two_workers(cluster):
    # A case left unacknowledged past its deadline, then two workers at the same moment.
    psql(cluster, "UPDATE feedback_cases SET acknowledge_due_on = '2020-01-02', reply_due_on = '2020-01-10', received_on = '2020-01-01'")
    psql(cluster, "UPDATE units SET email = 'office@' || side || '.example' WHERE is_liaison_office")
    before = int(psql(cluster, "SELECT COUNT(*) FROM outbox"))
    env = dict(cluster["env"], DATA_DIR=os.path.join(cluster["root"], "worker"))
    workers = [subprocess.Popen([BIN, "worker", "--once"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for _ in range(2)]
    outputs = [w.communicate(timeout=120)[0] for w in workers]
    queued = [int(re.search(r"queued (\d+)", o).group(1)) for o in outputs]
    rows = int(psql(cluster, "SELECT COUNT(*) FROM outbox"))
    assert sum(queued) > 0 and rows - before == sum(queued), (outputs, rows, before)
    # The next pass, by either, sends none of them again.
    again = subprocess.run([BIN, "worker", "--once"], env=env, capture_output=True, text=True, timeout=120).stdout
    assert int(psql(cluster, "SELECT COUNT(*) FROM outbox")) == rows, again

"""Graceful shutdown: a request in flight when the server is told to stop (SIGTERM) is finished
and answered; the process then exits cleanly and new connections are refused."""
import http.client
import json
import os
import signal
import socket
import subprocess
import time

from crash import free_port, start

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")


def test_a_request_in_flight_is_finished_before_the_server_stops(tmp_path):
    port = free_port()
    server = start(BIN, str(tmp_path / "data"), port)
    try:
        body = json.dumps({"kind": "suggestion", "area": "11", "subject": "關閉前送出", "replyLanguage": "zh-Hant",
                           "content": "伺服器關閉時仍在傳送的意見。" * 50}).encode()
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        sock.sendall(b"POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body[:100])
        time.sleep(0.3)
        server.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        sock.sendall(body[100:])
        response = http.client.HTTPResponse(sock)
        response.begin()
        answer = json.loads(response.read())
        assert response.status == 201 and answer["reference"].startswith("YG-")
        assert server.wait(timeout=30) == 0
        refused = False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        except OSError:
            refused = True
        assert refused
    finally:
        if server.poll() is None:
            server.kill()
    verify = subprocess.run([BIN, "audit", "verify"], env={**os.environ, "DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": ""},
                            capture_output=True, text=True)
    assert verify.returncode == 0, verify.stderr

"""An SMTP server for the tests of the outbox's SMTP client (Tests/AppTests/SMTPTests.swift).

    python e2e/smtp_server.py --mode starttls|tls|plain|silent --mailbox DIR
                              [--cert PEM --key PEM] [--user NAME --password WORD [--only-login]]

aiosmtpd on 127.0.0.1 and a free port. `starttls` offers STARTTLS and requires it before
anything else; `tls` speaks TLS from the first byte (smtps); `plain` has no TLS at all;
`silent` accepts connections and never answers. With --user, AUTH (PLAIN and LOGIN) is required
and checked against that name and password.

Prints `ready PORT` once it listens, then serves until its standard input closes (the test
ends) or it is killed. Each message received is written to DIR as a JSON file: envelope,
content, whether the session was encrypted and who authenticated. Every AUTH attempt, good or
bad and whether encrypted or not, is appended to DIR/auth-attempts (the user names only),
so a test can show that credentials were never offered.
"""
import argparse
import asyncio
import json
import os
import socket
import ssl
import sys
import threading
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def encrypted(server, session):
    """After STARTTLS aiosmtpd sets session.ssl; with TLS from the first byte only the transport knows."""
    return session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None


class Recorder:
    def __init__(self, mailbox):
        self.mailbox = mailbox

    async def handle_DATA(self, server, session, envelope):
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "content": envelope.original_content.decode("utf-8", "replace"),
            "encrypted": encrypted(server, session),
            "authenticated_as": session.auth_data.decode() if isinstance(session.auth_data, bytes) else session.auth_data,
        }
        path = os.path.join(self.mailbox, uuid.uuid4().hex + ".json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(path + ".tmp", path)
        return "250 OK"


def authenticator_for(mailbox, user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode("utf-8", "replace")
        ok = login == user and auth_data.password.decode("utf-8", "replace") == password
        with open(os.path.join(mailbox, "auth-attempts"), "a", encoding="utf-8") as f:
            f.write(f"{mechanism} {login} {'ok' if ok else 'refused'} {'encrypted' if encrypted(server, session) else 'plain'}\n")
        # handled=False: aiosmtpd itself answers a refusal with 535.
        return AuthResult(success=ok, auth_data=login if ok else None, handled=ok)
    return authenticate


async def silent(port):
    async def hold(reader, writer):
        await reader.read()   # never answers; the client must give up on its own
        writer.close()
    server = await asyncio.start_server(hold, "127.0.0.1", port)
    return server


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["starttls", "tls", "plain", "silent"], required=True)
    parser.add_argument("--mailbox", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--only-login", action="store_true", help="offer AUTH LOGIN but not PLAIN")
    args = parser.parse_args()
    os.makedirs(args.mailbox, exist_ok=True)
    port = free_port()

    if args.mode == "silent":
        loop = asyncio.new_event_loop()
        loop.run_until_complete(silent(port))
        threading.Thread(target=loop.run_forever, daemon=True).start()
        print(f"ready {port}", flush=True)
        sys.stdin.read()
        return

    context = None
    if args.mode in ("starttls", "tls"):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    options = dict(hostname="127.0.0.1", port=port)
    if args.user:
        options.update(authenticator=authenticator_for(args.mailbox, args.user, args.password or ""),
                       # aiosmtpd counts only STARTTLS as TLS; a tls-mode connection is TLS throughout.
                       auth_required=True, auth_require_tls=args.mode == "starttls")
        if args.only_login:
            options.update(auth_exclude_mechanism=["PLAIN"])
    else:
        # Records any AUTH a client would offer (none should); accepts nobody.
        options.update(authenticator=authenticator_for(args.mailbox, None, None), auth_require_tls=False)
    handler = Recorder(args.mailbox)
    if args.mode == "starttls":
        controller = Controller(handler, tls_context=context, require_starttls=True, **options)
    elif args.mode == "tls":
        controller = Controller(handler, ssl_context=context, **options)
    else:
        controller = Controller(handler, **options)
    controller.start()
    print(f"ready {port}", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()

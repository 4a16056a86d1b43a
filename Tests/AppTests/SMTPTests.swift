@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor
import VaporTesting

/// The outbox's SMTP client against a real server (aiosmtpd, `e2e/smtp_server.py`) with TLS and
/// certificates from a test CA made here with the openssl command line.
@Suite struct SMTPTests {
    @Test func startTLSWithAuthenticationDeliversThroughTheOutbox() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let server = try TestSMTPServer(mode: "starttls", certificate: pki.localhost, user: "yugang", password: "s@cret word")
        defer { server.stop() }
        try await withApp { (app: Application) async throws in
            // The password is percent-encoded in the URL, as an operator would write it.
            app.config.smtp = try SMTPSettings.fromEnvironment(url: "smtp://yugang:s%40cret%20word@localhost:\(server.port)?from=notices@yugang.example",
                                                               caFile: pki.file("ca.pem"), timeout: "10")
            let now = noon("2026-12-01")
            try await Outbox.enqueue(.email, to: "chan@example.hk", subject: "你的意見個案 YG-2026-000001 有新回覆", body: "多謝你的意見。\n.\nA line with a dot.",
                                     key: "k1", now: now, on: app.db)
            let result = try await Outbox.deliverDue(now: now, transport: .live(app), on: app.db)
            let stored = try await OutboxMessage.query(on: app.db).first()
            #expect(result == .init(sent: 1, retried: 0, failed: 0), "\(stored?.lastError ?? "")")
        }
        let messages = try server.messages()
        try #require(messages.count == 1)
        let message = messages[0]
        #expect(message.encrypted && message.authenticatedAs == "yugang")
        #expect(message.mailFrom == "notices@yugang.example")
        #expect(message.recipients == ["chan@example.hk"])
        #expect(message.header("From") == "notices@yugang.example")
        #expect(message.header("To") == "chan@example.hk")
        #expect(message.subject == "你的意見個案 YG-2026-000001 有新回覆")
        #expect(message.body == "多謝你的意見。\n.\nA line with a dot.")
        #expect(try server.authAttempts() == ["PLAIN yugang ok encrypted"])
    }

    @Test func implicitTLSDeliversWithAuthLogin() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let server = try TestSMTPServer(mode: "tls", certificate: pki.localhost, user: "yugang", password: "pw", onlyLogin: true)
        defer { server.stop() }
        let settings = try SMTPSettings.fromEnvironment(url: "smtps://yugang:pw@localhost:\(server.port)?from=notices@yugang.example", caFile: pki.file("ca.pem"), timeout: "10")
        #expect(settings.security == .tls)
        try await SMTPClient(settings: settings).send(to: "unit@cq.example", subject: "提醒", body: "進度報告將於 2026-12-11 到期。", messageID: "m1", date: fixedNow)
        let messages = try server.messages()
        try #require(messages.count == 1)
        #expect(messages[0].encrypted && messages[0].authenticatedAs == "yugang")
        #expect(messages[0].recipients == ["unit@cq.example"])
        #expect(messages[0].subject == "提醒" && messages[0].body == "進度報告將於 2026-12-11 到期。")
        #expect(try server.authAttempts() == ["LOGIN yugang ok encrypted"])
    }

    /// A certificate from a CA nobody configured is refused, with the private CA file and with
    /// the system's trust store alike; nothing is sent, no password offered.
    @Test func aCertificateFromAnUnknownCAIsRefused() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        for mode in ["starttls", "tls"] {
            let server = try TestSMTPServer(mode: mode, certificate: pki.stranger, user: "yugang", password: "pw")
            defer { server.stop() }
            let scheme = mode == "tls" ? "smtps" : "smtp"
            for caFile in [pki.file("ca.pem"), nil] {
                let settings = try SMTPSettings.fromEnvironment(url: "\(scheme)://yugang:pw@localhost:\(server.port)", caFile: caFile, timeout: "10")
                let error = await failure { try await SMTPClient(settings: settings).send(to: "a@example.hk", subject: "s", body: "b", messageID: "m", date: fixedNow) }
                #expect(error.contains("is not trusted"), "\(mode) \(caFile ?? "system"): \(error)")
            }
            #expect(try server.messages().isEmpty && server.authAttempts().isEmpty)
        }
        // The same server certificate is accepted once its CA is the one configured.
        let server = try TestSMTPServer(mode: "starttls", certificate: pki.stranger, user: "yugang", password: "pw")
        defer { server.stop() }
        let settings = try SMTPSettings.fromEnvironment(url: "smtp://yugang:pw@localhost:\(server.port)", caFile: pki.file("other.pem"), timeout: "10")
        try await SMTPClient(settings: settings).send(to: "a@example.hk", subject: "s", body: "b", messageID: "m", date: fixedNow)
        #expect(try server.messages().count == 1)
    }

    /// A certificate of the right CA for another name is refused; one naming the address
    /// connected to is accepted (`127.0.0.1` is in the test certificate's IP addresses).
    @Test func aHostnameMismatchIsRefused() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let server = try TestSMTPServer(mode: "starttls", certificate: pki.elsewhere, user: "yugang", password: "pw")
        defer { server.stop() }
        for host in ["localhost", "127.0.0.1"] {
            let settings = try SMTPSettings.fromEnvironment(url: "smtp://yugang:pw@\(host):\(server.port)", caFile: pki.file("ca.pem"), timeout: "10")
            let error = await failure { try await SMTPClient(settings: settings).send(to: "a@example.hk", subject: "s", body: "b", messageID: "m", date: fixedNow) }
            #expect(error.contains("is not valid for \(host)"), "\(error)")
        }
        #expect(try server.messages().isEmpty && server.authAttempts().isEmpty)

        let good = try TestSMTPServer(mode: "starttls", certificate: pki.localhost, user: "yugang", password: "pw")
        defer { good.stop() }
        let settings = try SMTPSettings.fromEnvironment(url: "smtp://yugang:pw@127.0.0.1:\(good.port)", caFile: pki.file("ca.pem"), timeout: "10")
        try await SMTPClient(settings: settings).send(to: "a@example.hk", subject: "s", body: "b", messageID: "m", date: fixedNow)
        #expect(try good.messages().count == 1)
    }

    /// `smtp://` means STARTTLS: a server that does not offer it gets neither the password nor
    /// the message. Plain SMTP works only when the URL says `tls=none`.
    @Test func plainSMTPOnlyWhenConfiguredExplicitly() async throws {
        let server = try TestSMTPServer(mode: "plain", certificate: nil, user: "yugang", password: "pw")
        defer { server.stop() }
        let startTLS = try SMTPSettings.fromEnvironment(url: "smtp://yugang:pw@localhost:\(server.port)", caFile: nil, timeout: "10")
        #expect(startTLS.security == .starttls)
        let error = await failure { try await SMTPClient(settings: startTLS).send(to: "a@example.hk", subject: "s", body: "b", messageID: "m", date: fixedNow) }
        #expect(error.contains("does not offer STARTTLS"), "\(error)")
        #expect(try server.messages().isEmpty && server.authAttempts().isEmpty)

        let plain = try SMTPSettings.fromEnvironment(url: "smtp://yugang:pw@localhost:\(server.port)?tls=none&from=notices@yugang.example", caFile: nil, timeout: "10")
        #expect(plain.security == .none)
        try await SMTPClient(settings: plain).send(to: "a@example.hk", subject: "主旨", body: "內容", messageID: "m", date: fixedNow)
        let messages = try server.messages()
        try #require(messages.count == 1)
        #expect(!messages[0].encrypted)
        #expect(messages[0].subject == "主旨" && messages[0].body == "內容")
        #expect(try server.authAttempts() == ["PLAIN yugang ok plain"])
    }

    @Test func aWrongPasswordIsAClearError() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        let server = try TestSMTPServer(mode: "starttls", certificate: pki.localhost, user: "yugang", password: "right")
        defer { server.stop() }
        let settings = try SMTPSettings.fromEnvironment(url: "smtp://yugang:wrong@localhost:\(server.port)", caFile: pki.file("ca.pem"), timeout: "10")
        let error = await failure { try await SMTPClient(settings: settings).send(to: "a@example.hk", subject: "s", body: "b", messageID: "m", date: fixedNow) }
        #expect(error.contains("refused the user name or password") && !error.contains("wrong"), "\(error)")
        #expect(try server.messages().isEmpty && server.authAttempts() == ["PLAIN yugang refused encrypted"])
    }

    /// A server that accepts the connection and never answers costs the timeout, not a hang.
    @Test func aSilentServerTimesOut() async throws {
        let server = try TestSMTPServer(mode: "silent", certificate: nil)
        defer { server.stop() }
        let settings = try SMTPSettings.fromEnvironment(url: "smtp://localhost:\(server.port)", caFile: nil, timeout: "1")
        // The deadline's own error, not a hang (no assertion on the clock: tests never depend on speed).
        let error = await failure { try await SMTPClient(settings: settings).send(to: "a@example.hk", subject: "s", body: "b", messageID: "m", date: fixedNow) }
        #expect(error.contains("did not finish within 1 s"), "\(error)")
        // Nobody listening: a clear error at once.
        let closed = try SMTPSettings.fromEnvironment(url: "smtp://127.0.0.1:9", caFile: nil, timeout: "5")
        let refused = await failure { try await SMTPClient(settings: closed).send(to: "a@example.hk", subject: "s", body: "b", messageID: "m", date: fixedNow) }
        #expect(refused.contains("cannot connect to 127.0.0.1:9"), "\(refused)")
    }

    @Test func theEnvironmentChoosesTheModeAndWrongValuesNameTheirVariable() throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        func smtp(_ env: [String: String]) throws -> SMTPSettings? { try AppConfig.fromEnvironment(env).smtp }
        #expect(try smtp([:]) == nil)
        let startTLS = try #require(try smtp(["SMTP_URL": "smtp://relay.example.gov?from=yugang@example.gov"]))
        #expect(startTLS.security == .starttls && startTLS.port == 587)
        #expect(startTLS.username == nil && startTLS.from == "yugang@example.gov")
        #expect(startTLS.timeoutSeconds == 30)
        let implicit = try #require(try smtp(["SMTP_URL": "smtps://u%40x:p%3Aw@mail.example.gov", "SMTP_CA_FILE": pki.file("ca.pem"), "SMTP_TIMEOUT_SECONDS": "45"]))
        #expect(implicit.security == .tls && implicit.port == 465)
        #expect(implicit.username == "u@x" && implicit.password == "p:w")
        #expect(implicit.caFile == pki.file("ca.pem") && implicit.timeoutSeconds == 45)
        let plain = try #require(try smtp(["SMTP_URL": "smtp://10.0.0.5?tls=none"]))
        #expect(plain.security == .none && plain.port == 25)
        #expect(try smtp(["SMTP_URL": "smtp://relay.example.gov:2525?tls=starttls"])?.port == 2525)

        func refusal(_ env: [String: String]) -> AppConfig.InvalidValue? {
            do { _ = try AppConfig.fromEnvironment(env); return nil } catch { return error as? AppConfig.InvalidValue }
        }
        for url in ["http://relay.example.gov", "smtps://relay.example.gov?tls=none", "smtp://relay.example.gov?tls=yes",
                    "smtp://relay.example.gov?form=a@b", "smtp://relay.example.gov?from=not-an-address", "smtp://user@relay.example.gov", "smtp://"] {
            #expect(refusal(["SMTP_URL": url])?.variable == "SMTP_URL", "\(url)")
        }
        // The password never appears in the message that stops the start.
        let leaked = refusal(["SMTP_URL": "smtp://yugang:hunter2@relay.example.gov?tls=maybe"])
        #expect(leaked?.variable == "SMTP_URL")
        #expect(leaked.map { !$0.description.contains("hunter2") } == true)
        #expect(refusal(["SMTP_URL": "smtp://relay.example.gov", "SMTP_CA_FILE": "/nonexistent/ca.pem"])?.variable == "SMTP_CA_FILE")
        #expect(refusal(["SMTP_URL": "smtp://relay.example.gov", "SMTP_CA_FILE": pki.file("localhost.key")])?.variable == "SMTP_CA_FILE")
        #expect(refusal(["SMTP_URL": "smtp://relay.example.gov?tls=none", "SMTP_CA_FILE": pki.file("ca.pem")])?.variable == "SMTP_CA_FILE")
        for timeout in ["0", "abc", "601"] {
            #expect(refusal(["SMTP_URL": "smtp://relay.example.gov", "SMTP_TIMEOUT_SECONDS": timeout])?.variable == "SMTP_TIMEOUT_SECONDS")
        }
    }
}

/// What a failing call threw, as the outbox stores it.
private func failure(_ body: () async throws -> Void) async -> String {
    do {
        try await body()
        return "no error"
    } catch {
        return String(describing: error)
    }
}

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A test CA, another CA nobody trusts, and server certificates: `localhost` (and 127.0.0.1)
/// from the test CA, the same names from the other CA, and `mail.example.org` from the test CA.
private struct TestPKI {
    let directory = NSTemporaryDirectory() + "yugang-pki-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = """
        set -e
        ca() { openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout $1.key -out $1.pem -days 2 -subj "/CN=$2" \
          -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign; }
        leaf() { openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout $1.key -out $1.csr -subj "/CN=$3"
          printf 'subjectAltName=%s\\nbasicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature\\nextendedKeyUsage=serverAuth\\n' "$4" > $1.ext
          openssl x509 -req -in $1.csr -CA $2.pem -CAkey $2.key -CAcreateserial -out $1.pem -days 2 -extfile $1.ext; }
        ca ca "YuGang test CA"
        ca other "Another CA"
        leaf localhost ca localhost "DNS:localhost,IP:127.0.0.1"
        leaf stranger other localhost "DNS:localhost,IP:127.0.0.1"
        leaf elsewhere ca mail.example.org "DNS:mail.example.org"
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let output = log.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SMTPClient.Failure(description: "openssl failed: " + String(decoding: output, as: UTF8.self))
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
    func file(_ name: String) -> String { directory + "/" + name }
    var localhost: String { directory + "/localhost" }
    var stranger: String { directory + "/stranger" }
    var elsewhere: String { directory + "/elsewhere" }
}

/// The test tools' Python (`.venv`, made by `make test`), else the system's.
func testPython() -> (executable: URL, arguments: [String]) {
    let venv = packageRoot + "/.venv/bin/python"
    if FileManager.default.isExecutableFile(atPath: venv) { return (URL(fileURLWithPath: venv), []) }
    return (URL(fileURLWithPath: "/usr/bin/env"), ["python3"])
}

/// `e2e/smtp_server.py` on a free loopback port, until `stop()`.
private final class TestSMTPServer {
    let port: Int
    let mailbox = NSTemporaryDirectory() + "yugang-smtp-" + UUID().uuidString
    private let process: Process
    private let input: Pipe

    /// `certificate` is a path without extension: `.pem` and `.key` are added.
    init(mode: String, certificate: String?, user: String? = nil, password: String? = nil, onlyLogin: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: mailbox, withIntermediateDirectories: true)
        process = Process()
        let python = testPython()
        process.executableURL = python.executable
        var arguments = python.arguments
        arguments += [packageRoot + "/e2e/smtp_server.py", "--mode", mode, "--mailbox", mailbox]
        if let certificate { arguments += ["--cert", certificate + ".pem", "--key", certificate + ".key"] }
        if let user { arguments += ["--user", user, "--password", password ?? ""] }
        if onlyLogin { arguments.append("--only-login") }
        process.arguments = arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: mailbox + "/server.log", contents: nil)
        process.standardError = FileHandle(forWritingAtPath: mailbox + "/server.log")
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 2, words[0] == "ready", let port = Int(words[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.waitUntilExit()
            let log = (try? String(contentsOfFile: mailbox + "/server.log", encoding: .utf8)) ?? ""
            throw SMTPClient.Failure(description: "the test SMTP server did not start: \(log)")
        }
        self.port = port
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: mailbox)
    }

    func messages() throws -> [ReceivedMail] {
        try FileManager.default.contentsOfDirectory(atPath: mailbox).filter { $0.hasSuffix(".json") }.map {
            try JSONDecoder().decode(ReceivedMail.self, from: Data(contentsOf: URL(fileURLWithPath: mailbox + "/" + $0)))
        }
    }

    func authAttempts() throws -> [String] {
        guard let text = try? String(contentsOfFile: mailbox + "/auth-attempts", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}

/// One message as the test server received it.
private struct ReceivedMail: Decodable {
    let mailFrom: String
    let recipients: [String]
    let content: String
    let encrypted: Bool
    let authenticatedAs: String?

    enum CodingKeys: String, CodingKey {
        case mailFrom = "mail_from", recipients = "rcpt_tos", content, encrypted, authenticatedAs = "authenticated_as"
    }

    private var parts: (headers: [String], body: String) {
        let normalised = content.replacingOccurrences(of: "\r\n", with: "\n")
        let split = normalised.components(separatedBy: "\n\n")
        return (split[0].components(separatedBy: "\n"), split.dropFirst().joined(separator: "\n\n"))
    }

    func header(_ name: String) -> String? {
        parts.headers.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    /// The subject as a reader sees it (`=?UTF-8?B?…?=` decoded).
    var subject: String? {
        guard let raw = header("Subject"), raw.hasPrefix("=?UTF-8?B?"), raw.hasSuffix("?=") else { return header("Subject") }
        return Data(base64Encoded: String(raw.dropFirst(10).dropLast(2))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text as a reader sees it (the base64 body decoded).
    var body: String? {
        Data(base64Encoded: parts.body.replacingOccurrences(of: "\n", with: "")).map { String(decoding: $0, as: UTF8.self) }
    }
}

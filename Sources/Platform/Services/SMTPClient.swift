import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// The outbox's SMTP client on SwiftNIO: non-blocking, one message per connection, STARTTLS or
/// implicit TLS with the certificate and host name verified (NIOSSL), AUTH PLAIN or LOGIN only
/// once the connection is encrypted (or in plain mode the operator chose), UTF-8 text as base64.
/// Every failure throws a `Failure` saying what went wrong; the outbox retries it later.
package struct SMTPClient: Sendable {
    package let settings: SMTPSettings
    package var eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    package init(settings: SMTPSettings, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
    }

    package struct Failure: Error, CustomStringConvertible {
        package let description: String

        package init(description: String) {
            self.description = description
        }
    }

    /// Sends one message without blocking a thread.
    package func send(to recipient: String, subject: String, body: String, messageID: String, date: Date) async throws {
        try await deliver(to: recipient, subject: subject, body: body, messageID: messageID, date: date)
    }

    /// The same for callers on a thread of their own (a thread pool): waits for the exchange,
    /// which still runs on the event loop.
    package func send(to recipient: String, subject: String, body: String, messageID: String, date: Date) throws {
        let outcome = NIOLockedValueBox<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await deliver(to: recipient, subject: subject, body: body, messageID: messageID, date: date)
                outcome.withLockedValue { $0 = .success(()) }
            } catch {
                outcome.withLockedValue { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        try outcome.withLockedValue { $0 ?? .failure(Failure(description: "SMTP: no outcome")) }.get()
    }

    /// Headers and a base64 body: no line of the message can start with a dot.
    package static func message(from: String, to: String, subject: String, body: String, messageID: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedSubject = "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let encodedBody = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(messageID)@yugang>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64", "", encodedBody,
        ].joined(separator: "\r\n")
    }

    private var server: String { settings.host.contains(":") ? "[\(settings.host)]:\(settings.port)" : "\(settings.host):\(settings.port)" }

    private func tlsContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        configuration.minimumTLSVersion = .tlsv12
        if let caFile = settings.caFile { configuration.trustRoots = .file(caFile) }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw Failure(description: "SMTP: cannot set up TLS (\(error))")
        }
    }

    /// The name checked against the certificate (and sent as SNI); an IP address is checked
    /// against the certificate's IP addresses instead.
    private var expectedHostname: String? {
        (try? SocketAddress(ipAddress: settings.host, port: 0)) == nil ? settings.host : nil
    }

    private func deliver(to recipient: String, subject: String, body: String, messageID: String, date: Date) async throws {
        guard SMTPSettings.isAddress(recipient) else { throw Failure(description: "SMTP: the recipient is not a single e-mail address") }
        let context = settings.security == .none ? nil : try tlsContext()
        let implicit = settings.security == .tls
        let hostname = expectedHostname
        let timeout = TimeAmount.milliseconds(Int64(settings.timeoutSeconds * 1000))
        let channel: NIOAsyncChannel<SMTPReply, ByteBuffer>
        let errors = FirstError()
        do {
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(timeout)
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if implicit, let context {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: hostname))
                        }
                        try channel.pipeline.syncOperations.addHandlers(errors, ByteToMessageHandler(SMTPReplyDecoder()))
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw Failure(description: "SMTP: cannot connect to \(server) (\(error))")
        }
        // One deadline for the whole exchange: when it passes, the connection is closed and the
        // step waiting fails.
        let timedOut = NIOLockedValueBox(false)
        let underlying = channel.channel
        let timer = underlying.eventLoop.scheduleTask(in: timeout) {
            timedOut.withLockedValue { $0 = true }
            underlying.close(promise: nil)
        }
        defer { timer.cancel() }
        do {
            try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(replies: inbound.makeAsyncIterator(), outbound: outbound, server: server)
                try await session.expect(220, "greeting")
                var capabilities = try await session.hello()
                if settings.security == .starttls {
                    guard capabilities.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                        try? await session.write("QUIT")
                        throw Failure(description: "SMTP: \(server) does not offer STARTTLS; nothing was sent (plain SMTP only with tls=none in SMTP_URL)")
                    }
                    try await session.command("STARTTLS", 220, "STARTTLS")
                    guard let context else { throw Failure(description: "SMTP: no TLS context") }
                    try await underlying.eventLoop.submit {
                        try underlying.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: hostname), position: .first)
                    }.get()
                    capabilities = try await session.hello()   // again, now encrypted (RFC 3207)
                }
                if let user = settings.username, let password = settings.password {
                    try await session.authenticate(user: user, password: password, capabilities: capabilities)
                }
                try await session.command("MAIL FROM:<\(settings.from)>", 250, "MAIL FROM")
                try await session.command("RCPT TO:<\(recipient)>", [250, 251], "RCPT TO", echo: false)
                try await session.command("DATA", 354, "DATA")
                try await session.write(Self.message(from: settings.from, to: recipient, subject: subject, body: body, messageID: messageID, date: date) + "\r\n.")
                try await session.expect(250, "the message")
                _ = try? await session.command("QUIT", 221, "QUIT")
            }
        } catch {
            if timedOut.withLockedValue({ $0 }) {
                throw Failure(description: "SMTP: \(server) did not finish within \(Int(settings.timeoutSeconds)) s")
            }
            // A failed handshake closes the connection: the step waiting may only see the close.
            if let tls = errors.first, tls is NIOSSLError || tls is NIOSSLExtraError {
                throw Self.explain(tls, server: server, hostname: settings.host)
            }
            throw Self.explain(error, server: server, hostname: settings.host)
        }
    }

    /// TLS errors in words an operator can act on.
    package static func explain(_ error: any Error, server: String, hostname: String) -> any Error {
        if error is Failure { return error }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return Failure(description: "SMTP: the certificate of \(server) is not valid for \(hostname) (refused)")
        }
        if let ssl = error as? NIOSSLError {
            let text = String(describing: ssl)
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return Failure(description: "SMTP: the certificate of \(server) is not trusted (unknown CA, expired or self-signed; a private CA goes in SMTP_CA_FILE) (refused)")
            }
            if case .handshakeFailed = ssl {
                return Failure(description: "SMTP: TLS handshake with \(server) failed (\(text))")
            }
        }
        return Failure(description: "SMTP: \(server): \(error)")
    }
}

/// Keeps the first error raised in the pipeline (by TLS, below it) and passes it on.
final class FirstError: ChannelInboundHandler, Sendable {
    package typealias InboundIn = ByteBuffer
    private let box = NIOLockedValueBox<(any Error)?>(nil)

    package var first: (any Error)? { box.withLockedValue { $0 } }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        box.withLockedValue { if $0 == nil { $0 = error } }
        context.fireErrorCaught(error)
    }
}

/// One SMTP reply: its code and the text of its lines (multi-line replies joined).
package struct SMTPReply: Sendable {
    package var code: Int
    package var lines: [String]

    package init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }
}

/// Bytes → replies. A reply is one or more lines `250-…` ending with `250 …`.
package struct SMTPReplyDecoder: ByteToMessageDecoder {
    package init() {}

    package typealias InboundOut = SMTPReply
    private var lines: [String] = []

    package mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4096 { throw SMTPClient.Failure(description: "SMTP: a reply line longer than 4096 bytes") }
            return .needMoreData
        }
        var bytes = buffer.readBytes(length: newline - buffer.readerIndex + 1) ?? []
        bytes.removeLast()
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200...599).contains(code),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-") else {
            throw SMTPClient.Failure(description: "SMTP: unreadable reply \(line.prefix(80))")
        }
        lines.append(bytes.count > 4 ? String(line.dropFirst(4)) : "")
        guard lines.count <= 100 else { throw SMTPClient.Failure(description: "SMTP: a reply of more than 100 lines") }
        if bytes.count > 3, bytes[3] == UInt8(ascii: "-") { return .continue }
        context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: lines)))
        lines = []
        return .continue
    }

    package mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// The conversation over one connection.
struct SMTPSession {
    package var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    package let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    package let server: String

    package func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text + "\r\n"))
    }

    /// The next reply, which must have one of `codes`. `echo` false leaves the server's text
    /// out of the error (it may repeat an address).
    @discardableResult
    package mutating func expect(_ codes: [Int], _ step: String, echo: Bool = true) async throws -> SMTPReply {
        guard let reply = try await replies.next() else {
            throw SMTPClient.Failure(description: "SMTP: \(server) closed the connection at \(step)")
        }
        guard codes.contains(reply.code) else {
            let text = echo ? " " + reply.lines.joined(separator: " / ").prefix(200) : ""
            throw SMTPClient.Failure(description: "SMTP: \(server) answered \(reply.code) to \(step)\(text)")
        }
        return reply
    }

    @discardableResult
    package mutating func expect(_ code: Int, _ step: String) async throws -> SMTPReply {
        try await expect([code], step)
    }

    @discardableResult
    package mutating func command(_ text: String, _ codes: [Int], _ step: String, echo: Bool = true) async throws -> SMTPReply {
        try await write(text)
        return try await expect(codes, step, echo: echo)
    }

    @discardableResult
    package mutating func command(_ text: String, _ code: Int, _ step: String) async throws -> SMTPReply {
        try await command(text, [code], step)
    }

    /// EHLO; the extensions the server offers, one per line after the greeting line.
    package mutating func hello() async throws -> [String] {
        let reply = try await command("EHLO yugang", 250, "EHLO")
        return Array(reply.lines.dropFirst())
    }

    /// AUTH PLAIN, else AUTH LOGIN, whichever the server offers. Never echoes the credentials.
    package mutating func authenticate(user: String, password: String, capabilities: [String]) async throws {
        let mechanisms = Set(capabilities.compactMap { line -> [String]? in
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            return words.first == "AUTH" ? Array(words.dropFirst()) : nil
        }.joined())
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        do {
            if mechanisms.contains("PLAIN") {
                try await command("AUTH PLAIN " + base64("\0\(user)\0\(password)"), 235, "AUTH PLAIN")
            } else if mechanisms.contains("LOGIN") {
                try await command("AUTH LOGIN", 334, "AUTH LOGIN")
                try await command(base64(user), 334, "AUTH LOGIN (user name)")
                try await command(base64(password), 235, "AUTH LOGIN (password)")
            } else {
                throw SMTPClient.Failure(description: "SMTP: \(server) offers neither AUTH PLAIN nor AUTH LOGIN (offers: \(mechanisms.sorted().joined(separator: " ")))")
            }
        } catch let failure as SMTPClient.Failure where failure.description.contains("answered 535") {
            throw SMTPClient.Failure(description: "SMTP: \(server) refused the user name or password (535)")
        }
    }
}

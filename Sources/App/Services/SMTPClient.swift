import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small SMTP client for the outbox: plain SMTP (port 25 or 587 on a relay inside the
/// network), optional AUTH PLAIN, one message per connection, UTF-8 text as base64. It blocks,
/// so the worker runs it on a thread pool.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    var timeoutSeconds = 20

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func send(to recipient: String, subject: String, body: String, messageID: String, date: Date = Date()) throws {
        let fd = try connect()
        defer { close(fd) }
        var reader = LineReader(fd: fd)
        func expect(_ code: Int) throws {
            // Multi-line replies repeat the code with a dash: 250-…, 250 ….
            while true {
                let line = try reader.line()
                guard line.count >= 3, let got = Int(line.prefix(3)) else { throw Failure(description: "SMTP: unreadable reply \(line)") }
                guard got == code else { throw Failure(description: "SMTP: expected \(code), got \(line)") }
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return }
            }
        }
        func command(_ text: String, _ code: Int) throws {
            try write(fd, text + "\r\n")
            try expect(code)
        }
        try expect(220)
        try command("EHLO yugang", 250)
        if let user = settings.username, let password = settings.password {
            let token = Data("\0\(user)\0\(password)".utf8).base64EncodedString()
            try command("AUTH PLAIN \(token)", 235)
        }
        try command("MAIL FROM:<\(settings.from)>", 250)
        try command("RCPT TO:<\(recipient)>", 250)
        try command("DATA", 354)
        try write(fd, Self.message(from: settings.from, to: recipient, subject: subject, body: body, messageID: messageID, date: date) + "\r\n.\r\n")
        try expect(250)
        try? write(fd, "QUIT\r\n")
    }

    /// Headers and a base64 body: no line of the message can start with a dot.
    static func message(from: String, to: String, subject: String, body: String, messageID: String, date: Date) -> String {
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

    private func connect() throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(settings.host, String(settings.port), &hints, &result) == 0, let first = result else {
            throw Failure(description: "SMTP: cannot resolve \(settings.host)")
        }
        defer { freeaddrinfo(result) }
        var info: UnsafeMutablePointer<addrinfo>? = first
        while let ai = info {
            let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
            if fd >= 0 {
                var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                if Glibc.connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { return fd }
                close(fd)
            }
            info = ai.pointee.ai_next
        }
        throw Failure(description: "SMTP: cannot connect to \(settings.host):\(settings.port)")
    }

    private func write(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        let count = bytes.count
        var offset = 0
        while offset < count {
            let start = offset
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + start, count - start, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "SMTP: connection closed while sending") }
            offset += n
        }
    }

    private struct LineReader {
        let fd: Int32
        var buffer: [UInt8] = []

        mutating func line() throws -> String {
            while true {
                if let i = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[..<i]
                    buffer.removeSubrange(...i)
                    return String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &chunk, chunk.count, 0)
                guard n > 0 else { throw Failure(description: "SMTP: connection closed or timed out") }
                buffer += chunk[..<n]
            }
        }
    }
}

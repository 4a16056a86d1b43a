import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// Where and how the outbox sends e-mail, read once from `SMTP_URL`, `SMTP_CA_FILE` and
/// `SMTP_TIMEOUT_SECONDS`:
/// - `smtp://[user:password@]host[:port][?from=address]`: STARTTLS, port 587 by default; a
///   server that does not offer STARTTLS is refused;
/// - `smtps://…`: TLS from the first byte ("implicit TLS"), port 465 by default;
/// - `smtp://…?tls=none`: plain SMTP, port 25 by default, only because the operator wrote it.
/// Certificates are verified against the system's trust store, or only against the CA
/// certificates in `SMTP_CA_FILE` (a private CA), and must name the host.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        /// Plain SMTP, then `STARTTLS` before anything else is said.
        case starttls
        /// TLS from the start of the connection (`smtps://`, port 465).
        case tls
        /// No encryption at all: only when configured explicitly (`?tls=none`).
        case none
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var from: String
    public var security: Security
    /// PEM file with the CA certificates to trust instead of the system's (`SMTP_CA_FILE`).
    public var caFile: String?
    /// The whole exchange for one message, connecting included (`SMTP_TIMEOUT_SECONDS`).
    public var timeoutSeconds: Double = 30

    /// A reason why an `SMTP_URL` is not valid.
    package struct InvalidURL: Error { package let reason: String }

    public init?(url raw: String) {
        guard let settings = try? Self.parse(url: raw) else { return nil }
        self = settings
    }

    package static func parse(url raw: String) throws(InvalidURL) -> SMTPSettings {
        guard let url = URLComponents(string: raw), let scheme = url.scheme?.lowercased() else {
            throw InvalidURL(reason: "not a URL")
        }
        guard scheme == "smtp" || scheme == "smtps" else { throw InvalidURL(reason: "the scheme must be smtp or smtps") }
        guard var host = url.host, !host.isEmpty else { throw InvalidURL(reason: "no host") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var security: Security = scheme == "smtps" ? .tls : .starttls
        var from = "yugang@localhost"
        for item in url.queryItems ?? [] {
            switch item.name {
            case "from":
                guard let value = item.value, Self.isAddress(value) else { throw InvalidURL(reason: "from must be an e-mail address") }
                from = value
            case "tls":
                switch (scheme, item.value?.lowercased()) {
                case ("smtp", "starttls"): security = .starttls
                case ("smtp", "none"): security = .none
                case ("smtps", "implicit"): security = .tls
                case ("smtps", _): throw InvalidURL(reason: "smtps:// is always TLS; use smtp:// for STARTTLS or tls=none")
                default: throw InvalidURL(reason: "tls must be starttls or none")
                }
            default:
                throw InvalidURL(reason: "unknown parameter \(item.name) (known: from, tls)")
            }
        }
        if let port = url.port, !(1...65535).contains(port) { throw InvalidURL(reason: "the port must be from 1 to 65535") }
        let port = url.port ?? (security == .tls ? 465 : security == .starttls ? 587 : 25)
        // URLComponents gives user and password with their percent-encoding removed.
        let username = url.user.flatMap { $0.isEmpty ? nil : $0 }
        let password = url.password
        if username != nil, password == nil { throw InvalidURL(reason: "a user name needs a password (user:password@host)") }
        return SMTPSettings(host: host, port: port, username: username, password: password, from: from, security: security)
    }

    package init(host: String, port: Int, username: String?, password: String?, from: String, security: Security, caFile: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.from = from
        self.security = security
        self.caFile = caFile
    }

    /// Reads the three variables; a wrong value throws with the variable's name (and never
    /// echoes a password).
    package static func fromEnvironment(url raw: String, caFile: String?, timeout: String?) throws -> SMTPSettings {
        var settings: SMTPSettings
        do {
            settings = try parse(url: raw)
        } catch {
            throw AppConfig.InvalidValue(variable: "SMTP_URL", value: redacted(raw),
                                         expected: "smtp://[user:password@]host[:port][?from=address] (STARTTLS), smtps://… (implicit TLS) or smtp://…?tls=none (plain, explicitly); \(error.reason)")
        }
        if let path = caFile {
            guard settings.security != .none else {
                throw AppConfig.InvalidValue(variable: "SMTP_CA_FILE", value: path, expected: "no CA file when SMTP_URL says tls=none (nothing would be verified)")
            }
            let certificates = (try? NIOSSLCertificate.fromPEMFile(path)) ?? []
            guard !certificates.isEmpty else {
                throw AppConfig.InvalidValue(variable: "SMTP_CA_FILE", value: path, expected: "a readable PEM file with at least one CA certificate")
            }
            settings.caFile = path
        }
        if let raw = timeout {
            guard let seconds = Int(raw), (1...600).contains(seconds) else {
                throw AppConfig.InvalidValue(variable: "SMTP_TIMEOUT_SECONDS", value: raw, expected: "a whole number of seconds from 1 to 600")
            }
            settings.timeoutSeconds = Double(seconds)
        }
        return settings
    }

    /// The URL with its password replaced, for error messages.
    package static func redacted(_ raw: String) -> String {
        guard var url = URLComponents(string: raw), url.password != nil else { return raw }
        url.password = "***"
        return url.string ?? "…"
    }

    /// One address without display name, angle brackets, spaces or line breaks.
    package static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && text.utf8.count <= 254
            && !text.unicodeScalars.contains { $0.value <= 32 || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" || $0.value == 127 }
    }
}

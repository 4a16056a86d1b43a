import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Configuration read once, in `configure`, from the environment. A wrong value stops start-up
/// with the variable's name.
public struct AppConfig: Sendable {
    public enum DatabaseKind: Sendable, Equatable {
        /// The embedded default: a file under `DATA_DIR`.
        case sqlite(path: String)
        /// An in-memory SQLite database (tests).
        case sqliteMemory
        /// `DATABASE_URL=postgres://…`.
        case postgres(url: String)

        package var id: DatabaseID {
            if case .postgres = self { return .psql }
            return .sqlite
        }
    }

    public var host: String
    public var port: Int
    public var dataDirectory: String
    public var database: DatabaseKind
    public var baseURL: URL?
    public var logLevel: Logger.Level?
    /// PostgreSQL connections each event loop may hold (`DATABASE_POOL_SIZE`), and how long a
    /// request waits for one before it is refused (`DATABASE_POOL_TIMEOUT_SECONDS`). A transaction
    /// waiting for a row another officer holds keeps its connection, so one per loop would make
    /// every other request on that loop wait behind it.
    public var databasePoolSize = 4
    public var databasePoolTimeoutSeconds = 30
    /// How long a rendered public page may be served from memory (`PAGE_CACHE_SECONDS`, 0 = off).
    public var pageCacheSeconds: Double = 5

    /// Working days for a substantive reply to feedback, per kind (`FEEDBACK_REPLY_DAYS`:
    /// `10`, or `10,complaint=5` for a default with exceptions).
    public var feedbackReplyDays: [String: Int] = [:]
    public var defaultFeedbackReplyDays = 10
    /// Days after closing when a case's personal data is purged (`PERSONAL_DATA_RETENTION_DAYS`).
    public var personalDataRetentionDays = 730
    /// A word recurring in feedback subjects reaches the meeting report only when cases of at
    /// least this many different senders hold it (`REPORT_THEME_MIN_SENDERS`, at least 5).
    public var reportThemeMinSenders = 5
    /// Feedback submissions allowed per IP address an hour and per e-mail or telephone a day
    /// (`FEEDBACK_LIMIT_PER_ADDRESS`, `FEEDBACK_LIMIT_PER_CONTACT`).
    public var feedbackPerAddressPerHour = 10
    public var feedbackPerContactPerDay = 5
    /// Questions allowed per IP address an hour (`QUESTION_LIMIT_PER_ADDRESS`), and the public's
    /// follow-ups (adding information, rating, reopening, reading with a code) per address an
    /// hour (`FOLLOW_UP_LIMIT_PER_ADDRESS`). Counted before the request's body is read.
    public var questionsPerAddressPerHour = 10
    public var followUpsPerAddressPerHour = 60
    /// Wrong access codes allowed an hour per reference and per address before every answer is
    /// 429 until the hour ends (`ACCESS_CODE_LIMIT_PER_REFERENCE`, `ACCESS_CODE_LIMIT_PER_ADDRESS`).
    public var accessCodeFailuresPerReference = 10
    public var accessCodeFailuresPerAddress = 20
    /// Outgoing mail: `SMTP_URL=smtp://[user:password@]host[:port][?from=address]` (STARTTLS),
    /// `smtps://…` (implicit TLS) or `smtp://…?tls=none` (plain, only so), with `SMTP_CA_FILE`
    /// and `SMTP_TIMEOUT_SECONDS` (see `SMTPSettings`). Without it,
    /// e-mail stays in the outbox (webhooks still go).
    public var smtp: SMTPSettings?
    /// Key for the HMAC-SHA256 signature of webhook calls (`WEBHOOK_SECRET`).
    public var webhookSecret: String?
    /// Run the worker's jobs inside `serve` too (`WORKER_IN_SERVE=1`).
    public var workerInServe = false

    /// Roles that must log in with a second factor (`REQUIRE_TWO_FACTOR`, default
    /// `admin,liaison`; others may turn it on for themselves).
    public var twoFactorRoles: Set<String> = ["admin", "liaison"]
    /// Officer sessions end after this much inactivity, and this long after log-in however
    /// active (`SESSION_IDLE_MINUTES`, `SESSION_MAX_HOURS`).
    public var sessionIdleSeconds: Double = 30 * 60
    public var sessionMaxSeconds: Double = 12 * 3600
    /// Key sealing the TOTP secrets (`SECRETS_KEY`, 32 bytes base64; else `DATA_DIR/secrets.key`).
    public var secretsKey: String?
    /// Bearer token for `/metrics` from other hosts (`METRICS_TOKEN`); without it only loopback.
    public var metricsToken: String?
    /// Where security problems are reported (`SECURITY_CONTACT`, for `/.well-known/security.txt`).
    public var securityContact: String?
    /// Reverse proxies whose `X-Forwarded-For` / `Forwarded` headers name the client
    /// (`TRUSTED_PROXIES`: addresses or CIDR ranges, separated by commas). From anyone else the
    /// headers are ignored, so a client cannot choose the address its limits are counted on.
    public var trustedProxies: [AddressRange] = []

    /// Public URL starts with https: cookies are Secure and HSTS is sent.
    public var isSecure: Bool { baseURL?.scheme == "https" }

    public struct InvalidValue: Error, CustomStringConvertible {
        public let variable: String
        public let value: String
        public let expected: String
        public var description: String { "\(variable)=\(value) is not valid: expected \(expected)" }
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        func value(_ name: String) -> String? {
            guard let v = env[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        let host = value("HOST") ?? "127.0.0.1"
        var port = 8080
        if let raw = value("PORT") {
            guard let p = Int(raw), (1...65535).contains(p) else {
                throw InvalidValue(variable: "PORT", value: raw, expected: "a port number from 1 to 65535")
            }
            port = p
        }
        let dataDirectory = value("DATA_DIR") ?? "./data"
        var database = DatabaseKind.sqlite(path: dataDirectory + "/yugang.sqlite")
        if let url = value("DATABASE_URL") {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url)
            } else if url == "sqlite::memory:" {
                database = .sqliteMemory
            } else if url.hasPrefix("sqlite://") {
                database = .sqlite(path: String(url.dropFirst("sqlite://".count)))
            } else {
                throw InvalidValue(variable: "DATABASE_URL", value: url, expected: "postgres://user@host/db, sqlite://path or sqlite::memory:")
            }
        }
        var baseURL: URL?
        if let raw = value("BASE_URL") {
            guard let url = URL(string: raw), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw InvalidValue(variable: "BASE_URL", value: raw, expected: "an http:// or https:// URL")
            }
            baseURL = url
        }
        var logLevel: Logger.Level?
        if let raw = value("LOG_LEVEL") {
            guard let level = Logger.Level(rawValue: raw.lowercased()) else {
                throw InvalidValue(variable: "LOG_LEVEL", value: raw, expected: "trace, debug, info, notice, warning, error or critical")
            }
            logLevel = level
        }
        var config = AppConfig(host: host, port: port, dataDirectory: dataDirectory, database: database, baseURL: baseURL, logLevel: logLevel)
        if let raw = value("PAGE_CACHE_SECONDS") {
            guard let seconds = Double(raw), (0...3600).contains(seconds) else {
                throw InvalidValue(variable: "PAGE_CACHE_SECONDS", value: raw, expected: "a number of seconds from 0 to 3600")
            }
            config.pageCacheSeconds = seconds
        }
        if let raw = value("FEEDBACK_REPLY_DAYS") {
            let invalid = InvalidValue(variable: "FEEDBACK_REPLY_DAYS", value: raw,
                                       expected: "working days (1–60), optionally with kind=days pairs, e.g. 10,complaint=5")
            for part in raw.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                let pair = part.split(separator: "=").map(String.init)
                guard let days = Int(pair.last ?? ""), (1...60).contains(days), pair.count <= 2 else { throw invalid }
                if pair.count == 2 {
                    guard ["opinion", "suggestion", "complaint", "compliment"].contains(pair[0]) else { throw invalid }
                    config.feedbackReplyDays[pair[0]] = days
                } else {
                    config.defaultFeedbackReplyDays = days
                }
            }
        }
        if let raw = value("PERSONAL_DATA_RETENTION_DAYS") {
            guard let days = Int(raw), (30...3650).contains(days) else {
                throw InvalidValue(variable: "PERSONAL_DATA_RETENTION_DAYS", value: raw, expected: "a number of days from 30 to 3650")
            }
            config.personalDataRetentionDays = days
        }
        if let raw = value("REPORT_THEME_MIN_SENDERS") {
            guard let n = Int(raw), (5...1000).contains(n) else {
                throw InvalidValue(variable: "REPORT_THEME_MIN_SENDERS", value: raw, expected: "a number of senders from 5 to 1000")
            }
            config.reportThemeMinSenders = n
        }
        if let raw = value("SMTP_URL") {
            config.smtp = try SMTPSettings.fromEnvironment(url: raw, caFile: value("SMTP_CA_FILE"), timeout: value("SMTP_TIMEOUT_SECONDS"))
        }
        for (name, path, range) in [("DATABASE_POOL_SIZE", \AppConfig.databasePoolSize, 1...64),
                                    ("DATABASE_POOL_TIMEOUT_SECONDS", \AppConfig.databasePoolTimeoutSeconds, 1...600)] {
            if let raw = value(name) {
                guard let n = Int(raw), range.contains(n) else {
                    throw InvalidValue(variable: name, value: raw, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
                }
                config[keyPath: path] = n
            }
        }
        for (name, path) in [("FEEDBACK_LIMIT_PER_ADDRESS", \AppConfig.feedbackPerAddressPerHour), ("FEEDBACK_LIMIT_PER_CONTACT", \AppConfig.feedbackPerContactPerDay),
                             ("QUESTION_LIMIT_PER_ADDRESS", \AppConfig.questionsPerAddressPerHour), ("FOLLOW_UP_LIMIT_PER_ADDRESS", \AppConfig.followUpsPerAddressPerHour),
                             ("ACCESS_CODE_LIMIT_PER_REFERENCE", \AppConfig.accessCodeFailuresPerReference),
                             ("ACCESS_CODE_LIMIT_PER_ADDRESS", \AppConfig.accessCodeFailuresPerAddress)] {
            if let raw = value(name) {
                guard let n = Int(raw), (1...1_000_000).contains(n) else {
                    throw InvalidValue(variable: name, value: raw, expected: "a number of submissions from 1 to 1000000")
                }
                config[keyPath: path] = n
            }
        }
        config.webhookSecret = value("WEBHOOK_SECRET")
        if let raw = value("WORKER_IN_SERVE") {
            guard ["0", "1", "true", "false"].contains(raw) else {
                throw InvalidValue(variable: "WORKER_IN_SERVE", value: raw, expected: "1 or 0")
            }
            config.workerInServe = raw == "1" || raw == "true"
        }
        if let raw = env["REQUIRE_TWO_FACTOR"] {
            let roles = Set(raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            guard roles.allSatisfy({ UserRole(rawValue: $0) != nil }) else {
                throw InvalidValue(variable: "REQUIRE_TWO_FACTOR", value: raw, expected: "roles separated by commas (admin, liaison, unit_officer, viewer), or empty")
            }
            config.twoFactorRoles = roles
        }
        for (name, path, range, unit) in [("SESSION_IDLE_MINUTES", \AppConfig.sessionIdleSeconds, 5...240, 60.0),
                                          ("SESSION_MAX_HOURS", \AppConfig.sessionMaxSeconds, 1...24, 3600.0)] {
            if let raw = value(name) {
                guard let n = Int(raw), range.contains(n) else {
                    throw InvalidValue(variable: name, value: raw, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
                }
                config[keyPath: path] = Double(n) * unit
            }
        }
        config.securityContact = value("SECURITY_CONTACT")
        if let raw = value("TRUSTED_PROXIES") {
            let ranges = raw.split(separator: ",").map { AddressRange(String($0).trimmingCharacters(in: .whitespaces)) }
            guard !ranges.contains(where: { $0 == nil }) else {
                throw InvalidValue(variable: "TRUSTED_PROXIES", value: raw, expected: "IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8")
            }
            config.trustedProxies = ranges.compactMap { $0 }
        }
        config.metricsToken = value("METRICS_TOKEN")
        if let raw = value("SECRETS_KEY") {
            guard Data(base64Encoded: raw)?.count == 32 else {
                throw InvalidValue(variable: "SECRETS_KEY", value: "…", expected: "32 bytes in base64 (openssl rand -base64 32)")
            }
            config.secretsKey = raw
        }
        return config
    }
}

extension AppConfig {
    package func replyDays(_ kind: String) -> Int { feedbackReplyDays[kind] ?? defaultFeedbackReplyDays }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    public var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:) has not run") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}

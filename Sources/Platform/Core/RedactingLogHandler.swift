import Logging
import Vapor

/// Log records keep only metadata known to carry no personal data: request ids, routes,
/// statuses, timings and the kind of database operation. Fluent's query records (`input`,
/// `filters` …) and anything else are dropped before the record is written, at every level;
/// identifiers and contacts in the message itself are masked (`PersonalData.masked`).
public struct RedactingLogHandler: LogHandler {
    package static let allowed: Set<String> = ["request-id", "method", "route", "status", "ms", "action", "schema", "database-id", "migration"]

    package var wrapped: any LogHandler

    public init(_ wrapped: any LogHandler) { self.wrapped = wrapped }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var redacted = event
        redacted.metadata = event.metadata?.filter { Self.allowed.contains($0.key) }
        // The message's own text goes through the same masking as lists, exports and reports.
        let text = event.message.description
        if PersonalData.mayHoldItems(text) { redacted.message = Logger.Message(stringLiteral: PersonalData.masked(text)) }
        wrapped.log(event: redacted)
    }

    /// `LoggingSystem.bootstrap(from:)` with every handler redacting.
    public static func bootstrap(from environment: inout Environment) throws {
        try LoggingSystem.bootstrap(from: &environment) { level in
            let console = Terminal()
            return { label in RedactingLogHandler(ConsoleLogger(label: label, console: console, level: level)) }
        }
    }
}

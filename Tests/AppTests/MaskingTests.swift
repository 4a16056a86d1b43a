@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Foundation
import Logging
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker

/// Keeps what it is asked to log.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    var messages: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { messages.append(event.message.description) }
}

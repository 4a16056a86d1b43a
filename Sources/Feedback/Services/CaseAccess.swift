import Fluent
import Platform
import Vapor

extension Request {
    /// The feedback case of `reference` with `code` (throttled, see `AccessCodes`).
    package func feedbackCase(reference: String, code: String) async throws -> FeedbackCase? {
        try await AccessCodes.lookup(kind: "feedback", reference: reference, code: code, address: clientAddress, config: application.config,
                                     now: application.clock.now(), on: db) { [db] reference in
            try await FeedbackCase.query(on: db).filter(\.$reference == reference).first()
                .map { AccessCodes.Stored(record: $0, reference: $0.reference, accessCodeHash: $0.accessCodeHash) }
        }
    }
}

import Fluent
import Platform
import Vapor

extension Request {
    /// The question of `reference` with `code` (throttled, see `AccessCodes`).
    package func question(reference: String, code: String) async throws -> Question? {
        try await AccessCodes.lookup(kind: "question", reference: reference, code: code, address: clientAddress, config: application.config,
                                     now: application.clock.now(), on: db) { [db] reference in
            try await Question.query(on: db).filter(\.$reference == reference).with(\.$category).first()
                .map { AccessCodes.Stored(record: $0, reference: $0.reference, accessCodeHash: $0.accessCodeHash) }
        }
    }
}

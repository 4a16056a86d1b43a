// Hand-written types that stand in for three request schemas of openapi.yaml (see `typeOverrides`
// in openapi-generator-config.yaml). They decode as leniently as the controllers' `Content` types
// did, so that the service, not the decoder, judges the values and answers 422 with the fields:
// a strict generated enum would answer 400 for `"status": "finished"` or `"role": "boss"`.
// They live beside the generated files (same target), are plain Codable, and know no Vapor.
package import Foundation

/// `#/components/schemas/ProgressUpdateInput`: as `WriteAPIController.UpdateInput`.
package struct ProgressUpdateInputLenient: Codable, Hashable, Sendable {
    package var period: String
    package var status: String
    package var percent: Int
    package var narrative: String
    package var evidence: [String]?
    /// draft, internal or public.
    package var visibility: String

    package init(period: String, status: String, percent: Int, narrative: String, evidence: [String]? = nil, visibility: String) {
        (self.period, self.status, self.percent, self.narrative, self.evidence, self.visibility) = (period, status, percent, narrative, evidence, visibility)
    }
}

/// `#/components/schemas/AssignmentInput`: as `WriteAPIController.AssignmentInput` (a malformed
/// UUID is a decoding error, 400, as before).
package struct AssignmentInputLenient: Codable, Hashable, Sendable {
    package var unit: UUID
    package var role: String

    package init(unit: UUID, role: String) { (self.unit, self.role) = (unit, role) }
}

/// `#/components/schemas/FeedbackInput` as JSON: as `FeedbackController.Input`, every field
/// optional (the service names the missing ones), tick boxes as booleans or "yes".
package struct FeedbackInputLenient: Codable, Hashable, Sendable {
    package struct Attachment: Codable, Hashable, Sendable {
        package var filename: String
        /// Base64 in JSON (JSONDecoder's default data strategy, as Vapor's `File`).
        package var data: Data
    }

    /// A tick box: a JSON boolean or one of yes, true, on, 1.
    package struct Flag: Codable, Hashable, Sendable {
        package var value: Bool
        package init(_ value: Bool) { self.value = value }
        package init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { value = b } else { value = Self.truthy(try c.decode(String.self)) }
        }
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(value)
        }
        package static func truthy(_ s: String) -> Bool { ["yes", "true", "on", "1"].contains(s) }
    }

    package var kind: String?
    package var area: String?
    package var subject: String?
    package var content: String?
    package var name: String?
    package var email: String?
    package var phone: String?
    package var replyLanguage: String?
    package var consentReply: Flag?
    package var consentShare: Flag?
    /// The HTML form's honeypot; API clients do not send it.
    package var website: String?
    package var attachments: [Attachment]?

    package init() {}
}

import Fluent
import Foundation
import Platform

/// What the sender added or an officer wrote on a case; internal notes never reach the sender.
final class CaseMessage: Model, @unchecked Sendable {
    static let schema = "case_messages"

    enum Author: String, Codable, Sendable {
        case requester, officer
    }

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Enum(key: "author") var author: Author
    @Field(key: "text") var text: String
    @Field(key: "script") var script: String
    /// Shown to the sender on the follow-up page (replies and requests for information).
    @Field(key: "to_requester") var toRequester: Bool

    // relations
    @Parent(key: "case_id") var feedbackCase: FeedbackCase
    @OptionalParent(key: "user_id") var user: User?

    init() {}

    init(caseID: UUID, author: Author, text: String, script: String, toRequester: Bool, userID: UUID? = nil) {
        $feedbackCase.id = caseID
        self.author = author
        self.text = text
        self.script = script
        self.toRequester = toRequester
        $user.id = userID
    }
}

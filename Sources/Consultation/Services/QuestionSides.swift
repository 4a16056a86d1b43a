import Fluent
import Foundation
import Platform

/// Who sees what across the boundary, for everything that is not a feedback case (cases:
/// `CaseWorkflow.mayView`). Every rule asks for the officer's side first: an account without
/// one sees nothing.
extension Questions {
    /// Chongqing-side officers see every question; Hong Kong-side officers only those whose asker
    /// agreed to share them; an account without a side sees none. Unseen questions answer like
    /// missing ones.
    package static func mayView(_ q: Question, _ o: Officer) -> Bool {
        guard let side = o.side else { return false }
        return side == .cq || q.consentShare
    }

    /// The questions `o` may see, as a query (lists).
    package static func visible(to o: Officer, on db: Database) -> QueryBuilder<Question> {
        let query = Question.query(on: db)
        switch o.side {
        case .cq?: return query
        case .hk?: return query.filter(\.$consentShare == true)
        case nil: return query.filter(\.$id == UUID(uuidString: "00000000-0000-0000-0000-000000000000")!)   // none
        }
    }

    /// Records that a Hong Kong-side officer saw the asker's contact (as `CaseWorkflow.logAccess`
    /// does for cases).
    package static func logAccess(_ q: Question, by o: Officer, what: String, on db: Database) async throws {
        guard o.side == .hk, q.contact != nil else { return }
        try await QuestionDataAccess(userID: o.id, questionID: q.requireID(), what: what).create(on: db)
    }
}

/// Each time a Hong Kong-side user saw an asker's contact (the cross-boundary access log, with
/// `PersonalDataAccess` for cases).
package final class QuestionDataAccess: Model, @unchecked Sendable {
    package static let schema = "personal_data_access_questions"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "at", on: .create) package var at: Date?
    @Parent(key: "user_id") package var user: User
    @Parent(key: "question_id") package var question: Question
    @Field(key: "what") package var what: String

    package init() {}

    package init(userID: UUID, questionID: UUID, what: String) {
        $user.id = userID
        $question.id = questionID
        self.what = what
    }
}

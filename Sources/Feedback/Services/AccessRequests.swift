import Consultation
import Fluent
import Foundation
import Platform

/// Telephone numbers as one person's, however they were typed: `91234567`, `9123 4567`,
/// `+852 9123 4567`, `(852) 9123-4567` and `00852 91234567` are all `+85291234567`;
/// `13812345678`, `+86 138 1234 5678` and `0086-138-1234-5678` are `+8613812345678`; a Mainland
/// fixed line with its trunk 0 (`023-6389 1234`) is `+862363891234`.
package enum PhoneNumbers {
    package static func normalised(_ raw: String) -> String {
        // Decimal digits of any width (full-width ０-９ too); no Chinese numerals.
        var digits = String(raw.unicodeScalars.compactMap { scalar -> Character? in
            guard scalar.properties.generalCategory == .decimalNumber, let value = scalar.properties.numericValue else { return nil }
            return Character(String(Int(value)))
        })
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        var international = trimmed.hasPrefix("+") || trimmed.hasPrefix("＋") || trimmed.hasPrefix("(+") || trimmed.hasPrefix("（+")
        if digits.hasPrefix("00") {
            digits.removeFirst(2)
            international = true
        }
        func rest(after prefix: Int) -> String { String(digits.dropFirst(prefix)) }
        let n = digits.count
        if international || n > 11 || (n == 11 && (digits.hasPrefix("852") || digits.hasPrefix("853"))) {
            if digits.hasPrefix("852") || digits.hasPrefix("853") { return "+" + digits }
            if digits.hasPrefix("86") {
                let national = rest(after: 2)
                return "+86" + (national.hasPrefix("0") ? String(national.dropFirst()) : national)
            }
            if !international, digits.hasPrefix("0") { return "+86" + rest(after: 1) }
            return "+" + digits
        }
        if n == 8, let first = digits.first, "235679".contains(first) { return "+852" + digits }   // Hong Kong
        if n == 11, digits.hasPrefix("1") { return "+86" + digits }                                 // Mainland mobile
        if (10...11).contains(n), digits.hasPrefix("0") { return "+86" + rest(after: 1) }           // Mainland fixed line
        return digits
    }
}

extension CaseRecords {
    /// Whom an access request is about: an e-mail address (compared without case) or a
    /// telephone number (compared normalised). Every source of records matches with it.
    package struct Person: Sendable {
        package let email: String?
        package let phone: String?

        package init?(contact raw: String) {
            let contact = raw.trimmingCharacters(in: .whitespaces)
            if contact.contains("@") {
                guard contact.count >= 5 else { return nil }
                email = contact.lowercased()
                phone = nil
            } else {
                let number = PhoneNumbers.normalised(contact)
                guard number.filter(\.isNumber).count >= 8 else { return nil }
                email = nil
                phone = number
            }
        }

        /// Whether a stored contact (an e-mail address or a telephone number) is this person's.
        package func holds(_ stored: String?) -> Bool {
            guard let stored = stored?.trimmingCharacters(in: .whitespaces), !stored.isEmpty else { return false }
            if let email { return stored.lowercased() == email }
            if let phone, !stored.contains("@") { return PhoneNumbers.normalised(stored) == phone }
            return false
        }
    }

    /// Everything held about one person, for an access request: one section per service that
    /// keeps personal data. A new service (event registrations, talent-desk requests, matchmaking
    /// applications) adds an `AccessRequestSource`, a section here and one line in `export`.
    package struct Export: Codable, Sendable {
        package var contact: String
        package var exportedAt: Date
        /// Feedback cases (measure 11.3), with the messages exchanged and the attachments' names.
        package var cases: [FeedbackCases.Record]
        /// Questions to officers (measure 11.2), with their answers.
        package var questions: [AskedQuestions.Record]
        /// How many records each section holds.
        package var counts: [String: Int]

        package init(contact: String, exportedAt: Date, cases: [FeedbackCases.Record], questions: [AskedQuestions.Record], counts: [String: Int]) {
            self.contact = contact
            self.exportedAt = exportedAt
            self.cases = cases
            self.questions = questions
            self.counts = counts
        }
    }

    package static func export(contact raw: String, by o: Officer, now: Date, on database: Database) async throws -> Export {
        // Administrators only, and only one with a side (the side's rules apply to every source).
        guard o.role == .admin, o.side != nil else { throw AppError.forbidden }
        guard let person = Person(contact: raw) else {
            var errors = FieldErrors()
            errors.add("contact", FeedbackText.giveEMailAddressOr)
            throw AppError.invalid(errors)
        }
        let cases = try await FeedbackCases.records(of: person, seenBy: o, on: database)
        let questions = try await AskedQuestions.records(of: person, seenBy: o, on: database)
        let counts = [FeedbackCases.section: cases.count, AskedQuestions.section: questions.count]
        try await Audit.record("personal-data.export", FeedbackCase.schema, nil, by: o,
                               after: Audit.json(counts.mapValues { String($0) }), measureID: nil, on: database)
        return Export(contact: raw.trimmingCharacters(in: .whitespaces), exportedAt: now, cases: cases, questions: questions, counts: counts)
    }
}

/// One service's records about a person, for an access request. The officer's side applies
/// as everywhere: a Hong Kong-side administrator gets only what the Hong Kong side may see, and
/// the view is logged.
package protocol AccessRequestSource {
    associatedtype Record: Codable, Sendable
    static var section: String { get }
    static func records(of person: CaseRecords.Person, seenBy o: Officer, on db: Database) async throws -> [Record]
}

package enum FeedbackCases: AccessRequestSource {
    package struct Message: Codable, Sendable { var author: String; var text: String; var at: Date? }
    package struct Record: Codable, Sendable {
        package var reference: String, kind: String, state: String, subject: String, content: String
        package var name: String?, email: String?, phone: String?
        package var consentReply: Bool, consentShare: Bool, consentVersion: String, consentAt: Date
        package var receivedOn: String
        package var messages: [Message]
        package var attachments: [String]

        package init(reference: String, kind: String, state: String, subject: String, content: String, name: String? = nil, email: String? = nil, phone: String? = nil, consentReply: Bool, consentShare: Bool, consentVersion: String, consentAt: Date, receivedOn: String, messages: [Message], attachments: [String]) {
            self.reference = reference
            self.kind = kind
            self.state = state
            self.subject = subject
            self.content = content
            self.name = name
            self.email = email
            self.phone = phone
            self.consentReply = consentReply
            self.consentShare = consentShare
            self.consentVersion = consentVersion
            self.consentAt = consentAt
            self.receivedOn = receivedOn
            self.messages = messages
            self.attachments = attachments
        }
    }

    package static let section = "cases"

    package static func records(of person: CaseRecords.Person, seenBy o: Officer, on db: Database) async throws -> [Record] {
        let all = try await FeedbackCase.query(on: db).group(.or) { $0.filter(\.$email != nil).filter(\.$phone != nil) }
            .with(\.$messages).with(\.$attachments).sort(\.$receivedOn).sort(\.$reference).all()
        let cases = all.filter { (person.holds($0.email) || person.holds($0.phone)) && CaseWorkflow.mayView($0, o) }
        for c in cases { try await CaseWorkflow.logAccess(c, by: o, what: "access-request export", on: db) }
        return cases.map { c in
            Record(reference: c.reference, kind: c.kind.rawValue, state: c.state.rawValue, subject: c.subject, content: c.content,
                   name: c.name, email: c.email, phone: c.phone, consentReply: c.consentReply, consentShare: c.consentShare,
                   consentVersion: c.consentVersion, consentAt: c.consentAt, receivedOn: c.receivedOn,
                   messages: c.messages.sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
                       .map { .init(author: $0.author.rawValue, text: $0.text, at: $0.createdAt) },
                   attachments: c.attachments.map(\.originalName))
        }
    }
}

package enum AskedQuestions: AccessRequestSource {
    package struct Record: Codable, Sendable {
        package var reference: String, category: String, state: String, question: String
        package var contact: String?
        /// The contact is kept only with the consent to be answered with it.
        package var consentReply: Bool
        package var consentShare: Bool
        package var consentVersion: String?, consentAt: Date?
        package var askedAt: Date?
        package var answer: String?, answeredAt: Date?

        package init(reference: String, category: String, state: String, question: String, contact: String? = nil, consentReply: Bool, consentShare: Bool, consentVersion: String? = nil, consentAt: Date? = nil, askedAt: Date? = nil, answer: String? = nil, answeredAt: Date? = nil) {
            self.reference = reference
            self.category = category
            self.state = state
            self.question = question
            self.contact = contact
            self.consentReply = consentReply
            self.consentShare = consentShare
            self.consentVersion = consentVersion
            self.consentAt = consentAt
            self.askedAt = askedAt
            self.answer = answer
            self.answeredAt = answeredAt
        }
    }

    package static let section = "questions"

    package static func records(of person: CaseRecords.Person, seenBy o: Officer, on db: Database) async throws -> [Record] {
        let all = try await Question.query(on: db).filter(\.$contact != nil).with(\.$category).sort(\.$reference).all()
        let questions = all.filter { person.holds($0.contact) && Questions.mayView($0, o) }
        for q in questions { try await Questions.logAccess(q, by: o, what: "access-request export", on: db) }
        return questions.map { q in
            Record(reference: q.reference, category: q.category.slug, state: q.state.rawValue, question: q.text, contact: q.contact,
                   consentReply: q.contact != nil, consentShare: q.consentShare, consentVersion: q.consentVersion, consentAt: q.consentAt,
                   askedAt: q.createdAt, answer: q.answer, answeredAt: q.answeredAt)
        }
    }
}

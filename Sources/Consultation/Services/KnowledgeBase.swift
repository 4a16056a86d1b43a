import ChineseScript
import Fluent
import Foundation
import Platform
import SQLKit
import Search
import Tracker
import Vapor

/// Knowledge-base entries: validation, writes (with revision and audit) and what the pages show.
package enum KnowledgeBase {
    package struct Draft: Sendable, Equatable {
        package var kind: String
        package var title: String
        package var body: String
        package var categoryID: UUID
        package var visibility: Visibility
        package var measures: [String]
        package var effectiveOn: String?
        package var reviewOn: String

        package init(kind: String, title: String, body: String, categoryID: UUID, visibility: Visibility, measures: [String], effectiveOn: String? = nil, reviewOn: String) {
            self.kind = kind
            self.title = title
            self.body = body
            self.categoryID = categoryID
            self.visibility = visibility
            self.measures = measures
            self.effectiveOn = effectiveOn
            self.reviewOn = reviewOn
        }
    }

    package static func validate(_ f: [String: String], on db: Database) async throws -> Draft {
        var errors = FieldErrors()
        let title = (f["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 {
            errors.add("title", ConsultationText.giveTitleAtMost200)
        }
        let body = (f["body"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty || body.count > 50_000 {
            errors.add("body", ConsultationText.writeContentAtMost50)
        }
        let kind = f["kind"] ?? "article"
        if !["article", "faq"].contains(kind) { errors.add("kind", ConsultationText.chooseType) }
        var category: Category?
        if let raw = f["category"], let id = UUID(uuidString: raw) { category = try await Category.find(id, on: db) }
        if category == nil { errors.add("category", ConsultationText.chooseCategory) }
        let visibility = Visibility(rawValue: f["visibility"] ?? "")
        if visibility == nil { errors.add("visibility", ConsultationText.chooseWhoMaySeeIt) }
        let measures = (f["measures"] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " || $0 == "、" }).map(String.init)
        if !measures.allSatisfy({ $0.range(of: #"^\d{1,2}\.\d{1,3}$"#, options: .regularExpression) != nil }) {
            errors.add("measures", ConsultationText.measureNumbersLike111)
        }
        let effective = (f["effectiveOn"] ?? "").trimmingCharacters(in: .whitespaces)
        if !effective.isEmpty, CalendarDays.date(effective) == nil {
            errors.add("effectiveOn", ConsultationText.effectiveDateMustBeReal)
        }
        let review = (f["reviewOn"] ?? "").trimmingCharacters(in: .whitespaces)
        if CalendarDays.date(review) == nil {
            errors.add("reviewOn", ConsultationText.giveNextReviewDate)
        }
        try errors.throwIfAny()
        return Draft(kind: kind, title: title, body: body, categoryID: try category!.requireID(), visibility: visibility!,
                     measures: measures, effectiveOn: effective.isEmpty ? nil : effective, reviewOn: review)
    }

    /// Liaison offices and unit officers write entries their unit owns; admins any.
    package static func mayEdit(_ o: Officer, _ article: Article?) -> Bool {
        switch o.role {
        case .admin: return true
        case .liaison, .unitOfficer: return article == nil || article?.$owner.id == o.unitID
        case .viewer: return false
        }
    }

    /// Creates (`id` nil) or changes an entry: one transaction with its revision, its audit event
    /// and its place in the search index (public entries only). A change holds the entry's row;
    /// `revision` is the one the editor was opened on, and a newer one is refused (409).
    @discardableResult
    package static func save(_ d: Draft, id: UUID?, revision: String? = nil, by o: Officer, converter: ScriptConverter,
                     on database: Database) async throws -> Article {
        let search = try SearchService.shared()
        let work: @Sendable (Database) async throws -> Article = { db in
            let existing = try await Article.find(id, on: db)
            if id != nil, existing == nil { throw AppError.notFound }
            guard mayEdit(o, existing) else { throw AppError.forbidden }
            try Versions.check(revision, current: existing?.revision ?? 0, changed: AppError.conflict(ConsultationText.thisEntryWasChangedWhile(revision: "\(existing?.revision ?? 0)")))
            guard let ownerID = existing?.$owner.id ?? o.unitID else {
                var errors = FieldErrors()
                errors.add("owner", ConsultationText.yourAccountNeedsUnitTo)
                throw AppError.invalid(errors)
            }
            let article = existing ?? Article()
            let before = existing.map { Audit.json(["title": $0.title, "visibility": $0.visibility.rawValue, "revision": String($0.revision)]) }
            article.kind = d.kind
            article.title = d.title
            article.body = d.body
            article.script = converter.storedScript(of: d.title + d.body).languageTag
            article.$category.id = d.categoryID
            article.$owner.id = ownerID
            article.visibility = d.visibility
            article.measures = d.measures
            article.effectiveOn = d.effectiveOn
            article.reviewOn = d.reviewOn
            article.revision = (existing?.revision ?? 0) + 1
            try await article.save(on: db)
            let articleID = try article.requireID()
            try await ArticleRevision(articleID: articleID, number: article.revision, title: d.title, body: d.body, changedBy: o.label).create(on: db)
            try await Audit.record(existing == nil ? "article.create" : "article.update", Article.schema, articleID, by: o, before: before,
                                   after: Audit.json(["title": d.title, "visibility": d.visibility.rawValue, "revision": String(article.revision)]),
                                   measureID: nil, on: db)
            try await search.index(article: article, on: db)
            return article
        }
        if let id { return try await database.locking(Article.schema, id: id, work) }
        return try await database.transaction(work)
    }
}

extension SearchService {
    package func index(article: Article, on db: Database) async throws {
        let key = try article.requireID().uuidString
        guard article.visibility == .public else {
            try await index(on: db).remove(kind: "article", key: key, on: db.sql)
            return
        }
        let category = try await Category.find(article.$category.id, on: db)
        try await index(on: db).upsert(document(article: article, category: category?.slug), on: db.sql)
    }

    package func document(article: Article, category: String?) -> SearchDocument {
        SearchDocument(kind: "article", key: article.id?.uuidString ?? "", category: category, title: article.title, body: article.body)
    }
}

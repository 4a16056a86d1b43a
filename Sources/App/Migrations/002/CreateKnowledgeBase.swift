import Fluent
import Foundation
import Platform

struct CreateCategories: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("categories")
            .id()
            .field("slug", .string, .required)
            .field("name_hant", .string, .required)
            .field("name_hans", .string, .required)
            .field("name_en", .string, .required)
            .field("position", .int, .required)
            .unique(on: "slug")
            .create()
        // The categories people ask about most, editable later.
        let seed: [(String, String, String, String)] = [
            ("education", "教育", "教育", "Education"),
            ("employment", "就業", "就业", "Employment"),
            ("social-security", "社會保障", "社会保障", "Social security"),
            ("daily-life", "日常生活", "日常生活", "Daily life"),
            ("business", "營商及投資", "营商及投资", "Business and investment"),
            ("legal", "法律服務", "法律服务", "Legal services"),
            ("health", "醫療衞生", "医疗卫生", "Health"),
            ("travel", "出行及證件", "出行及证件", "Travel and documents"),
            ("other", "其他", "其他", "Other"),
        ]
        for (i, c) in seed.enumerated() {
            try await Frozen002.Category(slug: c.0, hant: c.1, hans: c.2, en: c.3, position: i + 1).create(on: db)
        }
    }
    func revert(on db: Database) async throws { try await db.schema("categories").delete() }
}

struct CreateArticles: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("articles")
            .id()
            .field("category_id", .uuid, .required, .references("categories", .id))
            .field("owner_unit_id", .uuid, .required, .references("units", .id))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("script", .string, .required)
            .field("visibility", .string, .required)
            .field("measures", .array(of: .string), .required)
            .field("effective_on", .string)
            .field("review_on", .string, .required)
            .field("revision", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.schema("article_revisions")
            .id()
            .field("article_id", .uuid, .required, .references("articles", .id))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime)
            .unique(on: "article_id", "number")
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema("article_revisions").delete()
        try await db.schema("articles").delete()
    }
}

struct CreateSynonymsAndMisses: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("synonyms")
            .id()
            .field("terms", .array(of: .string), .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("search_misses")
            .id()
            .field("text", .string, .required)
            .field("count", .int, .required)
            .field("last_at", .datetime)
            .unique(on: "text")
            .create()
        for terms in [["回鄉證", "港澳居民來往內地通行證"], ["社保", "社會保險"], ["強積金", "MPF"], ["居住證", "港澳台居民居住證"]] {
            try await Frozen002.Synonym(terms: terms).create(on: db)
        }
    }
    func revert(on db: Database) async throws {
        try await db.schema("search_misses").delete()
        try await db.schema("synonyms").delete()
    }
}

struct CreateQuestions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("reference_counters")
            .id()
            .field("kind", .string, .required)
            .field("year", .int, .required)
            .field("last", .int, .required)
            .unique(on: "kind", "year")
            .create()
        try await db.schema("questions")
            .id()
            .field("reference", .string, .required)
            .field("access_code_hash", .string, .required)
            .field("category_id", .uuid, .required, .references("categories", .id))
            .field("owner_unit_id", .uuid, .references("units", .id))
            .field("text", .string, .required)
            .field("script", .string, .required)
            .field("contact", .string)
            .field("consent_version", .string)
            .field("consent_at", .datetime)
            .field("state", .string, .required)
            .field("answer", .string)
            .field("answer_script", .string)
            .field("answered_at", .datetime)
            .field("answered_by", .uuid, .references("users", .id))
            .field("faq_article_id", .uuid, .references("articles", .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "reference")
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema("questions").delete()
        try await db.schema("reference_counters").delete()
    }
}

/// The rows 002 seeds, as the tables were then: a model of today would write the columns later
/// migrations add.
private enum Frozen002 {
    final class Category: Model, @unchecked Sendable {
        static let schema = "categories"
        @ID(key: .id) var id: UUID?
        @Field(key: "slug") var slug: String
        @Field(key: "name_hant") var nameHant: String
        @Field(key: "name_hans") var nameHans: String
        @Field(key: "name_en") var nameEn: String
        @Field(key: "position") var position: Int

        init() {}
        init(slug: String, hant: String, hans: String, en: String, position: Int) {
            self.slug = slug
            (nameHant, nameHans, nameEn) = (hant, hans, en)
            self.position = position
        }
    }

    final class Synonym: Model, @unchecked Sendable {
        static let schema = "synonyms"
        @ID(key: .id) var id: UUID?
        @Timestamp(key: "created_at", on: .create) var createdAt: Date?
        @Field(key: "terms") var terms: [String]

        init() {}
        init(terms: [String]) { self.terms = terms }
    }
}

import Fluent
import Foundation
import Platform

/// How a measure is addressed in links, the search index and the API (`Measure.key`).
///
/// The measures of the first agreement stored on the platform (the 2023 memorandum) keep the
/// plain `area.item` form (`11.2`) that press releases and letters already link to. Every other
/// agreement's measures carry its slug: `yugang-2.3.1` is measure 3.1 of the agreement
/// `yugang-2`. Slugs hold no dot, so the last two numbers are always the measure.
package enum MeasureKey {
    /// The key of measure `area.item` of `agreement`; `isPrimary`: it is the first agreement stored.
    package static func make(area: Int, item: Int, slug: String, isPrimary: Bool) -> String {
        (isPrimary ? "" : slug + ".") + "\(area).\(item)"
    }

    /// The keys of `agreement`'s measures (`area`, `item` → key): plain when it is the first
    /// agreement stored, slug-qualified otherwise.
    package static func maker(for agreement: Agreement, on db: Database) async throws -> @Sendable (Int, Int) -> String {
        let isPrimary = try await Agreement.query(on: db).sort(\.$createdAt).sort(\.$id).first()?.id == agreement.id
        let slug = agreement.slug
        return { area, item in make(area: area, item: item, slug: slug, isPrimary: isPrimary) }
    }

    /// The measure `key` addresses, unless removed from its agreement.
    package static func find(_ key: String, on db: Database) async throws -> Measure? {
        // Only what a key can hold reaches the database (PostgreSQL refuses a NUL in text outright).
        guard key.count <= 64, key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" })
        else { return nil }
        return try await Measure.query(on: db).filter(\.$key == key).filter(\.$removedInRevision == nil).first()
    }
}

/// Addresses of mechanisms and agreements: lower-case ASCII letters, digits and hyphens,
/// starting with a letter, at most 40 characters, not ending in a hyphen.
package enum Slug {
    package static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s.count <= 40, !s.hasSuffix("-") else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

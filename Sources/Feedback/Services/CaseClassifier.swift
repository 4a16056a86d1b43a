import Consultation
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Platform
import Search
import Tracker

/// Suggests the area (and the unit leading its closest measure) for a new case: a
/// multinomial naive Bayes model over the search tokens of each area's title, measures and
/// the knowledge-base entries linked to them. Officers see the confidence; nothing is
/// assigned automatically.
package struct CaseClassifier: Sendable {
    package struct Suggestion: Equatable, Sendable {
        package var area: Int
        /// Posterior probability of the area, 0…1.
        package var confidence: Double
        package var measureNumber: String?

        package init(area: Int, confidence: Double, measureNumber: String? = nil) {
            self.area = area
            self.confidence = confidence
            self.measureNumber = measureNumber
        }
    }

    /// Below this a suggestion is shown as uncertain and never pre-selected.
    package static let threshold = 0.6

    private var areaTokens: [Int: [String: Int]] = [:]
    private var areaTotals: [Int: Int] = [:]
    private var measureTokens: [(number: String, area: Int, tokens: Set<String>)] = []
    private var vocabulary = Set<String>()

    package init(documents: [(area: Int, measure: String?, text: String)], text searchText: SearchText) {
        for d in documents {
            let tokens = searchText.indexTokens(d.text)
            for t in tokens {
                areaTokens[d.area, default: [:]][t, default: 0] += 1
                vocabulary.insert(t)
            }
            areaTotals[d.area, default: 0] += tokens.count
            if let m = d.measure { measureTokens.append((m, d.area, Set(tokens))) }
        }
    }

    /// The model of the current texts: trained again only when measures or entries changed
    /// (training tokenizes every text, which costs far more than the two counts that tell).
    package static func current(on db: Database) async throws -> CaseClassifier {
        let fingerprint = [
            String(try await Article.query(on: db).count()), String(describing: try await Article.query(on: db).max(\.$updatedAt)),
            String(try await Measure.query(on: db).count()), String(describing: try await Measure.query(on: db).max(\.$updatedAt)),
        ].joined(separator: "|")
        if let cached = cache.withLockedValue({ $0 }), cached.0 == fingerprint { return cached.1 }
        let model = try await train(on: db)
        cache.withLockedValue { $0 = (fingerprint, model) }
        return model
    }

    private static let cache = NIOLockedValueBox<(String, CaseClassifier)?>(nil)

    /// Trained on the current agreement's measures and the knowledge base.
    package static func train(on db: Database) async throws -> CaseClassifier {
        let search = try SearchService.shared()
        let agreement = try await PortalQueries.currentAgreement(on: db)
        let areas = try await Area.query(on: db).filter(\.$agreement.$id == agreement.requireID()).with(\.$measures).all()
        var documents: [(area: Int, measure: String?, text: String)] = []
        var areaOfMeasure: [String: Int] = [:]
        for area in areas {
            documents.append((area.number, nil, area.title))
            for m in area.measures where m.removedInRevision == nil {
                documents.append((area.number, m.key, area.title + " " + m.text))
                areaOfMeasure[m.key] = area.number
            }
        }
        for article in try await Article.query(on: db).filter(\.$visibility != .draft).all() {
            for number in article.measures {
                if let area = areaOfMeasure[number] { documents.append((area, nil, article.title + " " + article.body)) }
            }
        }
        return CaseClassifier(documents: documents, text: search.text)
    }

    package func suggest(_ text: String, using searchText: SearchText) -> Suggestion? {
        let tokens = searchText.indexTokens(text).filter(vocabulary.contains)
        guard !tokens.isEmpty, !areaTotals.isEmpty else { return nil }
        let v = Double(vocabulary.count)
        let total = Double(areaTotals.values.reduce(0, +))
        var logs: [(Int, Double)] = []
        for (area, count) in areaTotals {
            let counts = areaTokens[area] ?? [:]
            var score = log(Double(count) / total)
            for t in tokens { score += log((Double(counts[t] ?? 0) + 1) / (Double(count) + v)) }
            logs.append((area, score))
        }
        let best = logs.max { $0.1 < $1.1 }!
        let sum = logs.reduce(0) { $0 + exp($1.1 - best.1) }
        let query = Set(tokens)
        let measure = measureTokens.filter { $0.area == best.0 }.max { $0.tokens.intersection(query).count < $1.tokens.intersection(query).count }
        return Suggestion(area: best.0, confidence: 1 / sum, measureNumber: measure?.number)
    }
}

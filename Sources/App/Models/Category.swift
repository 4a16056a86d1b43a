import Fluent
import Foundation
import Platform

/// A knowledge-base category (education, employment …), named in the three interface languages.
final class Category: Model, @unchecked Sendable {
    static let schema = "categories"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "slug") var slug: String
    @Field(key: "name_hant") var nameHant: String
    @Field(key: "name_hans") var nameHans: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "position") var position: Int

    init() {}
    init(slug: String, hant: String, hans: String, en: String, position: Int) {
        self.slug = slug
        nameHant = hant
        nameHans = hans
        nameEn = en
        self.position = position
    }
}

import Fluent
import Foundation
import Platform

/// A knowledge-base category (education, employment …), named in the three interface languages.
package final class Category: Model, @unchecked Sendable {
    package static let schema = "categories"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "slug") package var slug: String
    @Field(key: "name_hant") package var nameHant: String
    @Field(key: "name_hans") package var nameHans: String
    @Field(key: "name_en") package var nameEn: String
    @Field(key: "position") package var position: Int

    package init() {}
    package init(slug: String, hant: String, hans: String, en: String, position: Int) {
        self.slug = slug
        nameHant = hant
        nameHans = hans
        nameEn = en
        self.position = position
    }
}

import Fluent
import Foundation
import Platform

/// 領域: a numbered section of an agreement's annex.
package final class Area: Model, @unchecked Sendable {
    package static let schema = "areas"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "number") package var number: Int
    @Field(key: "title") package var title: String

    // relations
    @Parent(key: "agreement_id") package var agreement: Agreement
    @Children(for: \.$area) package var measures: [Measure]

    package init() {}
    package init(agreementID: UUID, number: Int, title: String) {
        self.$agreement.id = agreementID
        self.number = number
        self.title = title
    }
}

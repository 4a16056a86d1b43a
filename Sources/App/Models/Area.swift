import Fluent
import Foundation
import Platform

/// 領域: a numbered section of an agreement's annex.
final class Area: Model, @unchecked Sendable {
    static let schema = "areas"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String

    // relations
    @Parent(key: "agreement_id") var agreement: Agreement
    @Children(for: \.$area) var measures: [Measure]

    init() {}
    init(agreementID: UUID, number: Int, title: String) {
        self.$agreement.id = agreementID
        self.number = number
        self.title = title
    }
}

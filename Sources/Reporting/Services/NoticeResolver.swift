import Fluent
import Foundation
import Tracker

/// Closes the notices chasing a report or a milestone when the tracker records it, in the
/// tracker's transaction.
package struct NoticeResolver: ProgressObserver {
    package init() {}

    package func reportReceived(unitID: UUID, measureID: UUID, period: String, at: Date, on db: Database) async throws {
        try await ReportNotice.query(on: db).filter(\.$kind == .report).filter(\.$resolvedAt == nil)
            .filter(\.$unit.$id == unitID).filter(\.$measure.$id == measureID)
            .filter(\.$period ~~ (ReportingPeriod(period)?.overlappingLabels ?? [period])).set(\.$resolvedAt, to: at).update()
    }

    package func milestoneDone(_ milestoneID: UUID, at: Date, on db: Database) async throws {
        try await ReportNotice.query(on: db).filter(\.$milestoneID == milestoneID).filter(\.$resolvedAt == nil).set(\.$resolvedAt, to: at).update()
    }
}

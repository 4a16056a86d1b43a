import Fluent
import Foundation
import Vapor

/// What another service does when the tracker records progress, inside the same transaction:
/// reporting closes the notices chasing a report or a milestone. The tracker does not know who
/// listens; `App` registers the observers at start (`Application.progressObservers`).
package protocol ProgressObserver: Sendable {
    /// A unit's update that is not a draft is in for `period`.
    func reportReceived(unitID: UUID, measureID: UUID, period: String, at: Date, on db: Database) async throws
    func milestoneDone(_ milestoneID: UUID, at: Date, on db: Database) async throws
}

extension Application {
    private struct ProgressObserversKey: StorageKey {
        package typealias Value = [any ProgressObserver]
    }

    /// The observers every progress write tells, in order.
    package var progressObservers: [any ProgressObserver] {
        get { storage[ProgressObserversKey.self] ?? [] }
        set { storage[ProgressObserversKey.self] = newValue }
    }
}

/// The words of a measure's progress: a side's status, who may see an update, how a unit is
/// assigned, and the traffic light of the overview.
/// A side's own status for a measure.
package enum SideStatus: String, Codable, Sendable, CaseIterable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    /// A recurring activity that goes on.
    case ongoing
    case completed
    case delayed
}

package enum Visibility: String, Codable, Sendable, CaseIterable {
    case draft
    case `internal`
    case `public`
}

package enum AssignmentRole: String, Codable, Sendable, CaseIterable {
    /// 牽頭
    case lead
    /// 配合
    case support
}

package enum TrafficLight: String, Codable, Sendable, CaseIterable {
    /// Not started.
    case grey
    /// On track, or completed.
    case green
    /// A milestone falls due within the amber window (`MeasureProgress.amberWindow`).
    case amber
    /// A milestone is past due and not done.
    case red
}

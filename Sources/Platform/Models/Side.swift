/// The two sides of the mechanism.
public enum Side: String, Codable, Sendable, CaseIterable {
    case cq
    case hk
}

/// A side's own status for a measure.
public enum SideStatus: String, Codable, Sendable, CaseIterable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    /// A recurring activity that goes on.
    case ongoing
    case completed
    case delayed
}

public enum Visibility: String, Codable, Sendable, CaseIterable {
    case draft
    case `internal`
    case `public`
}

public enum AssignmentRole: String, Codable, Sendable, CaseIterable {
    /// 牽頭
    case lead
    /// 配合
    case support
}

public enum UserRole: String, Codable, Sendable, CaseIterable {
    case admin
    case liaison
    case unitOfficer = "unit_officer"
    case viewer
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

extension UserRole {
    /// The role's name in the reader's language.
    package func name(_ l: Localizer) -> String {
        switch self {
        case .admin: return l.t(PlatformText.administrator)
        case .liaison: return l.t(PlatformText.liaisonOffice)
        case .unitOfficer: return l.t(PlatformText.unitOfficer)
        case .viewer: return l.t(PlatformText.viewer)
        }
    }
}

/// The two sides of the mechanism.
public enum Side: String, Codable, Sendable, CaseIterable {
    case cq
    case hk
}

public enum UserRole: String, Codable, Sendable, CaseIterable {
    case admin
    case liaison
    case unitOfficer = "unit_officer"
    case viewer
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

import Foundation

/// Every link the site makes. Views build URLs only through this enum.
enum SiteURL: Equatable, Sendable {
    case home
    case area(Int)
    case measure(String)
    case agreement
    case stylesheet
    case healthLive
    case healthReady
    case apiMeasures
    case apiMeasure(String)
    case apiMeasuresCSV
    case apiOpenAPI
    case apiMeasureUpdates(String)
    case apiMeasureMilestones(String)
    case login
    case logout
    case password
    case officer
    case officerMeasure(String)
    case officerUpdates(String)
    case officerMilestones(String)
    case officerMilestoneDone(UUID)
    case officerAssignments(String)
    case officerAssignmentDelete(UUID)
    case officerPublish(UUID)
    case officerSignOff(String)
    case officerRevokeSignOff(String)
    case officerUsers
    case officerUnits
    case officerTokens

    var path: String {
        switch self {
        case .home: return "/"
        case .area(let n): return "/areas/\(n)"
        case .measure(let number): return "/measures/\(number)"
        case .agreement: return "/agreement"
        case .stylesheet: return "/styles.css"
        case .healthLive: return "/health/live"
        case .healthReady: return "/health/ready"
        case .apiMeasures: return "/api/v1/measures"
        case .apiMeasure(let number): return "/api/v1/measures/\(number)"
        case .apiMeasuresCSV: return "/api/v1/measures.csv"
        case .apiOpenAPI: return "/api/v1/openapi.json"
        case .apiMeasureUpdates(let n): return "/api/v1/measures/\(n)/updates"
        case .apiMeasureMilestones(let n): return "/api/v1/measures/\(n)/milestones"
        case .login: return "/login"
        case .logout: return "/logout"
        case .password: return "/officer/password"
        case .officer: return "/officer"
        case .officerMeasure(let n): return "/officer/measures/\(n)"
        case .officerUpdates(let n): return "/officer/measures/\(n)/updates"
        case .officerMilestones(let n): return "/officer/measures/\(n)/milestones"
        case .officerMilestoneDone(let id): return "/officer/milestones/\(id.uuidString)/done"
        case .officerAssignments(let n): return "/officer/measures/\(n)/assignments"
        case .officerAssignmentDelete(let id): return "/officer/assignments/\(id.uuidString)/delete"
        case .officerPublish(let id): return "/officer/updates/\(id.uuidString)/publish"
        case .officerSignOff(let n): return "/officer/measures/\(n)/signoff"
        case .officerRevokeSignOff(let n): return "/officer/measures/\(n)/signoff/revoke"
        case .officerUsers: return "/officer/users"
        case .officerUnits: return "/officer/units"
        case .officerTokens: return "/officer/tokens"
        }
    }

    /// The same page in another interface language.
    func path(lang: DisplayLanguage) -> String { path + "?lang=" + lang.rawValue }
}

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
        }
    }

    /// The same page in another interface language.
    func path(lang: DisplayLanguage) -> String { path + "?lang=" + lang.rawValue }
}

import Foundation
import Platform


/// What the report to the next meeting says, as of a day: plain values, frozen as JSON in a
/// `MeetingReport` and rendered from there (HTML, CSV, JSON, XLSX, PDF) in either script.
/// Texts keep the script they were written in; rendering converts them.
struct ReportContent: Codable, Sendable, Equatable {
    struct Text: Codable, Sendable, Equatable {
        var text: String
        var script: String
    }

    struct Counts: Codable, Sendable, Equatable {
        var measures = 0, completed = 0, inProgress = 0, ongoing = 0, notStarted = 0, delayed = 0
        var percent = 0
        var red = 0, amber = 0, green = 0, grey = 0
    }

    struct Narrative: Codable, Sendable, Equatable {
        var measure: String
        var side: Side
        var unit: Text
        var period: String
        var status: SideStatus
        var percent: Int
        var text: Text
    }

    struct TermCount: Codable, Sendable, Equatable {
        var term: String
        var count: Int
    }

    struct AreaFeedback: Codable, Sendable, Equatable {
        var received = 0
        var answered = 0
        var byKind: [String: Int] = [:]
        /// The measures its cases were linked to most, with their counts.
        var measures: [TermCount] = []
        /// Words that recur in the subjects of its cases (of the latest `MeetingReports.themeCases`
        /// cases of the period whose senders agreed to share them with the Hong Kong side), with
        /// personal data masked first; each counted in different senders, and only when at
        /// least `REPORT_THEME_MIN_SENDERS` (5 or more) of them used it.
        var terms: [TermCount] = []
    }

    struct AreaSection: Codable, Sendable, Equatable {
        var number: Int
        var title: Text
        var counts: Counts
        var narratives: [Narrative]
        var feedback: AreaFeedback
    }

    struct MeasureLine: Codable, Sendable, Equatable {
        var number: String
        var text: Text
        var status: SideStatus
        var percent: Int
        var light: TrafficLight
        var cq: SideStatus
        var hk: SideStatus
        /// The day both sides had signed off.
        var completedOn: String?
    }

    struct Reason: Codable, Sendable, Equatable {
        enum Kind: String, Codable, Sendable { case milestoneMissed = "milestone_missed", reportedDelay = "reported_delay" }
        var kind: Kind
        var side: Side
        /// The milestone's title, or the side's latest public explanation.
        var text: Text?
        var dueOn: String?
    }

    struct Delay: Codable, Sendable, Equatable {
        var number: String
        var text: Text
        var reasons: [Reason]
    }

    struct Change: Codable, Sendable, Equatable {
        /// side.status, signoff, signoff.revoke, milestone.add, milestone.done
        var kind: String
        var on: String
        var measure: String
        var side: Side?
        var before: String?
        var after: String?
        var title: Text?
    }

    struct MonthCount: Codable, Sendable, Equatable {
        var month: String
        var count: Int
    }

    struct FeedbackFigures: Codable, Sendable, Equatable {
        var received = 0
        var answered = 0
        var medianDaysToReply: Double?
        var answeredWithinDeadline = 0
        var byMonth: [MonthCount] = []
    }

    var version = 1
    var asOf: String
    var since: String
    var generatedAt: Date
    var agreementTitle: Text
    var meeting: String?
    var signedOn: String?
    var headline: Counts
    var milestonesDone = 0
    var milestonesMissed = 0
    var updatesInPeriod = 0
    var areas: [AreaSection]
    var completed: [MeasureLine]
    var delayed: [Delay]
    var measures: [MeasureLine]
    var changes: [Change]
    var feedback: FeedbackFigures
}

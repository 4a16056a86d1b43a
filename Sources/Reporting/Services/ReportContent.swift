import Foundation
import Platform
import Tracker


/// What the report to the next meeting says, as of a day: plain values, frozen as JSON in a
/// `MeetingReport` and rendered from there (HTML, CSV, JSON, XLSX, PDF) in either script.
/// Texts keep the script they were written in; rendering converts them.
package struct ReportContent: Codable, Sendable, Equatable {
    package struct Text: Codable, Sendable, Equatable {
        package var text: String
        package var script: String
    }

    package struct Counts: Codable, Sendable, Equatable {
        package var measures = 0, completed = 0, inProgress = 0, ongoing = 0, notStarted = 0, delayed = 0
        package var percent = 0
        package var red = 0, amber = 0, green = 0, grey = 0
    }

    package struct Narrative: Codable, Sendable, Equatable {
        package var measure: String
        package var side: Side
        package var unit: Text
        package var period: String
        package var status: SideStatus
        package var percent: Int
        package var text: Text
    }

    package struct TermCount: Codable, Sendable, Equatable {
        package var term: String
        package var count: Int
    }

    package struct AreaFeedback: Codable, Sendable, Equatable {
        package var received = 0
        package var answered = 0
        package var byKind: [String: Int] = [:]
        /// The measures its cases were linked to most, with their counts.
        package var measures: [TermCount] = []
        /// Words that recur in the subjects of its cases (of the latest `MeetingReports.themeCases`
        /// cases of the period whose senders agreed to share them with the Hong Kong side), with
        /// personal data masked first; each counted in different senders, and only when at
        /// least `REPORT_THEME_MIN_SENDERS` (5 or more) of them used it.
        package var terms: [TermCount] = []
    }

    package struct AreaSection: Codable, Sendable, Equatable {
        package var number: Int
        package var title: Text
        package var counts: Counts
        package var narratives: [Narrative]
        package var feedback: AreaFeedback
    }

    package struct MeasureLine: Codable, Sendable, Equatable {
        package var number: String
        package var text: Text
        package var status: SideStatus
        package var percent: Int
        package var light: TrafficLight
        package var cq: SideStatus
        package var hk: SideStatus
        /// The day both sides had signed off.
        package var completedOn: String?
    }

    package struct Reason: Codable, Sendable, Equatable {
        package enum Kind: String, Codable, Sendable { case milestoneMissed = "milestone_missed", reportedDelay = "reported_delay" }
        package var kind: Kind
        package var side: Side
        /// The milestone's title, or the side's latest public explanation.
        package var text: Text?
        package var dueOn: String?
    }

    package struct Delay: Codable, Sendable, Equatable {
        package var number: String
        package var text: Text
        package var reasons: [Reason]
    }

    package struct Change: Codable, Sendable, Equatable {
        /// side.status, signoff, signoff.revoke, milestone.add, milestone.done
        package var kind: String
        package var on: String
        package var measure: String
        package var side: Side?
        package var before: String?
        package var after: String?
        package var title: Text?
    }

    /// What became of a measure of the previous meeting in this document (officers' confirmed mapping).
    package struct Carried: Codable, Sendable, Equatable {
        package var measure: String
        package var text: Text
        /// A `LinkOutcome` value: continued, merged, split, completed, dropped.
        package var outcome: String
        /// Numbers of this document's measures it became.
        package var into: [String]
    }

    package struct MonthCount: Codable, Sendable, Equatable {
        package var month: String
        package var count: Int
    }

    package struct FeedbackFigures: Codable, Sendable, Equatable {
        package var received = 0
        package var answered = 0
        package var medianDaysToReply: Double?
        package var answeredWithinDeadline = 0
        package var byMonth: [MonthCount] = []
    }

    package var version = 1
    package var asOf: String
    package var since: String
    package var generatedAt: Date
    package var agreementTitle: Text
    package var meeting: String?
    package var signedOn: String?
    package var headline: Counts
    package var milestonesDone = 0
    package var milestonesMissed = 0
    package var updatesInPeriod = 0
    package var areas: [AreaSection]
    package var completed: [MeasureLine]
    package var delayed: [Delay]
    package var measures: [MeasureLine]
    package var changes: [Change]
    package var feedback: FeedbackFigures
    /// The previous meeting's measures and what became of each (nil in reports made before
    /// meetings were recorded); `unmapped` counts those the officers have not mapped yet.
    package var sinceLastMeeting: [Carried]?
    package var unmapped: Int?

    package init(asOf: String, since: String, generatedAt: Date, agreementTitle: Text, meeting: String? = nil, signedOn: String? = nil, headline: Counts, areas: [AreaSection], completed: [MeasureLine], delayed: [Delay], measures: [MeasureLine], changes: [Change], feedback: FeedbackFigures) {
        self.asOf = asOf
        self.since = since
        self.generatedAt = generatedAt
        self.agreementTitle = agreementTitle
        self.meeting = meeting
        self.signedOn = signedOn
        self.headline = headline
        self.areas = areas
        self.completed = completed
        self.delayed = delayed
        self.measures = measures
        self.changes = changes
        self.feedback = feedback
    }
}

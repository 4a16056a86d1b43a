import Fluent
import Platform

/// Every migration in order. Append only: a migration that has shipped is never edited; a
/// change is a new `Update<Table><Change>` in the next numbered folder.
enum Migrations {
    static let all: [any Migration] = [
        CreateMechanisms(), CreateAgreements(), CreateAgreementRevisions(), CreateAreas(),
        CreateMeasures(), CreateUnits(), CreateUsers(), CreateMeasureSides(), CreateAssignments(),
        CreateMilestones(), CreateProgressUpdates(), CreateAuditEvents(),
        SessionRecord.migration, CreateAPITokens(), CreateSearchIndex(),
        // 002: knowledge base, synonyms, questions
        CreateCategories(), CreateArticles(), CreateSynonymsAndMisses(), CreateQuestions(),
        // 003: feedback channel
        CreateFeedbackCases(),
        // 004: outbox, job leases, units' notice addresses; the search table's sequence
        CreateOutbox(), UpdateSearchIndexAddSequence(),
        // 005: reporting cadences, notices, reports to the meeting; reply figures of cases
        CreateReporting(),
        // 006: log-in security (throttling, session epoch, second factor)
        UpdateUsersAddSecurity(),
        // 007: the audit log's hash chain
        UpdateAuditEventsAddChain(),
        // 008: row versions for concurrent officers; attachments in the database
        UpdateTablesAddVersionsAndStoredFiles(),
        // 009: every account on a side; questions' consent to share; question access log
        UpdateUsersAndQuestionsForSides(),
        // 010: agreements over time: meetings, documents, measures' lineage, units of several mechanisms
        CreateMeetingsAndLineage(),
    ]
}

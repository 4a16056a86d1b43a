import ChineseScript
import Platform
import Vapor

/// The feedback channel (measure 11.3): cases from the public, routed to units and answered
/// within working-day deadlines; the personal data in them, and the calendars deadlines count on.
package struct FeedbackService: Service {
    let converter: ScriptConverter

    package init(converter: ScriptConverter) {
        self.converter = converter
    }

    package func routes(_ site: SiteRoutes) {
        let feedback = FeedbackController(converter: converter)
        // /api/v1/feedback: App's APIHandler, generated from openapi.yaml.
        let uploads = CSRFMiddleware.maxMultipartBytes
        site.sessions.get(.feedback, use: feedback.formPage)
        site.counted(.feedback, maxBytes: uploads, browser: true).post(.feedback, body: .stream, use: feedback.submit)
        site.sessions.get(.feedbackCase(.param), use: feedback.followPage)
        site.counted(.followUp, maxBytes: site.formBytes, browser: true).post(.feedbackCase(.param), body: .stream, use: feedback.follow)
        site.counted(.followUp, maxBytes: site.formBytes, browser: true).post(.feedbackAction(.param, .param), body: .stream, use: feedback.follow)

        let cases = OfficerCasesController(converter: converter)
        site.officer.get(.officerCases, use: cases.list)
        site.officer.get(.officerCasesCSV, use: cases.csv)
        site.officer.get(.officerCase(.param)) { try await cases.show(req: $0) }
        site.officer.post(.officerCase(.param), use: cases.act)
        site.officer.get(.officerCaseAttachment(.param, .param), use: cases.attachment)
        site.officer.get(.officerCaseStatistics, use: cases.statistics)
        site.officer.get(.officerAccessLog, use: cases.accessLog)
        site.officer.get(.officerPersonalData, use: cases.personalDataPage)
        site.officer.post(.officerPersonalData, use: cases.personalDataExport)
        site.officer.get(.officerCaseTemplates) { try await cases.templates(req: $0) }
        site.officer.post(.officerCaseTemplates, use: cases.saveTemplate)
        site.officer.get(.officerCalendars) { try await cases.calendars(req: $0) }
        site.officer.post(.officerCalendars, use: cases.saveCalendarDay)
        site.officer.post(.officerCalendarDelete(.param), use: cases.deleteCalendarDay)
    }

    package var commands: [String: any AsyncCommand] {
        ["calendar": CalendarCommand(), "purge-personal-data": PurgePersonalDataCommand()]
    }

    package var jobs: [ScheduledJob] {
        let converter = converter
        return [
            ScheduledJob("case-reminders", counts: .queued) { app, now in
                try await CaseReminders.scan(today: app.clock.today, now: now, baseURL: app.config.baseURL, converter: converter, on: app.db)
            },
            ScheduledJob("purge-personal-data", counts: .purged, oncePer: 86_400) { app, now in
                try await CaseRecords.purge(retentionDays: app.config.personalDataRetentionDays, files: app.files, now: now, on: app.db)
            },
        ]
    }

    package var gauges: [AppMetrics.Gauge] { [CaseWorkflow.overdueGauge] }
}

import ChineseScript
import Platform
import Tracker
import Vapor

/// Reports and reminders: the officer's dashboard, the liaison offices' overview, the reporting
/// cadence and the notices chasing units, and the progress report to the next meeting.
package struct ReportingService: Service {
    let converter: ScriptConverter

    package init(converter: ScriptConverter) {
        self.converter = converter
    }

    package func routes(_ site: SiteRoutes) {
        let reports = ReportsController(converter: converter)
        site.open.get(.reports, use: reports.publicList)
        site.open.get(.report(.param), use: reports.publicShow)
        site.open.get(.reportDownload(.param, .csv, .en), use: reports.publicDownload)
        site.officer.get(.officer, use: reports.dashboard)
        site.officer.get(.officerOverview, use: reports.overview)
        site.officer.get(.officerReporting) { try await reports.reporting(req: $0) }
        site.officer.post(.officerReporting, use: reports.setCadence)
        site.officer.get(.officerReports) { try await reports.reports(req: $0) }
        site.officer.post(.officerReports, use: reports.create)
        site.officer.get(.officerReport(.param), use: reports.show)
        site.officer.post(.officerReportApprove(.param), use: reports.approve)
        site.officer.get(.officerReportDownload(.param, .csv, .en), use: reports.download)
    }

    package var commands: [String: any AsyncCommand] { ["report": ReportCommand()] }

    package var jobs: [ScheduledJob] {
        let converter = converter
        return [
            ScheduledJob("report-reminders", counts: .queued) { app, now in
                try await Reporting.scan(today: app.clock.today, now: now, baseURL: app.config.baseURL, converter: converter, on: app.db)
            },
        ]
    }

    package var gauges: [AppMetrics.Gauge] { [Reporting.owedGauge] }
}

import ChineseScript
import Platform
import Vapor

/// The agreement tracker: the memorandum's areas and measures, both sides' progress, milestones,
/// assignments and sign-off; its public pages, the officers' measure page and the API.
package struct TrackerService: Service {
    let converter: ScriptConverter

    package init(converter: ScriptConverter) {
        self.converter = converter
    }

    package func routes(_ site: SiteRoutes) {
        let portal = PortalController(converter: converter)
        site.cached.get(.home, use: portal.home)
        site.cached.get(.area(0), use: portal.area)
        site.cached.get(.measure(.param), use: portal.measure)
        site.cached.get(.agreement, use: portal.agreement)
        site.open.get(.stylesheet, use: portal.stylesheet)
        site.open.get(.officerScript, use: portal.officerScript)
        site.open.get(.securityTxt, use: portal.securityTxt)

        // The rest of /api/v1 is registered by App from openapi.yaml (APIHandler); the CSV stays
        // hand-routed: its headers and `?lang=` are not what the generated code would make of them.
        site.open.get(.apiMeasuresCSV, use: MeasuresAPIController(converter: converter).csv)

        let officers = OfficerController(converter: converter)
        site.officer.get(.officerMeasure(.param), use: officers.measure)
        site.officer.post(.officerUpdates(.param), use: officers.postUpdate)
        site.officer.post(.officerMilestones(.param), use: officers.addMilestone)
        site.officer.post(.officerAssignments(.param), use: officers.assign)
        site.officer.post(.officerSignOff(.param), use: officers.signOff)
        site.officer.post(.officerRevokeSignOff(.param), use: officers.revokeSignOff)
        site.officer.post(.officerMilestoneDone(.param), use: officers.completeMilestone)
        site.officer.post(.officerAssignmentDelete(.param), use: officers.unassign)
        site.officer.post(.officerPublish(.param), use: officers.publish)
    }

    package var commands: [String: any AsyncCommand] { ["import-memorandum": ImportMemorandumCommand()] }
}

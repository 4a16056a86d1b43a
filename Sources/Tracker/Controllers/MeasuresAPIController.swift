import ChineseScript
import Foundation
import Platform
import Vapor

/// `GET /api/v1/measures.csv`: the measures as a spreadsheet (the JSON operations of /api/v1
/// are App's `APIHandler`, generated from openapi.yaml).
package struct MeasuresAPIController {
    package let converter: ScriptConverter

    /// UTF-8 with a byte-order mark so Excel opens the Chinese text correctly.
    package func csv(req: Request) async throws -> Response {
        let o = try await PortalQueries.overview(on: req.db, today: req.application.clock.today)
        let lang = DisplayLanguage.of(req)
        var lines = [["number", "area", "text", "status", "percent", "light",
                      "cq_status", "cq_percent", "cq_lead_units", "hk_status", "hk_percent", "hk_lead_units"]]
        for m in o.areas.flatMap(\.measures) {
            let t = BothScripts(m.text, writtenIn: o.agreement.script, converter: converter)
            let cq = m.sides[0], hk = m.sides[1]
            lines.append([
                m.number, String(m.areaNumber), lang == .zhHans ? t.zhHans : t.zhHant,
                m.state.status.rawValue, String(m.state.percent), m.state.light.rawValue,
                cq.status.rawValue, String(cq.percent), cq.leads.map(\.name).joined(separator: "；"),
                hk.status.rawValue, String(hk.percent), hk.leads.map(\.name).joined(separator: "；"),
            ])
        }
        return CSV.response(lines, filename: "yugang-measures.csv")
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}

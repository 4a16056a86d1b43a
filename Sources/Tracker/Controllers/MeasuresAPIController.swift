import ChineseScript
import Foundation
import Platform
import Vapor

/// `GET /api/v1/measures`, `GET /api/v1/measures/{area}.{item}` and the CSV export.
/// Texts come as written, with both scripts alongside.
package struct MeasuresAPIController {
    package let converter: ScriptConverter

    package struct SideDTO: Content {
        package let side: Side
        package let status: SideStatus
        package let percent: Int
        package let signedOffAt: Date?
        package let leadUnits: [String]
        package let supportingUnits: [String]
    }

    package struct MeasureDTO: Content {
        package let number: String
        package let area: Int
        package let item: Int
        package let text: BothScripts
        package let status: SideStatus
        package let percent: Int
        package let light: TrafficLight
        package let sides: [SideDTO]
        package let url: String
    }

    package struct MeasureList: Content {
        package let agreement: String
        package let revision: Int
        package let count: Int
        package let measures: [MeasureDTO]
    }

    package func dto(_ m: PortalQueries.MeasureRow, script: String) -> MeasureDTO {
        MeasureDTO(
            number: m.number, area: m.areaNumber, item: m.itemNumber, text: BothScripts(m.text, writtenIn: script, converter: converter),
            status: m.state.status, percent: m.state.percent, light: m.state.light,
            sides: m.sides.map {
                SideDTO(side: $0.side, status: $0.status, percent: $0.percent, signedOffAt: $0.signedOffAt,
                        leadUnits: $0.leads.map(\.name), supportingUnits: $0.supports.map(\.name))
            },
            url: SiteURL.measure(m.number).path
        )
    }

    package func list(req: Request) async throws -> MeasureList {
        let o = try await PortalQueries.overview(on: req.db, today: req.application.clock.today)
        var rows = o.areas.flatMap(\.measures)
        if let raw = req.query[String.self, at: "area"] {
            guard let area = Int(raw), (1...99).contains(area) else {
                throw AppError.badRequest(hant: "area 須為 1 至 99 的整數。", hans: "area 须为 1 至 99 的整数。",
                                          en: "area must be a whole number from 1 to 99.")
            }
            rows = rows.filter { $0.areaNumber == area }
        }
        return MeasureList(agreement: o.agreement.title, revision: o.agreement.revision, count: rows.count,
                           measures: rows.map { dto($0, script: o.agreement.script) })
    }

    package func show(req: Request) async throws -> MeasureDTO {
        guard let number = req.parameters.get("number"),
              let detail = try await PortalQueries.measure(number, on: req.db, today: req.application.clock.today)
        else { throw AppError.notFound }
        return dto(detail.measure, script: detail.agreement.script)
    }

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

@testable import Accounts
import APIGenerated
@testable import App
@testable import Consultation
@testable import Feedback
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

@Suite struct APITests {
    /// The answers as the document's types (Sources/APIGenerated); dates ISO 8601.
    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }

    @Test func listsTheFortySevenMeasuresWithBothScripts() async throws {
        try await withApp { app in
            let (status, body, headers) = try await app.get("/api/v1/measures")
            #expect(status == .ok)
            #expect(headers.contentType == .json)
            let list = try Self.decoder.decode(Components.Schemas.MeasureList.self, from: Data(body.utf8))
            #expect(list.count == 47)
            #expect(list.measures.map(\.number).last == "11.3")
            let health = try #require(list.measures.first { $0.number == "10.1" })
            #expect(health.text.zhHans.hasPrefix("促进渝港卫生健康常态化交流"))
            #expect(health.text.script == .zhHant)
            #expect(health.sides.map(\.side) == [.cq, .hk])
            let (_, area, _) = try await app.get("/api/v1/measures?area=6")
            #expect(try Self.decoder.decode(Components.Schemas.MeasureList.self, from: Data(area.utf8)).count == 5)
        }
    }

    @Test func oneMeasureAndProblemJSONForUnknownOnes() async throws {
        try await withApp { app in
            let (status, body, _) = try await app.get("/api/v1/measures/11.2")
            #expect(status == .ok)
            let measure = try Self.decoder.decode(Components.Schemas.Measure.self, from: Data(body.utf8))
            #expect(measure.url == "/measures/11.2")
            #expect(measure.light == .grey)
            for path in ["/api/v1/measures/11.9", "/api/v1/measures/x", "/api/v1/nothing"] {
                let (missing, problem, headers) = try await app.get(path + "?lang=en")
                #expect(missing == .notFound)
                #expect(headers.contentType?.subType == "problem+json")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(problem.utf8)) as? [String: Any])
                #expect(object["status"] as? Int == 404)
                #expect(object["detail"] as? String == "There is no such page.")
            }
            let (bad, _, _) = try await app.get("/api/v1/measures?area=abc")
            #expect(bad == .badRequest)
        }
    }

    @Test func csvExportOpensInExcel() async throws {
        try await withApp { app in
            let (status, body, headers) = try await app.get("/api/v1/measures.csv?lang=zh-Hans")
            #expect(status == .ok)
            #expect(headers.contentType?.subType == "csv")
            #expect(body.hasPrefix("\u{FEFF}number,area,text,status"))
            let lines = body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 48)
            #expect(lines.contains { $0.hasPrefix("10.1,10,促进渝港卫生健康常态化交流") })
            #expect(headers.first(name: .contentDisposition)?.contains("yugang-measures.csv") == true)
        }
    }

    @Test func csvFieldsAreQuotedAndNotExecutable() {
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(CSV.field("-5") == "-5")
    }

    @Test func openAPIDocumentDescribesEveryAPIRoute() async throws {
        try await withApp { app in
            let (status, body, _) = try await app.get("/api/v1/openapi.json")
            #expect(status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(object["openapi"] as? String == "3.1.0")
            let documented = Set((object["paths"] as? [String: Any] ?? [:]).keys)
            let registered = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") }
                .filter { $0.hasPrefix("/api/") }
                .map { $0.replacingOccurrences(of: ":number", with: "{number}").replacingOccurrences(of: ":id", with: "{id}").replacingOccurrences(of: ":reference", with: "{reference}") })
            #expect(documented == registered)
        }
    }

    /// Sources/APIGenerated was generated from the openapi.yaml in the repository: run
    /// scripts/generate-api after every change to the document.
    @Test func generatedCodeIsFromTheDocumentInTheRepository() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let yaml = try Data(contentsOf: root.appendingPathComponent("openapi.yaml"))
        let digest = SHA256.hash(data: yaml).map { String(format: "%02x", $0) }.joined()
        #expect(digest == OpenAPIDocument.yamlSHA256, "openapi.yaml changed since Sources/APIGenerated was generated: run scripts/generate-api")
    }

    /// The served document is the JSON made from openapi.yaml, whole (e2e/test_openapi.py
    /// compares it with the yaml itself), and it says what the generated code was made from.
    @Test func servedDocumentIsTheGeneratedOne() async throws {
        try await withApp { app in
            let (status, body, headers) = try await app.get("/api/v1/openapi.json")
            #expect(status == .ok)
            #expect(headers.contentType == .json)
            #expect(body == OpenAPIDocument.json)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let schemas = (object["components"] as? [String: Any])?["schemas"] as? [String: Any]
            #expect(schemas?["FeedbackForm"] != nil && schemas?["FeedbackInput"] != nil)
        }
    }
}

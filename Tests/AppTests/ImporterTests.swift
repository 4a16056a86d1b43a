@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
import Memorandum
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

@Suite struct ImporterTests {
    @Test func firstStartStoresTheMemorandumWithBothSidesPerMeasure() async throws {
        try await withApp { app in
            #expect(try await Agreement.query(on: app.db).count() == 1)
            #expect(try await Area.query(on: app.db).count() == 11)
            #expect(try await Measure.query(on: app.db).count() == 47)
            #expect(try await MeasureSide.query(on: app.db).count() == 94)
            let agreement = try #require(try await Agreement.query(on: app.db).with(\.$mechanism).first())
            #expect(agreement.mechanism.name == "渝港合作會議")
            #expect(agreement.signedOn == "2023-05-11")
            #expect(agreement.parties.map(\.signatoryTitle) == ["副市長", "政務司司長"])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "agreement.import").count() == 1)
            let units = try await Unit.query(on: app.db).sort(\.$side).all()
            #expect(units.map(\.name) == ["重慶市人民政府港澳事務辦公室", "香港特別行政區政府政制及內地事務局"])
            #expect(units.allSatisfy { $0.isLiaisonOffice })
        }
    }

    @Test func importingTheSameTextAgainChangesNothing() async throws {
        try await withApp { app in
            let text = try ShippedMemoranda.text().replacingOccurrences(of: "\n", with: "\r\n")
            let outcome = try await AgreementImporter.store(try MemorandumParser.parse(text), sourceText: text, sourceName: "crlf.txt",
                                                            script: .traditional, actor: "test", on: app.db)
            #expect(outcome == .unchanged(revision: 1))
            #expect(try await AgreementRevision.query(on: app.db).count() == 1)
            #expect(try await Bootstrap.importShippedMemorandum(on: app.db) == false)
        }
    }

    @Test func aChangedTextIsANewRevisionThatKeepsHistory() async throws {
        try await withApp { app in
            var text = try ShippedMemoranda.text()
            text = text.replacingOccurrences(of: "通過“窄改寬”增加客機腹倉載貨量。", with: "通過“窄改寬”增加客機腹艙載貨量。")
            text = text.replacingOccurrences(of: "五、文化和旅遊", with: "4. 新增一項物流措施。\n\n五、文化和旅遊")
            text = String(text[..<text.range(of: "3.建立常態化溝通機制")!.lowerBound])
            let outcome = try await AgreementImporter.store(try MemorandumParser.parse(text), sourceText: text, sourceName: "v2.txt",
                                                            script: .traditional, actor: "test", on: app.db)
            #expect(outcome == .revised(revision: 2, changes: ["+ measure 4.4", "- measure 11.3", "~ measure 4.3 reworded"]))
            let measures = try await Measure.query(on: app.db).all()
            #expect(measures.count == 48)
            let removed = try #require(measures.first { $0.number == "11.3" })
            #expect(removed.removedInRevision == 2)
            #expect(measures.first { $0.number == "4.3" }?.text == "通過“窄改寬”增加客機腹艙載貨量。")
            #expect(try await MeasureSide.query(on: app.db).count() == 96)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "measure.reword").count() == 1)
            // The public site follows the new revision.
            #expect(try await app.get("/measures/11.3").0 == .notFound)
            #expect(try await app.get("/measures/4.4").1.contains("新增一項物流措施。"))
            #expect(try await app.get("/areas/4").1.contains("href=\"/measures/4.4\""))
            #expect(try await app.get("/").1.contains("共 4 項措施"))
        }
    }

    @Test func aFailedImportLeavesNothingBehind() async throws {
        try await withApp { app in
            // A document whose measure numbers collide violates a unique index half-way through.
            var document = try MemorandumParser.parse(try ShippedMemoranda.text())
            document.title = "另一份備忘錄"
            document.mechanism = "測試機制"
            document.areas[1].measures[2].item = 1
            await #expect(throws: (any Error).self) {
                try await AgreementImporter.store(document, sourceText: "x", sourceName: nil, script: .traditional, actor: "test", on: app.db)
            }
            #expect(try await Mechanism.query(on: app.db).count() == 1)
            #expect(try await Agreement.query(on: app.db).count() == 1)
            #expect(try await Measure.query(on: app.db).count() == 47)
            #expect(try await Area.query(on: app.db).count() == 11)
        }
    }

    @Test func adminIsCreatedOnceWithAOneTimePassword() async throws {
        try await withApp { app in
            let password = try #require(try await Bootstrap.createAdmin(on: app.db))
            #expect(password.count == 16)
            let admin = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first())
            #expect(admin.role == .admin)
            #expect(admin.mustChangePassword)
            #expect(admin.passwordHash != password)
            #expect(try Bcrypt.verify(password, created: admin.passwordHash))
            #expect(try await Bootstrap.createAdmin(on: app.db) == nil)
        }
    }
}

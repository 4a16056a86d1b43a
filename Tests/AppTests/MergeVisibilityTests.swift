@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

/// An action that names another case must not reveal a case the officer may not see.
@Suite struct MergeVisibilityTests {
    @Test("A Hong Kong officer merging into a case without consent gets the answer for a reference that does not exist")
    func mergeIntoAHiddenCaseIsAnsweredAsMissing() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            var shared = FeedbackFixture.submission(share: true)
            shared.email = "shared@example.hk"
            let visible = try await FeedbackFixture.submit(shared, on: app)
            var hidden = FeedbackFixture.submission(share: false)
            hidden.email = "hidden@example.hk"
            let secret = try await FeedbackFixture.submit(hidden, on: app)
            let hk = try await FeedbackFixture.officer(a.hkLiaison, on: app)
            func merge(into reference: String) async -> Error? {
                do {
                    try await CaseWorkflow.perform(.init(action: "merge", target: reference), on: visible.requireID(), by: hk, config: app.config,
                                                   converter: ScriptConverterFixture.converter, now: app.clock.now(), on: app.db)
                    return nil
                } catch { return error }
            }
            let intoHidden = await merge(into: secret.reference)
            let intoNothing = await merge(into: "YG-2099-999999")
            guard case .invalid(let hiddenErrors)? = intoHidden as? AppError, case .invalid(let missingErrors)? = intoNothing as? AppError else {
                Issue.record("expected a field error, got \(String(describing: intoHidden)) and \(String(describing: intoNothing))")
                return
            }
            #expect(hiddenErrors == missingErrors)
            let after = try await FeedbackCase.find(visible.id, on: app.db)!
            #expect(after.state == .new && after.$mergedInto.id == nil)
            // Through the page: the same status and message, and no link to the hidden case.
            let browser = try await Browser(app).login("hk-liaison")
            let path = "/officer/cases/\(visible.id!.uuidString)"
            _ = try await browser.get(path)
            let (s1, b1) = try await browser.post(path, ["action": "merge", "target": secret.reference])
            _ = try await browser.get(path)
            let (s2, b2) = try await browser.post(path, ["action": "merge", "target": "YG-2099-999999"])
            #expect(s1 == s2 && s1 == .unprocessableEntity, "\(s1) \(s2)")
            #expect(b1.replacingOccurrences(of: secret.reference, with: "REF") == b2.replacingOccurrences(of: "YG-2099-999999", with: "REF"))
            #expect(!b1.contains(secret.id!.uuidString))
            // A Chongqing officer, who may see both, merges.
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            try await CaseWorkflow.perform(.init(action: "merge", target: secret.reference), on: visible.requireID(), by: cq, config: app.config,
                                           converter: ScriptConverterFixture.converter, now: app.clock.now(), on: app.db)
            #expect(try await FeedbackCase.find(visible.id, on: app.db)!.$mergedInto.id == secret.id)
        }
    }
}

import Platform
import Vapor

/// `yugang audit verify`: checks the audit log's hash chain from the first event to the head
/// and names the first event that no longer fits (exit status 1), or prints how many events
/// were checked and the hash of the last.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify") var action: String
    }

    var help: String { "Verifies the audit log's hash chain." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await CommandFailure.reported(context.application) {
            guard signature.action == "verify" else { throw CommandFailure("usage: yugang audit verify") }
            let app = context.application
            try await app.prepareDatabase()
            let verdict = try await AuditChain.verify(on: app.db)
            if let broken = verdict.broken {
                throw CommandFailure("the audit log is broken at event \(broken.seq)\(broken.id.map { " (\($0.uuidString))" } ?? ""): \(broken.reason); "
                                     + "the \(verdict.events) events before it are intact")
            }
            context.console.print("audit log intact: \(verdict.events) events, last hash \(verdict.head)")
        }
    }
}

import ChineseScript
import Foundation
import Memorandum
import Platform
import Vapor

/// `yugang import-memorandum FILE [--dry-run] [--json] [--mechanism SLUG [--mechanism-name NAME]]
/// [--meeting N] [--kind memorandum|agreement|work_plan] [--confirm]`: reads a memorandum's text,
/// shows the agreement found in it and stores it. A text the parser read with doubts (warnings
/// that need confirmation) is stored only with `--confirm`, after a person has read them.
struct ImportMemorandumCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Text of the memorandum, as extracted from the signed PDF (UTF-8).")
        package var file: String

        @Flag(name: "dry-run", help: "Parse and report only; store nothing (no database is opened).")
        package var dryRun: Bool

        @Flag(name: "json", help: "Print the whole structure as JSON instead of a summary.")
        package var json: Bool

        @Option(name: "mechanism", help: "The mechanism's address (slug), e.g. yugang; with --mechanism-name, a new mechanism. Default: the one the heading names.")
        package var mechanism: String?

        @Option(name: "mechanism-name", help: "The name of a new mechanism, e.g. 粵港合作聯席會議 (with --mechanism for its slug).")
        package var mechanismName: String?

        @Option(name: "meeting", help: "The meeting's number (default: the one the heading names).")
        package var meeting: Int?

        @Option(name: "kind", help: "memorandum (default), agreement or work_plan.")
        package var kind: String?

        @Flag(name: "confirm", help: "Store even though some warnings need confirmation (read them first).")
        package var confirm: Bool
    }

    package var help: String { "Parses a memorandum text into areas and measures and reports what it found." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        do {
            try await run(context, signature)
        } catch let failure as CommandFailure {
            context.application.fail(failure)
        }
    }

    private func run(_ context: CommandContext, _ signature: Signature) async throws {
        let (text, document, report) = try Self.read(file: signature.file)
        if signature.json {
            context.console.output(try report.json().consoleText())
        } else {
            report.summary.forEach { context.console.print($0) }
        }
        if signature.dryRun {
            if !signature.json { context.console.print("dry run: nothing stored") }
            return
        }
        let destination = try Self.destination(signature)
        if document.needsConfirmation, !signature.confirm {
            let doubts = document.warnings.filter(\.needsConfirmation).count
            throw CommandFailure("not stored: \(doubts) warning\(doubts == 1 ? "" : "s") need\(doubts == 1 ? "s" : "") confirmation; read them, correct the text or run again with --confirm")
        }
        let app = context.application
        try await app.prepareDatabase()
        let outcome = try await AgreementImporter.store(
            document, sourceText: text, sourceName: URL(fileURLWithPath: signature.file).lastPathComponent,
            script: report.script == Script.simplified.languageTag ? .simplified : .traditional,
            into: destination, actor: "import-memorandum", on: app.db
        )
        switch outcome {
        case .created(let revision):
            context.console.print("stored: new agreement, revision \(revision)")
        case .unchanged(let revision):
            context.console.print("unchanged: the same text is stored as revision \(revision); nothing to do")
        case .revised(let revision, let changes):
            context.console.print("stored: revision \(revision), \(changes.count) change\(changes.count == 1 ? "" : "s")")
            changes.forEach { context.console.print("  " + $0) }
        }
    }

    package static func report(file: String) throws -> MemorandumReport { try read(file: file).2 }

    /// Where the options say the document goes; a wrong option is refused before anything is read from the database.
    static func destination(_ s: Signature) throws -> AgreementImporter.Destination {
        if let slug = s.mechanism, !Slug.isValid(slug) {
            throw CommandFailure("--mechanism \(slug): use lower-case letters, digits and hyphens, starting with a letter (at most 40)")
        }
        if s.mechanismName != nil, s.mechanism == nil { throw CommandFailure("--mechanism-name needs --mechanism with the new mechanism's slug") }
        if let n = s.meeting, !(1...999).contains(n) { throw CommandFailure("--meeting \(n): give the meeting's number, 1 to 999") }
        var kind: AgreementKind?
        if let raw = s.kind {
            guard let parsed = AgreementKind(rawValue: raw) else {
                throw CommandFailure("--kind \(raw): use one of " + AgreementKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            kind = parsed
        }
        return .init(mechanismSlug: s.mechanism, mechanismName: s.mechanismName, meetingNumber: s.meeting, kind: kind)
    }

    package static func read(file: String) throws -> (String, MemorandumDocument, MemorandumReport) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("cannot read \(file): \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(file) is not UTF-8 text")
        }
        do {
            let document = try MemorandumParser.parse(text)
            return (text, document, MemorandumReport(source: file, document: document, converter: try ScriptConverter.shared()))
        } catch let error as MemorandumParseError {
            throw CommandFailure("\(file):\(error.line): \(error.message)")
        }
    }
}


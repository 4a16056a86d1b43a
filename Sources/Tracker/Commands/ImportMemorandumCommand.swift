import ChineseScript
import Foundation
import Memorandum
import Platform
import Vapor

/// `yugang import-memorandum FILE [--dry-run] [--json]`: reads a memorandum's text and shows
/// the agreement found in it.
struct ImportMemorandumCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Text of the memorandum, as extracted from the signed PDF (UTF-8).")
        package var file: String

        @Flag(name: "dry-run", help: "Parse and report only; store nothing (no database is opened).")
        package var dryRun: Bool

        @Flag(name: "json", help: "Print the whole structure as JSON instead of a summary.")
        package var json: Bool
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
        let app = context.application
        try await app.prepareDatabase()
        let outcome = try await AgreementImporter.store(
            document, sourceText: text, sourceName: URL(fileURLWithPath: signature.file).lastPathComponent,
            script: report.script == Script.simplified.languageTag ? .simplified : .traditional,
            actor: "import-memorandum", on: app.db
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


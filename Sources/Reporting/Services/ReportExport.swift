import Foundation
import Platform
import Vapor

/// A frozen report in a file format and a script: HTML with its print stylesheet, CSV with a
/// byte-order mark, JSON, XLSX, and PDF printed by headless Chromium when it is installed.
package enum ReportExport {
    package typealias Format = ExportFormat

    /// Why this machine cannot print a PDF: `description` in English for the log and the command
    /// line, `message` for a reader in their language.
    package struct Unavailable: Error, CustomStringConvertible {
        package let description: String
        package let message: TextKey

        package static let noChromium = Unavailable(
            description: "PDF needs Chromium (Debian package chromium); it is not installed.", message: ReportingText.pdfNeedsChromium)
        package static let noChineseFont = Unavailable(
            description: "PDF needs a font covering Chinese and none is installed (fc-list :lang=zh finds none): install the Debian package fonts-noto-cjk.",
            message: ReportingText.pdfNeedsChineseFont)
        package static func printFailed(_ status: Int32) -> Unavailable {
            Unavailable(description: "Chromium did not print the report (exit status \(status)).", message: ReportingText.pdfPrintFailed)
        }

        package init(description: String, message: TextKey) {
            self.description = description
            self.message = message
        }
    }

    /// `hant` / `hans` (and the language tags) for the report's script; Traditional by default.
    package static func language(script: String?) -> DisplayLanguage? {
        guard let script, !script.isEmpty else { return .zhHant }
        return DisplayLanguage(tag: script)
    }

    package static func filename(_ content: ReportContent, _ format: Format, _ l: Localizer) -> String {
        "yugang-report-\(content.asOf)-\(l.language.rawValue).\(format.rawValue)"
    }

    package static func render(_ content: ReportContent, as format: Format, _ l: Localizer) throws -> Data {
        switch format {
        case .html: return Data(ReportViews.standalone(content, l).utf8)
        case .csv:
            let rows = ReportViews.csvRows(content, l)
            return Data(("\u{FEFF}" + rows.map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n").utf8)
        case .json:
            let encoder = MeetingReports.encoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            return try encoder.encode(converted(content, l))
        case .xlsx: return XLSX.workbook(ReportViews.sheets(content, l))
        case .pdf: return try pdf(html: ReportViews.standalone(content, l))
        }
    }

    /// The content with every text in the reader's script.
    package static func converted(_ c: ReportContent, _ l: Localizer) -> ReportContent {
        let tag = l.script.languageTag
        func t(_ text: ReportContent.Text) -> ReportContent.Text { .init(text: l.content(text.text, writtenIn: text.script), script: tag) }
        var out = c
        out.agreementTitle = t(c.agreementTitle)
        out.measures = c.measures.map { var m = $0; m.text = t(m.text); return m }
        out.completed = c.completed.map { var m = $0; m.text = t(m.text); return m }
        out.delayed = c.delayed.map { d in
            var d = d
            d.text = t(d.text)
            d.reasons = d.reasons.map { var r = $0; r.text = r.text.map(t); return r }
            return d
        }
        out.changes = c.changes.map { var ch = $0; ch.title = ch.title.map(t); return ch }
        out.areas = c.areas.map { a in
            var a = a
            a.title = t(a.title)
            a.narratives = a.narratives.map { var n = $0; n.unit = t(n.unit); n.text = t(n.text); return n }
            a.feedback.terms = a.feedback.terms.map { .init(term: l.content($0.term, writtenIn: "zh-Hant"), count: $0.count) }
            return a
        }
        return out
    }

    /// The Chromium (or Chrome) on this machine: `CHROMIUM` first, then the usual names.
    package static func chromium() -> String? {
        if let path = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in directories where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        }
        return nil
    }

    /// The first program on `PATH` called `name`.
    package static func program(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.lazy.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether fontconfig (which Chromium draws its fonts from) finds a font covering Chinese:
    /// without one, Chromium prints every Han character as an empty box. Asked each time, so
    /// that installing the font takes effect without a restart.
    package static func hasChineseFont() -> Bool {
        guard let fcList = program("fc-list") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fcList)
        process.arguments = [":lang=zh", "family"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 && !String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// What stops this machine from printing a PDF, if anything (Chromium, a Chinese font).
    package static func printingProblem() -> Unavailable? {
        guard chromium() != nil else { return .noChromium }
        guard hasChineseFont() else { return .noChineseFont }
        return nil
    }

    /// Warns on the server's log at start when PDF export cannot work on this machine.
    package struct StartupCheck: LifecycleHandler {
        package init() {}

        package func didBoot(_ app: Application) throws {
            if let problem = ReportExport.printingProblem() {
                app.logger.warning("report export: PDF is unavailable on this machine. \(problem.description)")
            }
        }
    }

    /// Prints `html` to PDF with headless Chromium, in a folder of its own that is removed after.
    /// Refuses (never a PDF of empty boxes) when no font covering Chinese is installed.
    package static func pdf(html: String) throws -> Data {
        guard let browser = chromium() else { throw Unavailable.noChromium }
        guard hasChineseFont() else { throw Unavailable.noChineseFont }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yugang-pdf-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html"), output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                             "--user-data-dir=" + folder.appendingPathComponent("profile").path,
                             "--print-to-pdf=" + output.path, input.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while process.isRunning && ContinuousClock.now < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        guard let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
            throw Unavailable.printFailed(process.terminationStatus)
        }
        return data
    }
}

import Foundation

/// A frozen report in a file format and a script: HTML with its print stylesheet, CSV with a
/// byte-order mark, JSON, XLSX, and PDF printed by headless Chromium when it is installed.
enum ReportExport {
    enum Format: String, CaseIterable, Sendable {
        case html, csv, json, xlsx, pdf

        var mediaType: String {
            switch self {
            case .html: "text/html; charset=utf-8"
            case .csv: "text/csv; charset=utf-8"
            case .json: "application/json"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .pdf: "application/pdf"
            }
        }
    }

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// `hant` / `hans` (and the language tags) for the report's script; Traditional by default.
    static func language(script: String?) -> DisplayLanguage? {
        guard let script, !script.isEmpty else { return .zhHant }
        return DisplayLanguage(tag: script)
    }

    static func filename(_ content: ReportContent, _ format: Format, _ l: Localizer) -> String {
        "yugang-report-\(content.asOf)-\(l.language.rawValue).\(format.rawValue)"
    }

    static func render(_ content: ReportContent, as format: Format, _ l: Localizer) throws -> Data {
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
    static func converted(_ c: ReportContent, _ l: Localizer) -> ReportContent {
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
    static func chromium() -> String? {
        if let path = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in directories where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        }
        return nil
    }

    /// Prints `html` to PDF with headless Chromium, in a folder of its own that is removed after.
    static func pdf(html: String) throws -> Data {
        guard let browser = chromium() else {
            throw Unavailable(description: "PDF needs Chromium (Debian package chromium); it is not installed.")
        }
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
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        guard let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
            throw Unavailable(description: "Chromium did not print the report (exit status \(process.terminationStatus)).")
        }
        return data
    }
}

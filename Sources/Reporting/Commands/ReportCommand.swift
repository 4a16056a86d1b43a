import ChineseScript
import Foundation
import Platform
import Vapor
import WorkCalendar

/// `yugang report --as-of DATE [--since DATE] --script hant|hans --format html|csv|json|xlsx|pdf
/// [--output FILE]`: the report to the next meeting, from the records as they stood at the end
/// of the day, to standard output or a file. `--repeat N` builds it N more times and prints
/// the timings to standard error (for `bench/report`).
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "as-of", help: "the day the report stands at, YYYY-MM-DD (default: today)") var asOf: String?
        @Option(name: "since", help: "report changes after this day (default: the previous report's date, else the signing)") var since: String?
        @Option(name: "script", help: "hant (Traditional, default) or hans (Simplified)") var script: String?
        @Option(name: "format", help: "html (default), csv, json, xlsx or pdf") var format: String?
        @Option(name: "output", help: "write to this file instead of standard output") var output: String?
        @Option(name: "repeat", help: "build and render N more times and print timings to standard error") var repeatCount: Int?
    }

    var help: String { "Writes the progress report to the next meeting (HTML, CSV, JSON, XLSX or PDF)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await CommandFailure.reported(context.application) { try await run(context, signature) }
    }

    private func run(_ context: CommandContext, _ signature: Signature) async throws {
        let app = context.application
        let usage = "usage: yugang report --as-of YYYY-MM-DD [--since YYYY-MM-DD] --script hant|hans --format html|csv|json|xlsx|pdf [--output FILE]"
        guard let format = ReportExport.Format(rawValue: signature.format ?? "html") else { throw CommandFailure(usage) }
        guard let language = ReportExport.language(script: signature.script), language != .en else { throw CommandFailure(usage) }
        if format == .pdf, let problem = ReportExport.printingProblem() { throw CommandFailure(problem.description) }
        guard let asOf = CalendarDay(signature.asOf ?? app.clock.today) else { throw CommandFailure(usage) }
        let since = try signature.since.map { raw -> CalendarDay in
            guard let day = CalendarDay(raw), day < asOf else { throw CommandFailure("--since must be a day before --as-of") }
            return day
        }
        try await app.prepareDatabase()
        let converter = try ScriptConverter.shared()
        let l = Localizer(language: language, converter: converter)
        func make() async throws -> Data {
            let content = try await MeetingReports.build(asOf: asOf, since: since, now: app.clock.now(), converter: converter,
                                                         themeMinSenders: app.config.reportThemeMinSenders, on: app.db)
            do { return try ReportExport.render(content, as: format, l) } catch let e as ReportExport.Unavailable { throw CommandFailure(e.description) }
        }
        let data = try await make()
        if let n = signature.repeatCount, n > 0 {
            var times: [Double] = []
            for _ in 0..<n {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try await make()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            func at(_ q: Double) -> Double { times[min(times.count - 1, Int((Double(times.count) * q).rounded(.up)) - 1)] }
            FileHandle.standardError.write(Data(String(format: "report %@ %@: %d runs, p50 %.1f ms, p95 %.1f ms, max %.1f ms, %d bytes\n",
                                                       format.rawValue, language.rawValue, n, at(0.5), at(0.95), times.last!, data.count).utf8))
        }
        if let path = signature.output {
            try data.write(to: URL(fileURLWithPath: path))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

// Parse and conversion benchmarks for the memorandum importer (run `make bench`, release build).
import ChineseScript
import Foundation
import Memorandum

func measure(_ label: String, runs: Int, bytes: Int, _ body: () throws -> Void) rethrows {
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))]
    let mbPerSecond = Double(bytes) / 1_048_576 / (median / 1000)
    print(label.padding(toLength: 42, withPad: " ", startingAt: 0) + String(format: "%7d runs  median %9.3f ms  p99 %9.3f ms  %7.1f MiB/s", runs, median, p99, mbPerSecond))
}

/// A memorandum about 100 times the 2023 one: 99 areas of 60 measures, each measure a real one,
/// wrapped every 25 characters with a blank line after every line, as PDF extraction leaves it.
func syntheticMemorandum(from real: MemorandumDocument) -> String {
    func wrapped(_ text: String) -> String {
        var out = "", line = ""
        for ch in text {
            line.append(ch)
            if line.count == 25 { out += line + "\n\n"; line = "" }
        }
        return out + (line.isEmpty ? "" : line + "\n\n")
    }
    var text = "附件二\n\n渝港高層會晤暨渝港合作會議第九十九次會議\n\n備忘錄\n\n"
    text += real.preamble.map(wrapped).joined(separator: " \n\n")
    text += "重慶市人民政府              香港特別行政區政府 \n\n副市長（簽字）     政務司司長（簽字）\n\n"
    text += "2023 年 5 月 11 日             2023 年 5 月 11 日 \n\n 附件 \n\n具體合作措施\n\n"
    let measures = real.measures
    for area in 1...99 {
        text += "\(ChineseNumeral.format(area))、\(real.areas[(area - 1) % real.areas.count].title)\n\n"
        for item in 1...60 {
            text += "\(item). " + wrapped(measures[(area * 60 + item) % measures.count].text) + " \n\n"
        }
    }
    return text
}

let text = try ShippedMemoranda.text()
let document = try MemorandumParser.parse(text)
let big = syntheticMemorandum(from: document)
let bigDocument = try MemorandumParser.parse(big)
precondition(bigDocument.measures.count == 99 * 60, "synthetic memorandum parsed wrong")
let converter = try ScriptConverter.shared()

print("yugang-bench: memorandum importer (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
print("2023 text: \(text.utf8.count) bytes, \(document.measures.count) measures; synthetic: \(big.utf8.count) bytes (\(String(format: "%.0f", Double(big.utf8.count) / Double(text.utf8.count)))×), \(bigDocument.measures.count) measures")
try measure("parse 2023 memorandum", runs: 500, bytes: text.utf8.count) { _ = try MemorandumParser.parse(text) }
try measure("parse synthetic 100× memorandum", runs: 20, bytes: big.utf8.count) { _ = try MemorandumParser.parse(big) }
measure("content hash of 2023 memorandum", runs: 500, bytes: text.utf8.count) { _ = document.contentHash }
try measure("hk2s whole 2023 text", runs: 200, bytes: text.utf8.count) { _ = try converter.toSimplified(text) }
let simplified = try converter.toSimplified(text)
try measure("s2hk whole 2023 text (Simplified)", runs: 200, bytes: simplified.utf8.count) { _ = try converter.toTraditional(simplified) }
let title = document.areas[9].title
try measure("hk2s one area title (per-call overhead)", runs: 20000, bytes: title.utf8.count) { _ = try converter.toSimplified(title) }
try measure("detect script of 2023 text", runs: 200, bytes: text.utf8.count) { _ = try converter.detect(text) }

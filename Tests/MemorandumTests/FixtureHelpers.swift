import Foundation
import Memorandum
import Testing

extension MemorandumDocument {
    /// The measure addressed `number` (「2.3」), if there is one.
    func measure(_ number: String) -> Measure? { measures.first { $0.number == number } }

    var confirmations: [ParseWarning] { warnings.filter(\.needsConfirmation) }
    var notes: [ParseWarning] { warnings.filter { !$0.needsConfirmation } }
}

/// A numbered memorandum with one area holding `measures` (each written as its own line, after
/// its number), for tests about a single measure's text.
func oneAreaMemorandum(_ measures: [String]) -> String {
    var text = "渝港合作會議第二次會議\n備忘錄\n雙方同意以下合作措施。\n附件\n一、經貿合作\n"
    for (i, measure) in measures.enumerated() { text += "\(i + 1). \(measure)\n" }
    return text
}

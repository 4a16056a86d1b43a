/// A line of the input with its 1-based number, trimmed of spaces of every width; a blank line
/// (nothing, or only ASCII spaces, U+00A0 or U+3000) has empty text.
struct SourceLine {
    let number: Int
    var text: [Unicode.Scalar]

    var isBlank: Bool { text.isEmpty }
    var string: String { TextShape.string(text) }
}

enum SourceLines {
    /// Every line, blank ones included; CRLF, lone CR and LF all end a line.
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var buffer: [Unicode.Scalar] = []
        var afterCR = false
        func flush() {
            lines.append(SourceLine(number: lines.count + 1, text: buffer.trimmingSpaces()))
            buffer.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                flush()
            } else {
                buffer.append(scalar)
            }
        }
        flush()
        return lines
    }
}

/// The notes and confirmation requests a parse collects, in the order of the input's lines.
struct WarningLog {
    private var entries: [(order: Int, warning: ParseWarning)] = []

    /// Something worth knowing that involved no structural choice (a dropped page number).
    mutating func note(_ line: Int, _ code: ParseWarning.Code, _ values: [String: String], _ message: String) {
        entries.append((entries.count, ParseWarning(line: line, message: message, needsConfirmation: false, code: code, values: values)))
    }

    /// A structural choice that could be wrong: an officer must look before storing.
    mutating func confirm(_ line: Int, _ code: ParseWarning.Code, _ values: [String: String], _ message: String) {
        entries.append((entries.count, ParseWarning(line: line, message: message, needsConfirmation: true, code: code, values: values)))
    }

    /// A note that quotes nothing.
    mutating func note(_ line: Int, _ code: ParseWarning.Code, _ message: String) { note(line, code, [:], message) }

    var count: Int { entries.count }

    /// By line; warnings on the same line in the order they were made.
    var warnings: [ParseWarning] {
        entries.sorted { ($0.warning.line, $0.order) < ($1.warning.line, $1.order) }.map(\.warning)
    }
}

/// What `quoted` puts between 「」: the text, shortened when it is long.
func excerpt(_ s: [Unicode.Scalar], limit: Int = 40) -> String {
    let trimmed = s.trimmingSpaces()
    if trimmed.count <= limit { return TextShape.string(trimmed) }
    return "\(TextShape.string(Array(trimmed.prefix(limit))))…"
}

func excerpt(_ s: String, limit: Int = 40) -> String { excerpt(Array(s.unicodeScalars), limit: limit) }

/// How a quoted line appears in a message: 「text」, shortened when it is long.
func quoted(_ s: [Unicode.Scalar], limit: Int = 40) -> String { "「\(excerpt(s, limit: limit))」" }

func quoted(_ s: String, limit: Int = 40) -> String { quoted(Array(s.unicodeScalars), limit: limit) }

/// ASCII or full-width digit value.
func digitValue(_ s: Unicode.Scalar) -> Int? {
    switch s.value {
    case 0x30...0x39: return Int(s.value - 0x30)
    case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
    default: return nil
    }
}

extension Array where Element == Unicode.Scalar {
    func ends(with suffix: [Unicode.Scalar]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    func contains(_ part: [Unicode.Scalar]) -> Bool {
        guard !part.isEmpty, part.count <= count else { return false }
        for start in 0...(count - part.count) where self[start..<(start + part.count)].elementsEqual(part) {
            return true
        }
        return false
    }

    func trimmingSpaces() -> [Unicode.Scalar] {
        var a = startIndex, b = endIndex
        while a < b, TextShape.isSpace(self[a]) { a += 1 }
        while b > a, TextShape.isSpace(self[b - 1]) { b -= 1 }
        return Array(self[a..<b])
    }

    /// The scalars that are not spaces.
    var compact: [Unicode.Scalar] { filter { !TextShape.isSpace($0) } }
}

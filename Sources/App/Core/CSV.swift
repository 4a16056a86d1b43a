import Vapor

/// CSV downloads: UTF-8 with a byte-order mark so Excel opens Chinese text correctly, RFC 4180
/// quoting, and formulas neutralised.
enum CSV {
    /// A leading =, +, - or @ is prefixed with ' so spreadsheets do not run it.
    static func field(_ value: String) -> String {
        var v = value
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    static func response(_ rows: [[String]], filename: String) -> Response {
        let body = "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: filename)
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}

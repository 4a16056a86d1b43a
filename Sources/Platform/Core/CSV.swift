import Vapor

/// CSV downloads: UTF-8 with a byte-order mark so Excel opens Chinese text correctly, RFC 4180
/// quoting, and formulas neutralised.
package enum CSV {
    /// A leading =, +, - or @ is prefixed with ' so spreadsheets do not run it.
    package static func field(_ value: String) -> String {
        var v = value
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    package static func response(_ rows: [[String]], filename: String) -> Response {
        let body = "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: filename)
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}

/// The formats a report or list is downloaded in.
package enum ExportFormat: String, CaseIterable, Sendable {
    case html, csv, json, xlsx, pdf

    package var mediaType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pdf: "application/pdf"
        }
    }
}

import Fluent
import Foundation
import Prometheus
import SQLKit
import Vapor
import WorkCalendar

/// Prometheus metrics (swift-prometheus): requests and their latency by route, and, computed
/// when scraped, the outbox's depth and what is overdue. Served at `/metrics` to loopback
/// callers, or to anyone with `METRICS_TOKEN` as a bearer token.
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5)]

    static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "yugang", subsystem: nil, metricName: metric, unitName: unit, helpText: help)
    }

    func request(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(descriptor: Self.name("http_requests", "total", "HTTP requests by method, route pattern and status"),
                             labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.name("http_request_duration", "seconds", "Time to answer, by method and route pattern"),
                                       labels: [("method", method), ("route", route)], buckets: Self.buckets).record(duration)
    }

    /// Gauges read from the database at scrape time.
    func refresh(today: String, on db: Database) async throws {
        struct Row: Decodable { let state: String; let n: Int }
        let outbox = try await db.sql.raw("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state").all(decoding: Row.self)
        for state in ["pending", "failed"] {
            registry.makeGauge(descriptor: Self.name("outbox", "messages", "Messages waiting in the outbox, or failed"), labels: [("state", state)])
                .set(Double(outbox.first { $0.state == state }?.n ?? 0))
        }
        let overdueCases = try await FeedbackCase.query(on: db).filter(\.$state !~ [.answered, .closed, .merged, .spam])
            .filter(\.$replyDueOn < today).count()
        registry.makeGauge(descriptor: Self.name("feedback_cases", "overdue", "Open feedback cases past their reply deadline")).set(Double(overdueCases))
        if let day = CalendarDay(today) {
            let obligations = try await Reporting.obligations(today: day, on: db)
            for level in ReportNotice.Level.allCases {
                registry.makeGauge(descriptor: Self.name("progress_reports", "owed", "Progress reports due soon or overdue, by level"),
                                   labels: [("level", level.rawValue)])
                    .set(Double(obligations.filter { $0.level == level }.count))
            }
        }
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = AppMetrics }

    var metrics: AppMetrics {
        if let m = storage[MetricsKey.self] { return m }
        let m = AppMetrics()
        storage[MetricsKey.self] = m
        return m
    }
}

/// Counts and times every request by its route pattern (never the path itself, which can hold
/// references or search words), and logs one structured line per request: method, route,
/// status, milliseconds, request id. No query, body, cookie or address is logged.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: AppMetrics

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: req)
        let duration = ContinuousClock.now - start
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.request(method: req.method.rawValue, route: route, status: response.status.code, duration: duration)
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        req.logger.info("request", metadata: ["method": .string(req.method.rawValue), "route": .string(route),
                                              "status": .stringConvertible(response.status.code), "ms": .string(String(format: "%.1f", ms))])
        return response
    }
}

struct MetricsController {
    func scrape(req: Request) async throws -> Response {
        let token = req.application.config.metricsToken
        let loopback = ["127.0.0.1", "::1"].contains(req.clientAddress)
        if let token {
            guard let given = req.headers.bearerAuthorization?.token, constantTimeEqual(given, token) else { throw AppError.unauthorized }
        } else if !loopback {
            throw AppError.forbidden
        }
        let metrics = req.application.metrics
        try await metrics.refresh(today: req.application.clock.today, on: req.db)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: metrics.registry.emitToString()))
    }
}

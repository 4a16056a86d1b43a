import Fluent
import Foundation
import Prometheus
import SQLKit
import Vapor

/// Prometheus metrics (swift-prometheus): requests and their latency by route, and, computed
/// when scraped, the outbox's depth and what is overdue. Served at `/metrics` to loopback
/// callers, or to anyone with `METRICS_TOKEN` as a bearer token.
package final class AppMetrics: Sendable {
    /// A feature's gauges, set from the database at scrape time (`today` is the ISO date).
    package typealias Gauge = @Sendable (_ metrics: AppMetrics, _ today: String, _ db: Database) async throws -> Void

    package let registry = PrometheusCollectorRegistry()
    package let gauges: [Gauge]

    package init(gauges: [Gauge] = []) { self.gauges = gauges }
    package static let buckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5)]

    package static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "yugang", subsystem: nil, metricName: metric, unitName: unit, helpText: help)
    }

    package func request(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(descriptor: Self.name("http_requests", "total", "HTTP requests by method, route pattern and status"),
                             labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.name("http_request_duration", "seconds", "Time to answer, by method and route pattern"),
                                       labels: [("method", method), ("route", route)], buckets: Self.buckets).record(duration)
    }

    /// Sets the gauge `yugang_<metric>_<unit>`.
    package func set(_ metric: String, _ unit: String, _ help: String, labels: [(String, String)] = [], to value: Double) {
        registry.makeGauge(descriptor: Self.name(metric, unit, help), labels: labels).set(value)
    }

    /// Gauges read from the database at scrape time.
    package func refresh(today: String, on db: Database) async throws {
        struct Row: Decodable { let state: String; let n: Int }
        let outbox = try await db.sql.raw("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state").all(decoding: Row.self)
        for state in ["pending", "failed"] {
            set("outbox", "messages", "Messages waiting in the outbox, or failed", labels: [("state", state)], to: Double(outbox.first { $0.state == state }?.n ?? 0))
        }
        for gauge in gauges { try await gauge(self, today, db) }
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = AppMetrics }

    /// Set once in `configure` with the features' gauges.
    package var metrics: AppMetrics {
        get {
            if let m = storage[MetricsKey.self] { return m }
            let m = AppMetrics()
            storage[MetricsKey.self] = m
            return m
        }
        set { storage[MetricsKey.self] = newValue }
    }
}

/// Counts and times every request by its route pattern (never the path itself, which can hold
/// references or search words), and logs one structured line per request: method, route,
/// status, milliseconds, request id. No query, body, cookie or address is logged.
package struct MetricsMiddleware: AsyncMiddleware {
    package let metrics: AppMetrics

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
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

    package init(metrics: AppMetrics) {
        self.metrics = metrics
    }
}

package struct MetricsController {
    package init() {}

    package func scrape(req: Request) async throws -> Response {
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

import NIOConcurrencyHelpers
import Vapor

/// Rendered public pages, kept in memory for a few seconds.
///
/// The public portal reads far more than officers write. A page is rendered once per language
/// and day and served from memory until `ttl` passes; any write through this instance empties
/// the cache at once, and writes through other instances (or the command line) show within
/// `ttl`. Only successful pages are kept, keyed by path and language, so the number of entries
/// is bounded by the site's pages.
final class PageCache: Sendable {
    struct Entry: Sendable {
        let body: ByteBuffer
        let headers: HTTPHeaders
        let expires: Date
    }

    let ttl: TimeInterval
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    static let maxEntries = 5_000

    init(ttl: TimeInterval) { self.ttl = ttl }

    func get(_ key: String, now: Date) -> Entry? {
        entries.withLockedValue { entries in
            guard let entry = entries[key], entry.expires > now else { return nil }
            return entry
        }
    }

    func put(_ key: String, body: ByteBuffer, headers: HTTPHeaders, now: Date) {
        entries.withLockedValue { entries in
            if entries.count >= Self.maxEntries { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(body: body, headers: headers, expires: now.addingTimeInterval(ttl))
        }
    }

    func clear() { entries.withLockedValue { $0.removeAll(keepingCapacity: true) } }

    var count: Int { entries.withLockedValue { $0.count } }
}

/// Serves public GET pages from the `PageCache`.
struct PageCacheMiddleware: AsyncMiddleware {
    let cache: PageCache

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard req.method == .GET || req.method == .HEAD else { return try await next.respond(to: req) }
        let clock = req.application.clock
        let key = DisplayLanguage.of(req).rawValue + "|" + clock.today + "|" + req.url.path
        let now = clock.now()
        if let hit = cache.get(key, now: now) {
            return Response(status: .ok, headers: hit.headers, body: .init(buffer: hit.body))
        }
        let response = try await next.respond(to: req)
        if response.status == .ok, let body = response.body.buffer {
            cache.put(key, body: body, headers: response.headers, now: now)
        }
        return response
    }
}

/// Empties the `PageCache` after every request that may have written something.
struct PageCacheInvalidation: AsyncMiddleware {
    let cache: PageCache

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard req.method != .GET, req.method != .HEAD else { return try await next.respond(to: req) }
        defer { cache.clear() }
        return try await next.respond(to: req)
    }
}

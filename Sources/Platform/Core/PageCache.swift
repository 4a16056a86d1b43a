import Fluent
import FluentPostgresDriver
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Rendered public pages, kept in memory for a few seconds.
///
/// The public portal reads far more than officers write. A page is rendered once per language
/// and day and served from memory until `ttl` passes. Any write empties the cache at once on
/// every instance: through this instance directly, and on PostgreSQL through a notification
/// (`NOTIFY yugang_pages`) that every instance listens for (`PageCacheListener`); writes from
/// the command line show within `ttl`. A page rendered while a write was under way is not
/// kept (the generation moved on), so the cache never keeps what was true before a write.
/// Only successful pages are kept, keyed by path and language, so the number of entries is
/// bounded by the site's pages.
package final class PageCache: Sendable {
    package struct Entry: Sendable {
        package let body: ByteBuffer
        package let headers: HTTPHeaders
        package let expires: Date

        package init(body: ByteBuffer, headers: HTTPHeaders, expires: Date) {
            self.body = body
            self.headers = headers
            self.expires = expires
        }
    }

    package let ttl: TimeInterval
    private let entries = NIOLockedValueBox<(generation: Int, pages: [String: Entry])>((0, [:]))
    package static let maxEntries = 5_000

    package init(ttl: TimeInterval) { self.ttl = ttl }

    package func get(_ key: String, now: Date) -> Entry? {
        entries.withLockedValue { entries in
            guard let entry = entries.pages[key], entry.expires > now else { return nil }
            return entry
        }
    }

    /// Changes with every `clear`; a page is kept only if none happened since it began rendering.
    package var generation: Int { entries.withLockedValue { $0.generation } }

    package func put(_ key: String, body: ByteBuffer, headers: HTTPHeaders, now: Date, generation: Int? = nil) {
        entries.withLockedValue { entries in
            guard generation == nil || generation == entries.generation else { return }
            if entries.pages.count >= Self.maxEntries { entries.pages.removeAll(keepingCapacity: true) }
            entries.pages[key] = Entry(body: body, headers: headers, expires: now.addingTimeInterval(ttl))
        }
    }

    package func clear() {
        entries.withLockedValue {
            $0.generation &+= 1
            $0.pages.removeAll(keepingCapacity: true)
        }
    }

    package var count: Int { entries.withLockedValue { $0.pages.count } }
}

/// Serves public GET pages from the `PageCache`.
package struct PageCacheMiddleware: AsyncMiddleware {
    package let cache: PageCache

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard req.method == .GET || req.method == .HEAD else { return try await next.respond(to: req) }
        let clock = req.application.clock
        let key = DisplayLanguage.of(req).rawValue + "|" + clock.today + "|" + req.url.path
        let now = clock.now()
        if let hit = cache.get(key, now: now) {
            return Response(status: .ok, headers: hit.headers, body: .init(buffer: hit.body))
        }
        let generation = cache.generation
        let response = try await next.respond(to: req)
        if response.status == .ok, let body = response.body.buffer {
            cache.put(key, body: body, headers: response.headers, now: now, generation: generation)
        }
        return response
    }

    package init(cache: PageCache) {
        self.cache = cache
    }
}

/// Empties the `PageCache` after every request that may have written something, here and, on
/// PostgreSQL, on every other instance.
package struct PageCacheInvalidation: AsyncMiddleware {
    package let cache: PageCache

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard req.method != .GET, req.method != .HEAD else { return try await next.respond(to: req) }
        do {
            let response = try await next.respond(to: req)
            await invalidate(req)
            return response
        } catch {
            await invalidate(req)
            throw error
        }
    }

    private func invalidate(_ req: Request) async {
        cache.clear()
        await PageCacheListener.notifyOthers(on: req.db, logger: req.logger)
    }

    package init(cache: PageCache) {
        self.cache = cache
    }
}

/// On PostgreSQL, every instance listens on the `yugang_pages` channel on a connection of its
/// own and empties its page cache when another instance wrote. If the connection drops, the
/// cache is emptied (a notification may have been missed) and the listener reconnects.
package final class PageCacheListener: LifecycleHandler, @unchecked Sendable {
    package static let channel = "yugang_pages"
    package let cache: PageCache
    package let configuration: PostgresConnection.Configuration
    private let state = NIOLockedValueBox<(task: Task<Void, Never>?, listening: Bool)>((nil, false))

    package init(cache: PageCache, configuration: PostgresConnection.Configuration) {
        self.cache = cache
        self.configuration = configuration
    }

    package var isListening: Bool { state.withLockedValue { $0.listening } }

    package static func notifyOthers(on db: Database, logger: Logger) async {
        guard let sql = db as? SQLDatabase, sql.dialect.name == "postgresql" else { return }
        do { try await sql.raw("SELECT pg_notify(\(bind: channel), '')").run() } catch {
            logger.warning("page cache: could not notify the other instances")
        }
    }

    package func didBootAsync(_ app: Application) async throws {
        let eventLoop = app.eventLoopGroup.any()
        let logger = app.logger
        let task = Task { [cache, configuration, state] in
            var attempt = 0
            while !Task.isCancelled {
                do {
                    let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 0, logger: logger).get()
                    defer { Task { try? await connection.close() } }
                    try await connection.listen(on: Self.channel) { notifications in
                        state.withLockedValue { $0.listening = true }
                        cache.clear()
                        attempt = 0
                        for try await _ in notifications { cache.clear() }
                    }
                } catch {
                    if Task.isCancelled { break }
                    logger.warning("page cache: listening for other instances' writes failed; retrying")
                }
                state.withLockedValue { $0.listening = false }
                cache.clear()
                attempt += 1
                try? await Task.sleep(for: .milliseconds(min(5000, 100 * attempt)))
            }
        }
        state.withLockedValue { $0.task = task }
    }

    package func shutdownAsync(_ app: Application) async {
        let task = state.withLockedValue { $0.task }
        task?.cancel()
        await task?.value
    }
}

extension Application {
    private struct ListenerKey: StorageKey { typealias Value = PageCacheListener }

    /// The PostgreSQL listener of this instance's page cache (nil on SQLite: one instance).
    package var pageCacheListener: PageCacheListener? {
        get { storage[ListenerKey.self] }
        set { storage[ListenerKey.self] = newValue }
    }
}

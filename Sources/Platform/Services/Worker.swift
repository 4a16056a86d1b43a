import Fluent
import Foundation
import Vapor

/// Runs the services' scheduled jobs (`Service.jobs`) and delivers the outbox, each under a
/// lease in the database so that of several instances one runs it at a time.
package struct Worker: Sendable {
    let holder: String
    /// A lease outlives a pass by this much; a worker that dies frees its jobs after it.
    static let leaseSeconds: Int64 = 60

    package init(holder: String = ProcessInfo.processInfo.hostName + ":" + String(getpid()) + ":" + UUID().uuidString.prefix(8)) {
        self.holder = holder
    }

    package struct Pass: Equatable, Sendable {
        package var queued = 0
        package var delivery = Outbox.Delivery()
        package var purged = 0
    }

    package func runOnce(_ app: Application, transport: Outbox.Transport) async throws -> Pass {
        let now = app.clock.now()
        var pass = Pass()
        for job in app.scheduledJobs {
            let seconds = job.oncePer ?? Self.leaseSeconds
            guard try await JobLease.acquire(job.name, holder: holder, seconds: seconds, now: now, renew: job.oncePer == nil, on: app.db) else { continue }
            let count = try await job.run(app, now)
            switch job.counts {
            case .queued: pass.queued += count
            case .purged: pass.purged += count
            }
        }
        if try await JobLease.acquire("outbox", holder: holder, seconds: Self.leaseSeconds, now: now, on: app.db) {
            pass.delivery = try await Outbox.deliverDue(now: now, transport: transport, on: app.db)
        }
        return pass
    }

    /// Passes every `interval` seconds until the application stops.
    package func run(_ app: Application, interval: Double = 15) async {
        let transport = Outbox.Transport.live(app)
        while !Task.isCancelled {
            do {
                let pass = try await runOnce(app, transport: transport)
                if pass != Pass() {
                    app.logger.info("worker: queued \(pass.queued), sent \(pass.delivery.sent), retrying \(pass.delivery.retried), failed \(pass.delivery.failed), purged \(pass.purged)")
                }
            } catch {
                app.logger.report(error: error)
            }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }
}

/// `yugang worker [--once]`.
package struct WorkerCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        @Flag(name: "once", help: "Run one pass and print what it did") var once: Bool
        @Option(name: "interval", help: "Seconds between passes (default 15)") var interval: Double?

        package init() {}
    }

    package init() {}

    package var help: String { "Sends deadline and reporting notices (催辦) and the outbox (e-mail, webhooks), and purges expired personal data." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let worker = Worker()
        if signature.once {
            let pass = try await worker.runOnce(app, transport: .live(app))
            context.console.print("queued \(pass.queued), sent \(pass.delivery.sent), retrying \(pass.delivery.retried), failed \(pass.delivery.failed), purged \(pass.purged)")
            return
        }
        context.console.print("worker \(worker.holder) running; Ctrl-C stops it")
        await worker.run(app, interval: signature.interval ?? 15)
    }
}

extension Application {
    private struct ScheduledJobsKey: StorageKey {
        typealias Value = [ScheduledJob]
    }

    /// Every service's jobs, registered by App at start.
    package var scheduledJobs: [ScheduledJob] {
        get { storage[ScheduledJobsKey.self] ?? [] }
        set { storage[ScheduledJobsKey.self] = newValue }
    }
}

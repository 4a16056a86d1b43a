import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text of a PDF, as Debian's `pdftotext -layout` (poppler-utils) extracts it.
///
/// The PDF is written to a folder of its own under the temporary directory, the program runs on
/// it directly (no shell, so nothing in a file name or the content is ever interpreted), and the
/// folder is removed afterwards. A program that runs longer than `timeout` is stopped.
package enum PDFText {
    package enum Failure: Error, Equatable, Sendable {
        /// `pdftotext` is not installed on this machine.
        case missingTool
        /// The file does not start like a PDF, or `pdftotext` could not read it (damaged, encrypted).
        case unreadable
        /// The PDF holds no text: its pages are images (a scan).
        case imagesOnly
        /// `pdftotext` took longer than the time allowed.
        case timedOut
    }

    /// Time a PDF may take before it is given up.
    package static let defaultTimeout: Duration = .seconds(30)

    /// The first `pdftotext` on `PATH`, or Debian's place for it.
    package static func tool() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/pdftotext" } + ["/usr/bin/pdftotext"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text of `pdf`, page breaks made line breaks. `tool`: the program to run (tests).
    package static func extract(_ pdf: Data, tool: String? = PDFText.tool(), timeout: Duration = defaultTimeout) async throws -> String {
        guard pdf.starts(with: Data("%PDF-".utf8)) else { throw Failure.unreadable }
        guard let tool, FileManager.default.isExecutableFile(atPath: tool) else { throw Failure.missingTool }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yugang-pdftotext-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf"), output = folder.appendingPathComponent("out.txt")
        try pdf.write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", input.path, output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status = try await run(process, timeout: timeout)
        guard status == 0, let data = FileManager.default.contents(atPath: output.path) else { throw Failure.unreadable }

        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\u{0C}", with: "\n")
            .replacingOccurrences(of: "\u{0}", with: "")
        guard text.unicodeScalars.contains(where: { !CharacterSet.whitespacesAndNewlines.contains($0) }) else { throw Failure.imagesOnly }
        return text
    }

    /// Runs `process` to its end and returns its exit status; stopped after `timeout`.
    private static func run(_ process: Process, timeout: Duration) async throws -> Int32 {
        let running = Running(process)
        let timer = Task {
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { running.stop() }
        }
        defer { timer.cancel() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            running.start { result in continuation.resume(with: result) }
        }
        if running.expired { throw Failure.timedOut }
        return status
    }

    /// A process shared between the waiting task and the timer; its state is read under a lock.
    private final class Running: @unchecked Sendable {
        private let process: Process
        private let lock = NSLock()
        private var stopped = false

        init(_ process: Process) { self.process = process }

        var expired: Bool { lock.withLock { stopped } }

        func start(_ finished: @escaping @Sendable (Result<Int32, any Error>) -> Void) {
            process.terminationHandler = { ended in finished(.success(ended.terminationStatus)) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                finished(.failure(Failure.missingTool))
            }
        }

        /// Ends the program when it is still running (the time ran out). With SIGKILL: the server
        /// ignores SIGTERM (it handles it itself), and a child inherits what its parent ignores.
        func stop() {
            lock.withLock {
                guard process.isRunning else { return }
                stopped = true
                kill(process.processIdentifier, SIGKILL)
            }
        }
    }
}

import Foundation
import Platform
import Vapor

/// A command that cannot do what was asked: the message is shown on standard error as
/// `error: …` and the process exits with status 1 (see `Application.exitStatus`).
package struct CommandFailure: Error, CustomStringConvertible {
    package let description: String
    package init(_ message: String) { description = message }

    /// Runs a command's work, reporting a failure the way `fail` does.
    package static func reported(_ app: Application, _ work: () async throws -> Void) async throws {
        do { try await work() } catch let failure as CommandFailure { app.fail(failure) }
    }
}

extension Application {
    private struct ExitStatusKey: StorageKey { typealias Value = Int32 }

    /// What the process should exit with once the command has finished (0 unless a command failed).
    public var exitStatus: Int32 {
        get { storage[ExitStatusKey.self] ?? 0 }
        set { storage[ExitStatusKey.self] = newValue }
    }

    /// Reports a refused command to the person at the terminal, without a log prefix or trace.
    package func fail(_ failure: CommandFailure) {
        FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
        exitStatus = 1
    }
}

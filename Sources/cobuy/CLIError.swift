import ArgumentParser
import CobuyCore
import CobuyStore
import Foundation

/// Errors the commands report as one line on stderr, with the exit status docs/DESIGN.md §3 names.
enum CLIError: Error {
    /// Exit 64.
    case usage(String)
    /// Exit 1: a guard said no.
    case refused(id: String, action: String, Refusal)
    /// Exit 1: anything else that went wrong at run time.
    case failed(String)
}

enum ExitStatus {
    static let refused: Int32 = 1
    static let usage: Int32 = 64
}

/// Runs a command's body and turns every error into one clean line and an exit status:
/// never a stack trace.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        switch error {
        case let .usage(message):
            printError(message)
            throw ExitCode(ExitStatus.usage)
        case let .refused(id, action, refusal):
            printError("refused: \(id) \(action): \(refusal.description) [guard: \(refusal.guardName)]")
            for check in refusal.unmet { printError("  ✗ \(check)") }
            throw ExitCode(ExitStatus.refused)
        case let .failed(message):
            printError(message)
            throw ExitCode(ExitStatus.refused)
        }
    } catch let error as ActionInputError {
        printError(error.description)
        throw ExitCode(ExitStatus.usage)
    } catch let error as StoreError {
        printError(error.description)
        throw ExitCode(ExitStatus.refused)
    } catch let error as EnvironmentError {
        printError(error.description)
        throw ExitCode(ExitStatus.usage)
    } catch let error as Refusal {
        printError("refused: \(error.description) [guard: \(error.guardName)]")
        throw ExitCode(ExitStatus.refused)
    }
}

func printError(_ message: String) {
    StandardOutput.writeError("cobuy: \(Printable.line(message))\n")
}

/// Runs a store action and names the record and action in any refusal.
func runAction<T>(id: String, action: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as ActionRunner.Failure {
        switch failure {
        case .refused(let refusal): throw CLIError.refused(id: id, action: action, refusal)
        case .invalidInput(let error): throw error
        case .unknownActingParty: throw CLIError.failed(failure.description)
        }
    }
}

/// Why `value` may not be given to `flag`, naming the limit, or nil when it is within it; the
/// limit itself lives in the core (``Limits``).
func limitProblem(_ value: Int, _ limit: Limit, flag: String) -> String? {
    limit.contains(value) ? nil : "\(flag) must be from \(limit.rangeText) (the limit for \(limit.name)); got \(value)."
}

/// A usage error (exit 64) when `value` is outside `limit`.
func requireWithin(_ value: Int, _ limit: Limit, flag: String) throws {
    if let message = limitProblem(value, limit, flag: flag) { throw CLIError.usage(message) }
}

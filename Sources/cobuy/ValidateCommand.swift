import ArgumentParser
import CobuyStore

/// `cobuy validate`: check every file; exit non-zero when any is bad.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check every file in the store.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reportingErrors {
            let environment = CobuyEnvironment()
            let store = Store(root: environment.storePath(flag: storeOptions.store))
            let report = store.validate()
            for problem in report.problems { print(Printable.line(problem.description)) }
            for warning in report.warnings { print(Printable.line("note: \(warning)")) }
            if report.isValid {
                print("\(report.recordCount.counted("record")) checked: all valid.")
            } else {
                print("\(report.recordCount.counted("record")) read; \(report.problems.count.counted("problem")) found.")
                throw ExitCode(1)
            }
        }
    }
}

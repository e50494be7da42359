import ArgumentParser
import CobuyCore
import CobuyStore

/// `cobuy do ID ACTION [flags]`: apply one action through the record's state machine.
struct DoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do", abstract: "Apply one action to a record.",
        discussion: "Run `cobuy actions ID` to see what can happen next and what each action needs.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Option(help: ArgumentHelp("A note for the audit trail.", valueName: "TEXT")) var note: String?
    @Argument(help: ArgumentHelp("The record: SOL-..., CON-... or PA-....", valueName: "ID"), transform: RecordIDs.argument) var id: String
    @Argument(help: ArgumentHelp("The action, e.g. circulate.", valueName: "ACTION"),
              completion: .list(Array(Set(RecordKind.allCases.flatMap { RecordActions.specs(for: $0).map(\.name) })).sorted()))
    var action: String
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The action's flags, e.g. --party city-of-salem.", valueName: "flags"))
    var flags: [String] = []

    func run() throws {
        try reportingErrors {
            let kind = RecordKind(id: id)
            let specs = RecordActions.specs(for: kind)
            guard let spec = specs.first(where: { $0.name == action }) else {
                throw ActionInputError.unknownAction(action, kind: kind, known: specs.map(\.name))
            }
            let arguments = try ActionFlags.parse(flags, for: spec)
            let session = try CommandSession(storeOptions)
            let officer = try officerOptions.officer(session.environment)
            let applied = try runAction(id: id, action: action) {
                try ActionRunner.perform(action, arguments, on: id, officer: officer, now: session.now, note: note, in: session.store)
            }
            let event = applied.event
            let change = event.from == event.to ? "stays \(event.to)" : "\(event.from ?? "new") → \(event.to)"
            print(Printable.line("\(id): \(action) done (\(change))"))
            for created in applied.created {
                print(Printable.line("created \(created.id) (\(created.record.statusName ?? ""))"))
            }
        }
    }
}

/// Turns `--flag value`, `--flag=value` and switch flags into an action's arguments.
enum ActionFlags {
    static func parse(_ tokens: [String], for spec: ActionSpec) throws -> ActionArguments {
        var values: [String: String] = [:]
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.hasPrefix("--"), token.count > 2 else {
                throw CLIError.usage("Unexpected \"\(token)\"; \(spec.name) takes: \(spec.usage)")
            }
            var name = String(token.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let parameter = spec.parameters.first(where: { $0.flag == name }) else {
                throw CLIError.usage("\(spec.name) takes no --\(name); usage: \(spec.usage)")
            }
            if parameter.kind == .switchFlag {
                values[name] = "true"
                index += 1
                continue
            }
            if value == nil {
                guard index + 1 < tokens.count else { throw CLIError.usage("--\(name) needs a value (\(parameter.placeholder)).") }
                value = tokens[index + 1]
                index += 1
            }
            if parameter.isPerRequirementLine, let given = values[name], let value {
                // One flag per line: `--quantity 1=40 --quantity 2=12` reads as `1=40,2=12`.
                values[name] = given + "," + value
                index += 1
                continue
            }
            guard values[name] == nil else { throw CLIError.usage("--\(name) is given twice.") }
            values[name] = value
            index += 1
        }
        if let missing = spec.parameters.first(where: { $0.isRequired && values[$0.flag] == nil }) {
            throw CLIError.usage("--\(missing.flag) is required; usage: \(spec.usage)")
        }
        return ActionArguments(values)
    }
}

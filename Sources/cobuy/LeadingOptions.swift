import ArgumentParser

/// `cobuy --store DIR list parties`: the README writes the store options before the command,
/// but the argument parser only knows them on each command. They are moved to just after the
/// command's name (`list --store DIR parties`), where that command parses them as its own; a
/// command that does not take one then says so itself.
enum LeadingOptions {
    /// Options that may come before the command's name; `true` when the option takes a value.
    static let movable: [String: Bool] = ["--store": true, "--no-color": false]

    static func reordered(_ arguments: [String], commands: [ParsableCommand.Type]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
            guard let takesValue = movable[name] else { break }
            if takesValue, !token.contains("=") {
                guard index + 1 < arguments.count else { break }
                leading += [token, arguments[index + 1]]
                index += 2
            } else {
                leading.append(token)
                index += 1
            }
        }
        guard !leading.isEmpty else { return arguments }
        // The command's path: `new solicitation`, `config clock`, `list`.
        var rest = Array(arguments[index...])
        var depth = 0
        var level = commands
        while depth < rest.count, let command = level.first(where: { name(of: $0) == rest[depth] }) {
            depth += 1
            level = command.configuration.subcommands
        }
        // No command named: the default command (`open`) takes them where they are.
        guard depth > 0 else { return arguments }
        rest.insert(contentsOf: leading, at: depth)
        return rest
    }

    static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }
}

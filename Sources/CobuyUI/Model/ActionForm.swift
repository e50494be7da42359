import CobuyCore

/// A form for one action's inputs, built from its ``ActionSpec``: one field per parameter,
/// choices cycle, switches toggle. The same spec drives the command line's flags.
public struct ActionForm: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var parameter: ParameterSpec
        public var input: TextField
        /// For switch parameters.
        public var isOn: Bool = false
        /// What the field was opened with.
        public var initial: String = ""
        /// For a parameter given per requirement line (`--quantity LINE=N`): the line this field
        /// is for; the form shows one field per line and passes `1=40,2=10`.
        public var line: RequirementLine?

        /// The field's label: the flag, or the line it stands for.
        public var label: String {
            guard let line else { return parameter.flag + (parameter.isRequired ? "*" : "") }
            return "line \(line.number) (\(line.unit))"
        }
    }

    public var recordID: String
    public var spec: ActionSpec
    public var fields: [Field]
    public var focus: Int = 0
    /// The last refusal or input error, shown under the fields.
    public var error: String?
    /// What a `new …` form creates; nil for an action on `recordID`.
    public var creating: NewRecord?
    /// What each reference field (by flag) may take, suggested as it is typed.
    public var picks: [String: [Pick]] = [:]

    public init(recordID: String, spec: ActionSpec, prefill: [String: String] = [:], creating: NewRecord? = nil,
                picks: [String: [Pick]] = [:], lines: [RequirementLine] = []) {
        self.recordID = recordID
        self.spec = spec
        self.creating = creating
        self.picks = picks
        fields = spec.parameters.flatMap { parameter -> [Field] in
            if parameter.isPerRequirementLine, !lines.isEmpty {
                return lines.map { Field(parameter: parameter, input: TextField(), line: $0) }
            }
            var initial = prefill[parameter.flag] ?? ""
            if initial.isEmpty, case .choice(let options) = parameter.kind, parameter.isRequired { initial = options.first ?? "" }
            return [Field(parameter: parameter, input: TextField(initial), initial: initial)]
        }
    }

    /// Something was typed that Esc would throw away.
    public var isDirty: Bool {
        fields.contains { !$0.input.isEmpty && !isChoice($0.parameter) || $0.isOn }
    }

    /// Something was typed beyond what the form was opened with (a `new …` form starts with
    /// the officer's party in it).
    public var isTyped: Bool {
        fields.contains { $0.input.text != $0.initial } || fields.contains(where: \.isOn)
    }

    private func isChoice(_ parameter: ParameterSpec) -> Bool {
        if case .choice = parameter.kind { return true }
        return false
    }

    public mutating func focusNext(_ delta: Int) {
        guard !fields.isEmpty else { return }
        focus = (focus + delta + fields.count) % fields.count
    }

    /// Space/arrows on a choice or switch field.
    public mutating func cycleFocused(_ delta: Int) {
        guard fields.indices.contains(focus) else { return }
        switch fields[focus].parameter.kind {
        case .choice(let options):
            guard !options.isEmpty else { return }
            let current = options.firstIndex(of: fields[focus].input.text) ?? -1
            let next = (current + delta + options.count) % options.count
            fields[focus].input = TextField(options[next])
        case .switchFlag:
            fields[focus].isOn.toggle()
        case .text, .integer, .money, .date, .party, .list:
            break
        }
    }

    /// The field with the cursor, if any.
    public var focusedField: Field? { fields.indices.contains(focus) ? fields[focus] : nil }

    public var focusedTakesText: Bool {
        guard fields.indices.contains(focus) else { return false }
        switch fields[focus].parameter.kind {
        case .choice, .switchFlag: return false
        case .text, .integer, .money, .date, .party, .list: return true
        }
    }

    public mutating func edit(_ edit: TextField.Edit) {
        guard focusedTakesText else { return }
        fields[focus].input.apply(edit)
        error = nil
    }

    /// The inputs as flags; empty optional fields are left out. Per-line fields join as
    /// `LINE=N` pairs.
    public var arguments: ActionArguments {
        var values: [String: String] = [:]
        for field in fields {
            if let line = field.line {
                let typed = field.input.text.trimmingSpaces
                guard !typed.isEmpty else { continue }
                let pair = "\(line.number)=\(typed)"
                values[field.parameter.flag] = values[field.parameter.flag].map { $0 + "," + pair } ?? pair
            } else if field.parameter.kind == .switchFlag {
                if field.isOn { values[field.parameter.flag] = "true" }
            } else if !field.input.text.trimmingSpaces.isEmpty {
                values[field.parameter.flag] = field.input.text.trimmingSpaces
            }
        }
        return ActionArguments(values)
    }

    /// The picks matching the focused field's text, best first (at most `limit`).
    public func suggestions(limit: Int = 5) -> [Pick] {
        guard fields.indices.contains(focus), let picks = picks[fields[focus].parameter.flag] else { return [] }
        let typed = fields[focus].input.text
        guard !typed.trimmingSpaces.isEmpty else { return Array(picks.prefix(limit)) }
        return Array(Pick.ranked(picks, typed: typed).prefix(limit))
    }

    /// Enter takes the best suggestion of every reference field whose text is not already one
    /// of its ids ("Birch" becomes birch-county); text that matches nothing stays for the
    /// refusal to name. A required field left empty takes its only possible pick (the one
    /// proposal to score).
    public mutating func takeBestPicks() {
        for index in fields.indices {
            guard let picks = picks[fields[index].parameter.flag] else { continue }
            let typed = fields[index].input.text.trimmingSpaces
            if typed.isEmpty, fields[index].parameter.isRequired, picks.count == 1, let only = picks.first {
                fields[index].input = TextField(only.id)
                continue
            }
            guard !typed.isEmpty else { continue }
            if let exact = picks.first(where: { $0.id.lowercased() == typed.lowercased() }) {
                fields[index].input = TextField(exact.id)
            } else if let best = Pick.ranked(picks, typed: typed).first {
                fields[index].input = TextField(best.id)
            }
        }
    }

    /// The first required field left empty, to say so before asking the machine.
    public var missingRequired: ParameterSpec? {
        let empty = { (field: Field) in field.input.text.trimmingSpaces.isEmpty }
        return fields.first { field in
            guard field.parameter.isRequired, field.parameter.kind != .switchFlag else { return false }
            // Per-line fields: required means at least one line.
            if field.line != nil { return fields.filter { $0.parameter.flag == field.parameter.flag }.allSatisfy(empty) }
            return empty(field)
        }?.parameter
    }
}

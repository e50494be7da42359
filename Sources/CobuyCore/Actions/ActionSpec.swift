/// One action as data: its command name, inputs and help. The command line, `cobuy actions`,
/// the UI's forms and the command palette all read these, so they cannot drift apart.
public struct ActionSpec: Hashable, Sendable {
    public var name: String
    public var summary: String
    public var parameters: [ParameterSpec]
    /// What cannot be undone once the action is taken, in an officer's words; nil when the
    /// action can be corrected by another one. The one place that says an action is
    /// irreversible: the UI asks first, naming the record and this consequence.
    public var consequence: String?
    /// Creates other records (and so needs fresh ids from the store).
    public var createsRecords: Bool

    public init(_ name: String, _ summary: String, parameters: [ParameterSpec] = [], irreversible consequence: String? = nil,
                createsRecords: Bool = false) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.consequence = consequence
        self.createsRecords = createsRecords
    }

    /// Cannot be undone: the UI asks for confirmation first.
    public var isIrreversible: Bool { consequence != nil }

    /// `add-line --text T --quantity N --unit U`
    public var usage: String {
        ([name] + parameters.map(\.usage)).joined(separator: " ")
    }
}

/// One input of an action (`--quantity N`).
public struct ParameterSpec: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text
        case integer
        case money
        case date
        /// A party id.
        case party
        /// A comma-separated list.
        case list
        case choice([String])
        /// Present or absent, takes no value.
        case switchFlag
    }

    public var flag: String
    public var placeholder: String
    public var help: String
    public var kind: Kind
    public var isRequired: Bool
    /// One value per requirement line of the record, as `LINE=N`: the command line takes the
    /// flag once per line (the values arrive joined by commas), and a form shows one field
    /// per line (``JointSolicitation/lines``) and joins the filled ones the same way
    /// (``ActionArguments/joiningLineValues(_:)``).
    public var isPerRequirementLine: Bool

    public init(_ flag: String, _ placeholder: String, _ help: String, kind: Kind = .text, required: Bool = true,
                perRequirementLine: Bool = false) {
        self.flag = flag
        self.placeholder = placeholder
        self.help = help
        self.kind = kind
        self.isRequired = required
        self.isPerRequirementLine = perRequirementLine
    }

    /// `--quantity LINE=N`, repeatable: a partner's quantity of each requirement line.
    public static func lineQuantities(required: Bool) -> ParameterSpec {
        ParameterSpec("quantity", "LINE=N", "Your quantity of a requirement line, e.g. 1=40; repeat for each line "
                      + "(a bare N still works: on a one-line solicitation it is that line's)",
                      kind: .list, required: required, perRequirementLine: true)
    }

    public var usage: String {
        let body = kind == .switchFlag ? "--\(flag)" : "--\(flag) \(placeholder)"
        let repeated = isPerRequirementLine ? "\(body) ..." : body
        return isRequired ? repeated : "[\(repeated)]"
    }
}

/// An action's inputs as typed on the command line or in a form, by flag name.
public struct ActionArguments: Sendable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public subscript(flag: String) -> String? { values[flag] }

    /// A per-line input from a form's fields, by line number: `[1: "40", 2: ""]` -> `1=40`.
    /// Empty fields are left out; `nil` when every field is empty.
    public static func joiningLineValues(_ fields: [Int: String]) -> String? {
        let filled = fields.sorted { $0.key < $1.key }.compactMap { line, text -> String? in
            let value = text.trimmingSpaces
            return value.isEmpty ? nil : "\(line)=\(value)"
        }
        return filled.isEmpty ? nil : filled.joined(separator: ",")
    }

    func text(_ flag: String) throws(ActionInputError) -> String {
        guard let value = values[flag] else { throw ActionInputError.missing(flag) }
        return value
    }

    func optionalText(_ flag: String) -> String? { values[flag] }

    func integer(_ flag: String) throws(ActionInputError) -> Int {
        let raw = try text(flag)
        guard let value = Int(raw.trimmingSpaces) else { throw .invalid(flag, raw, "a whole number") }
        // Only the upper end is checked here (a value too large to store or to compute with);
        // the action's own guard refuses values below what it allows, saying why.
        let limit = Limits.forActionFlag(flag)
        guard value <= limit.range.upperBound, value >= Limits.actionNumber.range.lowerBound else {
            throw .invalid(flag, raw, "a whole number of at most \(limit.range.upperBound.grouped) (the limit for \(limit.name))")
        }
        return value
    }

    func optionalInteger(_ flag: String) throws(ActionInputError) -> Int? {
        values[flag] == nil ? nil : try integer(flag)
    }

    func date(_ flag: String) throws(ActionInputError) -> CalendarDate {
        let raw = try text(flag)
        guard let value = CalendarDate(raw.trimmingSpaces) else { throw .invalid(flag, raw, "a date as YYYY-MM-DD") }
        return value
    }

    func optionalDate(_ flag: String) throws(ActionInputError) -> CalendarDate? {
        values[flag] == nil ? nil : try date(flag)
    }

    func money(_ flag: String, currency: String) throws(ActionInputError) -> Money {
        let raw = try text(flag)
        switch Money.parse(raw, defaultCurrency: currency) {
        case .success(let value): return value
        case .failure(let problem): throw .invalid(flag, raw, "an amount such as 125000 or 125,000.50 (\(problem))")
        }
    }

    func optionalMoney(_ flag: String, currency: String) throws(ActionInputError) -> Money? {
        values[flag] == nil ? nil : try money(flag, currency: currency)
    }

    func isSet(_ flag: String) -> Bool { values[flag] != nil }

    func list(_ flag: String) throws(ActionInputError) -> [String] {
        try text(flag).split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}

/// Inputs that do not fit the action at all: a usage error, not a refusal.
public enum ActionInputError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownAction(String, kind: RecordKind, known: [String])
    case missing(String)
    case invalid(String, String, String)
    case unexpected(String, action: String)

    public var description: String {
        switch self {
        case let .unknownAction(name, kind, known):
            guard !known.isEmpty else { return "\"\(name)\" is not an action: a \(kind.label) has no actions." }
            // A slip of the keyboard ("invte") is answered with the action it was probably meant to be.
            let guess = DidYouMean.question(name, among: known.map { Pick(id: $0, label: "") }).map { " " + $0 } ?? ""
            return "\"\(name)\" is not an action on a \(kind.label).\(guess) The actions are: \(known.joined(separator: ", "))."
        case let .missing(flag):
            return "--\(flag) is required."
        case let .invalid(flag, value, expected):
            return "--\(flag) expects \(expected), got \"\(value)\"."
        case let .unexpected(flag, action):
            return "\(action) takes no --\(flag)."
        }
    }
}

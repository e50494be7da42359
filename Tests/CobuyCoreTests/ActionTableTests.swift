import Testing
@testable import CobuyCore

/// Every action of every machine is complete: a spec named after it, inputs that parse, and at
/// least one state it may start from (so a refusal never reads "only possible when the record
/// is  or ").
@Suite struct ActionTableTests {
    /// A well-formed value for each kind of input.
    static func sample(_ parameter: ParameterSpec) -> String {
        switch parameter.kind {
        case .text: return "Some text"
        case .integer: return "3"
        case .money: return "1,250.50"
        case .date: return "2026-05-01"
        case .party: return "city-of-salem"
        case .list: return parameter.flag == "quantity" ? "1=4,2=5" : "all"
        case .choice(let options): return options.first ?? ""
        case .switchFlag: return "true"
        }
    }

    static func arguments(_ spec: ActionSpec) -> ActionArguments {
        var values: [String: String] = [:]
        // `--none` excludes `--kinds` and `--regions`; give the required inputs and the rest but switches.
        for parameter in spec.parameters where parameter.kind != .switchFlag { values[parameter.flag] = sample(parameter) }
        return ActionArguments(values)
    }

    static func check<M: StateMachine>(_ machine: M.Type, allowed: (M.Name) -> [String]) {
        #expect(!M.Name.allCases.isEmpty)
        #expect(Set(M.specs.map(\.name)).count == M.specs.count, "two actions share a name")
        for name in M.Name.allCases {
            #expect(name.spec.name == name.rawValue)
            #expect(!allowed(name).isEmpty, "\(name.rawValue) has no state it may start from")
            do {
                _ = try M.action(named: name.rawValue, arguments(name.spec), currency: "USD")
            } catch {
                Issue.record("\(name.rawValue): \(error)")
            }
        }
    }

    @Test func everySolicitationActionParsesAndHasAnAllowedState() {
        Self.check(SolicitationMachine.self) { SolicitationMachine.allowedStates($0).map(\.rawValue) }
    }

    @Test func everyContractActionParsesAndHasAnAllowedState() {
        Self.check(ContractMachine.self) { ContractMachine.allowedStates($0).map(\.rawValue) }
    }

    @Test func everyAddendumActionParsesAndHasAnAllowedState() {
        Self.check(AddendumMachine.self) { AddendumMachine.allowedStates($0).map(\.rawValue) }
    }

    @Test func anUnknownActionNameIsRefusedNotIgnored() {
        var world = World()
        let contract = CooperativeContract(id: "CON-2026-0001", title: "T", source: ContractSource(kind: .registered),
                                           leadParty: "city-of-salem", vendor: "acme-fleet", cooperativeClause: .closed)
        world.store([.contract(contract)])
        #expect(ContractMachine.precheck("fly", on: contract, in: world.context(World.salem))?.guardName == "action-known")
    }

    @Test func theMinimumRemainingTermIsOneConstant() {
        #expect(ActionContext(now: Timestamp(date: CalendarDate("2026-01-01")!, hour: 0), officer: World.salem).minimumRemainingTermDays
                == Joinability.minimumRemainingTermDays)
    }
}

import ArgumentParser
import CobuyCore
import CobuyStore

/// `cobuy new party|solicitation|addendum|contract`: each prints the new id as its last line.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a record.",
        subcommands: [NewParty.self, NewSolicitation.self, NewAddendum.self, NewContract.self])
}

struct NewParty: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "party", abstract: "Record a public body or a vendor.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Option(help: ArgumentHelp("A slug such as city-of-salem.", valueName: "ID")) var id: String
    @Option(help: ArgumentHelp("The full name.", valueName: "NAME")) var name: String
    @Option(help: ArgumentHelp("One of: \(PartyKind.allCases.map(\.rawValue).joined(separator: ", ")) (or as shown, e.g. \"school district\").",
                               valueName: "KIND"),
            completion: .list(PartyKind.allCases.map(\.rawValue)))
    var kind: String
    @Option(help: ArgumentHelp("ISO 3166 code such as US-OR.", valueName: "CODE")) var region: String
    @Option(help: ArgumentHelp("Population served.", valueName: "N")) var population: Int?
    @Option(name: .customLong("term"), help: ArgumentHelp("A statutory term, \"Topic: text\"; repeat for more.", valueName: "TEXT"))
    var terms: [String] = []
    @Option(name: .customLong("contact"), help: ArgumentHelp("A contact, \"Name (Role) <email> phone\"; repeat for more.", valueName: "TEXT"))
    var contacts: [String] = []
    @Option(help: ArgumentHelp("Who signs for the party, \"Name, Title\".", valueName: "TEXT")) var signatory: String?

    func run() throws {
        try reportingErrors {
            if let population { try requireWithin(population, Limits.population, flag: "--population") }
            let session = try CommandSession(storeOptions)
            let known = session.environment.officer(name: officerOptions.actor, party: officerOptions.party)
            let officer = Officer(name: known.name ?? "cobuy", party: known.party ?? "")
            let party = try runAction(id: id, action: "new party") {
                try ActionRunner.create(officer: officer, now: session.now, requireKnownParty: false, in: session.store) { context in
                    Creation.party(id: id, name: name, kind: kind, region: region, population: population, terms: terms,
                                    contacts: contacts, signatory: signatory, in: context)
                }
            }
            print(party.id)
        }
    }
}

struct NewSolicitation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solicitation", abstract: "Start a draft joint solicitation.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Option(help: ArgumentHelp("What the partners will buy.", valueName: "T")) var title: String
    @Option(help: ArgumentHelp("The lead party; without it you start as a partner and designate a lead later.", valueName: "PARTY"))
    var lead: String?
    @Option(help: ArgumentHelp("A category such as Fleet or IT.", valueName: "C")) var category: String = ""
    @Option(help: ArgumentHelp("A longer description.", valueName: "T")) var description: String = ""
    @Option(help: ArgumentHelp("A note for the audit trail.", valueName: "TEXT")) var note: String?

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            let officer = try officerOptions.officer(session.environment)
            let id = try runAction(id: "solicitation", action: "new solicitation") {
                try ActionRunner.create(officer: officer, now: session.now, note: note, in: session.store) { context in
                    Creation.solicitation(title: title, lead: lead, category: category, description: description, in: context)
                }.id
            }
            print(id)
        }
    }
}

struct NewAddendum: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "addendum", abstract: "Draft a participating addendum on a contract.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Option(help: ArgumentHelp("The cooperative contract.", valueName: "CON")) var contract: String
    @Option(help: ArgumentHelp("The participating public body.", valueName: "PARTY")) var party: String
    @Option(help: ArgumentHelp("A note for the audit trail.", valueName: "TEXT")) var note: String?

    func validate() throws {
        if contract.trimmingSpaces.isEmpty { throw ValidationError("--contract is empty: give the contract's id, such as CON-2026-0001.") }
        if party.trimmingSpaces.isEmpty { throw ValidationError("--party is empty: give the joining party's id, such as city-of-salem.") }
    }

    func run() throws {
        try reportingErrors {
            let session = try CommandSession(storeOptions)
            let officer = try officerOptions.officer(session.environment)
            let contract = RecordIDs.canonical(contract), party = RecordIDs.canonical(party)
            let id = try runAction(id: contract, action: "new addendum") {
                try ActionRunner.create(officer: officer, now: session.now, note: note, in: session.store) { context in
                    Creation.addendum(contract: contract, party: party, in: context)
                }.id
            }
            print(id)
        }
    }
}

struct NewContract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Register a cooperative contract awarded elsewhere (pending until signed with `do CON sign`).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var officerOptions: OfficerOptions
    @Option(help: ArgumentHelp("The contract's title.", valueName: "T")) var title: String
    @Option(help: ArgumentHelp("The lead agency that awarded it.", valueName: "PARTY")) var lead: String
    @Option(help: ArgumentHelp("The vendor.", valueName: "PARTY")) var vendor: String
    @Option(help: ArgumentHelp("A category.", valueName: "C")) var category: String = ""
    @Option(help: ArgumentHelp("Who publishes it (a cooperative's name).", valueName: "NAME")) var publisher: String?
    @Option(help: ArgumentHelp("Eligible kinds, comma-separated, or all.", valueName: "K,K")) var kinds: String?
    @Option(help: ArgumentHelp("Eligible regions, comma-separated, or all.", valueName: "R,R")) var regions: String?
    @Flag(help: "Nobody but the lead may use it.") var none = false
    @Option(help: ArgumentHelp("Maximum value.", valueName: "AMOUNT")) var ceiling: String?
    @Option(help: ArgumentHelp("Currency of the ceiling when it does not say (default: the store's).", valueName: "CODE"))
    var currency: String?
    @Option(help: ArgumentHelp("Renewal options.", valueName: "N")) var renewals: Int = 0
    @Option(name: .customLong("renewal-months"), help: ArgumentHelp("Months per renewal option.", valueName: "M"))
    var renewalMonths: Int = 12

    func run() throws {
        try reportingErrors {
            let request = try ContractRegistration(title: title, lead: lead, vendor: vendor, category: category, publisher: publisher,
                                                   kinds: kinds, regions: regions, closed: none, ceiling: ceiling, currency: currency,
                                                   renewals: renewals, renewalMonths: renewalMonths)
            let session = try CommandSession(storeOptions)
            let officer = try officerOptions.officer(session.environment)
            let id = try runAction(id: "contract", action: "new contract") {
                try ActionRunner.create(officer: officer, now: session.now, in: session.store) { context in
                    Creation.registeredContract(request, in: context)
                }.id
            }
            print(id)
        }
    }
}

import Testing
@testable import CobuyCore

/// A small consortium in memory, and helpers to act in it as a given officer on a given day.
struct World {
    var directory: RecordDirectory
    var day: CalendarDate

    static let salem = Officer(name: "Ana Ruiz", party: "city-of-salem")
    static let marion = Officer(name: "Søren Olsen", party: "marion-county")
    static let keizer = Officer(name: "Zoë Chen", party: "salem-keizer-sd")
    static let austin = Officer(name: "Lucía Romero", party: "city-of-austin")
    static let bend = Officer(name: "Jo Park", party: "city-of-bend")
    static let acme = Officer(name: "Dana Whitfield", party: "acme-fleet")

    init(day: String = "2026-01-05") {
        var directory = RecordDirectory()
        let parties: [(String, String, PartyKind, String, Int?)] = [
            ("city-of-salem", "City of Salem", .city, "US-OR", 177_000),
            ("marion-county", "Marion County", .county, "US-OR", 345_000),
            ("salem-keizer-sd", "Salem-Keizer Public Schools", .schoolDistrict, "US-OR", 40_000),
            ("city-of-austin", "City of Austin", .city, "US-TX", 970_000),
            ("city-of-bend", "City of Bend", .city, "US-OR", 100_000),
            ("acme-fleet", "Acme Fleet Services", .vendor, "US-WA", nil),
            ("northwind", "Northwind Motors", .vendor, "US-OR", nil),
        ]
        for (id, name, kind, region, population) in parties {
            var party = Party(id: id, name: name, kind: kind, region: RegionCode(region)!, population: population,
                              statutoryTerms: [StatutoryTerm(topic: "Governing law", text: "\(region) law governs.")])
            party.contacts = [Contact(name: "Buyer at \(name)")]
            directory.parties[id] = party
        }
        self.directory = directory
        self.day = CalendarDate(day)!
    }

    func context(_ officer: Officer) -> ActionContext {
        ActionContext(now: Timestamp(date: day, hour: 9), officer: officer, lookup: directory,
                      ids: IDPool(existing: Array(directory.contracts.keys) + Array(directory.addenda.keys) + Array(directory.solicitations.keys)))
    }

    mutating func store(_ records: [AnyRecord]) {
        for record in records { directory.insert(record) }
    }

    /// Applies an action by name; records what it created. Returns the refusal if refused.
    @discardableResult
    mutating func act(_ officer: Officer, _ name: String, on id: String, _ arguments: [String: String] = [:]) throws -> Refusal? {
        let record = try #require(anyRecord(id))
        switch try RecordActions.perform(name, ActionArguments(arguments), on: record, in: context(officer)) {
        case .failure(let refusal):
            return refusal
        case .success(let applied):
            store([applied.record] + applied.created)
            return nil
        }
    }

    func anyRecord(_ id: String) -> AnyRecord? {
        switch RecordKind(id: id) {
        case .party: return directory.parties[id].map(AnyRecord.party)
        case .solicitation: return directory.solicitations[id].map(AnyRecord.solicitation)
        case .contract: return directory.contracts[id].map(AnyRecord.contract)
        case .addendum: return directory.addenda[id].map(AnyRecord.addendum)
        }
    }

    func solicitation(_ id: String) -> JointSolicitation { directory.solicitations[id]! }
    func contract(_ id: String) -> CooperativeContract { directory.contracts[id]! }
    func addendum(_ id: String) -> ParticipatingAddendum { directory.addenda[id]! }

    /// A new draft solicitation led by the City of Salem with one line and Marion County invited.
    mutating func draft() throws -> String {
        let solicitation = try Creation.solicitation(title: "Fleet", lead: "city-of-salem", category: "Fleet",
                                                     description: "", in: context(World.salem)).get()
        store([.solicitation(solicitation)])
        try #require(try act(World.salem, "add-line", on: solicitation.id, ["text": "Sedan", "quantity": "10", "unit": "each"]) == nil)
        try #require(try act(World.salem, "invite", on: solicitation.id, ["party": "marion-county"]) == nil)
        return solicitation.id
    }

    /// Drives a draft to `formed`.
    mutating func formed() throws -> String {
        let id = try draft()
        for (officer, name, arguments) in [
            (World.salem, "circulate", [:]),
            (World.marion, "join", ["party": "marion-county", "quantity": "5", "spend": "250000"]),
            (World.marion, "sign-agreement", ["party": "marion-county", "signer": "D. Bethell"]),
            (World.salem, "sign-agreement", ["party": "city-of-salem", "signer": "K. Stahley"]),
            (World.salem, "form", [:]),
        ] as [(Officer, String, [String: String])] {
            try #require(try act(officer, name, on: id, arguments) == nil, "\(name)")
        }
        return id
    }

    /// Drives a draft to `soliciting` with a closing date of 2026-03-01.
    mutating func soliciting() throws -> String {
        let id = try formed()
        for (name, arguments) in [
            ("set-tender", ["number": "RFP 1", "date": "2026-03-01"]),
            ("add-criterion", ["criterion": "Price", "weight": "60"]),
            ("add-criterion", ["criterion": "Service", "weight": "40"]),
            ("set-cooperative", ["kinds": "city,county", "regions": "US-OR"]),
            ("publish", [:]),
        ] as [(String, [String: String])] {
            try #require(try act(World.salem, name, on: id, arguments) == nil, "\(name)")
        }
        return id
    }

    /// Drives to `evaluating` with two fully scored proposals: P1 (acme) 84.00, P2 (northwind) 82.00.
    mutating func evaluating() throws -> String {
        let id = try soliciting()
        day = CalendarDate("2026-02-10")!
        try #require(try act(World.salem, "record-proposal", on: id, ["vendor": "acme-fleet", "price": "1000000"]) == nil)
        try #require(try act(World.salem, "record-proposal", on: id, ["vendor": "northwind", "price": "950000"]) == nil)
        day = CalendarDate("2026-03-02")!
        try #require(try act(World.salem, "close", on: id) == nil)
        for (proposal, criterion, score) in [("P1", "Price", "80"), ("P1", "Service", "90"), ("P2", "Price", "90"), ("P2", "Service", "70")] {
            try #require(try act(World.salem, "score", on: id, ["proposal": proposal, "criterion": criterion, "score": score]) == nil)
        }
        return id
    }

    /// Drives to `complete`: award P1, sign the contract, complete. Returns the solicitation and contract ids.
    mutating func complete() throws -> (solicitation: String, contract: String) {
        let id = try evaluating()
        try #require(try act(World.salem, "award", on: id, ["proposal": "P1"]) == nil)
        let contract = try #require(solicitation(id).awards.first?.contract)
        try #require(try act(World.salem, "sign", on: contract, ["date": "2026-03-15", "end": "2029-03-14"]) == nil)
        try #require(try act(World.salem, "complete", on: id) == nil)
        return (id, contract)
    }
}

import ArgumentParser
import CobuyCore
import CobuyStore

/// `--store DIR`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store folder.", valueName: "DIR"), completion: .directory)
    var store: String?

    func open(_ environment: CobuyEnvironment) throws -> Store {
        let store = Store(root: environment.storePath(flag: store))
        try store.checkIsStore()
        return store
    }
}

/// `--as NAME --for PARTY`.
struct OfficerOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("The acting officer's name.", valueName: "NAME"))
    var actor: String?

    @Option(name: .customLong("for"), help: ArgumentHelp("The party the officer acts for.", valueName: "PARTY"))
    var party: String?

    /// The officer, or a usage error that says how to name one.
    func officer(_ environment: CobuyEnvironment) throws -> Officer {
        let resolved = environment.officer(name: actor, party: party)
        guard let name = resolved.name, let party = resolved.party else {
            throw CLIError.usage("Who is acting? Give --as NAME --for PARTY, or set COBUY_ACTOR and COBUY_PARTY.")
        }
        return Officer(name: name, party: party)
    }

    /// The officer when one is known, for commands that only read.
    func optionalOfficer(_ environment: CobuyEnvironment) -> Officer? {
        let resolved = environment.officer(name: actor, party: party)
        guard let party = resolved.party else { return nil }
        return Officer(name: resolved.name ?? "(unnamed)", party: party)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

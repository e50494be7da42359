import CobuyCore
import CobuyStore
import CobuyTerminal
import Foundation
@testable import CobuyUI

/// Test data: the bundled sample store (accents, CJK, an emoji vendor) plus parties whose
/// names hold a family emoji, right-to-left text and an escape sequence.
enum Fixtures {
    static let now = Timestamp(iso8601: "2026-11-23T15:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)
    static let salem = Officer(name: "Ana Ruiz", party: "city-of-salem")

    static var sampleStorePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/sample-store").path
    }

    static var templatesPath: String {
        URL(fileURLWithPath: sampleStorePath).deletingLastPathComponent().appendingPathComponent("templates").path
    }

    static let snapshot: StoreSnapshot = {
        let loaded = StoreSnapshot.load(from: Store(root: sampleStorePath), today: now.date, catalog: nil)
        var records = loaded.directory.parties.values.map(AnyRecord.party)
            + loaded.directory.solicitations.values.map(AnyRecord.solicitation)
            + loaded.directory.contracts.values.map(AnyRecord.contract)
            + loaded.directory.addenda.values.map(AnyRecord.addendum)
        let extra: [(String, String, PartyKind, String)] = [
            ("familia-services", "Família 👨‍👩‍👧 Services Co-op", .vendor, "US-OR"),
            ("osc-city", "Evil\u{1B}]0;PWNED\u{07}City", .city, "US-OR"),
            ("tokyo-metro", "東京都財務局 Bureau of Finance", .city, "JP-13"),
        ]
        for (id, name, kind, region) in extra {
            if let code = RegionCode(region) {
                records.append(.party(Party(id: id, name: name, kind: kind, region: code)))
            }
        }
        return StoreSnapshot(records: records, problems: [], today: now.date)
    }()

    static func state(width: Int, height: Int, officer: Officer? = salem) -> AppState {
        var state = AppState(snapshot: snapshot, now: now, officer: officer, storeName: "sample", width: width, height: height)
        state.message = nil
        return state
    }

    /// A fresh store in a temporary folder with a draft solicitation led by the City of Salem,
    /// Marion County invited, one requirement line.
    static func draftStore() throws -> (store: Store, folder: String, solicitation: String) {
        let folder = NSTemporaryDirectory() + "cobuy-ui-" + UUID().uuidString
        let store = try Store.initialize(at: folder)
        let parties: [(String, String, String)] = [("city-of-salem", "City of Salem", "city"),
                                                  ("marion-county", "Marion County", "county")]
        for (id, name, kind) in parties {
            _ = try ActionRunner.create(officer: salem, now: now, requireKnownParty: false, in: store) { context in
                Creation.party(id: id, name: name, kind: kind, region: "US-OR", population: 1000, terms: [], in: context)
            }
        }
        let solicitation = try ActionRunner.create(officer: salem, now: now, in: store) { context in
            Creation.solicitation(title: "Road salt", lead: "city-of-salem", category: "Roads", description: "", in: context)
        }
        _ = try ActionRunner.perform("add-line", ActionArguments(["text": "Rock salt", "quantity": "100", "unit": "ton"]),
                                     on: solicitation.id, officer: salem, now: now, in: store)
        _ = try ActionRunner.perform("invite", ActionArguments(["party": "marion-county"]),
                                     on: solicitation.id, officer: salem, now: now, in: store)
        return (store, folder, solicitation.id)
    }

    static func app(store: Store, folder: String, officer: Officer?,
                    terminal: MemoryTerminal = MemoryTerminal(width: 100, height: 30)) -> App {
        let environment = CobuyEnvironment(variables: [
            "HOME": folder, "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state",
            "COBUY_NOW": now.description,
        ])
        return App(store: store, environment: environment, terminal: terminal,
                   theme: .monochrome, officer: officer, now: now, bundledTemplates: templatesPath)
    }
}

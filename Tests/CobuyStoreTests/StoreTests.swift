import CobuyCore
import Foundation
import Testing
@testable import CobuyStore

/// A store in a temporary folder, removed afterwards.
final class TemporaryStore {
    let folder: String
    let store: Store
    static let officer = Officer(name: "Ana Ruiz", party: "city-of-salem")
    static let now = Timestamp(iso8601: "2026-01-05T09:00:00Z")!

    init() throws {
        folder = NSTemporaryDirectory() + "cobuy-store-" + UUID().uuidString
        store = try Store.initialize(at: folder)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @discardableResult
    func party(_ id: String, kind: String = "city") throws -> Party {
        try ActionRunner.create(officer: Self.officer, now: Self.now, requireKnownParty: false, in: store) { context in
            Creation.party(id: id, name: "Party \(id)", kind: kind, region: "US-OR", population: 10, terms: [], in: context)
        }
    }

    func solicitation() throws -> JointSolicitation {
        try party("city-of-salem")
        return try ActionRunner.create(officer: Self.officer, now: Self.now, in: store) { context in
            Creation.solicitation(title: "Salt", lead: "city-of-salem", category: "", description: "", in: context)
        }
    }

    func bytes(_ kind: RecordKind, _ id: String) throws -> Data {
        try DurableFile.read(store.path(of: kind, id: id))
    }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(relative)"))
    }
}

@Suite struct StoreTests {
    @Test func recordsAreWrittenSortedIndentedWithATrailingNewline() throws {
        let temporary = try TemporaryStore()
        try temporary.party("city-of-salem")
        let text = String(decoding: try temporary.bytes(.party, "city-of-salem"), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\n  \"history\" : ["))
        #expect(text.contains("\"schema\" : 1"))
        #expect(text.contains("\"revision\" : 1"))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        #expect(temporary.store.leftoverTemporaries().isEmpty)
        #expect(DurableFile.names(in: "\(temporary.folder)/parties") == ["city-of-salem.json"])
    }

    @Test func eachUpdateIncreasesTheRevision() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        #expect(solicitation.revision == 1)
        let applied = try ActionRunner.perform("add-line", ActionArguments(["text": "Salt", "quantity": "5", "unit": "ton"]),
                                               on: solicitation.id, officer: TemporaryStore.officer, now: TemporaryStore.now, in: temporary.store)
        #expect(applied.record.record.revision == 2)
        #expect(try temporary.store.load(solicitation.id).record.revision == 2)
    }

    @Test func aStaleWriteIsAConflictAndChangesNothing() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        _ = try ActionRunner.perform("add-line", ActionArguments(["text": "Salt", "quantity": "5", "unit": "ton"]),
                                     on: solicitation.id, officer: TemporaryStore.officer, now: TemporaryStore.now, in: temporary.store)
        let before = try temporary.bytes(.solicitation, solicitation.id)
        #expect(throws: StoreError.conflict(id: solicitation.id, expectedRevision: 1, foundRevision: 2)) {
            try temporary.store.transaction { transaction in
                try transaction.update(.solicitation(solicitation), readAt: 1)
            }
        }
        #expect(throws: StoreError.self) {
            _ = try ActionRunner.perform("circulate", ActionArguments(), on: solicitation.id, readAt: 1,
                                         officer: TemporaryStore.officer, now: TemporaryStore.now, in: temporary.store)
        }
        #expect(try temporary.bytes(.solicitation, solicitation.id) == before)
        #expect(StoreError.conflict(id: "SOL-1", expectedRevision: 1, foundRevision: 2).description.contains("SOL-1"))
    }

    @Test func creatingAnExistingRecordIsRefused() throws {
        let temporary = try TemporaryStore()
        let party = try temporary.party("city-of-salem")
        #expect(throws: StoreError.alreadyExists(id: "city-of-salem")) {
            try temporary.store.transaction { try $0.create(.party(party)) }
        }
    }

    @Test func aRefusedActionLeavesTheFileByteForByteUnchanged() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        let before = try temporary.bytes(.solicitation, solicitation.id)
        #expect(throws: ActionRunner.Failure.self) {
            _ = try ActionRunner.perform("circulate", ActionArguments(), on: solicitation.id,
                                         officer: TemporaryStore.officer, now: TemporaryStore.now, in: temporary.store)
        }
        #expect(try temporary.bytes(.solicitation, solicitation.id) == before)
    }

    @Test func brokenFilesAreReportedWithPathAndPlaceAndSkipped() throws {
        let temporary = try TemporaryStore()
        try temporary.party("city-of-salem")
        try temporary.party("marion-county")
        let good = String(decoding: try temporary.bytes(.party, "marion-county"), as: UTF8.self)
        try temporary.write(String(good.prefix(good.count / 2)), to: "parties/truncated-one.json")
        try temporary.write(good.replacingOccurrences(of: "\"revision\" : 1", with: "\"revision\" : \"one\"")
            .replacingOccurrences(of: "marion-county", with: "wrong-type"), to: "parties/wrong-type.json")
        try temporary.write("{", to: "parties/.marion-county.json.tmp-123-456")
        try temporary.write("{", to: "parties/.hidden.json")

        let loaded = temporary.store.loadAll(.party)
        #expect(loaded.records.map(\.id).sorted() == ["city-of-salem", "marion-county"])
        #expect(loaded.problems.count == 2)
        let truncated = try #require(loaded.problems.first { $0.path.hasSuffix("truncated-one.json") })
        #expect(truncated.location.hasPrefix("line "))
        #expect(truncated.message.contains("not valid JSON"))
        let wrongType = try #require(loaded.problems.first { $0.path.hasSuffix("wrong-type.json") })
        #expect(wrongType.location == "revision")
        #expect(wrongType.message.contains("expected a number"))

        let report = temporary.store.validate()
        #expect(!report.isValid)
        #expect(Set(report.problems.map { ($0.path as NSString).lastPathComponent }) == ["truncated-one.json", "wrong-type.json"])
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].contains("interrupted write"))
    }

    @Test func aFileNamedDifferentlyFromItsIDIsReported() throws {
        let temporary = try TemporaryStore()
        try temporary.party("city-of-salem")
        try FileManager.default.copyItem(atPath: temporary.store.path(of: .party, id: "city-of-salem"),
                                         toPath: temporary.store.path(of: .party, id: "city-of-bend"))
        let problem = try #require(temporary.store.loadAll(.party).problems.first)
        #expect(problem.location == "id")
        #expect(problem.message.contains("city-of-bend.json"))
    }

    @Test func aFieldPathPointsIntoNestedRecords() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        let text = String(decoding: try temporary.bytes(.solicitation, solicitation.id), as: UTF8.self)
            .replacingOccurrences(of: "\"status\" : \"joined\"", with: "\"status\" : \"dancing\"")
        try temporary.write(text, to: "solicitations/\(solicitation.id).json")
        let problem = try #require(temporary.store.loadAll(.solicitation).problems.first)
        #expect(problem.location == "partners[0].status")
    }

    @Test func theLockSerialisesWritersAcrossThreads() async throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        let store = temporary.store
        let id = solicitation.id
        let count = 40
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<count {
                group.addTask {
                    (try? ActionRunner.perform("add-line", ActionArguments(["text": "Line \(index)", "quantity": "1", "unit": "each"]),
                                               on: id, officer: TemporaryStore.officer, now: TemporaryStore.now, in: store)) != nil
                }
            }
            var successes = 0
            for await succeeded in group where succeeded { successes += 1 }
            #expect(successes == count)
        }
        guard case .solicitation(let record) = try store.load(id) else { Issue.record("not a solicitation"); return }
        #expect(record.lines.count == count)
        #expect(record.revision == count + 1)
    }

    @Test func aFolderThatIsNotAStoreIsRefused() throws {
        let folder = NSTemporaryDirectory() + "not-a-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: StoreError.notAStore(path: folder)) { try Store(root: folder).checkIsStore() }
    }

    @Test func idsThatCouldEscapeTheFolderAreNotFound() throws {
        let temporary = try TemporaryStore()
        #expect(throws: StoreError.self) { _ = try temporary.store.load("../../etc/passwd") }
        #expect(!temporary.store.exists("../cobuy"))
    }
}

@Suite struct EnvironmentTests {
    @Test func theStoreComesFromTheFlagThenTheEnvironmentThenXDG() {
        let environment = CobuyEnvironment(variables: ["HOME": "/home/ana", "COBUY_STORE": "/srv/store", "XDG_DATA_HOME": "/data"])
        #expect(environment.storePath(flag: "/flag") == "/flag")
        #expect(environment.storePath(flag: nil) == "/srv/store")
        #expect(CobuyEnvironment(variables: ["HOME": "/home/ana", "XDG_DATA_HOME": "/data"]).storePath(flag: nil) == "/data/cobuy/store")
        #expect(CobuyEnvironment(variables: ["HOME": "/home/ana"]).storePath(flag: nil) == "/home/ana/.local/share/cobuy/store")
    }

    @Test func theClockComesFromCOBUY_NOW() throws {
        #expect(try CobuyEnvironment(variables: ["COBUY_NOW": "2026-03-02T09:00:00Z"]).now().description == "2026-03-02T09:00:00Z")
        #expect(throws: EnvironmentError.self) { _ = try CobuyEnvironment(variables: ["COBUY_NOW": "tomorrow"]).now() }
    }

    @Test func theOfficerComesFromFlagsThenEnvironmentThenConfig() throws {
        let folder = NSTemporaryDirectory() + "cobuy-config-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var environment = CobuyEnvironment(variables: ["HOME": folder, "XDG_CONFIG_HOME": folder])
        try environment.saveConfig(OfficerConfig(name: "Config Name", party: "config-party"))
        #expect(environment.officer(name: nil, party: nil) == ("Config Name", "config-party"))
        environment.variables["COBUY_ACTOR"] = "Env Name"
        environment.variables["COBUY_PARTY"] = "env-party"
        #expect(environment.officer(name: nil, party: nil) == ("Env Name", "env-party"))
        #expect(environment.officer(name: "Flag", party: "flag-party") == ("Flag", "flag-party"))
    }
}

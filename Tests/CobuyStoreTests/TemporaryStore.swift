import CobuyCore
import Foundation
import Testing
@testable import CobuyStore

/// A real store in its own temporary folder, removed when the value goes away.
final class TemporaryStore: @unchecked Sendable {
    let folder: String
    let store: Store
    static let officer = Officer(name: "Ana Ruiz", party: "city-of-salem")
    static let now = Timestamp(iso8601: "2026-01-05T09:00:00Z")!

    init() throws {
        folder = NSTemporaryDirectory() + "cobuy-store-tests-" + UUID().uuidString
        store = try Store.initialize(at: folder)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @discardableResult
    func party(_ id: String, kind: String = "city", region: String = "US-OR") throws -> Party {
        try ActionRunner.create(officer: Self.officer, now: Self.now, requireKnownParty: false, in: store) { context in
            Creation.party(id: id, name: "Party \(id)", kind: kind, region: region, population: 10, terms: [], in: context)
        }
    }

    /// A draft solicitation led by city-of-salem (created on first use), with marion-county invited.
    func solicitation() throws -> JointSolicitation {
        if !store.exists("city-of-salem") { try party("city-of-salem") }
        if !store.exists("marion-county") { try party("marion-county", kind: "county") }
        let created = try ActionRunner.create(officer: Self.officer, now: Self.now, in: store) { context in
            Creation.solicitation(title: "Road salt", lead: "city-of-salem", category: "", description: "", in: context)
        }
        _ = try perform("invite", ["party": "marion-county"], on: created.id)
        return try store.load(JointSolicitation.self, id: created.id)
    }

    @discardableResult
    func perform(_ action: String, _ arguments: [String: String], on id: String) throws -> RecordActions.Applied {
        try ActionRunner.perform(action, ActionArguments(arguments), on: id, officer: Self.officer, now: Self.now, in: store)
    }

    func addLine(_ text: String, to id: String) throws {
        try perform("add-line", ["text": text, "quantity": "1", "unit": "each"], on: id)
    }

    func path(_ kind: RecordKind, _ id: String) -> String { store.path(of: kind, id: id) }

    func bytes(_ kind: RecordKind, _ id: String) throws -> Data {
        try DurableFile.read(path(kind, id))
    }

    func text(_ kind: RecordKind, _ id: String) throws -> String {
        String(decoding: try bytes(kind, id), as: UTF8.self)
    }

    /// Writes a file directly (bypassing the store), as a crash or a careless hand edit would.
    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(relative)"))
    }

    /// Every file under the store with its bytes.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            // The catalog index is derived data, rebuilt at will; the records are what count.
            if relative.hasPrefix(".index/") { continue }
            var isFolder: ObjCBool = false
            let full = "\(folder)/\(relative)"
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }
}

/// Reads the key order of every object in a pretty-printed JSON text, line by line:
/// returns the first place where a key is not in ascending order, or nil.
func firstUnsortedKey(in text: String) -> String? {
    var lastKey: [Int: String] = [:]
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let indent = line.prefix(while: { $0 == " " }).count
        let body = line.dropFirst(indent)
        if body.hasPrefix("\""), let close = body.dropFirst().firstIndex(of: "\""), body[close...].hasPrefix("\" :") {
            let key = String(body[body.index(after: body.startIndex)..<close])
            if let previous = lastKey[indent], !(previous < key) {
                return "line \(number + 1): \"\(key)\" after \"\(previous)\""
            }
            lastKey[indent] = key
        }
        if body.hasSuffix("{") || body.hasSuffix("[") {
            // A new object or array opens: its keys are one level deeper and start afresh.
            for deeper in lastKey.keys where deeper > indent { lastKey[deeper] = nil }
        }
    }
    return nil
}

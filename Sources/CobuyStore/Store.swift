import CobuyCore
import Foundation

/// The JSON store: one file per record under `parties/`, `solicitations/`, `contracts/` and
/// `addenda/`, plus `cobuy.json` naming the format. The files are the system of record.
public struct Store: Sendable {
    public static let formatName = "cobuy-store"
    public static let formatVersion = 1

    /// The store's folder, as given (not resolved), so messages show what the officer typed.
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    public var markerPath: String { "\(root)/cobuy.json" }
    public var lockPath: String { "\(root)/.lock" }

    public func folder(_ kind: RecordKind) -> String { "\(root)/\(kind.folder)" }

    public func path(of kind: RecordKind, id: String) -> String { "\(folder(kind))/\(id).json" }

    /// Creates the layout (idempotent): `cobuy.json` and one folder per kind.
    @discardableResult
    public static func initialize(at root: String) throws(StoreError) -> Store {
        let store = Store(root: root)
        try DurableFile.makeFolder(root)
        for kind in RecordKind.allCases { try DurableFile.makeFolder(store.folder(kind)) }
        try DurableFile.makeFolder("\(root)/catalog")
        // The catalog index is derived data: each clone builds its own.
        let ignore = "\(root)/.gitignore"
        if !DurableFile.exists(ignore) {
            try DurableFile.write(Data(".index/\n.lock\n".utf8), to: ignore)
        }
        if !DurableFile.exists(store.markerPath) {
            let marker = StoreMarker(format: formatName, version: formatVersion)
            let data: Data
            do { data = try RecordCodec.encode(marker) } catch { throw .io(path: store.markerPath, message: "\(error)") }
            try DurableFile.write(data, to: store.markerPath)
        }
        return store
    }

    /// Refuses a folder that is not a store, so a typo in `--store` does not scatter files.
    public func checkIsStore() throws(StoreError) {
        guard DurableFile.exists(markerPath) else { throw .notAStore(path: root) }
    }

    /// Ids of the records of one kind, sorted, from file names alone (no parsing).
    public func ids(of kind: RecordKind) -> [String] {
        DurableFile.names(in: folder(kind))
            .filter { $0.hasSuffix(".json") && !DurableFile.isTemporaryOrHidden($0) }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    /// Temporaries left behind by interrupted writes (harmless; safe to delete).
    public func leftoverTemporaries() -> [String] {
        RecordKind.allCases.flatMap { kind in
            DurableFile.names(in: folder(kind)).filter { $0.contains(DurableFile.temporaryMarker) }.map { "\(folder(kind))/\($0)" }
        }.sorted()
    }

    public func exists(_ id: String) -> Bool {
        guard Store.isSafeID(id) else { return false }
        return DurableFile.exists(path(of: RecordKind(id: id), id: id))
    }

    /// Ids become file names: nothing that could climb out of the folder or hide the file.
    public static func isSafeID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 128 && !id.hasPrefix(".") && !id.contains("/") && !id.contains("\\")
            && id.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
    }

    /// Loads one record by id; the id's prefix says its kind.
    public func load(_ id: String) throws(StoreError) -> AnyRecord {
        let kind = RecordKind(id: id)
        guard Store.isSafeID(id) else { throw .notFound(kind: kind, id: id) }
        let path = path(of: kind, id: id)
        guard DurableFile.exists(path) else {
            // Imported contracts and their parties live in the catalog.
            if let imported = catalogRecord(id, kind: kind) { return imported }
            throw .notFound(kind: kind, id: id)
        }
        switch decode(kind: kind, data: try DurableFile.read(path), path: path, expectedID: id) {
        case .success(let record): return record
        case .failure(let problem): throw .broken(problem)
        }
    }

    public func load<R: Record>(_ type: R.Type, id: String) throws(StoreError) -> R {
        let record = try load(id)
        guard let typed = record.record as? R else { throw .notFound(kind: R.kind, id: id) }
        return typed
    }

    /// An imported contract or party, through the catalog index (refreshed first if a
    /// catalog file changed), so that no catalog is parsed to find one record.
    func catalogRecord(_ id: String, kind: RecordKind) -> AnyRecord? {
        guard kind == .contract || kind == .party, let index = catalogIndex() else { return nil }
        _ = try? index.refresh()
        switch kind {
        case .contract: return index.contract(id).map(AnyRecord.contract)
        case .party: return index.party(id).map(AnyRecord.party)
        case .solicitation, .addendum: return nil
        }
    }

    /// The store's catalog index, or nil when it cannot be opened at all.
    public func catalogIndex() -> CatalogIndex? {
        CatalogIndex.opened(for: self)
    }

    /// Every readable record of a kind (contracts and parties include the imported catalogs),
    /// and a problem for each file that is not readable.
    public func loadAll(_ kind: RecordKind) -> (records: [AnyRecord], problems: [StoreProblem]) {
        var loaded = loadLocal(kind)
        guard kind == .contract || kind == .party else { return loaded }
        let catalogs = loadCatalogs()
        var seen = Set(loaded.records.map(\.id))
        for catalog in catalogs.catalogs {
            let records: [AnyRecord] = kind == .contract ? catalog.contracts.map(AnyRecord.contract) : catalog.parties.map(AnyRecord.party)
            for record in records where seen.insert(record.id).inserted { loaded.records.append(record) }
        }
        if kind == .contract { loaded.problems += catalogs.problems }
        return loaded
    }

    /// The records stored one per file in the kind's folder.
    public func loadLocal(_ kind: RecordKind) -> (records: [AnyRecord], problems: [StoreProblem]) {
        var records: [AnyRecord] = []
        var problems: [StoreProblem] = []
        for id in ids(of: kind) {
            let path = path(of: kind, id: id)
            do {
                switch decode(kind: kind, data: try DurableFile.read(path), path: path, expectedID: id) {
                case .success(let record): records.append(record)
                case .failure(let problem): problems.append(problem)
                }
            } catch {
                problems.append(StoreProblem(path: path, location: "", message: "\(error)"))
            }
        }
        return (records, problems)
    }

    func decode(kind: RecordKind, data: Data, path: String, expectedID: String) -> Result<AnyRecord, StoreProblem> {
        let decoded: Result<AnyRecord, StoreProblem>
        switch kind {
        case .party: decoded = RecordCodec.decode(Party.self, from: data, path: path).map(AnyRecord.party)
        case .solicitation: decoded = RecordCodec.decode(JointSolicitation.self, from: data, path: path).map(AnyRecord.solicitation)
        case .contract: decoded = RecordCodec.decode(CooperativeContract.self, from: data, path: path).map(AnyRecord.contract)
        case .addendum: decoded = RecordCodec.decode(ParticipatingAddendum.self, from: data, path: path).map(AnyRecord.addendum)
        }
        return decoded.flatMap { record in
            if record.id != expectedID {
                return .failure(StoreProblem(path: path, location: "id", message: "is \"\(record.id)\" but the file is named \(expectedID).json"))
            }
            let schema = record.record.schema
            if schema > 1 || schema < 1 {
                return .failure(StoreProblem(path: path, location: "schema", message: "format version \(schema) is not one this Cobuy reads (1)"))
            }
            return .success(record)
        }
    }

    /// Runs `body` holding the store's write lock. Everything read inside is current; every
    /// write is checked against the revision it was read at.
    public func transaction<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try checkIsStore()
        let lock = try StoreLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        return try body(StoreTransaction(store: self))
    }

    /// Every id in use for numbered records, for handing out new ones.
    func idPool() -> IDPool {
        let catalogued: [String] = catalogIndex().map { index -> [String] in
            _ = try? index.refresh()
            return index.catalogContractIDs()
        } ?? []
        return IDPool(existing: [RecordKind.solicitation, .contract, .addendum].flatMap { ids(of: $0) } + catalogued,
                      member: memberCode)
    }

    /// Where a clone of a shared store keeps its member code: inside `.git`, so it is never
    /// committed and every clone has its own.
    public var memberCodePath: String { "\(root)/.git/cobuy-member" }

    /// This clone's member code in a shared store (`SAL`), which numbers the records it creates;
    /// `nil` in a store of its own.
    public var memberCode: String? {
        guard let data = try? DurableFile.read(memberCodePath),
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              IDPool.isValidMemberCode(text) else { return nil }
        return text
    }
}

/// The content of `cobuy.json`.
struct StoreMarker: Codable {
    var format: String
    var version: Int
}

import CobuyCore
import Foundation

/// The JSON store: one file per record under `parties/`, `solicitations/`, `contracts/` and
/// `addenda/`, plus `cobuy.json` naming the format. The files are the system of record.
public struct Store: Sendable {
    public static let formatName = "cobuy-store"
    public static let formatVersion = 1
    /// `cobuy.json` holds two short fields.
    public static let markerSizeLimit = 64 << 10
    /// What the store's `.gitignore` must hold: the derived index, the lock, and the temporaries
    /// an interrupted write leaves (`.NAME.tmp-…`, in any folder), so that `git add -A` never
    /// commits them.
    public static let ignoreRules = [".index/", ".lock", ".*\(DurableFile.temporaryMarker)*"]

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
        // An existing store of a newer format is not written into, not even its folders.
        if DurableFile.exists(store.markerPath) { try store.checkIsStore() }
        try DurableFile.makeFolder(root)
        for kind in RecordKind.allCases { try DurableFile.makeFolder(store.folder(kind)) }
        try DurableFile.makeFolder("\(root)/catalog")
        try store.addMissingIgnoreRules()
        if !DurableFile.exists(store.markerPath) {
            let marker = StoreMarker(format: formatName, version: formatVersion)
            let data: Data
            do { data = try RecordCodec.encode(marker) } catch { throw .io(path: store.markerPath, message: "\(error)") }
            try DurableFile.write(data, to: store.markerPath)
        }
        return store
    }

    /// Refuses a folder that is not a store, so a typo in `--store` does not scatter files, and
    /// a store of a newer format than this Cobuy knows, so that it is neither misread nor
    /// written into (every command and the UI open the store through here, and so does every
    /// write).
    public func checkIsStore() throws(StoreError) {
        guard DurableFile.exists(markerPath) else { throw .notAStore(path: root) }
        if let version = try markerVersion(), version > Store.formatVersion {
            throw .io(path: markerPath, message: Store.newerFormatMessage(version))
        }
    }

    static func newerFormatMessage(_ version: Int) -> String {
        "says the store has format version \(version), newer than this Cobuy knows (\(formatVersion));"
            + " nothing was read or written. Use a newer Cobuy."
    }

    /// The format version `cobuy.json` claims, or nil when it names none (``validate()``
    /// reports a marker that does not parse).
    func markerVersion() throws(StoreError) -> Int? {
        let data = try DurableFile.read(markerPath, limit: Store.markerSizeLimit)
        return (try? JSONDecoder().decode(StoreMarker.self, from: data))?.version
    }

    /// Adds to the store's `.gitignore` the ``ignoreRules`` it lacks (a store made by an older
    /// Cobuy has no rule for temporaries), keeping what the officer wrote there. Called by
    /// `init` and before each write, never by a command that only reads.
    public func addMissingIgnoreRules() throws(StoreError) {
        let path = "\(root)/.gitignore"
        var text = ""
        if DurableFile.exists(path) {
            text = String(decoding: try DurableFile.read(path, limit: Store.markerSizeLimit), as: UTF8.self)
        }
        guard let missing = missingIgnoreRules(), !missing.isEmpty else { return }
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += missing.joined(separator: "\n") + "\n"
        try DurableFile.write(Data(text.utf8), to: path)
    }

    /// Ids of the records of one kind, sorted, from file names alone (no parsing); none when
    /// the folder cannot be read (``listingProblem(of:)`` says so).
    public func ids(of kind: RecordKind) -> [String] {
        (try? recordIDs(of: kind)) ?? []
    }

    func recordIDs(of kind: RecordKind) throws(StoreError) -> [String] {
        try DurableFile.listing(folder(kind))
            .filter { $0.hasSuffix(".json") && !DurableFile.isTemporaryOrHidden($0) }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    /// A problem for each of the store's folders that exists but cannot be read.
    public func unreadableFolders() -> [StoreProblem] {
        (RecordKind.allCases.map(folder) + [catalogFolder]).compactMap { folder in
            do throws(StoreError) { _ = try DurableFile.listing(folder); return nil } catch { return Store.unreadable(error, path: folder) }
        }
    }

    /// Temporaries left behind by interrupted writes and imports (harmless to Cobuy, which
    /// skips them; safe to delete), in the record folders, the catalog folder and the root.
    public func leftoverTemporaries() -> [String] {
        ([root, catalogFolder] + RecordKind.allCases.map(folder)).flatMap { folder in
            DurableFile.names(in: folder).filter { $0.contains(DurableFile.temporaryMarker) }.map { "\(folder)/\($0)" }
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
        guard Store.isSafeID(id) else { throw .notFound(kind: kind, id: id, nearest: nearestIDs(to: id)) }
        let path = path(of: kind, id: id)
        guard DurableFile.exists(path) else {
            // Imported contracts and their parties live in the catalog.
            if let imported = catalogRecord(id, kind: kind) { return imported }
            // A folder that cannot be read hides its records: say so rather than "no such record".
            _ = try DurableFile.listing(folder(kind))
            throw .notFound(kind: kind, id: id, nearest: nearestIDs(to: id))
        }
        switch decode(kind: kind, data: try DurableFile.read(path, limit: Store.recordSizeLimit), path: path, expectedID: id) {
        case .success(let record): return record
        case .failure(let problem): throw .broken(problem)
        }
    }

    /// The store's own records whose ids are close to one that names nothing (a slip of
    /// the keyboard, a party's id typed in part), for "did you mean". Read on that path only.
    func nearestIDs(to id: String) -> [String] {
        let ids = RecordKind.allCases.flatMap { kind in
            DurableFile.names(in: folder(kind)).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
        }
        return DidYouMean.candidates(id, among: ids.map { Pick(id: $0, label: "") }).map(\.id)
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
        let ids: [String]
        do throws(StoreError) { ids = try recordIDs(of: kind) } catch {
            return ([], [Store.unreadable(error, path: folder(kind))])
        }
        for id in ids {
            let path = path(of: kind, id: id)
            do throws(StoreError) {
                switch decode(kind: kind, data: try DurableFile.read(path, limit: Store.recordSizeLimit), path: path, expectedID: id) {
                case .success(let record): records.append(record)
                case .failure(let problem): problems.append(problem)
                }
            } catch {
                problems.append(Store.unreadable(error, path: path))
            }
        }
        return (records, problems)
    }

    /// The largest record file read: far above any real record, far below what would exhaust memory.
    public static let recordSizeLimit = DurableFile.recordSizeLimit

    /// A file or folder that could not be read at all, as a problem that fails the command.
    static func unreadable(_ error: StoreError, path: String) -> StoreProblem {
        if case let .io(errorPath, message) = error, errorPath == path {
            return StoreProblem(path: path, location: "", message: message, isUnreadable: true)
        }
        return StoreProblem(path: path, location: "", message: error.description, isUnreadable: true)
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
            // Numbers beyond their limits are refused here, before anything computes with them.
            if let bounds = record.record.boundsProblems().first {
                return .failure(StoreProblem(path: path, location: bounds.field, message: bounds.message))
            }
            return .success(record)
        }
    }

    /// Runs `body` holding the store's write lock. Everything read inside is current; every
    /// write is checked against the revision it was read at.
    public func transaction<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try checkIsStore()
        let lock = try StoreLock(path: lockPath)
        // Best effort: a .gitignore that cannot be written must not stop the officer's work.
        try? addMissingIgnoreRules()
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
    /// See ``StoreSettings``.
    var ocidPrefix: String?
    /// See ``StoreSettings/clock``: an ISO 8601 time.
    var clock: String?
}

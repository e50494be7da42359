import CobuyCore
import CobuyJSON
import CobuyProcess
import CobuyStore
import Foundation

/// The one way a published file becomes a catalog of the store: the command line, the UI and
/// the tests all import through here. It reads the file, converts it on every core, refuses
/// contracts whose ids another catalog (or the store itself) already holds, writes the
/// catalog file and its index in one pass, and reports what was read, imported, merged and
/// skipped — each skip with its JSON path (or CSV line) and reason.
public enum CatalogImport {
    public struct Options: Sendable {
        /// The publisher's name, when the file does not say.
        public var publisher: String?
        /// Who may use contracts whose publisher states nothing, as an officer states it.
        public var rule: CatalogFile.StatedRule?
        public var now: Timestamp

        public init(publisher: String? = nil, rule: CatalogFile.StatedRule? = nil, now: Timestamp) {
            self.publisher = publisher
            self.rule = rule
            self.now = now
        }
    }

    /// What an import did.
    public struct Report: Sendable {
        /// The source file's name.
        public var file: String
        public var format: String
        public var publisher: String
        /// Releases (or CSV rows) read.
        public var read: Int
        public var imported: Int
        /// Contract entries folded into another with the same (ocid, contract id).
        public var merged: Int
        public var skipped: [OCDSImport.Skipped]
        /// Temporaries of earlier imports that were killed, removed before this one wrote.
        public var removedTemporaries: Int

        /// `12 releases read, 9 contracts imported, 2 merged, 1 skipped`.
        public var summary: String {
            "\(format == "csv" ? read.counted("row") : read.counted("release")) read, \(imported.counted("contract")) imported, \(merged) merged, \(skipped.count) skipped"
        }
    }

    /// Progress of a large import: releases converted so far, of how many.
    public typealias Progress = @Sendable (_ done: Int, _ of: Int) -> Void

    /// Imports an OCDS file into `store`, replacing the catalog an earlier import of a file of
    /// the same name made. All or nothing: a file with nothing to import leaves the store as it
    /// was and throws ``OCDSImport/Failure/nothingToImport(_:)`` with every reason.
    public static func ocds(_ path: String, into store: Store, options: Options, progress: Progress? = nil) throws -> Report {
        var clock = PhaseTimer()
        // Refused before reading: a runaway file would otherwise be read into memory whole, and
        // a FIFO or a device (/dev/zero) has no size to check and never ends.
        do throws(StoreError) { try DurableFile.checkReadable(path, limit: Int.max) } catch {
            throw OCDSImport.Failure.unreadable(CatalogImport.reason(error, path: path))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
            try OCDSImport.refuseIfTooLarge(size)
        }
        let bytes: JSONBytes
        do throws(JSONFailure) { bytes = try JSONBytes(contentsOf: path) } catch { throw OCDSImport.Failure.unreadable(error.message) }
        clock.lap("read")
        let reading = try OCDSImport.read(file: path, bytes: bytes, publisher: options.publisher, now: options.now, rule: options.rule)
        clock.lap("find releases")
        let slices = OCDSImport.slices(of: reading, now: options.now)
        defer { slices.stop() }
        var skipped = reading.skipped
        var merged = 0
        var done = 0
        var guardian = IDGuard(store: store, catalog: CatalogFile.fileName(forSource: reading.source.file), expected: reading.releaseCount)
        let removed = store.removeCatalogTemporaries()
        let written = try store.writeCatalog(source: reading.source, large: reading.releaseCount > CatalogIndex.bulkSize) {
            guard var slice = slices.next() else { return nil }
            skipped += slice.skipped
            merged += slice.merged
            done += slice.releases
            progress?(done, reading.releaseCount)
            guardian.admit(&slice.chunk, paths: slice.paths, skipped: &skipped)
            return slice.chunk
        } validate: { count in
            // All or nothing: a file with nothing to import leaves the catalog as it was.
            if count == 0 { throw reading.releaseCount == 0 && skipped.isEmpty ? OCDSImport.Failure.notOCDS("no releases found") : .nothingToImport(skipped) }
        }
        clock.lap("convert, write and index")
        return Report(file: reading.source.file, format: reading.source.format, publisher: reading.source.publisher,
                      read: reading.releaseCount, imported: written, merged: merged, skipped: skipped, removedTemporaries: removed)
    }

    /// Imports a CSV contract list into `store` (same rules: one catalog per file name, ids
    /// already taken refused, every skipped row named by its line).
    public static func csv(_ path: String, into store: Store, options: Options) throws -> Report {
        let data: Data
        do throws(StoreError) { data = try DurableFile.read(path, limit: CSVImport.maximumFileSize) } catch {
            throw CSVImport.Failure.unreadable(CatalogImport.reason(error, path: path))
        }
        let imported = try CSVImport.read(file: path, data: data, publisher: options.publisher, now: options.now, rule: options.rule)
        var skipped = imported.skipped.map { OCDSImport.Skipped(path: "line \($0.line)", reason: $0.message) }
        var guardian = IDGuard(store: store, catalog: CatalogFile.fileName(forSource: imported.catalog.source.file))
        var chunks = CatalogChunk.chunks(of: imported.catalog.contracts, parties: imported.catalog.parties)[...]
        let paths = imported.lines.map { "line \($0)" }
        var offset = 0
        let removed = store.removeCatalogTemporaries()
        let written = try store.writeCatalog(source: imported.catalog.source, large: imported.catalog.contracts.count > CatalogIndex.bulkSize) {
            guard var chunk = chunks.popFirst() else { return nil }
            let count = chunk.entries.count
            guardian.admit(&chunk, paths: Array(paths[offset..<min(paths.count, offset + count)]), skipped: &skipped)
            offset += count
            return chunk
        } validate: { count in
            if count == 0 { throw CSVImport.Failure.noRows(imported.skipped) }
        }
        return Report(file: imported.catalog.source.file, format: "csv", publisher: imported.catalog.source.publisher,
                      read: imported.catalog.source.releasesRead, imported: written, merged: 0, skipped: skipped, removedTemporaries: removed)
    }

    /// Keeps one contract per id across the store: a contract whose id the store's own records
    /// or another catalog already hold would be hidden behind it (the index keeps the first),
    /// so it is refused and named instead; so is a second contract of the same file with an id
    /// already taken (ids made from long ocids can meet once cut to length).
    struct IDGuard {
        var taken: [String: String]
        var seen = Set<String>()

        /// `expected`: about how many contracts the file holds (room for their ids at once,
        /// rather than growing the set of ids seen a dozen times on the writing thread).
        init(store: Store, catalog: String, expected: Int = 0) {
            seen.reserveCapacity(expected)
            guard let index = store.catalogIndex() else {
                taken = Dictionary(store.loadLocal(.contract).records.map { ($0.id, "local") }, uniquingKeysWith: { first, _ in first })
                return
            }
            if !index.isCurrent() { _ = try? index.refresh() }
            taken = index.contractSources(outside: catalog)
        }

        /// Runs on the one thread that writes the catalog, for every contract: by index (no copy
        /// of each entry), and the path written only for a contract refused.
        mutating func admit(_ chunk: inout CatalogChunk, paths: [some CustomStringConvertible], skipped: inout [OCDSImport.Skipped]) {
            var refused: [Int] = []
            for position in chunk.entries.indices {
                let id = chunk.entries[position].contractID
                func path() -> String { position < paths.count ? paths[position].description : id }
                if !taken.isEmpty, let owner = taken[id] {
                    let whose = owner == "local" ? "the store's own contracts" : "the catalog \(owner)"
                    skipped.append(OCDSImport.Skipped(path: path(), reason: "its id \(id) is already in \(whose): not imported twice"))
                    refused.append(position)
                } else if !seen.insert(id).inserted {
                    skipped.append(OCDSImport.Skipped(path: path(), reason: "its id \(id) is already taken by another contract of this file"))
                    refused.append(position)
                }
            }
            if !refused.isEmpty { chunk.remove(at: refused) }
        }
    }

    /// What is wrong with the file, without repeating its path.
    static func reason(_ error: StoreError, path: String) -> String {
        if case let .io(errorPath, message) = error, errorPath == path { return message }
        return error.description
    }
}

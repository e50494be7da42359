import CobuyCore
import CobuyJSON
import CobuyProcess
import Foundation
import GRDB

extension CatalogIndex {
    /// Thrown when a refresh is cancelled; what was being indexed is rolled back.
    public struct Cancelled: Error {}

    /// How far a refresh has come: the source being read and, for a catalog file, how many of
    /// its contracts are indexed so far.
    public struct Progress: Sendable, CustomStringConvertible {
        public var source: String
        public var done: Int
        public var total: Int?

        public var description: String {
            let what = source == CatalogIndex.localSource ? "the store's contracts" : "catalog \(source)"
            guard let total, total > 0 else { return "Indexing \(what)…" }
            return "Indexing \(what): \(done.grouped) of \(total.grouped) contracts…"
        }
    }

    /// Re-reads the sources that changed. `progress` hears of each source and, in a large
    /// catalog file, of every few thousand contracts (100,000 take seconds); `isCancelled` is
    /// asked as often and stops the refresh, leaving every source fully indexed or not at all.
    @discardableResult
    public func refresh(progress: (Progress) -> Void = { _ in }, isCancelled: () -> Bool = { false }) throws(StoreError) -> RefreshReport {
        var report = RefreshReport()
        let current = currentSources()
        do {
            try repairTextIfNeeded()
            let known = try knownSources()
            for name in known.keys.sorted() where current[name] == nil {
                try database.write { db in try CatalogIndex.remove(source: name, db) }
                report.removed.append(name)
            }
            for name in current.keys.sorted() where known[name] != current[name] {
                if isCancelled() { break }
                progress(Progress(source: name, done: 0, total: nil))
                if name == CatalogIndex.localSource {
                    report.contracts += try indexLocal(signature: current[name] ?? "")
                } else {
                    report.contracts += try indexCatalogFile(name, signature: current[name] ?? "", progress: progress, isCancelled: isCancelled)
                }
                report.reindexed.append(name)
            }
            if !report.reindexed.isEmpty || !report.removed.isEmpty { checkpoint() }
        } catch let error as StoreError {
            throw error
        } catch is Cancelled {
            return report
        } catch {
            throw .io(path: path ?? store.root, message: "catalog index: \(error)")
        }
        return report
    }

    private func indexLocal(signature: String) throws -> Int {
        let loadedParties = store.loadLocal(.party), loadedContracts = store.loadLocal(.contract)
        let parties = loadedParties.records.compactMap { record -> Party? in
            if case .party(let party) = record { return party }
            return nil
        }
        let contracts = loadedContracts.records.compactMap { record -> CooperativeContract? in
            if case .contract(let contract) = record { return contract }
            return nil
        }
        try replace(source: CatalogIndex.localSource, names: parties) { writer in
            for contract in contracts { try writer.insert(contract, at: nil) }
            return (signature, loadedContracts.problems + loadedParties.problems)
        }
        return contracts.count
    }

    /// Reads a catalog file that changed on disk (a `git pull`, a copy): one scan cuts its
    /// contracts apart, every core decodes them a slice at a time, and the index takes each
    /// slice as it is done (decoding and indexing overlap, as in an import). A contract that does
    /// not decode makes the whole file a reported problem, with nothing of it indexed.
    private func indexCatalogFile(_ name: String, signature: String, progress: (Progress) -> Void, isCancelled: () -> Bool) throws -> Int {
        let path = "\(store.catalogFolder)/\(name)"
        switch CatalogIndex.outlineCatalog(path) {
        case .success(let catalog):
            if isCancelled() { throw Cancelled() }
            let bytes = catalog.bytes, ranges = catalog.contracts
            let size = 2000
            let slices = OrderedPipeline(count: (ranges.count + size - 1) / size) { number -> [CatalogEntry]? in
                var entries: [CatalogEntry] = []
                let decoder = JSONDecoder()
                for range in ranges[number * size..<min(ranges.count, (number + 1) * size)] {
                    guard let contract = try? decoder.decode(CooperativeContract.self, from: bytes[range]) else { return nil }
                    entries.append(CatalogEntry(contract))
                }
                return entries
            }
            defer { slices.stop() }
            struct Undecodable: Error {}
            do {
                try withoutActuallyEscaping(isCancelled) { isCancelled in
                    try replace(source: name, names: catalog.parties, bulk: ranges.count > CatalogIndex.bulkSize, isCancelled: isCancelled) { writer in
                        var next = 0
                        while let slice = slices.next() {
                            guard let entries = slice else { throw Undecodable() }
                            for entry in entries {
                                try writer.insert(entry, at: ranges[next])
                                next += 1
                            }
                            progress(Progress(source: name, done: next, total: ranges.count))
                        }
                        try writer.insert(parties: catalog.parties)
                        return (signature, [])
                    }
                }
            } catch is Undecodable {
                try rememberBroken(name, signature: signature, problem: CatalogIndex.problem(path, bytes: bytes))
                return 0
            }
            return ranges.count
        case .failure(let problem):
            try rememberBroken(name, signature: signature, problem: problem)
            return 0
        }
    }

    /// A broken catalog is reported, skipped and never rewritten; it is not read again until
    /// it changes.
    private func rememberBroken(_ name: String, signature: String, problem: StoreProblem) throws {
        try database.write { db in
            try CatalogIndex.remove(source: name, db)
            try CatalogIndex.remember(source: name, signature: signature, problems: [problem], db)
        }
    }

    /// What is wrong with a catalog file, as precisely as the store's own decoder says (only
    /// broken files take this slow way).
    static func problem(_ path: String, bytes: JSONBytes) -> StoreProblem {
        switch RecordCodec.decode(CatalogFile.self, from: bytes[0..<bytes.count], path: path) {
        case .success: return StoreProblem(path: path, location: "", message: "not a catalog file")
        case .failure(let problem): return problem
        }
    }

    /// A catalog file read and outlined: where each contract is, and its parties decoded.
    static func outlineCatalog(_ path: String) -> Result<(bytes: JSONBytes, contracts: [Range<Int>], parties: [Party]), StoreProblem> {
        let bytes: JSONBytes
        do { bytes = try JSONBytes(contentsOf: path) } catch {
            return .failure(StoreProblem(path: path, location: "", message: error.message))
        }
        guard let outline = try? JSONScanner.outline(of: bytes.buffer, capturing: []), outline.isObject,
              let ranges = outline.members.first(where: { $0.key == "contracts" })?.elements?.map(\.range),
              outline.members.contains(where: { $0.key == "source" })
        else { return .failure(problem(path, bytes: bytes)) }
        var parties: [Party] = []
        if let range = outline.members.first(where: { $0.key == "parties" })?.value {
            guard let list = try? JSONDecoder().decode([Party].self, from: bytes[range]) else { return .failure(problem(path, bytes: bytes)) }
            parties = list
        }
        return .success((bytes, ranges, parties))
    }
}

import CobuyCore
import CobuyProcess
import Foundation

/// One imported catalog: the contracts (and their leads and vendors) read from one source
/// file, kept as one file under `STORE/catalog/` so that an import is all-or-nothing and
/// re-importing the same source replaces it instead of adding duplicates.
public struct CatalogFile: Codable, Sendable {
    public struct Source: Codable, Sendable, Hashable {
        /// The imported file's name (catalogs written before 2026-12 hold the importing
        /// machine's path: only its last component is meaningful).
        public var file: String
        public var publisher: String
        public var importedAt: Timestamp
        public var format: String
        public var releasesRead: Int
        /// Who may use the catalog's contracts whose publisher states nothing, as an officer
        /// stated it for the whole catalog (`cobuy import ocds --open-to … --regions …`).
        public var rule: StatedRule?

        public init(file: String, publisher: String, importedAt: Timestamp, format: String, releasesRead: Int) {
            self.file = file
            self.publisher = publisher
            self.importedAt = importedAt
            self.format = format
            self.releasesRead = releasesRead
        }
    }

    /// A rule an officer states for every contract of one catalog (a cooperative whose charter
    /// opens its contracts nationally), kept with who stated it and when.
    public struct StatedRule: Codable, Sendable, Hashable {
        public var kinds: [PartyKind]?
        public var regions: [RegionCode]?
        public var officer: String
        public var party: String
        public var at: Timestamp

        public init(kinds: [PartyKind]?, regions: [RegionCode]?, officer: String, party: String, at: Timestamp) {
            self.kinds = kinds
            self.regions = regions
            self.officer = officer
            self.party = party
            self.at = at
        }

        /// `Ana Ruiz (city-of-salem) on 2026-11-23, for the whole catalog`.
        public var statedBy: String { "\(officer) (\(party)) on \(at.date), for the whole catalog" }

        public var clause: CooperativeClause { CooperativeClause(open: true, kinds: kinds, regions: regions, statedBy: statedBy) }
    }

    public var schema: Int
    public var source: Source
    public var contracts: [CooperativeContract]
    public var parties: [Party]

    public init(source: Source, contracts: [CooperativeContract], parties: [Party]) {
        schema = 1
        self.source = source
        self.contracts = contracts
        self.parties = parties
    }

    /// `catalog/<name>-<hash of the source file's name>.json`: the same for one source file on
    /// every machine, wherever it was downloaded (the store travels in git), so importing it
    /// again replaces it.
    public static func fileName(forSource path: String) -> String {
        let base = (path as NSString).lastPathComponent
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in base.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let name = FileNames.replacingEachUnsafe(base)
        return "\(name.prefix(60))-\(String(hash, radix: 16)).json"
    }
}

/// Part of a catalog on its way to disk: contracts in file order, each with its line (compact
/// JSON, keys sorted), and the leads and vendors they name. An import hands these over as its
/// cores finish them, so the file and the index are written while later releases are read.
public struct CatalogChunk: Sendable {
    /// The contracts' lines, one after another (one buffer for the chunk, not one per line).
    public var text: [UInt8] = []
    /// Where each line ends in `text`.
    public var lineEnds: [Int] = []
    public var entries: [CatalogEntry] = []
    public var parties: [Party]

    public init(contracts: [CooperativeContract], parties: [Party]) {
        var text: [UInt8] = [], lineEnds: [Int] = [], entries: [CatalogEntry] = []
        text.reserveCapacity(contracts.count * 1400)
        lineEnds.reserveCapacity(contracts.count)
        entries.reserveCapacity(contracts.count)
        // Through the buffer, not `for contract in contracts`: the iterator (and the array's
        // subscript, here) hands out a copy of each contract, a retain and a release of every
        // field; the buffer's subscript lends it.
        contracts.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                ContractJSON.encode(buffer[index], appendingTo: &text)
                lineEnds.append(text.count)
                entries.append(CatalogEntry(buffer[index]))
            }
        }
        self.text = text
        self.lineEnds = lineEnds
        self.entries = entries
        self.parties = parties
    }

    /// The same chunk without the contracts at `positions` (ascending): an import refuses a
    /// contract whose id is taken. Rare, so the lines are copied rather than kept in place.
    public mutating func remove(at positions: [Int]) {
        let dropped = Set(positions)
        var text: [UInt8] = []
        var lineEnds: [Int] = []
        var entries: [CatalogEntry] = []
        var lineStart = 0
        for (position, (entry, lineEnd)) in zip(self.entries, self.lineEnds).enumerated() {
            defer { lineStart = lineEnd }
            guard !dropped.contains(position) else { continue }
            text += self.text[lineStart..<lineEnd]
            lineEnds.append(text.count)
            entries.append(entry)
        }
        self.text = text
        self.lineEnds = lineEnds
        self.entries = entries
    }

    /// The chunks of a whole catalog, made on every core.
    public static func chunks(of contracts: [CooperativeContract], parties: [Party], size: Int = 2048) -> [CatalogChunk] {
        let starts = Array(stride(from: 0, to: contracts.count, by: size))
        var chunks = ParallelMap.map(starts, chunk: 1) { start in
            CatalogChunk(contracts: Array(contracts[start..<min(contracts.count, start + size)]), parties: [])
        }
        if chunks.isEmpty { chunks = [CatalogChunk(contracts: [], parties: parties)] } else { chunks[0].parties = parties }
        return chunks
    }
}

extension Store {
    public var catalogFolder: String { "\(root)/catalog" }

    /// Removes what imports killed mid-write (kill -9, a power cut) left in `catalog/`: their
    /// temporaries, which can be hundreds of megabytes. Takes the store's lock, so no import
    /// running now loses its own. Returns how many were removed.
    @discardableResult
    public func removeCatalogTemporaries() -> Int {
        (try? transaction { _ in
            var removed = 0
            for name in DurableFile.names(in: catalogFolder) where name.contains(DurableFile.temporaryMarker) {
                if unlink("\(catalogFolder)/\(name)") == 0 { removed += 1 }
            }
            return removed
        }) ?? 0
    }
    /// The largest catalog file read whole: above what an import of the largest accepted OCDS
    /// file writes, below what would exhaust memory.
    public static let catalogSizeLimit = 2_000_000_000

    /// Writes (or replaces) one catalog atomically.
    public func writeCatalog(_ catalog: CatalogFile) throws {
        var chunks = CatalogChunk.chunks(of: catalog.contracts, parties: catalog.parties)[...]
        _ = try writeCatalog(source: catalog.source, large: catalog.contracts.count > CatalogIndex.bulkSize) { chunks.popFirst() }
    }

    /// Writes (or replaces) one catalog from chunks pulled one after another, and indexes it in
    /// the same pass: each contract's line goes to the file and its row to the index, which
    /// remembers where in the file the line is. The file appears whole or not at all; the
    /// index commits after it (a crash between leaves the index behind the file, and the next
    /// refresh sees the new signature). An error from `chunks` abandons both. The file: one
    /// contract per line (a re-import that changes a contract changes one line in `git diff`),
    /// keys sorted, trailing newline. `large` (thousands of contracts) rebuilds the index's
    /// sort orders once at the end instead of row by row. `validate` hears the count before
    /// anything is committed and may refuse it by throwing. Returns how many contracts were written.
    @discardableResult
    public func writeCatalog(source: CatalogFile.Source, large: Bool, chunks: () throws -> CatalogChunk?,
                             validate: (Int) throws -> Void = { _ in }) throws -> Int {
        try transaction { _ in
            try DurableFile.makeFolder(catalogFolder)
            let name = CatalogFile.fileName(forSource: source.file)
            let path = "\(catalogFolder)/\(name)"
            let file = try AtomicFileWriter(path: path)
            defer { file.abandon() }
            var count = 0
            func write(indexingWith index: CatalogIndex.Writer?) throws -> (signature: String, problems: [StoreProblem]) {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                try file.append("{\n  \"contracts\" : [")
                var parties: [String: Party] = [:]
                while let chunk = try chunks() {
                    index?.learnNames(chunk.parties)
                    var lineStart = 0
                    for (entry, lineEnd) in zip(chunk.entries, chunk.lineEnds) {
                        try file.append(count == 0 ? "\n    " as StaticString : ",\n    ")
                        let start = file.offset
                        try chunk.text.withUnsafeBytes { try file.append(UnsafeRawBufferPointer(rebasing: $0[lineStart..<lineEnd])) }
                        lineStart = lineEnd
                        try index?.insert(entry, at: start..<file.offset)
                        count += 1
                    }
                    for party in chunk.parties where parties[party.id] == nil { parties[party.id] = party }
                }
                try validate(count)
                try file.append(count == 0 ? "]" : "\n  ]")
                let sortedParties = parties.values.sorted { $0.id < $1.id }
                try file.append(",\n  \"parties\" : [")
                for (number, party) in sortedParties.enumerated() {
                    try file.append(number == 0 ? "\n    " : ",\n    ")
                    try file.append(try encoder.encode(party))
                }
                try file.append(sortedParties.isEmpty ? "]" : "\n  ]")
                try file.append(",\n  \"schema\" : 1,\n  \"source\" : ")
                try file.append(try encoder.encode(source))
                try file.append("\n}\n")
                try index?.insert(parties: sortedParties)
                try file.commit()
                return (FileSignature.of(path) ?? "", [])
            }
            if let index = catalogIndex() {
                try index.replace(source: name, bulk: large) { writer in try write(indexingWith: writer) }
            } else {
                _ = try write(indexingWith: nil)
            }
            return count
        }
    }

    /// Every readable catalog; a broken one is reported and skipped.
    public func loadCatalogs() -> (catalogs: [CatalogFile], problems: [StoreProblem]) {
        var catalogs: [CatalogFile] = []
        var problems: [StoreProblem] = []
        let names: [String]
        do throws(StoreError) { names = try DurableFile.listing(catalogFolder) } catch {
            return ([], [Store.unreadable(error, path: catalogFolder)])
        }
        for name in names.sorted() where name.hasSuffix(".json") && !DurableFile.isTemporaryOrHidden(name) {
            let path = "\(catalogFolder)/\(name)"
            do throws(StoreError) {
                switch RecordCodec.decode(CatalogFile.self, from: try DurableFile.read(path, limit: Store.catalogSizeLimit), path: path) {
                case .success(let catalog): catalogs.append(catalog)
                case .failure(let problem): problems.append(problem)
                }
            } catch {
                problems.append(Store.unreadable(error, path: path))
            }
        }
        return (catalogs, problems)
    }

    /// What commands and screens work on: every record of the store's own folders, plus the
    /// imported contracts that its addenda piggyback on (and their leads and vendors). The rest
    /// of the catalogs stays in the index, searched rather than loaded, however large.
    public func loadWorkingSet(index: CatalogIndex?) -> (records: [AnyRecord], problems: [StoreProblem]) {
        var records: [AnyRecord] = []
        var problems: [StoreProblem] = []
        for kind in RecordKind.allCases {
            let loaded = loadLocal(kind)
            records += loaded.records
            problems += loaded.problems
        }
        guard let index else { return (records, problems) }
        problems += index.problems().filter { $0.path.hasPrefix(catalogFolder + "/") }
        var known = Set(records.map(\.id))
        var wantedParties: [String] = []
        for case .addendum(let addendum) in records where !known.contains(addendum.contract) {
            guard let contract = index.contract(addendum.contract) else { continue }
            known.insert(contract.id)
            records.append(.contract(contract))
            wantedParties += [contract.leadParty, contract.vendor]
        }
        for id in wantedParties where !known.contains(id) {
            guard let party = index.party(id) else { continue }
            known.insert(id)
            records.append(.party(party))
        }
        return (records, problems)
    }
}

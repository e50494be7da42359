import CobuyCore
import Foundation

/// One imported catalog: the contracts (and their leads and vendors) read from one source
/// file, kept as one file under `STORE/catalog/` so that an import is all-or-nothing and
/// re-importing the same source replaces it instead of adding duplicates.
public struct CatalogFile: Codable, Sendable {
    public struct Source: Codable, Sendable, Hashable {
        /// The imported file's absolute path.
        public var file: String
        public var publisher: String
        public var importedAt: Timestamp
        public var format: String
        public var releasesRead: Int

        public init(file: String, publisher: String, importedAt: Timestamp, format: String, releasesRead: Int) {
            self.file = file
            self.publisher = publisher
            self.importedAt = importedAt
            self.format = format
            self.releasesRead = releasesRead
        }
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

    /// `catalog/<name>-<hash of the source path>.json`: stable for one source file.
    public static func fileName(forSource path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let base = (path as NSString).lastPathComponent
        var name = ""
        for scalar in base.unicodeScalars {
            let value = scalar.value
            let keep = (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value) || scalar == "-" || scalar == "_"
            name.append(keep ? Character(scalar) : "-")
        }
        return "\(name.prefix(60))-\(String(hash, radix: 16)).json"
    }
}

extension CatalogFile {
    /// Each contract as compact JSON with sorted keys.
    func encodedContracts() -> [Data] {
        ParallelMap.map(contracts) { ContractJSON.encode($0) }
    }

    /// The catalog file: one contract per line (a re-import that changes a contract changes
    /// one line in `git diff`), keys sorted, trailing newline.
    func fileData(encodedContracts: [Data]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data("{\n  \"contracts\" : [".utf8)
        func lines(_ items: [Data]) {
            for (index, item) in items.enumerated() {
                data.append(contentsOf: Array((index == 0 ? "\n    " : ",\n    ").utf8))
                data.append(item)
            }
            data.append(contentsOf: Array((items.isEmpty ? "]" : "\n  ]").utf8))
        }
        lines(encodedContracts)
        data.append(contentsOf: Array(",\n  \"parties\" : [".utf8))
        lines(try parties.map { try encoder.encode($0) })
        data.append(contentsOf: Array(",\n  \"schema\" : \(schema),\n  \"source\" : ".utf8))
        data.append(try encoder.encode(source))
        data.append(contentsOf: Array("\n}\n".utf8))
        return data
    }
}

extension Store {
    public var catalogFolder: String { "\(root)/catalog" }

    /// Writes (or replaces) one catalog atomically.
    public func writeCatalog(_ catalog: CatalogFile) throws {
        try transaction { _ in
            try DurableFile.makeFolder(catalogFolder)
            // Each contract is encoded once, on every core, for the file and the index alike.
            let encoded = catalog.encodedContracts()
            let data: Data
            do { data = try catalog.fileData(encodedContracts: encoded) } catch {
                throw StoreError.io(path: catalogFolder, message: "cannot encode: \(error)")
            }
            let name = CatalogFile.fileName(forSource: catalog.source.file)
            try DurableFile.write(data, to: "\(catalogFolder)/\(name)")
            // Index straight from memory; if this fails, the next refresh sees the new file's
            // signature and reads it.
            try? catalogIndex()?.replace(catalog: catalog, encodedContracts: encoded, fileName: name)
        }
    }

    /// Every readable catalog; a broken one is reported and skipped.
    public func loadCatalogs() -> (catalogs: [CatalogFile], problems: [StoreProblem]) {
        var catalogs: [CatalogFile] = []
        var problems: [StoreProblem] = []
        for name in DurableFile.names(in: catalogFolder).sorted() where name.hasSuffix(".json") && !DurableFile.isTemporaryOrHidden(name) {
            let path = "\(catalogFolder)/\(name)"
            do {
                switch RecordCodec.decode(CatalogFile.self, from: try DurableFile.read(path), path: path) {
                case .success(let catalog): catalogs.append(catalog)
                case .failure(let problem): problems.append(problem)
                }
            } catch {
                problems.append(StoreProblem(path: path, location: "", message: "\(error)"))
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

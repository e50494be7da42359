import CobuyCore
import CobuyJSON
import Foundation
import GRDB
import Testing
@testable import CobuyStore

/// Catalogs written in chunks: the file is whole or absent, the index points at each
/// contract's bytes in it, and reading through the index gives back exactly the contract.
@Suite struct CatalogWriteTests {
    static func contract(_ n: Int, title: String? = nil) -> CooperativeContract {
        var contract = CooperativeContract(
            id: String(format: "CON-cat-%05d", n), title: title ?? "Road salt lot \(n)", description: "Deicing salt, lot \(n) — \"bulk\"",
            category: n % 2 == 0 ? "Roads" : "Furniture",
            source: ContractSource(kind: .imported, publisher: "Test", ocid: "ocds-t-\(n)", file: "/data/t.json"),
            leadParty: "lead-\(n % 3)", vendor: "vendor-\(n % 4)",
            cooperativeClause: CooperativeClause(open: true, kinds: [.city], regions: RegionCode("US-OR").map { [$0] }, statedBy: "the publisher"))
        contract.leadName = "Lead \(n % 3)"
        contract.vendorName = "Vendor \(n % 4)"
        contract.status = .active
        if let start = CalendarDate("2025-01-01"), let end = CalendarDate("2028-01-01") { contract.period = ContractPeriod(start: start, end: end) }
        return contract
    }

    static let source = CatalogFile.Source(file: "/data/t.json", publisher: "Test", importedAt: TemporaryStore.now,
                                           format: "release-package", releasesRead: 10)

    func catalogFiles(_ store: Store) -> [String] {
        DurableFile.names(in: store.catalogFolder).sorted()
    }

    @Test func chunksBecomeOneFileThatDecodesAsTheCatalogAndIndexesEveryContractWhereItIs() throws {
        let scratch = try TemporaryStore()
        let contracts = (0..<25).map { Self.contract($0) }
        var chunks = stride(from: 0, to: 25, by: 7).map { CatalogChunk(contracts: Array(contracts[$0..<min(25, $0 + 7)]), parties: []) }[...]
        let written = try scratch.store.writeCatalog(source: Self.source, large: false) { chunks.popFirst() }
        #expect(written == 25)
        let name = CatalogFile.fileName(forSource: Self.source.file)
        #expect(catalogFiles(scratch.store) == [name], "no temporary left behind")
        let data = try DurableFile.read("\(scratch.store.catalogFolder)/\(name)")
        let decoded = try JSONDecoder().decode(CatalogFile.self, from: data)
        #expect(decoded.contracts == contracts)
        // The same bytes as JSONEncoder would write for the whole catalog, one contract per line.
        #expect(String(decoding: data, as: UTF8.self).split(separator: "\n").count == 25 + 7)
        let index = try #require(scratch.store.catalogIndex())
        #expect(!index.staleSources().contains(name), "indexed as written, with the file's signature")
        for contract in contracts {
            #expect(index.contract(contract.id) == contract)
        }
        var query = CatalogQuery()
        query.text = "salt"
        let page = try index.search(query, today: TemporaryStore.now.date, limit: 5)
        #expect(page.total == 25)
        #expect(page.contracts.count == 5)
    }

    @Test func aFailingChunkLeavesTheOldCatalogAndIndexUntouched() throws {
        let scratch = try TemporaryStore()
        try scratch.store.writeCatalog(CatalogFile(source: Self.source, contracts: [Self.contract(1)], parties: []))
        struct Broken: Error {}
        var calls = 0
        #expect(throws: Broken.self) {
            try scratch.store.writeCatalog(source: Self.source, large: false) {
                calls += 1
                if calls == 2 { throw Broken() }
                return CatalogChunk(contracts: [Self.contract(2), Self.contract(3)], parties: [])
            }
        }
        #expect(catalogFiles(scratch.store) == [CatalogFile.fileName(forSource: Self.source.file)])
        let index = try #require(scratch.store.catalogIndex())
        #expect(index.contract(Self.contract(1).id) == Self.contract(1))
        #expect(index.contract(Self.contract(2).id) == nil)
        #expect(index.contractCount == 1)
    }

    @Test func validationCanRefuseBeforeAnythingIsCommitted() throws {
        let scratch = try TemporaryStore()
        struct Empty: Error {}
        #expect(throws: Empty.self) {
            try scratch.store.writeCatalog(source: Self.source, large: false, chunks: { nil }, validate: { if $0 == 0 { throw Empty() } })
        }
        #expect(catalogFiles(scratch.store).isEmpty)
    }

    @Test func aCatalogEditedBehindTheIndexsBackIsNeverMisreadAndTheRefreshRereadsIt() throws {
        let scratch = try TemporaryStore()
        let contracts = (0..<6).map { Self.contract($0) }
        try scratch.store.writeCatalog(CatalogFile(source: Self.source, contracts: contracts, parties: []))
        let path = "\(scratch.store.catalogFolder)/\(CatalogFile.fileName(forSource: Self.source.file))"
        // A git pull that shifts every line: the index's offsets now point elsewhere.
        var edited = try JSONDecoder().decode(CatalogFile.self, from: DurableFile.read(path))
        edited.contracts.insert(Self.contract(99, title: "A much longer title that moves every later line along"), at: 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try DurableFile.write(encoder.encode(edited), to: path)
        let stale = try #require(scratch.store.catalogIndex())
        #expect(!stale.isCurrent())
        for contract in contracts {
            // Either right or nothing; never another contract's record.
            let found = stale.contract(contract.id)
            #expect(found == nil || found == contract)
        }
        try stale.refresh()
        #expect(stale.isCurrent())
        for contract in edited.contracts { #expect(stale.contract(contract.id) == contract) }
        #expect(stale.contractCount == 7)
    }

    @Test func theStoresOwnContractWinsOverACatalogsWithTheSameIDWhicheverIsIndexedFirst() throws {
        for localFirst in [true, false] {
            let scratch = try TemporaryStore()
            var own = Self.contract(1, title: "Our own record of lot 1")
            own.source = ContractSource(kind: .solicitation, solicitation: "SOL-2026-0001")
            func writeOwn() throws {
                try DurableFile.makeFolder(scratch.store.folder(.contract))
                try DurableFile.write(RecordCodec.encode(own), to: "\(scratch.store.folder(.contract))/\(own.id).json")
            }
            let index = try #require(scratch.store.catalogIndex())
            if localFirst { try writeOwn(); try index.refresh() }
            try scratch.store.writeCatalog(CatalogFile(source: Self.source, contracts: (0..<3).map { Self.contract($0) }, parties: []))
            if !localFirst { try writeOwn(); try index.refresh() }
            #expect(index.contract(own.id)?.title == own.title, "local first: \(localFirst)")
            #expect(index.contractCount == 3)
            var query = CatalogQuery()
            query.text = "lot"
            #expect(try index.search(query, today: TemporaryStore.now.date).total == 3)
        }
    }

    @Test func aRefreshOfALargeCatalogReportsHowFarItHasCome() throws {
        let scratch = try TemporaryStore()
        try scratch.store.writeCatalog(CatalogFile(source: Self.source, contracts: (0..<4500).map { Self.contract($0) }, parties: []))
        let path = "\(scratch.store.catalogFolder)/\(CatalogFile.fileName(forSource: Self.source.file))"
        // The same bytes under a new inode: the signature changes, as after a git checkout.
        try DurableFile.write(DurableFile.read(path), to: path)
        let index = try #require(scratch.store.catalogIndex())
        var heard: [CatalogIndex.Progress] = []
        try index.refresh(progress: { heard.append($0) })
        let counts = heard.filter { $0.source != "local" }.compactMap { $0.total == nil ? nil : $0.done }
        #expect(counts == [2000, 4000, 4500])
        #expect(heard.last?.description.hasSuffix("4,500 of 4,500 contracts…") == true, "\(heard.last?.description ?? "")")
        #expect(index.contractCount == 4500)
    }

    @Test(arguments: [false, true])
    func aLargeWriteFillsTheFullTextFileFromItsOwnThreadAndAFailureRollsBothBack(failing: Bool) throws {
        let scratch = try TemporaryStore()
        try scratch.store.writeCatalog(CatalogFile(source: Self.source, contracts: (0..<10).map { Self.contract($0) }, parties: []))
        struct Broken: Error {}
        var calls = 0
        let write = {
            try scratch.store.writeCatalog(source: Self.source, large: true) {
                calls += 1
                if failing, calls == 3 { throw Broken() }
                guard calls <= 4 else { return nil }
                return CatalogChunk(contracts: (0..<700).map { Self.contract((calls - 1) * 700 + $0, title: "Snow plow \(calls)") }, parties: [])
            }
        }
        let index = try #require(scratch.store.catalogIndex())
        var query = CatalogQuery()
        query.text = "plow"
        if failing {
            #expect(throws: Broken.self) { _ = try write() }
            #expect(index.contractCount == 10)
            #expect(try index.search(query, today: TemporaryStore.now.date).total == 0)
            query.text = "salt"
            #expect(try index.search(query, today: TemporaryStore.now.date).total == 10)
        } else {
            #expect(try write() == 2800)
            #expect(index.contractCount == 2800)
            #expect(try index.search(query, today: TemporaryStore.now.date).total == 2800)
            query.text = "snow"
            #expect(try index.search(query, today: TemporaryStore.now.date, limit: 3).contracts.count == 3)
        }
        #expect(index.isCurrent() || index.staleSources() == ["local"])
    }

    @Test func aCrashBetweenTheTwoFilesCommitsIsFoundAndIndexedAgain() throws {
        let scratch = try TemporaryStore()
        let contracts = (0..<20).map { Self.contract($0) }
        try scratch.store.writeCatalog(source: Self.source, large: true) { nil }
        try scratch.store.writeCatalog(CatalogFile(source: Self.source, contracts: contracts, parties: []))
        let name = CatalogFile.fileName(forSource: Self.source.file)
        let index = try #require(scratch.store.catalogIndex())
        try index.refresh()
        #expect(index.isCurrent())
        // As if the full-text file had committed a newer import and the main file had not: another
        // signature, and rows no contract owns.
        let text = try DatabaseQueue(path: "\(scratch.folder)/.index/catalog-text.sqlite")
        try text.write { db in
            try db.execute(sql: "UPDATE text_source SET signature = 'newer' WHERE name = ?", arguments: [name])
            try db.execute(sql: "INSERT INTO contract_text (rowid, title, vendor, lead, category, description) VALUES (999999, 'Road salt', '', '', '', '')")
        }
        #expect(index.staleSources().contains(name))
        try index.refresh()
        #expect(index.isCurrent())
        var query = CatalogQuery()
        query.text = "salt"
        let page = try index.search(query, today: TemporaryStore.now.date, limit: 100)
        #expect(page.total == 20, "the stray row is gone")
        #expect(page.contracts.count == 20)
    }

    @Test func aCrashedFirstImportLeavesNothingThatBlocksTheNextOne() throws {
        let scratch = try TemporaryStore()
        let index = try #require(scratch.store.catalogIndex())
        try index.refresh()
        // The full-text file committed a first import, the main file never did: rows and a source
        // the main file knows nothing of, at the row numbers the next import will take.
        let text = try DatabaseQueue(path: "\(scratch.folder)/.index/catalog-text.sqlite")
        try text.write { db in
            try db.execute(sql: "INSERT INTO text_source (name, signature) VALUES ('gone.json', 'x')")
            for row in 1...30 {
                try db.execute(sql: "INSERT INTO contract_text (rowid, title, vendor, lead, category, description) VALUES (?, 'Road salt', '', '', '', '')",
                               arguments: [row])
            }
        }
        var chunks = [CatalogChunk(contracts: (0..<20).map { Self.contract($0) }, parties: [])][...]
        #expect(try scratch.store.writeCatalog(source: Self.source, large: true) { chunks.popFirst() } == 20)
        var query = CatalogQuery()
        query.text = "salt"
        #expect(try index.search(query, today: TemporaryStore.now.date, limit: 100).total == 20, "no stray row counted")
        #expect(index.contractCount == 20)
        #expect(!index.staleSources().contains(CatalogFile.fileName(forSource: Self.source.file)))
    }

    @Test func theIndexTellsABrokenCatalogFromAGoodOne() throws {
        let scratch = try TemporaryStore()
        try DurableFile.makeFolder(scratch.store.catalogFolder)
        try DurableFile.write(Data(#"{"contracts":[{"id":"CON-x"}],"parties":[],"schema":1,"source":{}}"#.utf8),
                              to: "\(scratch.store.catalogFolder)/broken.json")
        let index = try #require(scratch.store.catalogIndex())
        try index.refresh()
        let problems = index.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.path.hasSuffix("broken.json") == true)
        #expect(problems.first?.location.isEmpty == false, "names the field that is wrong")
    }
}

@Suite struct AtomicFileWriterTests {
    @Test func nothingAppearsUntilCommitAndAnAbandonLeavesNoTrace() throws {
        let scratch = try TemporaryStore()
        let path = "\(scratch.folder)/big.json"
        do {
            let writer = try AtomicFileWriter(path: path)
            for _ in 0..<3000 { try writer.append(String(repeating: "x", count: 999) + "\n") }
            #expect(!DurableFile.exists(path))
            #expect(writer.offset == 3_000_000)
        }
        #expect(!DurableFile.exists(path))
        #expect(DurableFile.names(in: scratch.folder).allSatisfy { !$0.contains(DurableFile.temporaryMarker) })
        let writer = try AtomicFileWriter(path: path)
        try writer.append("hello")
        try writer.commit()
        #expect(try DurableFile.read(path) == Data("hello".utf8))
        #expect(throws: StoreError.self) { try writer.append("more"); try writer.commit() }
    }
}

@Suite struct SearchWordsTests {
    @Test func shortWordsAreWholeWordsAndAShortWordStillBeingTypedWaits() {
        #expect(CatalogQuery.matchExpression("salt") == #""salt"*"#)
        #expect(CatalogQuery.matchExpression("IT") == #""IT""#)
        #expect(CatalogQuery.matchExpression("p") == #""p""#)
        #expect(CatalogQuery.matchExpression("office su") == #""office"*"#)
        #expect(CatalogQuery.matchExpression("office su ") == #""office"* "su""#)
        #expect(CatalogQuery.matchExpression("IT services") == #""IT" "services"*"#)
        #expect(CatalogQuery.matchExpression("\"salt\" OR *") == #""salt"* "OR""#)
        #expect(CatalogQuery.matchExpression("  -- ") == nil)
    }
}

extension CatalogWriteTests {
    /// An officer looks up a contract by its id, whole or in part (the full-text index holds
    /// only the words officers read); a "word-1" search still finds titles.
    @Test func aSearchThatReadsLikeAnIdFindsItsContractsByIdAndStillByWords() throws {
        let scratch = try TemporaryStore()
        var contracts = (0..<25).map { Self.contract($0) }
        contracts[3].title = "COVID-19 test kits"
        var chunks = [CatalogChunk(contracts: contracts, parties: [])][...]
        _ = try scratch.store.writeCatalog(source: Self.source, large: false) { chunks.popFirst() }
        let index = try #require(scratch.store.catalogIndex())
        func ids(_ text: String) throws -> [String] {
            var query = CatalogQuery()
            query.text = text
            return try index.search(query, today: TemporaryStore.now.date, limit: 50).contracts.map(\.id)
        }
        #expect(try ids("CON-cat-00012") == ["CON-cat-00012"])
        #expect(try ids("con-cat-0001") == (10...19).map { String(format: "CON-cat-%05d", $0) }, "case ignored, in id order")
        #expect(try ids("covid-19") == ["CON-cat-00003"])
        #expect(try ids("cat-000_2").isEmpty, "a typed _ is not a wildcard")
        #expect(CatalogQuery.idFragment("road salt") == nil)
        #expect(CatalogQuery.idFragment("2026-0004") == "%2026-0004%")
        #expect(CatalogQuery.idFragment("50%-off") == #"%50\%-off%"#)
    }
}

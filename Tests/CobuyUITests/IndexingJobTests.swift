import CobuyCore
import CobuyStore
import Foundation
import Testing
@testable import CobuyUI

/// A catalog changed behind Cobuy's back (a `git pull`) is indexed off the main thread, and
/// Esc stops it without leaving half a catalog in the index.
@Suite struct IndexingJobTests {
    /// A store whose catalog file was written without the index hearing of it.
    static func storeWithUnindexedCatalog(contracts count: Int) throws -> (Store, String) {
        let folder = NSTemporaryDirectory() + "cobuy-indexing-" + UUID().uuidString
        let store = try Store.initialize(at: folder)
        let source = CatalogFile.Source(file: "/data/pulled.json", publisher: "Pulled", importedAt: Fixtures.now,
                                        format: "release-package", releasesRead: count)
        let contracts = (0..<count).map { n in
            var contract = CooperativeContract(id: "CON-P\(n)", title: "Pulled contract \(n)", category: "Roads",
                                               source: ContractSource(kind: .imported, publisher: "Pulled", ocid: "ocds-p-\(n)"),
                                               leadParty: "lead", vendor: "vendor", cooperativeClause: CooperativeClause(open: true, kinds: nil, regions: nil))
            contract.status = .active
            return contract
        }
        let data = try RecordCodec.encode(CatalogFile(source: source, contracts: contracts, parties: []))
        try DurableFile.write(data, to: "\(store.catalogFolder)/pulled.json")
        return (store, folder)
    }

    func wait(for job: IndexingJob) throws -> CatalogIndex.RefreshReport {
        let deadline = Date().addingTimeInterval(60)
        while job.result == nil, Date() < deadline { usleep(5_000) }
        return try #require(try job.result?.get())
    }

    @Test func aChangedCatalogIsIndexedInTheBackground() throws {
        let (store, folder) = try Self.storeWithUnindexedCatalog(contracts: 500)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = try #require(store.catalogIndex())
        #expect(index.staleSources().contains("pulled.json"))
        let job = IndexingJob(index: index)
        let report = try wait(for: job)
        #expect(report.reindexed.contains("pulled.json") && report.contracts == 500)
        #expect(index.isCurrent() && index.contractCount == 500)
    }

    @Test func stoppingLeavesTheCatalogUnindexedAndStale() throws {
        let (store, folder) = try Self.storeWithUnindexedCatalog(contracts: 30_000)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = try #require(store.catalogIndex())
        let job = IndexingJob(index: index)
        // Stop it once it is reading the catalog, as Esc would.
        let deadline = Date().addingTimeInterval(30)
        while !job.progress.contains("pulled.json"), job.result == nil, Date() < deadline { usleep(1_000) }
        job.cancel()
        _ = try wait(for: job)
        #expect(job.isCancelled)
        #expect(index.contractCount == 0, "nothing of the stopped catalog is in the index")
        #expect(index.staleSources().contains("pulled.json"), "it is read again next time")
    }
}

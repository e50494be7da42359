import CobuyCore
import CobuyDocs
import CobuyStore
import Foundation

extension FuzzTarget {
    /// CobuyDocs OCDSImport: a file (package, record package, release, JSON Lines) through the
    /// whole conversion to contracts and parties. What it imports must be storable: ids a store
    /// accepts as file names.
    static let ocds = FuzzTarget(name: "ocds", maximumLength: 16_384) { input in
        let imported: OCDSImport.Imported
        do throws(OCDSImport.Failure) {
            imported = try OCDSImport.read(file: "fuzz.json", data: Data(input), publisher: nil, now: fuzzNow)
        } catch {
            _ = error.description
            return
        }
        checkStorable(imported.catalog)
        for skipped in imported.skipped { _ = skipped.description }
    }

    /// The instant every import in the fuzzer runs at (the importers take `now`).
    static let fuzzNow = Timestamp(secondsSinceEpoch: 1_780_000_000)

    /// Contracts and parties an import made must be ones the store can write and read back.
    static func checkStorable(_ catalog: CatalogFile) {
        for contract in catalog.contracts where !Store.isSafeID(contract.id) {
            failed("imported contract id \(contract.id.debugDescription) is not a safe file name")
        }
        for party in catalog.parties where !Party.isValidID(party.id) {
            failed("imported party id \(party.id.debugDescription) is not a valid party id")
        }
    }
}

import CobuyDocs
import Foundation

extension FuzzTarget {
    /// CobuyDocs CSVImport: a spreadsheet of contracts into a catalog.
    static let csv = FuzzTarget(name: "csv", maximumLength: 8_192) { input in
        do throws(CSVImport.Failure) {
            let imported = try CSVImport.read(file: "fuzz.csv", data: Data(input), publisher: nil, now: fuzzNow)
            checkStorable(imported.catalog)
            for problem in imported.skipped { _ = problem.description }
        } catch {
            _ = error.description
        }
    }
}

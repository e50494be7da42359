import CobuyCore
import CobuyStore
import Foundation

extension FuzzTarget {
    /// CobuyStore RecordCodec: a record file as any of the four kinds (and a catalog file), then
    /// the checks `cobuy validate` runs on what decoded. A record that decodes must survive
    /// being written and read back, as every action does to it.
    static let records = FuzzTarget(name: "records", maximumLength: 8_192) { input in
        let data = Data(input)
        check(Party.self, data)
        check(JointSolicitation.self, data)
        check(CooperativeContract.self, data)
        check(ParticipatingAddendum.self, data)
        if case .failure(let problem) = RecordCodec.decode(CatalogFile.self, from: data, path: "catalog.json") {
            _ = problem.message
        }
    }

    private static func check<R: Record>(_ type: R.Type, _ data: Data) {
        switch RecordCodec.decode(type, from: data, path: "record.json") {
        case .failure(let problem):
            _ = problem.location + problem.message
        case .success(let record):
            _ = record.consistencyProblems()
            _ = record.historyProblems()
            _ = AnyRecord(record).displayStatus(today: fuzzNow.date)
            _ = record.title
            let written: Data
            do {
                written = try RecordCodec.encode(record)
            } catch {
                failed("a decoded \(type) does not encode: \(error)")
            }
            if case .failure(let problem) = RecordCodec.decode(type, from: written, path: "record.json") {
                failed("a decoded \(type) does not read back after writing: \(problem.location) \(problem.message)")
            }
        }
    }
}

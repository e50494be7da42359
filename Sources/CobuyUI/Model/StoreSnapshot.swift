import CobuyCore
import CobuyStore

/// Everything the UI shows, read from the store once (and again after each write): records,
/// their list rows, and the files that could not be read. Keystrokes never touch the disk;
/// they work on this value.
public struct StoreSnapshot: Sendable {
    public var directory: RecordDirectory
    public var rows: [RecordKind: [RecordSummary]]
    public var problems: [StoreProblem]
    public var dashboard: Dashboard

    public init(records: [AnyRecord], problems: [StoreProblem], today: CalendarDate) {
        var directory = RecordDirectory()
        for record in records { directory.insert(record) }
        self.directory = directory
        self.problems = problems
        var rows: [RecordKind: [RecordSummary]] = [:]
        for kind in RecordKind.allCases { rows[kind] = [] }
        for record in records {
            rows[record.kind, default: []].append(RecordSummary(record, today: today, lookup: directory))
        }
        for kind in RecordKind.allCases { rows[kind]?.sort { $0.id < $1.id } }
        self.rows = rows
        dashboard = Dashboard(solicitations: directory.solicitations.values.sorted { $0.id < $1.id },
                              contracts: directory.contracts.values.sorted { $0.id < $1.id },
                              addenda: directory.addenda.values.sorted { $0.id < $1.id },
                              today: today, lookup: directory)
    }

    public static let empty = StoreSnapshot(records: [], problems: [], today: CalendarDate(daysSinceEpoch: 0))

    /// Reads every record of the store (unreadable files become problems, not failures).
    public static func load(from store: Store, today: CalendarDate) -> StoreSnapshot {
        var records: [AnyRecord] = []
        var problems: [StoreProblem] = []
        for kind in RecordKind.allCases {
            let loaded = store.loadAll(kind)
            records += loaded.records
            problems += loaded.problems
        }
        return StoreSnapshot(records: records, problems: problems, today: today)
    }

    public func record(_ id: String) -> AnyRecord? {
        switch RecordKind(id: id) {
        case .party: return directory.parties[id].map(AnyRecord.party)
        case .solicitation: return directory.solicitations[id].map(AnyRecord.solicitation)
        case .contract: return directory.contracts[id].map(AnyRecord.contract)
        case .addendum: return directory.addenda[id].map(AnyRecord.addendum)
        }
    }

    /// Public bodies, for choosing the officer's party.
    public var publicBodies: [Party] {
        directory.parties.values.filter { $0.kind.isPublicBody }.sorted { $0.name < $1.name }
    }
}

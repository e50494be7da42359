import CobuyCore
import CobuyStore

/// Everything the UI shows, read from the store once (and again after each write): records,
/// their list rows, and the files that could not be read. Keystrokes work on this value and
/// ask the catalog reader for the window of catalog rows they show.
public struct StoreSnapshot: Sendable {
    public var directory: RecordDirectory
    public var rows: [RecordKind: [RecordSummary]]
    public var problems: [StoreProblem]
    public var dashboard: Dashboard
    /// Every contract, the catalogs' included, searched page by page; nil when only the
    /// records above exist (a store whose index cannot be opened).
    public var catalog: (any CatalogReader)?
    /// Every contract the catalog index holds (counted once per load, for list titles).
    public var catalogTotal: Int

    public init(records: [AnyRecord], problems: [StoreProblem], today: CalendarDate, catalog: (any CatalogReader)? = nil) {
        self.catalog = catalog
        catalogTotal = catalog?.contractCount ?? 0
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

    public func record(_ id: String) -> AnyRecord? {
        switch RecordKind(id: id) {
        case .party: return (directory.parties[id] ?? catalog?.party(id)).map(AnyRecord.party)
        case .solicitation: return directory.solicitations[id].map(AnyRecord.solicitation)
        case .contract: return (directory.contracts[id] ?? catalog?.contract(id)).map(AnyRecord.contract)
        case .addendum: return directory.addenda[id].map(AnyRecord.addendum)
        }
    }

    /// The records for guards, details and drafts: the snapshot's, then the catalog's.
    public var lookup: any RecordLookup {
        guard let catalog else { return directory }
        return SnapshotLookup(directory: directory, catalog: catalog)
    }

    /// Every party, vendors included, for choosing whom the officer acts for: public bodies
    /// first, then vendors, each by name.
    public var allParties: [Party] {
        directory.parties.values.sorted { ($0.kind.isPublicBody ? 0 : 1, $0.name) < ($1.kind.isPublicBody ? 0 : 1, $1.name) }
    }
}

/// Looks in the snapshot first, then in the catalogs (imported contracts and parties).
struct SnapshotLookup: RecordLookup {
    let directory: RecordDirectory
    let catalog: any CatalogReader

    func party(_ id: String) -> Party? { directory.party(id) ?? catalog.party(id) }
    func contract(_ id: String) -> CooperativeContract? { directory.contract(id) ?? catalog.contract(id) }
    func solicitation(_ id: String) -> JointSolicitation? { directory.solicitation(id) }
    func addenda(onContract id: String) -> [ParticipatingAddendum] { directory.addenda(onContract: id) }
    func knownParties() -> [Pick] { directory.knownParties() }
}

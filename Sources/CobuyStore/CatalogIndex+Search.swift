import CobuyCore
import Foundation
import GRDB

extension CatalogIndex {
    /// One page of a search: the matching contracts from `offset`, and how many match in all.
    public struct Page: Sendable {
        public var query: CatalogQuery
        public var total: Int
        public var offset: Int
        public var contracts: [CooperativeContract]
        /// False when the words matched too many contracts to rank (see `rankingLimit`): the
        /// page is then in catalog order until more words narrow it down.
        public var ranked: Bool = true
    }

    /// Ranking costs time in proportion to the matches; past this many (a word of one or two
    /// letters typed into a search) relevance means little and is skipped.
    public static let rankingLimit = 10_000

    /// Runs a search. The count and the page come from one read transaction, so they agree
    /// even while an import writes. Only the page's records are decoded.
    public func search(_ query: CatalogQuery, today: CalendarDate, offset: Int = 0, limit: Int? = 50) throws(StoreError) -> Page {
        let (from, conditions, arguments) = CatalogIndex.clauses(for: query, today: today)
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        do {
            return try database.read { db in
                // Words alone are counted in the full-text index without touching the rows.
                let countFrom = conditions.count == 1 && from != "contract c" ? "contract_text" : from
                let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(countFrom)\(whereClause)", arguments: arguments) ?? 0
                let ranked = !(query.sort == .relevance && total > CatalogIndex.rankingLimit)
                let order = ranked ? CatalogIndex.order(for: query, today: today) : "c.rowid"
                let found = try Row.fetchAll(db, sql: "SELECT c.rowid, c.lead, c.vendor FROM \(from)\(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?",
                                             arguments: arguments + [limit.map { max(0, $0) } ?? -1, max(0, offset)])
                let rows: [Int64] = found.map { $0[0] }
                var names: [Int64: (lead: String, vendor: String)] = [:]
                for row in found { names[row[0]] = (row[1], row[2]) }
                var blobs: [Int64: Data] = [:]
                // Records in chunks (SQLite caps the number of parameters).
                for start in stride(from: 0, to: rows.count, by: 500) {
                    let chunk = Array(rows[start..<min(rows.count, start + 500)])
                    let marks = chunk.map { _ in "?" }.joined(separator: ",")
                    for row in try Row.fetchAll(db, sql: "SELECT rowid, record FROM contract_record WHERE rowid IN (\(marks))",
                                                arguments: StatementArguments(chunk)) {
                        blobs[row[0]] = row[1]
                    }
                }
                let decoder = JSONDecoder()
                // Names as indexed, so that showing a page needs no party lookups.
                let contracts = rows.compactMap { row -> CooperativeContract? in
                    guard let data = blobs[row], var contract = try? decoder.decode(CooperativeContract.self, from: data) else { return nil }
                    if contract.leadName == nil { contract.leadName = names[row]?.lead }
                    if contract.vendorName == nil { contract.vendorName = names[row]?.vendor }
                    return contract
                }
                return Page(query: query, total: total, offset: offset, contracts: contracts, ranked: ranked)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw .io(path: path ?? store.root, message: "search interrupted")
        } catch {
            throw .io(path: path ?? store.root, message: "catalog search failed: \(error)")
        }
    }

    /// `'2026-11-23'`: our own formatted date, safe to inline (it keeps the SQL cacheable
    /// apart from the day).
    private static func literal(_ date: CalendarDate) -> String { "'\(date.description)'" }

    static func displayStatus(today: CalendarDate) -> String {
        "(CASE WHEN c.status = 'active' AND c.endDate < \(literal(today)) THEN 'expired' ELSE c.status END)"
    }

    static func clauses(for query: CatalogQuery, today: CalendarDate) -> (String, [String], StatementArguments) {
        var from = "contract c"
        var conditions: [String] = []
        var arguments = StatementArguments()
        let todayText = literal(today)
        if query.matchesNothing { return (from, ["0"], arguments) }
        if let match = CatalogQuery.matchExpression(query.text) {
            from = "contract_text JOIN contract c ON c.rowid = contract_text.rowid"
            conditions.append("contract_text MATCH ?")
            arguments += [match]
        }
        if let status = query.status?.lowercased() {
            switch status {
            case "expired": conditions.append("c.status = 'active' AND c.endDate < \(todayText)")
            case "active": conditions.append("c.status = 'active' AND (c.endDate IS NULL OR c.endDate >= \(todayText))")
            default:
                conditions.append("c.status = ?")
                arguments += [status]
            }
        }
        if let days = query.expiringWithin {
            conditions.append("c.status = 'active' AND c.endDate >= \(todayText) AND c.endDate <= \(literal(today.adding(days: max(0, days))))")
        }
        if let region = query.region {
            conditions.append("c.clauseOpen = 1 AND (" + regionTest(region) + ")")
        }
        if let kind = query.eligibleKind {
            conditions.append("c.clauseOpen = 1 AND (c.kinds IS NULL OR instr(c.kinds, ?) > 0)")
            arguments += [" \(kind.rawValue) "]
        }
        if let category = query.category, !category.isEmpty {
            conditions.append("c.category = ? COLLATE NOCASE")
            arguments += [category]
        }
        if let lead = query.lead, !lead.isEmpty {
            conditions.append("(c.leadID = ? OR c.lead LIKE ? ESCAPE '\\')")
            let escaped = lead.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            arguments += [lead, "%\(escaped)%"]
        }
        if let party = query.joinableBy {
            // Mirrors Joinability.evaluate: active, at least 90 days of term left, and either a
            // named participant or admitted by an open clause for its kind and region; no other
            // open addendum. A vendor joins nothing.
            guard party.kind.isPublicBody else { return (from, ["0"], arguments) }
            let enough = literal(today.adding(days: CatalogQuery.minimumRemainingDays))
            conditions.append("c.status = 'active' AND c.endDate >= \(enough)")
            conditions.append("(instr(c.named, ?) > 0 OR (c.clauseOpen = 1 AND (c.kinds IS NULL OR instr(c.kinds, ?) > 0) AND ("
                              + regionTest(party.region) + ")))")
            arguments += [" \(party.id) ", " \(party.kind.rawValue) "]
            if !party.blockedContracts.isEmpty {
                conditions.append("c.id NOT IN (" + party.blockedContracts.map { _ in "?" }.joined(separator: ", ") + ")")
                for id in party.blockedContracts.sorted() { arguments += [id] }
            }
        }
        return (from, conditions, arguments)
    }

    /// A contract open to `region`: no regions listed, the region itself, or its country. A
    /// country asked for matches contracts open anywhere in it. Codes are validated
    /// (letters, digits, one dash), so they are inlined.
    static func regionTest(_ region: RegionCode) -> String {
        var tests = ["c.regions IS NULL", "instr(c.regions, ' \(region.code) ') > 0"]
        if region.code.contains("-") {
            tests.append("instr(c.regions, ' \(region.country) ') > 0")
        } else {
            tests.append("instr(c.regions, ' \(region.code)-') > 0")
        }
        return tests.joined(separator: " OR ")
    }

    static func order(for query: CatalogQuery, today: CalendarDate) -> String {
        let direction = query.ascending ? "ASC" : "DESC"
        let hasWords = CatalogQuery.matchExpression(query.text) != nil
        switch query.sort {
        case .relevance:
            // Title matches count most, then vendor and lead, category, description.
            return hasWords ? "bm25(contract_text, 10.0, 4.0, 4.0, 2.0, 1.0) \(direction), c.id" : "c.id \(direction)"
        case .id: return "c.id \(direction)"
        case .status: return "\(displayStatus(today: today)) \(direction), c.id"
        case .title: return "c.title COLLATE NOCASE \(direction), c.id"
        case .lead: return "c.lead COLLATE NOCASE \(direction), c.id"
        case .vendor: return "c.vendor COLLATE NOCASE \(direction), c.id"
        case .category: return "c.category COLLATE NOCASE \(direction), c.id"
        case .end: return "c.endDate IS NULL, c.endDate \(direction), c.id"
        }
    }
}

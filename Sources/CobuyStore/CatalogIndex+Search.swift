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

    /// Ranking costs time in proportion to the matches (bm25 reads each match's column sizes:
    /// 5 to 10 µs a match here, so 500 cost up to 5 ms of a keystroke's 16, leaving room for the
    /// count, the page and the drawing on a slow moment). Past this many (a short or common
    /// word) relevance means little and is skipped until more words narrow the search.
    public static let rankingLimit = 500

    /// Runs a search. The count and the page come from one read transaction, so they agree
    /// even while an import writes. Only the page's records are read and decoded.
    public func search(_ query: CatalogQuery, today: CalendarDate, offset: Int = 0, limit: Int? = 50) throws(StoreError) -> Page {
        let (from, conditions, arguments) = CatalogIndex.clauses(for: query, today: today)
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        do {
            return try database.read { db in
                // Words alone are counted in the full-text index without touching the rows.
                let countFrom = conditions.count == 1 && from != "contract c" ? "contract_text" : from
                let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(countFrom)\(whereClause)", arguments: arguments) ?? 0
                let ranked = CatalogIndex.isRanked(query, total: total)
                let order = CatalogIndex.order(for: query, today: today, ranked: ranked)
                let found = try Row.fetchAll(db, sql: """
                    SELECT c.id, c.source, c.offset, c.length, c.lead, c.vendor FROM \(from)\(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?
                    """, arguments: arguments + [limit.map { max(0, $0) } ?? -1, max(0, offset)])
                // Only the page's records are read, from where the index says they are.
                let records = self.records(found.map { ($0[0], $0[1], $0[2], $0[3]) })
                // Names as indexed, so that showing a page needs no party lookups.
                let contracts = zip(found, records).compactMap { row, record -> CooperativeContract? in
                    guard var contract = record else { return nil }
                    if contract.leadName == nil { contract.leadName = row[4] }
                    if contract.vendorName == nil { contract.vendorName = row[5] }
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

    /// Whether a relevance order is worth its cost: words are ranked up to `rankingLimit`
    /// matches; "joinable by" without words is always ordered by nearness (a sort of the
    /// joinable rows, 20 ms on 100,000 contracts).
    static func isRanked(_ query: CatalogQuery, total: Int) -> Bool {
        guard query.sort == .relevance, total > rankingLimit else { return true }
        return query.joinableBy != nil && CatalogQuery.matchExpression(query.text) == nil
    }

    /// How close a contract is to a joining party, best first: it names the party, it is open
    /// to the party's own state, to its country (or a list of places), to anywhere. A party
    /// id that is not a clean slug (a broken file) is left out rather than put into SQL.
    static func nearness(_ party: CatalogQuery.JoiningParty) -> String {
        var cases: [String] = []
        if Party.isValidID(party.id) { cases.append("WHEN instr(c.named, ' \(party.id) ') > 0 THEN 0") }
        cases.append("WHEN instr(c.regions, ' \(party.region.code) ') > 0 THEN 1")
        cases.append("WHEN c.regions IS NULL THEN 3")
        return "(CASE " + cases.joined(separator: " ") + " ELSE 2 END)"
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
        if let fragment = CatalogQuery.idFragment(query.text) {
            // An id, or words that happen to look like one ("covid-19"): either matches.
            conditions.append("(c.id LIKE ? ESCAPE '\\' OR c.rowid IN (SELECT rowid FROM contract_text WHERE contract_text MATCH ?))")
            arguments += [fragment, CatalogQuery.matchExpression(query.text) ?? "\"\""]
        } else if let match = CatalogQuery.matchExpression(query.text) {
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
        if let single = query.singleAward { conditions.append(single ? "c.singleAward = 1" : "c.singleAward = 0") }
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
            let (condition, values) = joinable(party, today: today)
            conditions.append(condition)
            arguments += values
        }
        return (from, conditions, arguments)
    }

    /// Whether `party` may join a contract today, as SQL. Mirrors Joinability.evaluate: active,
    /// at least 90 days of term left, and either a named participant or admitted by an open
    /// clause for its kind and region; no other open addendum; not the contract's own lead.
    /// A vendor joins nothing (so neither the contract's own vendor).
    static func joinable(_ party: CatalogQuery.JoiningParty, today: CalendarDate) -> (String, StatementArguments) {
        guard party.kind.isPublicBody else { return ("0", []) }
        let enough = literal(today.adding(days: CatalogQuery.minimumRemainingDays))
        var sql = "(c.status = 'active' AND c.endDate >= \(enough) AND c.leadID <> ?"
            + " AND (instr(c.named, ?) > 0 OR (c.clauseOpen = 1 AND (c.kinds IS NULL OR instr(c.kinds, ?) > 0) AND ("
            + regionTest(party.region) + ")))"
        var arguments: StatementArguments = [party.id, " \(party.id) ", " \(party.kind.rawValue) "]
        if !party.blockedContracts.isEmpty {
            sql += " AND c.id NOT IN (" + party.blockedContracts.map { _ in "?" }.joined(separator: ", ") + ")"
            for id in party.blockedContracts.sorted() { arguments += [id] }
        }
        return (sql + ")", arguments)
    }

    /// One row of a list, read from the index's columns alone (no record decoded).
    public struct ListRow: Sendable, Hashable {
        public var id: String
        /// As read today: `expired` for an active contract past its end.
        public var status: String
        public var title: String
        public var lead: String
        public var vendor: String
        public var category: String
        public var end: String
        /// Who else may use it, as `county, city in US-OR`.
        public var eligible: String
        /// Whether the joining party passes every joinability check.
        public var joinable: Bool
    }

    /// A page of list rows: what a screen of the catalog needs, a few milliseconds on 100,000.
    public func rows(_ query: CatalogQuery, today: CalendarDate, offset: Int, limit: Int,
                     joiner: CatalogQuery.JoiningParty?) throws(StoreError) -> (total: Int, rows: [ListRow], ranked: Bool) {
        let (from, conditions, arguments) = CatalogIndex.clauses(for: query, today: today)
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let (joinableSQL, joinableArguments) = joiner.map { CatalogIndex.joinable($0, today: today) } ?? ("0", [])
        do {
            return try database.read { db in
                let countFrom = conditions.count == 1 && from != "contract c" ? "contract_text" : from
                let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(countFrom)\(whereClause)", arguments: arguments) ?? 0
                let ranked = CatalogIndex.isRanked(query, total: total)
                // Which rows, narrow (rowids only, so the sort carries no wide rows); near the
                // end of a long result, read backwards.
                let offset = max(0, min(offset, total)), limit = max(0, min(limit, total - offset))
                let backwards = offset > total / 2
                let order = CatalogIndex.order(for: query, today: today, ranked: ranked, reversed: backwards)
                var rowids = try Int64.fetchAll(db, sql: "SELECT c.rowid FROM \(from)\(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?",
                                                arguments: arguments + [limit, backwards ? total - offset - limit : offset])
                if backwards { rowids.reverse() }
                // Then their columns.
                var byRow: [Int64: ListRow] = [:]
                for start in stride(from: 0, to: rowids.count, by: 500) {
                    let chunk = Array(rowids[start..<min(rowids.count, start + 500)])
                    let sql = """
                        SELECT c.rowid, c.id, \(CatalogIndex.displayStatus(today: today)), c.title, c.lead, c.vendor, c.category, c.endDate,
                               c.clauseOpen, c.kinds, c.regions, \(joinableSQL)
                        FROM contract c WHERE c.rowid IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                        """
                    for row in try Row.fetchAll(db, sql: sql, arguments: joinableArguments + StatementArguments(chunk)) {
                        let kinds = (row[9] as String?).map { $0.split(separator: " ").compactMap { PartyKind(rawValue: String($0)) } }
                        let regions = (row[10] as String?).map { $0.split(separator: " ").compactMap { RegionCode(String($0)) } }
                        let clause = CooperativeClause(open: (row[8] as Int?) == 1, kinds: kinds, regions: regions)
                        byRow[row[0]] = ListRow(id: row[1], status: row[2], title: row[3], lead: row[4], vendor: row[5], category: row[6],
                                                end: (row[7] as String?) ?? "", eligible: clause.summary, joinable: (row[11] as Int?) == 1)
                    }
                }
                let rows = rowids.compactMap { byRow[$0] }
                return (total, rows, ranked)
            }
        } catch {
            throw .io(path: path ?? store.root, message: "catalog search failed: \(error)")
        }
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

    /// The ORDER BY terms; `reversed` flips every term, for reading a page near the end of a
    /// long result from the other side (an OFFSET of 99,900 would step through 99,900 rows).
    static func order(for query: CatalogQuery, today: CalendarDate, ranked: Bool = true, reversed: Bool = false) -> String {
        let forward = query.ascending != reversed
        let direction = forward ? "ASC" : "DESC"
        let tie = reversed ? "c.id DESC" : "c.id"
        // An id search is in id order (an exact id comes before the longer ids it starts).
        let hasWords = CatalogQuery.matchExpression(query.text) != nil && CatalogQuery.idFragment(query.text) == nil
        switch query.sort {
        case .relevance:
            // Unranked: the full-text index's own order, which it yields without sorting.
            guard ranked else {
                let column = hasWords ? "contract_text.rowid" : "c.rowid"
                return reversed ? "\(column) DESC" : column
            }
            // Title matches count most, then vendor and lead, category, description; for a
            // joining party, then the contracts nearest to it (named, its state, its country).
            let near = query.joinableBy.map { "\(nearness($0)) \(direction), " } ?? ""
            if hasWords { return "bm25(contract_text, 10.0, 4.0, 4.0, 2.0, 1.0) \(direction), \(near)\(tie)" }
            return near.isEmpty ? "c.id \(direction)" : "\(near)\(tie)"
        case .id: return "c.id \(direction)"
        case .status: return "\(displayStatus(today: today)) \(direction), \(tie)"
        case .title: return "c.title COLLATE NOCASE \(direction), \(tie)"
        case .lead: return "c.lead COLLATE NOCASE \(direction), \(tie)"
        case .vendor: return "c.vendor COLLATE NOCASE \(direction), \(tie)"
        case .category: return "c.category COLLATE NOCASE \(direction), \(tie)"
        case .end: return "c.endDate IS NULL \(reversed ? "DESC" : "ASC"), c.endDate \(direction), \(tie)"
        }
    }
}

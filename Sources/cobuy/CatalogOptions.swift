import ArgumentParser
import CobuyCore
import CobuyStore

/// Filters and paging that `cobuy list contracts` passes to the catalog index.
struct CatalogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Skip this many matches (paging).", valueName: "N")) var offset: Int?
    @Option(help: ArgumentHelp("relevance (default), id, status, title, lead, vendor, category or end.", valueName: "COLUMN"))
    var sort: String?
    @Flag(help: "Sort in descending order.") var descending = false
    @Option(help: ArgumentHelp("Active contracts ending within N days.", valueName: "N")) var expiring: Int?
    @Option(help: ArgumentHelp("Open to public bodies in this region (US-OR; US for the whole country).", valueName: "R"))
    var region: String?
    @Option(help: ArgumentHelp("Open to this kind of public body (city, county, school-district, ...).", valueName: "KIND"))
    var eligibleKind: String?
    @Option(help: ArgumentHelp("In this category.", valueName: "C")) var category: String?
    @Option(help: ArgumentHelp("Led by this party (id or part of its name).", valueName: "L")) var lead: String?
    @Option(help: ArgumentHelp("Only contracts this party may join today.", valueName: "PARTY")) var joinableBy: String?
    @Option(help: ArgumentHelp("single: only single-award contracts (some statutes forbid piggybacking a multiple award); multiple: only multiple-award ones.",
                               valueName: "single|multiple"))
    var award: String?

    var isUsed: Bool {
        offset != nil || sort != nil || descending || expiring != nil || region != nil || eligibleKind != nil
            || category != nil || lead != nil || joinableBy != nil || award != nil
    }

    func validate() throws {
        if let offset, let message = limitProblem(offset, Limits.count, flag: "--offset") { throw ValidationError(message) }
        if let expiring, let message = limitProblem(expiring, Limits.days, flag: "--expiring") { throw ValidationError(message) }
        if let sort, CatalogQuery.Sort(column: sort) == nil {
            throw ValidationError("--sort takes one of \(CatalogQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let joinableBy, joinableBy.trimmingSpaces.isEmpty { throw ValidationError("--joinable-by is empty: give a party's id, such as city-of-salem.") }
        if let award, award != "single", award != "multiple" { throw ValidationError("--award takes single or multiple, not \"\(award)\".") }
        if let region, RegionCode(region) == nil { throw ValidationError("--region takes a code such as US or US-OR, not \"\(region)\".") }
        if let eligibleKind, PartyKind(typed: eligibleKind) == nil || PartyKind(typed: eligibleKind) == .vendor {
            throw ValidationError("--eligible-kind takes one of \(PartyKind.publicBodies.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func query(_ session: CommandSession) throws -> CatalogQuery {
        var query = CatalogQuery()
        query.sort = sort.flatMap(CatalogQuery.Sort.init(column:)) ?? .relevance
        query.ascending = !descending
        query.expiringWithin = expiring
        query.region = region.flatMap(RegionCode.init)
        query.eligibleKind = eligibleKind.flatMap(PartyKind.init(typed:))
        query.category = category
        query.lead = lead
        query.singleAward = award.map { $0 == "single" }
        if let joinableBy {
            let party = try session.store.load(Party.self, id: joinableBy)
            query.joinableBy = CatalogQuery.JoiningParty(party: party, addenda: session.store.loadLocal(.addendum).records)
        }
        return query
    }
}

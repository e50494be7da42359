import CobuyCore
import CobuyJSON
import CobuyProcess
import CobuyStore
import Foundation

/// Reads OCDS data as publishers really publish it — release packages, record packages,
/// single releases, arrays of packages, JSON Lines of releases or of packages — into
/// cooperative contracts for the catalog. What OCDS allows is accepted; what it does not, and
/// everything not imported, is skipped and reported with its JSON path. A file that is not
/// OCDS at all is refused whole. `CatalogImport` drives it into a store.
public enum OCDSImport {
    /// Files larger than this are refused before reading (a guard against runaway input).
    public static let maximumFileSize = 1_500_000_000

    public static func refuseIfTooLarge(_ size: Int) throws(Failure) {
        guard size <= maximumFileSize else { throw .unreadable("larger than \(maximumFileSize / 1_000_000) MB") }
    }

    public struct Skipped: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public struct Imported: Sendable {
        public var catalog: CatalogFile
        public var skipped: [Skipped]
        /// Contract entries folded into another with the same (ocid, contract id).
        public var merged: Int
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(String)
        case notJSON(String)
        case notOCDS(String)
        /// Releases were read but no contract came of them: why each was skipped.
        case nothingToImport([Skipped])

        public var description: String {
            switch self {
            case .unreadable(let message): return "cannot be read: \(message)"
            case .notJSON(let message): return "is not JSON or JSON Lines: \(message)"
            case .notOCDS(let message): return "is not OCDS: \(message)"
            case .nothingToImport(let skipped):
                let reasons = Set(skipped.map(\.reason)).sorted().prefix(3).joined(separator: "; ")
                return "holds no contract that could be imported" + (reasons.isEmpty ? "" : " (\(reasons))")
            }
        }
    }

    /// Where one release is in the file, and the JSON path to name it by.
    struct ReleaseLocation: Sendable {
        var path: String
        var range: Range<Int>
        /// A record's ocid, for a compiled release that does not repeat it; or the release's own,
        /// when locating it read it.
        var ocid: String?
        var date: String?
        /// Whether locating the release already read its ocid and date (where it had them).
        var captured = false
    }

    /// A file cut into its processes (the releases of each ocid), nothing converted yet.
    public struct Reading: Sendable {
        let bytes: JSONBytes
        let releases: [ReleaseLocation]
        /// Release numbers of each process, processes in the order the file first names them.
        let processes: [[Int]]
        public let source: CatalogFile.Source
        /// Releases skipped before conversion (no ocid, linked only).
        public let skipped: [Skipped]
        public var releaseCount: Int { releases.count }
    }

    /// What converting one slice remembers between processes: the same buyers, suppliers and
    /// eligibility wordings come back thousands of times in a large file.
    struct Memo {
        /// The slice this memo converts, and which parties earlier slices have described.
        var claims: PartyClaims?
        var slice = 0
        /// Parties found described by an earlier slice.
        var describedElsewhere = Set<String>()
        var clauses: [String: CooperativeClause?] = [:]
        var validIDs: [String: Bool] = [:]
        var slugs: [String: String] = [:]

        mutating func slug(_ name: String) -> String {
            if let known = slugs[name] { return known }
            let made = OCDSImport.slug(name)
            slugs[name] = made
            return made
        }

        mutating func clause(_ text: String) -> CooperativeClause? {
            if let known = clauses[text] { return known }
            let parsed = OCDSImport.parseSummary(text)
            clauses[text] = parsed
            return parsed
        }

        /// A party's region from its address's `countryName` and `region` as written: the same
        /// few addresses come back for every party (reading one costs Foundation calls).
        struct Address: Hashable {
            var country: String?
            var region: String?
        }
        var regions: [Address: RegionCode] = [:]

        mutating func region(_ party: JSONNode?) -> RegionCode {
            let address = party?["address"]
            let written = Address(country: address?["countryName"]?.string, region: address?["region"]?.string)
            if let known = regions[written] { return known }
            let read = OCDSImport.region(countryName: written.country, region: written.region)
            regions[written] = read
            return read
        }

        /// Whether a slice before this one has sent party `id` on already: this slice's
        /// description of it would be dropped, so it is not made (a large file meets the same
        /// leads and vendors in every slice).
        mutating func describedEarlier(_ id: String) -> Bool {
            if describedElsewhere.contains(id) { return true }
            guard let claims, claims.isClaimed(id, before: slice) else { return false }
            describedElsewhere.insert(id)
            return true
        }

        mutating func isValidID(_ id: String) -> Bool {
            if let known = validIDs[id] { return known }
            let valid = Party.isValidID(id)
            validIDs[id] = valid
            return valid
        }
    }

    /// Which slice (the earliest so far) describes each party, shared by the converting threads.
    final class PartyClaims: @unchecked Sendable {
        private let lock = NSLock()
        private var earliest: [String: Int] = [:]

        /// Whether a slice before `slice` has claimed party `id` (its own claim will fail).
        func isClaimed(_ id: String, before slice: Int) -> Bool {
            lock.withLock { earliest[id].map { $0 < slice } ?? false }
        }

        /// Whether `slice` should send party `id` on: no slice before it has claimed it.
        /// A later slice that claimed it first still sends its copy; the writer keeps the
        /// first it receives, which is the earliest in the file.
        func claim(_ id: String, slice: Int) -> Bool {
            lock.withLock {
                if let known = earliest[id], known <= slice { return known == slice }
                earliest[id] = slice
                return true
            }
        }
    }

    /// What one slice of the processes turned into.
    public struct Slice: Sendable {
        /// The contracts themselves, when asked for (`keepingContracts`): the import writes the
        /// chunk alone, and freeing 100,000 contracts would cost its writing thread.
        public var contracts: [CooperativeContract]
        public var chunk: CatalogChunk
        public var skipped: [Skipped]
        /// Each contract's place in the file, in the chunk's order (to name one the store refuses).
        public var paths: [Place]
        /// Contract entries folded into another with the same id.
        public var merged: Int
        /// Releases this slice read.
        public var releases: Int
    }

    /// Reads and converts a whole file in memory (tests of the conversion, small files), with
    /// the same rules as an import into a store (``CatalogImport``) but no store to collide with.
    public static func read(file path: String, data: Data, publisher fallbackPublisher: String?, now: Timestamp,
                            rule: CatalogFile.StatedRule? = nil) throws(Failure) -> Imported {
        let reading = try read(file: path, bytes: JSONBytes(data), publisher: fallbackPublisher, now: now, rule: rule)
        let pipeline = slices(of: reading, now: now, keepingContracts: true)
        defer { pipeline.stop() }
        var contracts: [CooperativeContract] = []
        var parties: [String: Party] = [:]
        var skipped = reading.skipped
        var merged = 0
        var seen = Set<String>()
        while let slice = pipeline.next() {
            for (contract, path) in zip(slice.contracts, slice.paths) {
                if seen.insert(contract.id).inserted {
                    contracts.append(contract)
                } else {
                    skipped.append(Skipped(path: "\(path)", reason: "its id \(contract.id) is already taken by another contract of this file"))
                }
            }
            skipped += slice.skipped
            merged += slice.merged
            for party in slice.chunk.parties where parties[party.id] == nil { parties[party.id] = party }
        }
        guard !contracts.isEmpty else { throw reading.releases.isEmpty && skipped.isEmpty ? .notOCDS("no releases found") : .nothingToImport(skipped) }
        return Imported(catalog: CatalogFile(source: reading.source, contracts: contracts, parties: parties.values.sorted { $0.id < $1.id }),
                        skipped: skipped, merged: merged)
    }

    /// Cuts a file into its releases and groups them by process, without converting anything:
    /// fails at once for a file that is not JSON or not OCDS.
    public static func read(file path: String, bytes: JSONBytes, publisher fallbackPublisher: String?, now: Timestamp,
                            rule: CatalogFile.StatedRule? = nil) throws(Failure) -> Reading {
        var clock = PhaseTimer()
        var (releases, format, packagePublisher, skipped) = try locateReleases(bytes)
        clock.lap("  locate releases")
        // The ocid (and date, for ordering releases of one process) of every release: found
        // while locating them, or read now on every core without parsing the rest.
        func releaseKeys(_ releases: [ReleaseLocation]) -> [(ocid: String?, date: String?)] {
            ParallelMap.map(releases, chunk: 1024) { release in
                if release.captured { return (release.ocid, release.date) }
                let found = JSONScanner.strings(["ocid", "date"], inObjectAt: release.range, of: bytes.buffer)
                return (found[0] ?? release.ocid, found[1])
            }
        }
        var keys = releaseKeys(releases)
        clock.lap("  ocids")
        // Lines (or array elements) without an ocid may be packages: their releases take their place.
        if format == "json-lines" || format == "release-array", keys.contains(where: { $0.ocid == nil }) {
            var expanded: [ReleaseLocation] = []
            var packages = 0
            for (release, key) in zip(releases, keys) {
                guard key.ocid == nil else {
                    expanded.append(release)
                    continue
                }
                guard let inner = try packageReleases(bytes, range: release.range, path: release.path, skipped: &skipped) else {
                    if format == "json-lines" { throw .notOCDS("\(release.path) is neither a release nor a package (no ocid)") }
                    expanded.append(release)
                    continue
                }
                packages += 1
                expanded += inner
            }
            if packages > 0 {
                releases = expanded
                keys = releaseKeys(releases)
                format += "-of-packages"
            }
        }
        var byOCID: [String: Int] = [:]
        var processes: [[Int]] = []
        for (index, key) in keys.enumerated() {
            guard let ocid = key.ocid, !ocid.isEmpty else {
                skipped.append(Skipped(path: releases[index].path, reason: "no ocid"))
                continue
            }
            if let process = byOCID[ocid] {
                processes[process].append(index)
            } else {
                byOCID[ocid] = processes.count
                processes.append([index])
            }
        }
        // Later releases (by date) override earlier fields.
        for (number, process) in processes.enumerated() where process.count > 1 {
            processes[number] = process.sorted { (keys[$0].date ?? "", $0) < (keys[$1].date ?? "", $1) }
        }
        let name = (path as NSString).lastPathComponent
        let publisher = packagePublisher ?? fallbackPublisher ?? name
        var source = CatalogFile.Source(file: name, publisher: publisher, importedAt: now, format: format, releasesRead: releases.count)
        source.rule = rule
        return Reading(bytes: bytes, releases: releases, processes: processes, source: source, skipped: skipped)
    }

    /// Converts the processes in slices on every core; the slices come out in file order (the
    /// first description of a party wins, as it would one by one). Call `stop()` when done.
    public static func slices(of reading: Reading, now: Timestamp, processesPerSlice: Int = 1000,
                              keepingContracts: Bool = false) -> OrderedPipeline<Slice> {
        let size = max(1, processesPerSlice)
        let count = (reading.processes.count + size - 1) / size
        let claims = PartyClaims()
        return OrderedPipeline(count: count) { number in
            var registry: [String: Party] = [:]
            var memo = Memo(claims: claims, slice: number)
            var contracts: [CooperativeContract] = []
            var tally = Tally()
            let context = Context(publisher: reading.source.publisher, file: reading.source.file, now: now, rule: reading.source.rule)
            var releasesRead = 0
            for process in reading.processes[number * size..<min(reading.processes.count, (number + 1) * size)] {
                releasesRead += process.count
                var nodes: [JSONNode] = []
                for index in process {
                    let location = reading.releases[index]
                    do throws(JSONFailure) {
                        nodes.append(try JSONTape(reading.bytes, range: location.range).root)
                    } catch {
                        tally.skipped.append(Skipped(path: location.path, reason: "is not valid JSON (byte \(error.offset): \(error.message))"))
                    }
                }
                guard let first = process.first, !nodes.isEmpty else { continue }
                let release: JSONNode
                if nodes.count == 1 {
                    release = nodes[0]
                } else {
                    // Releases of one process compile into one (later ones win field by field);
                    // the contracts they repeat are counted as merged.
                    release = compile(nodes)
                    let listed = nodes.reduce(0) { $0 + ($1["contracts"]?.elements?.count ?? 0) }
                    tally.merged += max(0, listed - (release["contracts"]?.elements?.count ?? 0))
                }
                let location = reading.releases[first]
                let ocid = release["ocid"]?.string ?? location.ocid ?? ""
                self.contracts(in: release, ocid: ocid, at: location.path, context: context, parties: &registry, memo: &memo, tally: &tally,
                               into: &contracts)
            }
            // Each slice meets the same leads and vendors again; only the slice earliest in the file
            // sends a party on (the others' copies are dropped here, not on the writing thread).
            let parties = registry.values.filter { claims.claim($0.id, slice: number) }.sorted { $0.id < $1.id }
            return Slice(contracts: keepingContracts ? contracts : [], chunk: CatalogChunk(contracts: contracts, parties: parties),
                         skipped: tally.skipped, paths: tally.paths, merged: tally.merged, releases: releasesRead)
        }
    }

    /// The releases a file holds, each with its JSON path, the file's shape, its publisher and
    /// what cannot be imported at all (linked releases). Only the package's outline is read
    /// here; a JSON error anywhere refuses the file.
    static func locateReleases(_ bytes: JSONBytes) throws(Failure) -> ([ReleaseLocation], String, String?, [Skipped]) {
        try refuseIfTooLarge(bytes.count)
        let buffer = bytes.buffer
        guard let outline = try? JSONScanner.outline(of: buffer, capturing: ["ocid", "date"]) else {
            let (releases, format) = try jsonLines(bytes)
            return (releases, format, nil, [])
        }
        let whole = outline.range
        func objects(_ elements: [JSONScanner.Element], path: String) -> [ReleaseLocation] {
            elements.enumerated().compactMap { index, element in
                element.isObject ? ReleaseLocation(path: "\(path)[\(index)]", range: element.range, ocid: element.captured.first ?? nil,
                                                   date: element.captured.last ?? nil, captured: true) : nil
            }
        }
        // Elements that are no object are named, not dropped.
        func strays(_ elements: [JSONScanner.Element], path: String) -> [Skipped] {
            elements.enumerated().compactMap { index, element in
                element.isObject ? nil : Skipped(path: "\(path)[\(index)]", reason: "is not an object (a release must be one)")
            }
        }
        if outline.isArray {
            let elements = outline.elements ?? []
            return (objects(elements, path: ""), "release-array", nil, strays(elements, path: ""))
        }
        guard outline.isObject else { throw .notOCDS("the top level is neither an object nor an array") }
        let members = outline.members
        func member(_ key: String) -> (value: Range<Int>, elements: [JSONScanner.Element]?)? {
            members.last { $0.key == key }.map { ($0.value, $0.elements) }
        }
        let publisher = member("publisher").flatMap { try? JSONTape(bytes, range: $0.value).root["name"]?.string }
        if let releases = member("releases") {
            guard let elements = releases.elements else { throw .notOCDS("releases is not an array") }
            return (objects(elements, path: "releases"), "release-package", publisher, strays(elements, path: "releases"))
        }
        if member("records") != nil {
            var skipped: [Skipped] = []
            let releases = try packageReleases(bytes, range: whole, path: "", skipped: &skipped) ?? []
            return (releases, "record-package", publisher, skipped)
        }
        if member("ocid") != nil { return ([ReleaseLocation(path: "release", range: whole)], "release", publisher, []) }
        throw .notOCDS("a JSON object without releases, records or ocid")
    }

    /// The releases of a release or record package at `range` (a line of JSON Lines, an
    /// element of an array of packages, or the whole file); nil when it is no package. A
    /// record gives its compiled release, else its embedded releases; a record of linked
    /// releases only (a url and a date each) has nothing to import, and says so.
    static func packageReleases(_ bytes: JSONBytes, range: Range<Int>, path: String, skipped: inout [Skipped]) throws(Failure) -> [ReleaseLocation]? {
        guard let package = try? JSONTape(bytes, range: range).root, package.isObject else { return nil }
        let prefix = path.isEmpty ? "" : path + "."
        if let list = package["releases"] {
            guard let elements = list.elements else { throw .notOCDS("\(prefix)releases is not an array") }
            var releases: [ReleaseLocation] = []
            for (number, release) in elements.enumerated() {
                guard release.isObject, let place = release.byteRange else {
                    skipped.append(Skipped(path: "\(prefix)releases[\(number)]", reason: "is not an object (a release must be one)"))
                    continue
                }
                releases.append(ReleaseLocation(path: "\(prefix)releases[\(number)]", range: place))
            }
            return releases
        }
        guard let list = package["records"] else { return nil }
        guard let records = list.elements else { throw .notOCDS("\(prefix)records is not an array") }
        var releases: [ReleaseLocation] = []
        for (index, record) in records.enumerated() {
            let here = "\(prefix)records[\(index)]"
            guard record.isObject else {
                skipped.append(Skipped(path: here, reason: "is not an object"))
                continue
            }
            if let compiled = record["compiledRelease"], compiled.isObject, let place = compiled.byteRange {
                releases.append(ReleaseLocation(path: "\(here).compiledRelease", range: place, ocid: record["ocid"]?.string))
                continue
            }
            var embedded = 0
            for (number, release) in (record["releases"]?.elements ?? []).enumerated() where release.isObject && release["ocid"] != nil {
                guard let place = release.byteRange else { continue }
                releases.append(ReleaseLocation(path: "\(here).releases[\(number)]", range: place))
                embedded += 1
            }
            if embedded == 0 {
                skipped.append(Skipped(path: "\(here).releases", reason: "linked releases only (a url and a date each) and no compiled release: download the releases themselves to import them"))
            }
        }
        return releases
    }

    /// JSON Lines: one release (or package) per line; any line that is not a JSON object refuses the file.
    static func jsonLines(_ bytes: JSONBytes) throws(Failure) -> ([ReleaseLocation], String) {
        let buffer = bytes.buffer
        var releases: [ReleaseLocation] = []
        var lineStart = 0, number = 0
        while lineStart < buffer.count {
            var lineEnd = lineStart
            while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
            number += 1
            let line = lineStart..<lineEnd
            if !line.allSatisfy({ [0x20, 0x0D, 0x09].contains(buffer[$0]) }) {
                guard let value = try? JSONScanner.value(in: buffer, range: line), buffer[value.lowerBound] == UInt8(ascii: "{") else {
                    if number == 1 || releases.isEmpty, let syntax = JSONSyntax.firstError(in: bytes[0..<bytes.count]) {
                        throw .notJSON("line \(syntax.line), column \(syntax.column): \(syntax.message)")
                    }
                    throw .notJSON("line \(number) is not a JSON object")
                }
                releases.append(ReleaseLocation(path: "line \(number)", range: value))
            }
            lineStart = lineEnd + 1
        }
        guard !releases.isEmpty else { throw .notJSON("the file is empty") }
        return (releases, "json-lines")
    }

}

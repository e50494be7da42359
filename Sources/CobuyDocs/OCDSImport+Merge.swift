import CobuyJSON

/// Compiling the releases of one process as OCDS's merge rules say: later releases win field
/// by field; objects merge member by member; arrays of objects with ids merge by id (so the
/// same contract in several releases, or listed twice in one, is one contract); any other
/// value replaces the earlier one, and `null` removes it.
extension OCDSImport {
    static func compile(_ releases: [JSONNode]) -> JSONNode {
        guard var result = releases.first else { return .object([:]) }
        for release in releases.dropFirst() { result = merge(result, release) }
        return result
    }

    static func merge(_ base: JSONNode, _ update: JSONNode) -> JSONNode {
        guard base.isObject, update.isObject else { return update }
        var fields = Dictionary((base.members ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        for (key, value) in update.members ?? [] {
            if value.kind == .null {
                fields[key] = nil
            } else if let earlier = fields[key] {
                if earlier.isObject, value.isObject {
                    fields[key] = merge(earlier, value)
                } else if let old = earlier.objectArray, let new = value.objectArray, hasIDs(old), hasIDs(new) {
                    fields[key] = .array(mergeByID(old + new))
                } else {
                    fields[key] = value
                }
            } else {
                fields[key] = value
            }
        }
        return .object(fields)
    }

    static func hasIDs(_ list: [JSONNode]) -> Bool { list.allSatisfy { $0["id"] != nil } }

    /// Objects with the same id merged into the first one's place, later ones winning.
    static func mergeByID(_ list: [JSONNode]) -> [JSONNode] {
        var merged: [JSONNode] = []
        var positions: [String: Int] = [:]
        for item in list {
            let id = identifier(item["id"])
            if let position = positions[id] {
                merged[position] = merge(merged[position], item)
            } else {
                positions[id] = merged.count
                merged.append(item)
            }
        }
        return merged
    }

    /// Whether two objects of the list share an id (cheap: most lists have one or two).
    /// `mergeByID` of a list whose items carry their places in the file: each merged item
    /// keeps the place where its id first appeared.
    static func mergedKeepingFirstPlaces(_ list: [JSONNode], _ places: [Int]) -> ([JSONNode], [Int]) {
        var first: [String: Int] = [:]
        for (item, place) in zip(list, places) where first[identifier(item["id"])] == nil { first[identifier(item["id"])] = place }
        let merged = mergeByID(list)
        return (merged, merged.map { first[identifier($0["id"])] ?? 0 })
    }

    static func repeatsAnID(_ list: [JSONNode]) -> Bool {
        guard list.count > 1 else { return false }
        var seen = Set<String>()
        for item in list where !seen.insert(identifier(item["id"])).inserted { return true }
        return false
    }
}

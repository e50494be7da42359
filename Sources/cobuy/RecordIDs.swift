import ArgumentParser
import CobuyCore

/// Record ids as officers type them: `sol-2026-0003` and `pa-2026-0009` mean the numbered
/// records (always upper case), `City-Of-Salem` the party slug (always lower case). Anything
/// else, such as an imported contract's own id, is kept as typed.
enum RecordIDs {
    static func canonical(_ typed: String) -> String {
        let upper = typed.uppercased()
        if ["SOL-", "CON-", "PA-"].contains(where: upper.hasPrefix), IDPool.parse(upper) != nil { return upper }
        let lower = typed.lowercased()
        if !["sol-", "con-", "pa-"].contains(where: lower.hasPrefix), Party.isValidID(lower) { return lower }
        return typed
    }

    /// An ID argument as typed: an empty one (`cobuy show ''`, a variable that was not set)
    /// names nothing and is a usage error (exit 64), not a record that is missing.
    static func argument(_ typed: String) throws -> String {
        guard !typed.trimmingSpaces.isEmpty else { throw ValidationError(emptyMessage) }
        return canonical(typed)
    }

    static let emptyMessage = "The ID is empty: give a record's id, such as SOL-2026-0001 or city-of-salem."
}

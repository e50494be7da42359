import CobuyStore
import CobuySync

/// The tab bar's word on a shared store: what this clone has not sent and has not merged
/// (as of its last fetch). Two quick git calls; nil for a store that is not shared.
enum SyncStatus {
    static func text(for store: Store) -> String? {
        let shared = SharedStore(store: store)
        guard shared.isRepository else { return nil }
        let pending = Sync(shared: shared).pending()
        var parts: [String] = []
        if pending.ahead > 0 { parts.append("\(pending.ahead) change\(pending.ahead == 1 ? "" : "s") to sync") }
        if pending.behind > 0 { parts.append("\(pending.behind) behind") }
        return parts.isEmpty ? "synced" : parts.joined(separator: ", ")
    }
}

import CobuyStore
import Foundation

/// Brings the catalog index up to date on a background thread, so a large catalog changed
/// by a `git pull` is re-read while the UI stays responsive. The main loop polls it; Esc asks
/// it to stop (what was half-indexed is rolled back and read again next time).
final class IndexingJob: @unchecked Sendable {
    private let lock = NSLock()
    private var progressText = "Indexing catalogs…"
    private var cancelRequested = false
    private var outcome: Result<CatalogIndex.RefreshReport, StoreError>?

    init(index: CatalogIndex) {
        let thread = Thread { [self] in
            let result: Result<CatalogIndex.RefreshReport, StoreError>
            do {
                result = .success(try index.refresh(progress: { progress in
                    self.lock.withLock { self.progressText = progress.description }
                }, isCancelled: { self.lock.withLock { self.cancelRequested } }))
            } catch {
                result = .failure(error as? StoreError ?? .io(path: index.store.root, message: "\(error)"))
            }
            self.lock.withLock { self.outcome = result }
        }
        thread.name = "cobuy.indexing"
        thread.start()
    }

    var progress: String { lock.withLock { progressText } }
    var isCancelled: Bool { lock.withLock { cancelRequested } }
    /// The refresh's result once it has ended.
    var result: Result<CatalogIndex.RefreshReport, StoreError>? { lock.withLock { outcome } }

    func cancel() { lock.withLock { cancelRequested = true } }
}

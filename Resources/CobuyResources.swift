import Foundation

/// Where the files bundled with Cobuy live once built: the sample store and the addendum templates.
public enum CobuyResources {
    /// The bundled sample store: a believable consortium to rehearse with.
    public static var sampleStore: URL? {
        Bundle.module.url(forResource: "sample-store", withExtension: nil)
    }

    /// The day the sample store was written up to. `cobuy demo` runs on this clock (unless
    /// `COBUY_NOW` says otherwise) so that its deadlines, expiring contracts and closing dates
    /// stay meaningful however long after this release it is opened.
    public static let sampleReferenceTime = "2026-11-23T15:00:00Z"
}

extension CobuyResources {
    /// The bundled templates folder (addendum drafts).
    public static var templates: URL? {
        Bundle.module.url(forResource: "templates", withExtension: nil)
    }
}

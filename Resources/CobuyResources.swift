import Foundation

/// Where the files bundled with Cobuy live once built: the sample store and the addendum templates.
public enum CobuyResources {
    /// The bundled sample store: a believable consortium to rehearse with.
    public static var sampleStore: URL? {
        Bundle.module.url(forResource: "sample-store", withExtension: nil)
    }
}

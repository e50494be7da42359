/// What an officer types to register a contract awarded elsewhere (`cobuy new contract`), read
/// into values. Malformed inputs are usage errors here; the rules are checked by
/// ``Creation/registeredContract(_:in:)``.
public struct ContractRegistration: Hashable, Sendable {
    public var title: String
    public var lead: String
    public var vendor: String
    public var category: String
    public var publisher: String?
    /// Eligible kinds and regions as typed (`all` allowed); both `nil` for a closed contract.
    public var kinds: [String]?
    public var regions: [String]?
    public var ceiling: Money?
    public var renewals: Int
    public var renewalMonths: Int

    /// - Parameters:
    ///   - kinds, regions: comma-separated; a missing one means `all`, unless `closed`.
    ///   - currency: for a ceiling typed without one; the store's default when `nil`.
    public init(title: String, lead: String, vendor: String, category: String = "", publisher: String? = nil,
                kinds: String? = nil, regions: String? = nil, closed: Bool = false,
                ceiling: String? = nil, currency: String? = nil,
                renewals: Int = 0, renewalMonths: Int = 12) throws(ActionInputError) {
        self.title = title
        self.lead = lead
        self.vendor = vendor
        self.category = category
        self.publisher = publisher
        if closed {
            if kinds != nil { throw .unexpected("kinds", action: "new contract --none") }
            if regions != nil { throw .unexpected("regions", action: "new contract --none") }
        } else {
            let split = { (text: String?) in (text ?? "all").split(separator: ",").map { $0.trimmingSpaces } }
            self.kinds = split(kinds)
            self.regions = split(regions)
        }
        if let currency, !Money.isCurrencyCode(currency) {
            throw .invalid("currency", currency, "a three-letter currency code such as USD or EUR")
        }
        if let ceiling {
            switch Money.parse(ceiling, defaultCurrency: currency ?? ActionContext.defaultCurrency) {
            case .success(let value): self.ceiling = value
            case .failure(let problem): throw .invalid("ceiling", ceiling, "an amount such as 250000 or 250,000.00 (\(problem))")
            }
        }
        guard Limits.renewalOptions.contains(renewals) else {
            throw .invalid("renewals", String(renewals), "\(Limits.renewalOptions.rangeText) renewal options")
        }
        guard Limits.renewalMonths.contains(renewalMonths) else {
            throw .invalid("renewal-months", String(renewalMonths), "\(Limits.renewalMonths.rangeText) months")
        }
        self.renewals = renewals
        self.renewalMonths = renewalMonths
    }
}

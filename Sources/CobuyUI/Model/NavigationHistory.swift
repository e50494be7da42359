import CobuyCore

/// Where the officer was: the tab, the record opened on it (with its pane, scroll and the
/// highlighted action or link) and the dashboard's selection. The lists keep their own
/// selection, so coming back to a tab finds its list as it was.
public struct Place: Sendable, Equatable {
    public var tab: AppState.Tab
    public var opened: RecordView?
    public var dashboardSelection: Int

    public init(tab: AppState.Tab, opened: RecordView?, dashboardSelection: Int) {
        self.tab = tab
        self.opened = opened
        self.dashboardSelection = dashboardSelection
    }
}

/// The places left by following links or jumping to a record, newest last: Esc goes back to
/// the newest. Bounded, so a long walk through links does not grow without end.
public struct NavigationHistory: Sendable, Equatable {
    public private(set) var places: [Place] = []
    /// The oldest places are dropped beyond this many.
    public static let limit = 50

    public init() {}

    public var isEmpty: Bool { places.isEmpty }

    public mutating func push(_ place: Place) {
        // Following a link from where one already came back to adds nothing new.
        if places.last == place { return }
        places.append(place)
        if places.count > Self.limit { places.removeFirst(places.count - Self.limit) }
    }

    public mutating func pop() -> Place? {
        places.popLast()
    }

    public mutating func clear() {
        places.removeAll()
    }
}

extension AppState.Tab {
    /// The tab that lists records of `kind`.
    public init(kind: RecordKind) {
        switch kind {
        case .solicitation: self = .solicitations
        case .contract: self = .contracts
        case .addendum: self = .addenda
        case .party: self = .parties
        }
    }
}

/// Following links and going back (Esc).
extension AppState {
    /// Where the officer is now, to come back to.
    var place: Place {
        Place(tab: tab, opened: opened, dashboardSelection: dashboardSelection)
    }

    /// The links of the record `id`, from the core.
    public func links(of id: String) -> [RecordLink] {
        guard let record = snapshot.record(id) else { return [] }
        return RecordLinks.links(from: record, lookup: snapshot.lookup, directory: snapshot.directory)
    }

    /// Opens `id` on its tab, remembering where the officer was. The Links pane stays in front,
    /// so a chain of links (award → contract → addendum) is followed with Enter alone.
    mutating func follow(to id: String, pane: RecordView.Pane = .links) {
        guard snapshot.record(id) != nil else {
            message = .error("There is no record \(id) in this store.")
            return
        }
        navigation.push(place)
        tab = AppState.Tab(kind: RecordKind(id: id))
        var view = RecordView(id: id)
        view.pane = pane
        opened = view
        message = nil
    }

    mutating func followSelectedLink() -> [Effect] {
        guard let view = opened else { return [] }
        let links = links(of: view.id)
        guard links.indices.contains(view.selectedLink) else {
            message = .info("No other record is linked to \(view.id).")
            return []
        }
        follow(to: links[view.selectedLink].id)
        return []
    }

    /// Esc: back to the last place left by a link or a jump, skipping records no longer in the
    /// store. False when there is none to go back to.
    mutating func goBack() -> Bool {
        while let last = navigation.pop() {
            if let view = last.opened, snapshot.record(view.id) == nil { continue }
            tab = last.tab
            opened = last.opened
            dashboardSelection = last.dashboardSelection
            return true
        }
        return false
    }
}

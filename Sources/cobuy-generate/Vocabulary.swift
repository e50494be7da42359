/// Word lists the fictional world is composed from. Real state codes (the catalog filters on
/// them); every agency, place, company and person is made up.
enum Vocabulary {
    struct State {
        let code: String
        let name: String
        /// Census division: neighbours that share a cooperative clause.
        let division: Int
        /// Roughly how much public buying happens there (more leads in large states).
        let weight: Int
    }

    static let states: [State] = [
        State(code: "CT", name: "Connecticut", division: 1, weight: 3), State(code: "ME", name: "Maine", division: 1, weight: 1),
        State(code: "MA", name: "Massachusetts", division: 1, weight: 4), State(code: "NH", name: "New Hampshire", division: 1, weight: 1),
        State(code: "RI", name: "Rhode Island", division: 1, weight: 1), State(code: "VT", name: "Vermont", division: 1, weight: 1),
        State(code: "NJ", name: "New Jersey", division: 2, weight: 5), State(code: "NY", name: "New York", division: 2, weight: 8),
        State(code: "PA", name: "Pennsylvania", division: 2, weight: 6), State(code: "IL", name: "Illinois", division: 3, weight: 6),
        State(code: "IN", name: "Indiana", division: 3, weight: 4), State(code: "MI", name: "Michigan", division: 3, weight: 5),
        State(code: "OH", name: "Ohio", division: 3, weight: 6), State(code: "WI", name: "Wisconsin", division: 3, weight: 3),
        State(code: "IA", name: "Iowa", division: 4, weight: 2), State(code: "KS", name: "Kansas", division: 4, weight: 2),
        State(code: "MN", name: "Minnesota", division: 4, weight: 3), State(code: "MO", name: "Missouri", division: 4, weight: 3),
        State(code: "NE", name: "Nebraska", division: 4, weight: 2), State(code: "ND", name: "North Dakota", division: 4, weight: 1),
        State(code: "SD", name: "South Dakota", division: 4, weight: 1), State(code: "DE", name: "Delaware", division: 5, weight: 1),
        State(code: "DC", name: "District of Columbia", division: 5, weight: 1), State(code: "FL", name: "Florida", division: 5, weight: 8),
        State(code: "GA", name: "Georgia", division: 5, weight: 5), State(code: "MD", name: "Maryland", division: 5, weight: 4),
        State(code: "NC", name: "North Carolina", division: 5, weight: 5), State(code: "SC", name: "South Carolina", division: 5, weight: 3),
        State(code: "VA", name: "Virginia", division: 5, weight: 5), State(code: "WV", name: "West Virginia", division: 5, weight: 1),
        State(code: "AL", name: "Alabama", division: 6, weight: 3), State(code: "KY", name: "Kentucky", division: 6, weight: 3),
        State(code: "MS", name: "Mississippi", division: 6, weight: 2), State(code: "TN", name: "Tennessee", division: 6, weight: 4),
        State(code: "AR", name: "Arkansas", division: 7, weight: 2), State(code: "LA", name: "Louisiana", division: 7, weight: 3),
        State(code: "OK", name: "Oklahoma", division: 7, weight: 3), State(code: "TX", name: "Texas", division: 7, weight: 10),
        State(code: "AZ", name: "Arizona", division: 8, weight: 4), State(code: "CO", name: "Colorado", division: 8, weight: 4),
        State(code: "ID", name: "Idaho", division: 8, weight: 2), State(code: "MT", name: "Montana", division: 8, weight: 1),
        State(code: "NV", name: "Nevada", division: 8, weight: 2), State(code: "NM", name: "New Mexico", division: 8, weight: 2),
        State(code: "UT", name: "Utah", division: 8, weight: 2), State(code: "WY", name: "Wyoming", division: 8, weight: 1),
        State(code: "AK", name: "Alaska", division: 9, weight: 1), State(code: "CA", name: "California", division: 9, weight: 10),
        State(code: "HI", name: "Hawaii", division: 9, weight: 1), State(code: "OR", name: "Oregon", division: 9, weight: 3),
        State(code: "WA", name: "Washington", division: 9, weight: 4),
    ]

    /// Place names: a first part and an ending (`Maple` + `wood`, `Cedar` + ` Falls`).
    static let placeStarts = [
        "Maple", "Cedar", "Oak", "Pine", "Willow", "Elm", "Ash", "Birch", "Spruce", "Aspen", "Cottonwood", "Juniper", "Hickory",
        "Red", "Silver", "Green", "Black", "White", "Blue", "Stone", "Iron", "Copper", "Gold", "Clear", "Deer", "Elk", "Eagle",
        "Hawk", "Fox", "Bear", "Wolf", "Beaver", "Otter", "Crane", "Heron", "North", "South", "East", "West", "Fair", "Glen",
        "Rock", "Sand", "Spring", "Brook", "Lake", "River", "Mill", "Bridge", "Harbor", "Bay", "Prairie", "Meadow", "Summer",
        "Winter", "Sunny", "Shady", "Highland", "Lowell", "Ashby", "Carver", "Dalton", "Easton", "Fulton", "Grant", "Hale",
        "Kendall", "Lyman", "Morrow", "Norris", "Prescott", "Quincy", "Radford", "Sterling", "Thorne", "Upton", "Vance", "Weldon",
    ]
    static let placeEnds = [
        "wood", "field", "ville", "ton", "dale", "brook", "ford", "view", "ridge", "haven", "port", "burg", "mont", "crest",
        " Falls", " Springs", " Valley", " Creek", " Hills", " Grove", " Landing", " Junction", " Point", " Heights", " Lake",
    ]
    /// Places whose names carry accents and apostrophes, so that display and search meet them.
    static let accentedPlaces = [
        "Peñasco Verde", "Santa Lucía", "Río Claro", "Cañada del Oro", "Los Álamos Altos", "San Andrés", "Ciudad Nueva",
        "Bellefontaine", "Île-aux-Pins", "Coeur d'Argent", "Val-des-Bois", "Müllersburg", "Neuhäusel", "Åsgard Bay",
        "O'Fallon Ridge", "Mount St. Agnès",
    ]
    static let rivers = ["Cedar", "Salmon", "Bear", "Elk", "Otter", "Crow", "Stone", "Willow", "Snake", "Sweetgrass", "Kettle", "Raven"]

    static let givenNames = [
        "Ana", "María", "José", "Jürgen", "Søren", "Zoë", "Chloé", "Renée", "André", "Noël", "Siobhán", "Łukasz", "Mei", "Hiroshi",
        "Priya", "Olusegun", "Dana", "Chris", "Jordan", "Taylor", "Pat", "Sam", "Alex", "Jamie", "Morgan", "Casey", "Robin",
        "Lee", "Kim", "Terry", "Michael", "Jennifer", "David", "Linda", "James", "Patricia", "Robert", "Susan", "William",
        "Karen", "Thomas", "Nancy", "Daniel", "Lisa", "Mark", "Angela", "Kevin", "Brenda", "Jason", "Rachel", "Aisha", "Omar",
        "Fatima", "Wei", "Tomás", "Inés", "Raúl", "Bjørn", "Françoise", "Grégoire",
    ]
    static let surnames = [
        "Peña", "Müller", "García", "Nguyễn", "O'Brien", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
        "Rodríguez", "Martínez", "Hernández", "López", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Pérez", "Roberts", "Turner",
        "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Sánchez", "Morris", "Rogers", "Reed",
        "Cook", "Morgan", "Bell", "Murphy", "Bailey", "Rivera", "Cooper", "Richardson", "Cox", "Howard", "Ward", "Björk",
        "Østergaard", "Kowalski", "Dubois", "Lefèvre", "Yamamoto", "Park", "Chen", "Wang", "Okafor", "Haddad", "Schäfer",
    ]
    /// A few whole names in other scripts, and one with a nickname in quotes (escaping).
    static let unusualContacts = ["李娜", "田中 花子", "김민준", "Robert \"Bob\" Lindqvist", "Zoë Ångström-Peña"]

    /// Vendor names: a stem, what the company does (from its category), a legal form.
    static let vendorStems = [
        "Cascade", "Summit", "Pioneer", "Keystone", "Evergreen", "Redwood", "Liberty", "Granite", "Harbor", "Prairie", "Sierra",
        "Blue Ridge", "Northwind", "Sunbelt", "Heartland", "Frontier", "Atlas", "Meridian", "Beacon", "Ironwood", "Coastal",
        "Tri-County", "Pacific", "Great Lakes", "Ozark", "Patriot", "Eagle", "Lone Star", "Bayou", "Mesa", "Cornerstone",
        "Trident", "Sentinel", "Vanguard", "Apex", "Pinnacle", "Horizon", "Legacy", "Premier", "Allied", "United", "Central",
        "Capitol", "Metro", "Citywide", "Statewide", "Tidewater", "Piedmont", "Cumberland", "Shenandoah", "Chesapeake",
        "Mohawk", "Catskill", "Adirondack", "Badger", "Buckeye", "Hoosier", "Gopher", "Sooner", "Palmetto", "Magnolia",
        "Bluegrass", "Gateway", "Crossroads", "Riverbend", "Lakeshore", "Highpoint", "Clearwater", "Silverline", "Greenfield",
        "Brightpath", "Trailhead", "Keel", "Anchor", "Compass", "Northstar", "Polaris", "Orion", "Titan", "Cobalt", "Falcon",
        "Osprey", "Condor", "Mustang", "Bison", "Timberline", "Stonebridge", "Millbrook", "Oakmont", "Westfield", "Eastgate",
        "Southport", "Northgate", "Ridgeview", "Fairway", "Kingsley", "Whitfield", "Harrington", "Ashford", "Bradford",
        "Sheffield", "Whitmore", "Langley", "Prescott", "Caldwell", "Davenport", "Ellison", "Fairbanks", "Garrison", "Holloway",
    ]
    static let legalForms = ["Inc.", "LLC", "Co.", "Corp.", "Ltd.", "LP", "& Sons", "Company", "Group", "Incorporated", "PLLC", "& Associates"]
    /// Vendor names from abroad or with marks that display must handle: accents, CJK, emoji.
    static let foreignVendorPatterns: [(prefix: String, suffix: String)] = [
        ("Société ", " de Fournitures SA"), ("Grupo ", " Suministros S.A. de C.V."), ("", " Müller GmbH"), ("", " Peña y Hermanos S.L."),
        ("Établissements ", " SARL"), ("", " Østergaard A/S"), ("", " Nguyễn Trading Co."), ("東京 ", " Trading Co., Ltd."),
        ("", " 株式会社"), ("大洋 ", " Pacific Imports"), ("", " ☀️ Solar Partners LLC"), ("", " 🚌 Transit Supply"),
        ("Zürich ", " Instruments AG"), ("São Paulo ", " Comércio Ltda."), ("", " Björk & Söner AB"),
    ]

    /// National and regional purchasing cooperatives (all fictional), with their home region.
    static let nationalCooperatives = [
        "National Cooperative Purchasing Alliance", "American Public Procurement Consortium", "Sourcepoint National Cooperative",
        "United Communities Purchasing Cooperative", "Public Agency Buying Network", "National Joint Powers Purchasing Authority",
        "Educational Purchasing Collaborative of America", "Municipal Buyers League", "Keystone National Interlocal Purchasing System",
        "CivicSource Cooperative Contracts", "Allied States Cooperative Purchasing Program", "Coöperative Purchasing Services of North America",
    ]
    static let regionalCooperatives: [(name: String, state: String)] = [
        ("Western States Contracting Consortium", "UT"), ("Pacific Northwest Cooperative Purchasing Network", "WA"),
        ("Great Lakes Educational Purchasing Collaborative", "MI"), ("Southeast Cooperative Buying Council", "GA"),
        ("New England Municipal Buying Group", "MA"), ("Mountain Plains Interlocal Purchasing", "CO"),
        ("Gulf Coast Interlocal Purchasing Network", "TX"), ("Mid-Atlantic Public Purchasing Consortium", "PA"),
        ("Heartland Regional Purchasing Cooperative", "MO"), ("Sun Corridor Cooperative Purchasing Group", "AZ"),
    ]
    static let federalAgencies = ["Federal Cooperative Acquisition Office", "Office of Intergovernmental Supply Schedules"]

    static let agreementWords = [
        "cooperative contract", "master agreement", "statewide contract", "price agreement", "indefinite-quantity contract",
        "term contract", "cooperative purchasing agreement",
    ]
    static let methods = [
        "a competitive request for proposals", "an invitation for bids", "a publicly advertised solicitation",
        "a best-value evaluation of sealed proposals", "a two-step request for qualifications and proposals",
        "a multi-state solicitation",
    ]
    static let numberWords = ["one", "two", "three", "four", "five", "six"]
    static let solicitationKinds = ["RFP", "IFB", "RFQ", "ITB", "RFB"]

    /// Sentences most contracts say in one form or another; `#` is filled in with a number.
    static let boilerplate = [
        "Pricing is fixed for the first # months and adjusts annually by CPI-U thereafter.",
        "Participating agencies order directly from the vendor on their own purchase orders.",
        "Delivery is FOB destination, freight prepaid, to any participating agency.",
        "The vendor reports quarterly sales and remits an administrative fee of # percent.",
        "Emergency orders are filled within # hours, including weekends and holidays.",
        "Subcontracting goals for minority-, women- and veteran-owned businesses apply.",
        "Warranty service is performed on site by factory-certified technicians.",
        "End-user training is included at no additional cost.",
        "Volume discounts apply to orders above tiered thresholds.",
        "Prices include installation, removal of packaging and disposal of replaced equipment.",
        "Up to # optional one-year renewals may be exercised by mutual agreement.",
        "The vendor keeps a web portal with contract pricing and order history.",
        "Sustainability criteria favoured recycled content and low-emission products.",
        "Price adjustments require # days' written notice and supporting documentation.",
        "Insurance and a performance bond are required for installation work.",
        "Buy America provisions apply where federal funds are used.",
        "Orders may be placed by purchasing card without a minimum.",
        "Invoices are due net # and may be submitted electronically.",
        "The contract may be used with FEMA public assistance and other federal grants.",
        "Replacement parts stay available for # years after purchase.",
        "Backorders are reported within two business days.",
        "Pricing is a discount of # percent off the manufacturer's list price.",
        "It replaces an earlier contract for the same requirement.",
        "Questions about using the contract go to the lead agency's procurement office.",
        "Quotes for large orders may be negotiated below contract prices.",
        "The vendor holds all licences required in every participating state.",
        "Cooperative pricing was benchmarked against three other public contracts.",
        "Piggyback use is subject to the vendor's acceptance of each participating addendum.",
    ]
    static let participation = [
        "Other eligible public bodies may join by signing a participating addendum.",
        "Eligible agencies join through a participating addendum that adds their own terms.",
        "Use by other public entities is permitted under the solicitation's cooperative clause.",
        "Any eligible entity may piggyback on the award without a separate solicitation.",
    ]
    /// Syllables for made-up product lines: the rare words of a full-text index.
    static let brandSyllables = ["ax", "bel", "cor", "dyn", "el", "fin", "gal", "hex", "ion", "jet", "kor", "lum", "mar", "nov",
                                 "ox", "pra", "qui", "ryn", "sol", "tek", "ul", "vex", "wyn", "xen", "yor", "zen"]
}

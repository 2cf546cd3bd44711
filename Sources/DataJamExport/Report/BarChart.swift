/// A horizontal bar chart, one bar per row, each bar stacked from one segment per series: the one
/// shape every chart of the reports takes (participants by gender, constraints by team, data-need
/// priorities). Rendered as inline SVG by `SVGBarChart`.
struct BarChart {
    struct Series {
        var name: String
        /// A CSS colour (`#0072B2`).
        var color: String
    }

    struct Bar {
        var label: String
        /// One value per series, in the order of `series`.
        var values: [Int]
        var total: Int { values.reduce(0, +) }
    }

    var title: String
    var caption: String
    var series: [Series]
    var bars: [Bar]
    /// The end of the scale when it is fixed (25 for priorities); otherwise the longest bar.
    var scaleMax: Int?
    var showsLegend = true

    /// Colour-blind-safe colours (Okabe–Ito), for teams and workshops.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288",
                          "#117733", "#882255"]
    static let plenaryColor = "#6C757D"
    static let womenColor = "#CC79A7"
    static let menColor = "#0072B2"
    static let notStatedColor = "#E69F00"
    /// Unknown values are shown in light grey.
    static let unknownColor = "#C8C8C8"
    static let priorityColor = "#009E73"

    static func color(_ index: Int) -> String { palette[index % palette.count] }

    var hasData: Bool { bars.contains { $0.total > 0 } }
}

extension Sequence<Int> {
    /// The sum, stopping at `Int.max`: figures are range-checked where they are read, and this
    /// keeps a sum of any number of them from trapping all the same.
    package var saturatingSum: Int {
        reduce(0) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            return overflow ? (value > 0 ? Int.max : Int.min) : sum
        }
    }
}

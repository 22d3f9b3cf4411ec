import Testing

@testable import Index

@Suite("Dates, cadences and birthdays")
struct ValuesTests {
    @Test(
        arguments: [
            ("2024-03-05", "2024-03-05"), ("2024-02-29", "2024-02-29"), ("2023-02-29", nil), ("2024-13-01", nil),
            ("2024-3-5", nil), ("24-03-05", nil), ("2024-03-05x", nil), ("", nil), ("2024-00-10", nil), ("1900-02-29", nil),
            ("2000-02-29", "2000-02-29"),
        ] as [(String, String?)])
    func parsesDays(input: String, expected: String?) {
        #expect(Day(input)?.description == expected)
    }

    @Test func dayNumbersRoundTrip() throws {
        let epoch = try #require(Day("1970-01-01"))
        #expect(epoch.dayNumber == 0)
        #expect(try #require(Day("2000-03-01")).dayNumber == 11017)
        for number in stride(from: -719_162, through: 2_932_896, by: 997) {
            #expect(Day(dayNumber: number).dayNumber == number)
        }
    }

    @Test func dayArithmeticStopsAtTheDaysAJournalCanWrite() throws {
        let last = try #require(Day("9999-12-31"))
        let first = try #require(Day("0001-01-01"))
        #expect(Day(dayNumber: -800_000) == first)
        #expect(Day(dayNumber: .max) == last)
        #expect(last.adding(days: 1) == last)
        #expect(last.adding(days: .max) == last)
        #expect(first.adding(days: .min) == first)
        #expect(last.adding(months: .max) == last)
        #expect(first.adding(months: .min) == first)
        #expect(try #require(Day("9999-11-30")).adding(months: 2) == last)
        #expect(try #require(Day("2024-01-31")).adding(months: 1) == Day("2024-02-29"))
    }

    @Test(arguments: [
        ("100y", Cadence.every(100, .year)), ("1200m", .every(1200, .month)), ("36600d", .every(36600, .day)),
        ("5300w", .every(5300, .week)),
    ])
    func cadencesUpToAHundredYearsAreTaken(text: String, cadence: Cadence) {
        #expect(Cadence(text) == cadence)
    }

    @Test(arguments: ["101y", "1201m", "36601d", "5301w", "9223372036854775807d", "99999999999999999999999y"])
    func longerCadencesAreTooLong(text: String) {
        guard case .failure(.tooLong) = Cadence.parse(text) else {
            Issue.record("\(text) should be too long")
            return
        }
    }

    @Test func addsMonthsClampingTheDay() throws {
        let day = try #require(Day("2024-01-31"))
        #expect(day.adding(months: 1).description == "2024-02-29")
        #expect(day.adding(months: 13).description == "2025-02-28")
        #expect(day.adding(months: -2).description == "2023-11-30")
        #expect(day.adding(days: 30).description == "2024-03-01")
    }

    @Test(
        arguments: [
            ("2019", "2019"), ("2019-04", "2019-04"), ("2019-04-15", "2019-04-15"), ("2019-4", nil), ("2019-13", nil),
            ("2019-02-30", nil), ("present", nil), ("19", nil),
        ] as [(String, String?)])
    func parsesPartialDates(input: String, expected: String?) {
        #expect(PartialDate(input)?.description == expected)
    }

    @Test func partialDatesSpanTheirPeriod() throws {
        let month = try #require(PartialDate("2024-02"))
        #expect(month.earliest.description == "2024-02-01")
        #expect(month.latest.description == "2024-02-29")
        #expect(try #require(PartialDate("2023")).latest.description == "2023-12-31")
    }

    @Test(
        arguments: [
            ("2024-03-05", "2024-03-05"), ("2024-03-05 14:30", "2024-03-05 14:30"), ("2024-03-05T09:05", "2024-03-05 09:05"),
            ("2024-03-05 24:00", nil), ("2024-03-05 9:30", nil), ("2024-03-05 14:30:00", "2024-03-05 14:30"),
        ] as [(String, String?)])
    func parsesMoments(input: String, expected: String?) {
        #expect(Moment(input)?.description == expected)
    }

    @Test(
        arguments: [
            ("30d", "30d"), ("6w", "6w"), ("3m", "3m"), ("1y", "1y"), ("none", "none"), ("None", "none"), ("0d", nil),
            ("weekly", nil), ("3", nil), ("m", nil), ("-3m", nil),
        ] as [(String, String?)])
    func parsesCadences(input: String, expected: String?) {
        #expect(Cadence(input)?.description == expected)
    }

    @Test func cadenceAddsCalendarUnits() throws {
        let day = try #require(Day("2024-01-31"))
        #expect(Cadence("2w")?.after(day)?.description == "2024-02-14")
        #expect(Cadence("1m")?.after(day)?.description == "2024-02-29")
        #expect(Cadence("1y")?.after(day)?.description == "2025-01-31")
        #expect(Cadence("none")?.after(day) == nil)
    }

    @Test func birthdaysWithAndWithoutYear() throws {
        #expect(Birthday("1985-07-14")?.year == 1985)
        #expect(Birthday("07-14")?.year == nil)
        #expect(Birthday("02-29") != nil)
        #expect(Birthday("02-30") == nil)
        #expect(Birthday("1985-7-14") == nil)
        let leap = try #require(Birthday("02-29"))
        #expect(leap.next(onOrAfter: try #require(Day("2025-01-10"))).description == "2025-02-28")
        #expect(leap.next(onOrAfter: try #require(Day("2028-01-10"))).description == "2028-02-29")
        #expect(try #require(Birthday("01-05")).next(onOrAfter: try #require(Day("2025-12-30"))).description == "2026-01-05")
        // A birthday today is today's, not next year's.
        #expect(try #require(Birthday("01-05")).next(onOrAfter: try #require(Day("2026-01-05"))).description == "2026-01-05")
    }
}

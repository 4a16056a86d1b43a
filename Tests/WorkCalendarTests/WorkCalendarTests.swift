import Testing
import WorkCalendar

func day(_ s: String) -> CalendarDay { CalendarDay(s)! }

@Suite struct CalendarDayTests {
    @Test func parsesPrintsAndKnowsTheWeekday() {
        #expect(day("2024-02-29").description == "2024-02-29")
        #expect(CalendarDay("2023-02-29") == nil)
        #expect(CalendarDay("2024-13-01") == nil)
        #expect(CalendarDay("24-1-1") == nil)
        #expect(day("1970-01-01").isoWeekday == 4)
        #expect(day("2026-11-29").isoWeekday == 7)
        #expect(day("2024-12-31").adding(days: 1) == day("2025-01-01"))
    }
}

@Suite struct WorkCalendarTests {
    @Test func mainlandHolidaysAndMakeUpDays() throws {
        let cn = try WorkCalendar.shipped(.mainland)
        #expect(!cn.isWorkingDay(day("2024-10-01")))            // 國慶節
        #expect(cn.isWorkingDay(day("2024-10-12")))             // a Saturday worked for it
        #expect(cn.isWorkingDay(day("2024-02-04")))             // a Sunday worked for 春節
        #expect(!cn.isWorkingDay(day("2024-02-16")))            // the Friday of 春節
        #expect(cn.exception(on: day("2024-02-04"))?.name == "春节")
        #expect(cn.years.isSuperset(of: 2023...2027))
    }

    @Test func hongKongGeneralHolidays() throws {
        let hk = try WorkCalendar.shipped(.hongKong)
        #expect(!hk.isWorkingDay(day("2024-03-29")))            // Good Friday
        #expect(!hk.isWorkingDay(day("2024-04-01")))            // Easter Monday
        #expect(hk.isWorkingDay(day("2024-02-16")))             // a Friday the Mainland had off
        #expect(!hk.isWorkingDay(day("2024-10-12")))            // Saturday
        #expect(hk.isWorkingDay(day("2024-10-02")))
    }

    @Test func deadlinesSkipHolidaysOnTheHoldingSide() throws {
        let cn = try WorkCalendar.shipped(.mainland)
        let hk = try WorkCalendar.shipped(.hongKong)
        // Received Friday 27 September 2024, 10 working days. Mainland: Sunday 29 September and
        // Saturday 12 October are worked, 1–7 October are off → 16 October. Hong Kong: 1 and 11
        // October are general holidays → 15 October.
        #expect(cn.addingWorkingDays(10, to: day("2024-09-27")) == day("2024-10-16"))
        #expect(hk.addingWorkingDays(10, to: day("2024-09-27")) == day("2024-10-15"))
        // Acknowledgement (1 working day) of a case sent on Saturday.
        #expect(hk.addingWorkingDays(1, to: day("2024-03-30")) == day("2024-04-02"))
        #expect(cn.addingWorkingDays(0, to: day("2024-10-01")) == day("2024-10-08"))
        #expect(cn.workingDays(after: day("2024-09-27"), through: day("2024-10-16")) == 10)
        #expect(cn.workingDays(after: day("2024-10-16"), through: day("2024-09-27")) == 0)
    }

    @Test func overridesAndParsingErrors() throws {
        let cn = try WorkCalendar.shipped(.mainland)
        let edited = cn.applying([.init(day: day("2028-01-03"), kind: .off, name: "元旦")])
        #expect(!edited.isWorkingDay(day("2028-01-03")))
        #expect(edited.years.contains(2028))
        #expect(throws: WorkCalendarError(line: 2, message: "2024-10-14 is a weekday; only a weekend day can be a make-up working day")) {
            try WorkCalendar(region: .mainland, parsing: "# c\n2024-10-14 work x")
        }
        #expect(throws: WorkCalendarError.self) { try WorkCalendar(region: .mainland, parsing: "2024-10-1 off x") }
    }
}

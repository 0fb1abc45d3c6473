import fc from "fast-check";
import {
  CalendarKind,
  MONTHS_PER_PERIOD,
  PeriodOutcome,
  canonicalPeriod,
  compare,
  contains,
  formatPeriodPtBR,
  makePeriod,
  monthsOf,
  overlaps,
  parseMonthName,
  parsePeriod,
  periodOf,
  rangePeriod,
} from "../../src/core/periods";
import { CellValue, Period, PeriodKind } from "../../src/core/types";

const CALENDAR_KINDS: CalendarKind[] = ["month", "bimester", "quarter", "fourMonth", "semester", "year"];
const ALL_KINDS: PeriodKind[] = [...CALENDAR_KINDS, "range"];

/** The period read, or a test failure that shows the problem. */
function read(value: CellValue, options?: Parameters<typeof parsePeriod>[1]): Period {
  const outcome = parsePeriod(value, options);
  if (outcome.kind !== "period") throw new Error(`expected a period from ${String(value)}: ${outcome.problem.message}`);
  return outcome.period;
}

/** The problem message, or a test failure when a period was read. */
function problemOf(value: CellValue, options?: Parameters<typeof parsePeriod>[1]): string {
  const outcome = parsePeriod(value, options);
  if (outcome.kind !== "invalid")
    throw new Error(`expected a problem from ${String(value)}, got ${outcome.period.label}`);
  expect(outcome.problem.code).toBe("invalidPeriod");
  return outcome.problem.message;
}

/** The day after an ISO date, computed independently of the module (UTC). */
function nextDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

describe("makePeriod", () => {
  it("builds each kind with its label and inclusive ends", () => {
    // January 2025: 31 days.
    expect(makePeriod("month", 2025, 1)).toEqual({
      kind: "month",
      label: "2025-01",
      start: "2025-01-01",
      end: "2025-01-31",
      year: 2025,
      index: 1,
    });
    // February 2024 has 29 days (2024 is divisible by 4 and not by 100).
    expect(makePeriod("month", 2024, 2).end).toBe("2024-02-29");
    // February 2100 has 28 days (divisible by 100, not by 400).
    expect(makePeriod("month", 2100, 2).end).toBe("2100-02-28");
    // Bimester 3 = months 5–6: May–Jun.
    expect(makePeriod("bimester", 2025, 3)).toMatchObject({ label: "2025-B3", start: "2025-05-01", end: "2025-06-30" });
    // Quarter (trimestre) 2 = months 4–6: Apr–Jun; written T.
    expect(makePeriod("quarter", 2025, 2)).toMatchObject({ label: "2025-T2", start: "2025-04-01", end: "2025-06-30" });
    // Q2 is the second four-month period: May–Aug, so 2022-Q2 starts 2022-05-01 and ends 2022-08-31.
    expect(makePeriod("fourMonth", 2022, 2)).toMatchObject({
      label: "2022-Q2",
      start: "2022-05-01",
      end: "2022-08-31",
    });
    // Q3 = Sep–Dec.
    expect(makePeriod("fourMonth", 2022, 3)).toMatchObject({ start: "2022-09-01", end: "2022-12-31" });
    // Semester 2 = Jul–Dec.
    expect(makePeriod("semester", 2025, 2)).toMatchObject({ label: "2025-S2", start: "2025-07-01", end: "2025-12-31" });
    // A year's index defaults to 1.
    expect(makePeriod("year", 2025)).toEqual({
      kind: "year",
      label: "2025",
      start: "2025-01-01",
      end: "2025-12-31",
      year: 2025,
      index: 1,
    });
  });

  it("refuses bad arguments (programming errors)", () => {
    expect(() => makePeriod("fourMonth", 2025, 4)).toThrow(RangeError); // only Q1–Q3
    expect(() => makePeriod("month", 2025, 13)).toThrow(RangeError);
    expect(() => makePeriod("quarter", 2025, 0)).toThrow(RangeError);
    expect(() => makePeriod("month", 2025.5, 1)).toThrow(RangeError);
    expect(() => makePeriod("range" as CalendarKind, 2025, 1)).toThrow(RangeError);
  });
});

describe("rangePeriod and canonicalPeriod", () => {
  it("keeps an explicit range as written", () => {
    expect(rangePeriod("2011-08-01", "2011-12-31")).toEqual({
      kind: "range",
      label: "2011-08-01..2011-12-31",
      start: "2011-08-01",
      end: "2011-12-31",
    });
    // rangePeriod never changes kind, even when the range is exactly a quarter.
    expect(rangePeriod("2025-01-01", "2025-03-31").kind).toBe("range");
  });

  it("refuses reversed or malformed ends", () => {
    expect(() => rangePeriod("2011-12-31", "2011-08-01")).toThrow(RangeError);
    expect(() => rangePeriod("2025-02-30", "2025-03-01")).toThrow(RangeError);
    expect(() => rangePeriod("01/08/2011", "2011-12-31")).toThrow(RangeError);
  });

  it("turns a range that is exactly a calendar period into that period", () => {
    // Jan 1 – Mar 31: three whole months starting in month 1 → quarter 1.
    expect(canonicalPeriod(rangePeriod("2025-01-01", "2025-03-31"))).toEqual(makePeriod("quarter", 2025, 1));
    // Jan 1 – Feb 28 2025: two whole months from month 1 → bimester 1.
    expect(canonicalPeriod(rangePeriod("2025-01-01", "2025-02-28"))).toEqual(makePeriod("bimester", 2025, 1));
    // Sep 1 – Dec 31: four whole months from month 9 = (3-1)*4+1 → four-month 3.
    expect(canonicalPeriod(rangePeriod("2025-09-01", "2025-12-31"))).toEqual(makePeriod("fourMonth", 2025, 3));
    expect(canonicalPeriod(rangePeriod("2024-01-01", "2024-12-31"))).toEqual(makePeriod("year", 2024));
  });

  it("leaves other ranges alone", () => {
    // Feb–Apr is three months but does not start a quarter (quarters start in Jan, Apr, Jul, Oct).
    expect(canonicalPeriod(rangePeriod("2025-02-01", "2025-04-30")).kind).toBe("range");
    // Feb 2024 has 29 days, so Feb 1–28 is not the whole month.
    expect(canonicalPeriod(rangePeriod("2024-02-01", "2024-02-28")).kind).toBe("range");
    // Crosses a year: never a calendar period.
    expect(canonicalPeriod(rangePeriod("2024-12-01", "2025-01-31")).kind).toBe("range");
    expect(canonicalPeriod(rangePeriod("2011-08-01", "2011-12-31")).kind).toBe("range");
  });
});

describe("periodOf", () => {
  it("finds the period of each kind containing a date", () => {
    // 15 June 2022 is month 6: bimester ceil(6/2)=3, quarter ceil(6/3)=2, four-month ceil(6/4)=2, semester 1.
    expect(periodOf("2022-06-15", "month").label).toBe("2022-06");
    expect(periodOf("2022-06-15", "bimester").label).toBe("2022-B3");
    expect(periodOf("2022-06-15", "quarter").label).toBe("2022-T2");
    expect(periodOf("2022-06-15", "fourMonth").label).toBe("2022-Q2");
    expect(periodOf("2022-06-15", "semester").label).toBe("2022-S1");
    expect(periodOf("2022-06-15", "year").label).toBe("2022");
    expect(periodOf("2022-06-15", "range")).toEqual(rangePeriod("2022-06-15", "2022-06-15"));
    // Boundaries: Apr 30 is the last day of Q1 (Jan–Apr); May 1 the first of Q2.
    expect(periodOf("2022-04-30", "fourMonth").label).toBe("2022-Q1");
    expect(periodOf("2022-05-01", "fourMonth").label).toBe("2022-Q2");
  });

  it("refuses a malformed date", () => {
    expect(() => periodOf("2022-13-01", "month")).toThrow(RangeError);
  });
});

describe("contains, overlaps, compare", () => {
  const firstEvaluation = rangePeriod("2011-08-01", "2011-12-31");

  it("contains: the irregular first evaluation covers Aug–Dec 2011", () => {
    expect(contains(firstEvaluation, makePeriod("month", 2011, 8))).toBe(true);
    expect(contains(firstEvaluation, makePeriod("month", 2011, 12))).toBe(true);
    expect(contains(firstEvaluation, makePeriod("month", 2011, 7))).toBe(false);
    // Q3 2011 = Sep–Dec, inside Aug–Dec.
    expect(contains(firstEvaluation, makePeriod("fourMonth", 2011, 3))).toBe(true);
    // S2 2011 = Jul–Dec starts before Aug.
    expect(contains(firstEvaluation, makePeriod("semester", 2011, 2))).toBe(false);
    expect(contains(makePeriod("semester", 2011, 2), firstEvaluation)).toBe(true);
    expect(contains(firstEvaluation, firstEvaluation)).toBe(true);
  });

  it("overlaps: shares at least a day", () => {
    // T2 = Apr–Jun and Q2 = May–Aug share May–Jun.
    expect(overlaps(makePeriod("quarter", 2022, 2), makePeriod("fourMonth", 2022, 2))).toBe(true);
    // T1 = Jan–Mar ends before Q2 starts in May.
    expect(overlaps(makePeriod("quarter", 2022, 1), makePeriod("fourMonth", 2022, 2))).toBe(false);
    // Touching on a single day counts (ends are inclusive).
    expect(overlaps(rangePeriod("2025-01-01", "2025-01-15"), rangePeriod("2025-01-15", "2025-01-31"))).toBe(true);
    expect(overlaps(rangePeriod("2025-01-01", "2025-01-14"), rangePeriod("2025-01-15", "2025-01-31"))).toBe(false);
  });

  it("compare sorts by start, then end", () => {
    const year = makePeriod("year", 2025);
    const q1 = makePeriod("fourMonth", 2025, 1); // Jan–Apr
    const t1 = makePeriod("quarter", 2025, 1); // Jan–Mar: same start, ends earlier than Q1
    const feb = makePeriod("month", 2025, 2);
    const dec2024 = makePeriod("month", 2024, 12);
    const sorted = [year, q1, feb, t1, dec2024].sort(compare).map((p) => p.label);
    expect(sorted).toEqual(["2024-12", "2025-T1", "2025-Q1", "2025", "2025-02"]);
    expect(compare(t1, rangePeriod("2025-01-01", "2025-03-31"))).toBe(0);
  });
});

describe("monthsOf", () => {
  it("lists the months of a four-month period", () => {
    // 2022-Q2 = May–Aug.
    expect(monthsOf(makePeriod("fourMonth", 2022, 2)).map((p) => p.label)).toEqual([
      "2022-05",
      "2022-06",
      "2022-07",
      "2022-08",
    ]);
  });

  it("lists Aug–Dec for the irregular 2011 range", () => {
    expect(monthsOf(rangePeriod("2011-08-01", "2011-12-31")).map((p) => p.label)).toEqual([
      "2011-08",
      "2011-09",
      "2011-10",
      "2011-11",
      "2011-12",
    ]);
  });

  it("includes partly covered months at the ends and crosses years", () => {
    // Dec 15 2024 – Feb 10 2025 touches Dec, Jan, Feb.
    expect(monthsOf(rangePeriod("2024-12-15", "2025-02-10")).map((p) => p.label)).toEqual([
      "2024-12",
      "2025-01",
      "2025-02",
    ]);
  });
});

describe("formatPeriodPtBR", () => {
  it("writes each kind the pt-BR way", () => {
    expect(formatPeriodPtBR(makePeriod("month", 2025, 1))).toBe("jan/2025");
    expect(formatPeriodPtBR(makePeriod("month", 2025, 3))).toBe("mar/2025");
    expect(formatPeriodPtBR(makePeriod("month", 2025, 12))).toBe("dez/2025");
    expect(formatPeriodPtBR(makePeriod("bimester", 2025, 1))).toBe("1º bimestre de 2025");
    expect(formatPeriodPtBR(makePeriod("quarter", 2025, 1))).toBe("1º trimestre de 2025");
    expect(formatPeriodPtBR(makePeriod("fourMonth", 2025, 1))).toBe("1º quadrimestre de 2025");
    expect(formatPeriodPtBR(makePeriod("semester", 2025, 2))).toBe("2º semestre de 2025");
    expect(formatPeriodPtBR(makePeriod("year", 2025))).toBe("2025");
    expect(formatPeriodPtBR(rangePeriod("2011-08-01", "2011-12-31"))).toBe("01/08/2011 a 31/12/2011");
  });
});

describe("parseMonthName", () => {
  it("reads the pt-BR abbreviations in order", () => {
    const abbreviations = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"];
    abbreviations.forEach((name, i) => expect(parseMonthName(name)).toBe(i + 1));
  });

  it("reads full names, with or without accents, in any case", () => {
    expect(parseMonthName("Janeiro")).toBe(1);
    expect(parseMonthName("Fevereiro")).toBe(2);
    expect(parseMonthName("Março")).toBe(3);
    expect(parseMonthName("MARCO")).toBe(3);
    expect(parseMonthName("  setembro ")).toBe(9);
    expect(parseMonthName("Dezembro")).toBe(12);
    expect(parseMonthName("Fev.")).toBe(2);
    expect(parseMonthName("Jan (%)")).toBe(1);
  });

  it("reads the English abbreviations an en-US Excel shows", () => {
    expect(parseMonthName("Feb")).toBe(2);
    expect(parseMonthName("Oct")).toBe(10);
  });

  it("returns undefined for anything else", () => {
    expect(parseMonthName("jan/2025")).toBeUndefined();
    expect(parseMonthName("janeir")).toBeUndefined();
    expect(parseMonthName("13")).toBeUndefined();
    expect(parseMonthName("")).toBeUndefined();
    expect(parseMonthName("constructor")).toBeUndefined();
  });
});

describe("parsePeriod: accepted forms", () => {
  // Each row: what the user wrote → the label expected. Start/end follow from the label (checked against
  // makePeriod in the test), so the reasoning is in the label.
  const months: [string, string][] = [
    ["Jan/2025", "2025-01"],
    ["jan/25", "2025-01"], // two-digit year 25 → 2025
    ["Janeiro 2025", "2025-01"],
    ["janeiro de 2025", "2025-01"],
    ["JAN-2025", "2025-01"],
    ["01/2025", "2025-01"],
    ["1/2025", "2025-01"],
    ["2025-01", "2025-01"],
    ["2025/01", "2025-01"],
    ["Mar.2025", "2025-03"],
    ["março de 2025", "2025-03"],
    ["marco/2025", "2025-03"], // accents optional
    ["Set/2024", "2024-09"],
    ["  2025-01  ", "2025-01"],
    ["Competência 01/2025", "2025-01"],
    ["Competência: jan/2025", "2025-01"],
    ["Mês de fevereiro de 2025", "2025-02"],
    ["jan/99", "1999-01"], // 70–99 → 19xx
    ["2025 jan", "2025-01"],
    ["Feb-25", "2025-02"], // en-US Excel display
  ];
  it.each(months)("month: %s → %s", (text, label) => {
    expect(read(text)).toEqual(makePeriod("month", Number(label.slice(0, 4)), Number(label.slice(5))));
  });

  const subYear: [string, CalendarKind, number, number][] = [
    // Quarters are written T (trimestre).
    ["2025-T1", "quarter", 2025, 1],
    ["T1/2025", "quarter", 2025, 1],
    ["1º trim/2025", "quarter", 2025, 1],
    ["1º trimestre 2025", "quarter", 2025, 1],
    ["1° Trimestre de 2025", "quarter", 2025, 1],
    ["4º trimestre de 2024", "quarter", 2024, 4],
    ["primeiro trimestre de 2025", "quarter", 2025, 1],
    ["1T25", "quarter", 2025, 1],
    ["Resultado 2025-T3", "quarter", 2025, 3],
    // Q is a four-month period (quadrimestre), as in the SISAB panel.
    ["2025 Q1", "fourMonth", 2025, 1],
    ["2025 Q1 (%)", "fourMonth", 2025, 1],
    ["2022 Q1 (%)", "fourMonth", 2022, 1],
    ["2025-Q1", "fourMonth", 2025, 1],
    ["Q1/2025", "fourMonth", 2025, 1],
    ["1º quadrimestre de 2025", "fourMonth", 2025, 1],
    ["3º quadrimestre de 2023", "fourMonth", 2023, 3],
    // Semesters and bimesters.
    ["2025-S1", "semester", 2025, 1],
    ["1º semestre de 2025", "semester", 2025, 1],
    ["2º Semestre de 2025", "semester", 2025, 2],
    ["2025-B1", "bimester", 2025, 1],
    ["6º bimestre de 2025", "bimester", 2025, 6],
    // Years.
    ["2025", "year", 2025, 1],
    ["Ano de 2025", "year", 2025, 1],
  ];
  it.each(subYear)("%s → %s %i #%i", (text, kind, year, index) => {
    expect(read(text)).toEqual(makePeriod(kind, year, index));
  });

  it("reads the SISAB header 2022 Q1 (%) as Jan–Apr 2022, not Jan–Mar", () => {
    // Q1 = first quadrimestre = months 1–4, so it ends on 30 April, not on 31 March.
    const period = read("2022 Q1 (%)");
    expect(period.kind).toBe("fourMonth");
    expect(period.start).toBe("2022-01-01");
    expect(period.end).toBe("2022-04-30");
    // Q2 is the second four-month period: May–Aug, so 2022 Q2 starts 2022-05-01.
    expect(read("2022 Q2 (%)")).toMatchObject({ start: "2022-05-01", end: "2022-08-31" });
  });

  it("reads a single date as its month", () => {
    expect(read("01/08/2011")).toEqual(makePeriod("month", 2011, 8));
    expect(read("2011-08-01")).toEqual(makePeriod("month", 2011, 8));
    expect(read("31/12/2011")).toEqual(makePeriod("month", 2011, 12));
  });

  it("reads a single date as the hinted kind", () => {
    // 1 Aug 2011 is in Jul–Sep = T3.
    expect(read("01/08/2011", "quarter")).toEqual(makePeriod("quarter", 2011, 3));
    // Aug is month 8, in May–Aug = Q2.
    expect(read("01/08/2011", { hint: "fourMonth" })).toEqual(makePeriod("fourMonth", 2011, 2));
    expect(read("01/08/2011", { hint: "range" })).toEqual(rangePeriod("2011-08-01", "2011-08-01"));
  });

  it("does not let the hint change what Q means", () => {
    expect(read("2025 Q1", { hint: "quarter" })).toEqual(makePeriod("fourMonth", 2025, 1));
  });

  it("reads the irregular first evaluation 01/08/2011 a 31/12/2011 as an explicit range", () => {
    const expected = rangePeriod("2011-08-01", "2011-12-31");
    expect(read("01/08/2011 a 31/12/2011")).toEqual(expected);
    expect(read("2011-08-01..2011-12-31")).toEqual(expected);
    expect(read("01/08/2011 até 31/12/2011")).toEqual(expected);
    expect(read("01/08/2011 – 31/12/2011")).toEqual(expected);
    expect(read("01/08/2011-31/12/2011")).toEqual(expected);
    expect(read("Período de 01/08/2011 a 31/12/2011")).toEqual(expected);
    // ago/2011 starts on Aug 1 and dez/2011 ends on Dec 31.
    expect(read("ago/2011 a dez/2011")).toEqual(expected);
    expect(read("agosto a dezembro de 2011")).toEqual(expected);
  });

  it("reads a range of months as the calendar period it covers exactly", () => {
    // Jan–Mar = quarter 1.
    expect(read("2025-01..2025-03")).toEqual(makePeriod("quarter", 2025, 1));
    expect(read("2025-01-2025-03")).toEqual(makePeriod("quarter", 2025, 1));
    // Jan–Apr = four-month 1.
    expect(read("jan a abr/2025")).toEqual(makePeriod("fourMonth", 2025, 1));
    // Jan–Jun = semester 1; Jan–Dec = the year.
    expect(read("2025-01..2025-06")).toEqual(makePeriod("semester", 2025, 1));
    expect(read("2025-01..2025-12")).toEqual(makePeriod("year", 2025));
    // Quarters joined: T1 + T2 = Jan–Jun = S1.
    expect(read("2025-T1..2025-T2")).toEqual(makePeriod("semester", 2025, 1));
    // Feb–Apr matches no kind: an explicit range from Feb 1 to Apr 30.
    expect(read("2025-02..2025-04")).toEqual(rangePeriod("2025-02-01", "2025-04-30"));
    // Nov to Feb: the first month takes the year before the last one's.
    expect(read("nov a fev/2025")).toEqual(rangePeriod("2024-11-01", "2025-02-28"));
  });

  it("reads a bare month name only with a default year", () => {
    expect(problemOf("Jan")).toContain("sem ano");
    expect(problemOf("Fevereiro")).toContain("“Fevereiro”");
    expect(read("Jan", { defaultYear: 2025 })).toEqual(makePeriod("month", 2025, 1));
    // 2024 is a leap year: Feb ends on the 29th.
    expect(read("Fev", { defaultYear: 2024 })).toMatchObject({ label: "2024-02", end: "2024-02-29" });
    expect(read("Fevereiro", { defaultYear: 2024 }).label).toBe("2024-02");
    expect(problemOf("Jan", { defaultYear: 1800 })).toContain("1900");
  });
});

describe("parsePeriod: dates and numbers", () => {
  it("reads a JS Date by its UTC day, as the month or the hinted kind", () => {
    expect(read(new Date(Date.UTC(2025, 0, 15)))).toEqual(makePeriod("month", 2025, 1));
    // 23:30 UTC on Jan 31 is still January whatever the machine's time zone.
    expect(read(new Date(Date.UTC(2025, 0, 31, 23, 30)))).toEqual(makePeriod("month", 2025, 1));
    // 15 June 2022: month 6 → four-month 2 (May–Aug).
    expect(read(new Date(Date.UTC(2022, 5, 15)), "fourMonth")).toEqual(makePeriod("fourMonth", 2022, 2));
    expect(problemOf(new Date(NaN))).toContain("não reconhecido");
    expect(problemOf(new Date(Date.UTC(1850, 0, 1)))).toContain("1900");
  });

  it("reads Excel serial dates (days since 1899-12-30)", () => {
    // 1900-01-01 → 2025-01-01 is 125 years: 125*365 = 45625 days plus 31 leap days (1904..2024; 1900 is not
    // a leap year) = 45656; 1899-12-30 → 1900-01-01 adds 2: 45658 = 2025-01-01.
    expect(read(45658)).toEqual(makePeriod("month", 2025, 1));
    // 45658 + 30 = 45688 = 2025-01-31; +1 = 45689 = 2025-02-01.
    expect(read(45688).label).toBe("2025-01");
    expect(read(45689).label).toBe("2025-02");
    // The time of day (a fraction) is ignored: 45688.99 is still Jan 31.
    expect(read(45688.99).label).toBe("2025-01");
    // 2011-01-01: 111*365 = 40515 + 27 leap days (1904..2008) + 2 = 40544; Aug 1 is 212 days later
    // (31+28+31+30+31+30+31) = 40756.
    expect(read(40756)).toEqual(makePeriod("month", 2011, 8));
    expect(read(40756, "range")).toEqual(rangePeriod("2011-08-01", "2011-08-01"));
    // 45658 + 31 (Jan) + 14 = 45703 = 2025-02-15, in semester 1.
    expect(read(45703, { hint: "semester" })).toEqual(makePeriod("semester", 2025, 1));
    // 1900-01-01 → 1927-01-01: 27*365 + 6 leap days (1904..1924) + 2 = 9863; May 18 is 31+28+31+30+17 = 137
    // days later: 10000 = 1927-05-18.
    expect(read(10000)).toEqual(makePeriod("month", 1927, 5));
  });

  it("accepts serials 61..73415 only", () => {
    // Serial 61: Dec 30 → Jan 1 is 2 days, +31 (Jan) +28 (Feb 1900) = 61 → 1900-03-01.
    expect(read(61)).toEqual(makePeriod("month", 1900, 3));
    // 60 is Excel's fictitious 1900-02-29; below it Excel is a day off. Refused.
    expect(problemOf(60)).toContain("“60”");
    expect(problemOf(1)).toContain("data do Excel");
    expect(problemOf(0)).toContain("data do Excel");
    expect(problemOf(-5)).toContain("data do Excel");
    // 1900-01-01 → 2101-01-01: 201*365 = 73365 + 49 leap days (1904..2096) = 73414, +2 = 73416 = 2101-01-01;
    // so 73415 = 2100-12-31, the last day accepted.
    expect(read(73415)).toEqual(makePeriod("month", 2100, 12));
    expect(problemOf(73416)).toContain("data do Excel");
    expect(problemOf(Number.NaN)).toContain("NaN");
    expect(problemOf(Number.POSITIVE_INFINITY)).toContain("Infinity");
  });

  it("reads four-digit numbers as years", () => {
    expect(read(2025)).toEqual(makePeriod("year", 2025));
    expect(read(1900)).toEqual(makePeriod("year", 1900));
    expect(read(2100)).toEqual(makePeriod("year", 2100));
    // 2101 is a year out of range, not the serial date 1905-07-...
    expect(problemOf(2101)).toContain("entre 1900 e 2100");
    expect(problemOf(1899)).toContain("entre 1900 e 2100");
    expect(problemOf(2025.5)).toContain("não é um ano");
  });
});

describe("parsePeriod: problems", () => {
  it("quotes what was written and lists accepted forms", () => {
    expect(problemOf("xyz")).toBe(
      "Período “xyz” não reconhecido. Use, por exemplo, 2025-01, jan/2025, 2025-T1 (trimestre), " +
        "2025-Q1 (quadrimestre) ou 01/08/2011 a 31/12/2011.",
    );
    expect(problemOf("#N/D")).toContain("“#N/D”");
  });

  it("explains that Q4 does not exist (Q is a quadrimestre) and points to T", () => {
    const message = problemOf("2025-Q4");
    expect(message).toContain("quadrimestre");
    expect(message).toContain("T4");
    expect(problemOf("2025 Q4 (%)")).toContain("Q1 a Q3");
  });

  it("refuses indexes, dates and years that do not exist", () => {
    expect(problemOf("2025-13")).toContain("de 1 a 12");
    expect(problemOf("13/2025")).toContain("de 1 a 12");
    expect(problemOf("2025-T5")).toContain("de 1 a 4");
    expect(problemOf("2025-S3")).toContain("de 1 a 2");
    expect(problemOf("7º bimestre de 2025")).toContain("de 1 a 6");
    // 2025 is not a leap year.
    expect(problemOf("29/02/2025")).toContain("não existe");
    expect(read("29/02/2024").label).toBe("2024-02");
    expect(problemOf("31/04/2025")).toContain("não existe");
    expect(problemOf("jan/1850")).toContain("entre 1900 e 2100");
  });

  it("refuses a reversed range", () => {
    expect(problemOf("31/12/2011 a 01/08/2011")).toContain("início vem depois");
  });

  it("refuses empty cells and non-periods", () => {
    expect(problemOf(null)).toContain("em branco");
    expect(problemOf(undefined)).toContain("em branco");
    expect(problemOf("   ")).toContain("em branco");
    expect(problemOf(true)).toContain("não reconhecido");
    // Day/month or month/year? Numeric month/year needs four year digits.
    expect(problemOf("01/25")).toContain("não reconhecido");
    expect(problemOf("x".repeat(500))).toContain("não reconhecido");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const calendarPeriodArb = fc
  .constantFrom(...CALENDAR_KINDS)
  .chain((kind) =>
    fc.tuple(
      fc.constant(kind),
      fc.integer({ min: 1990, max: 2100 }),
      fc.integer({ min: 1, max: 12 / MONTHS_PER_PERIOD[kind] }),
    ),
  )
  .map(([kind, year, index]) => makePeriod(kind, year, index));

const isoDayArb = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const rangeArb = fc.tuple(isoDayArb, isoDayArb).map(([a, b]) => (a <= b ? rangePeriod(a, b) : rangePeriod(b, a)));

/** Strings made of the pieces periods are written with, to reach the deeper branches of the reader. */
const periodishArb = fc
  .array(
    fc.constantFrom(
      "jan",
      "Março",
      "fev.",
      "2025",
      "25",
      "1",
      "01",
      "13",
      "31",
      "/",
      "-",
      ".",
      "..",
      " a ",
      " até ",
      "–",
      " ",
      "T",
      "Q",
      "S",
      "B",
      "º",
      "°",
      "trimestre",
      "quad",
      "de ",
      "(%)",
      "%",
      "Resultado ",
      "Competência: ",
      "01/08/2011",
      "2011-08-01",
      "\u00a0",
      "ª",
      "primeiro",
      "0",
      "9999",
      "1850",
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  periodishArb,
  fc.double(),
  fc.integer(),
  fc.integer({ min: -10, max: 80000 }),
  fc.date(),
  fc.date({ noInvalidDate: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const optionsArb = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...ALL_KINDS),
  fc.record(
    {
      hint: fc.constantFrom(...ALL_KINDS),
      defaultYear: fc.oneof(fc.integer(), fc.double(), fc.integer({ min: 1900, max: 2100 })),
    },
    { requiredKeys: [] },
  ),
);

/** A well-formed outcome: a period with ordered ISO ends, or an invalidPeriod problem with a message. */
function wellFormed(outcome: PeriodOutcome): boolean {
  if (outcome.kind === "invalid") return outcome.problem.code === "invalidPeriod" && outcome.problem.message.length > 0;
  const { start, end } = outcome.period;
  return /^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(end) && start <= end;
}

describe("properties", () => {
  it("parsePeriod never throws and always returns a well-formed outcome", () => {
    fc.assert(
      fc.property(cellArb, optionsArb, (value, options) => {
        expect(wellFormed(parsePeriod(value, options))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("parsePeriod(label) round-trips every calendar period", () => {
    fc.assert(
      fc.property(calendarPeriodArb, (period) => {
        expect(parsePeriod(period.label)).toEqual({ kind: "period", period });
      }),
    );
  });

  it("every kind, year 1990..2100 and index round-trips (exhaustive)", () => {
    for (const kind of CALENDAR_KINDS) {
      for (let year = 1990; year <= 2100; year += 1) {
        for (let index = 1; index <= 12 / MONTHS_PER_PERIOD[kind]; index += 1) {
          const period = makePeriod(kind, year, index);
          const outcome = parsePeriod(period.label);
          if (outcome.kind !== "period" || outcome.period.label !== period.label) {
            throw new Error(`${period.label} did not round-trip`);
          }
        }
      }
    }
  });

  it("parsePeriod reads back what formatPeriodPtBR writes", () => {
    fc.assert(
      fc.property(fc.oneof(calendarPeriodArb, rangeArb), (period) => {
        expect(parsePeriod(formatPeriodPtBR(period))).toEqual({ kind: "period", period: canonicalPeriod(period) });
      }),
    );
  });

  it("parsePeriod(range label) keeps the ends, as the calendar period when it is one", () => {
    fc.assert(
      fc.property(rangeArb, (range) => {
        const period = read(range.label);
        expect([period.start, period.end]).toEqual([range.start, range.end]);
        expect(period).toEqual(canonicalPeriod(range));
      }),
    );
  });

  it("periodOf(d, k) has kind k and contains d", () => {
    fc.assert(
      fc.property(isoDayArb, fc.constantFrom(...ALL_KINDS), (day, kind) => {
        const period = periodOf(day, kind);
        expect(period.kind).toBe(kind);
        expect(period.start <= day && day <= period.end).toBe(true);
        expect(contains(period, rangePeriod(day, day))).toBe(true);
      }),
    );
  });

  it("a Date or an Excel serial reads as the period containing its day", () => {
    fc.assert(
      fc.property(isoDayArb, fc.constantFrom(...ALL_KINDS), (day, kind) => {
        const [y, m, d] = day.split("-").map(Number);
        const ms = Date.UTC(y, m - 1, d);
        // serial = days since 1899-12-30 (valid from 1900-03-01 on).
        const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
        expect(read(new Date(ms), kind)).toEqual(periodOf(day, kind));
        if (serial >= 61 && (serial < 1000 || serial >= 10000)) expect(read(serial, kind)).toEqual(periodOf(day, kind));
      }),
    );
  });

  it("monthsOf a calendar period: the right count, contiguous, from start to end", () => {
    fc.assert(
      fc.property(calendarPeriodArb, (period) => {
        const months = monthsOf(period);
        // quarter 3, four-month 4, semester 6, year 12 (month 1, bimester 2).
        expect(months).toHaveLength(MONTHS_PER_PERIOD[period.kind as CalendarKind]);
        expect(months[0].start).toBe(period.start);
        expect(months[months.length - 1].end).toBe(period.end);
        for (let i = 1; i < months.length; i += 1) expect(months[i].start).toBe(nextDay(months[i - 1].end));
        months.forEach((month) => expect(month.kind).toBe("month"));
      }),
    );
  });

  it("monthsOf a range: contiguous months that cover it", () => {
    fc.assert(
      fc.property(rangeArb, (range) => {
        const months = monthsOf(range);
        expect(months[0].start <= range.start && range.start <= months[0].end).toBe(true);
        const last = months[months.length - 1];
        expect(last.start <= range.end && range.end <= last.end).toBe(true);
        const gaps = months.slice(1).filter((month, i) => month.start !== nextDay(months[i].end));
        expect(gaps).toEqual([]);
      }),
    );
  });

  it("contains implies overlaps; compare is antisymmetric", () => {
    const anyPeriod = fc.oneof(calendarPeriodArb, rangeArb);
    fc.assert(
      fc.property(anyPeriod, anyPeriod, (a, b) => {
        if (contains(a, b)) expect(overlaps(a, b)).toBe(true);
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        expect(compare(a, b)).toBe(-compare(b, a) || 0);
        expect(contains(a, b) && contains(b, a)).toBe(compare(a, b) === 0);
      }),
    );
  });
});

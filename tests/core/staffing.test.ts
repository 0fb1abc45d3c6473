import fc from "fast-check";
import {
  checkTeam,
  isProblem,
  MAX_AGENTS_PER_TEAM,
  MAX_POPULATION_PER_AGENT,
  MAX_POPULATION_PER_TEAM,
  minAgents,
  minTeams,
  recommendedTeams,
  RECOMMENDED_POPULATION_PER_TEAM,
  type TeamComposition,
} from "../../src/core/staffing";
import type { Problem } from "../../src/core/types";

/** The number, or a test failure that shows the problem. */
function num(value: number | Problem): number {
  if (isProblem(value)) throw new Error(`unexpected problem: ${value.message}`);
  return value;
}

describe("staffing parameters (PNAB)", () => {
  it("are the Portaria 2.488/2011 numbers", () => {
    expect([
      MAX_POPULATION_PER_TEAM,
      RECOMMENDED_POPULATION_PER_TEAM,
      MAX_POPULATION_PER_AGENT,
      MAX_AGENTS_PER_TEAM,
    ]).toEqual([4000, 3000, 750, 12]);
  });
});

describe("minTeams, recommendedTeams, minAgents — hand-worked cases", () => {
  it("10,001 people: 3 teams minimum, 4 recommended, 14 ACS", () => {
    // 10,001 / 4,000 = 2.50025 → ceil 3 (two teams cover only 8,000).
    expect(minTeams(10001)).toBe(3);
    // 10,001 / 3,000 = 3.33 → ceil 4.
    expect(recommendedTeams(10001)).toBe(4);
    // 10,001 / 750 = 13.33 → ceil 14 (13 ACS cover only 9,750).
    expect(minAgents(10001)).toBe(14);
  });

  it("nobody needs no team and no ACS", () => {
    expect(minTeams(0)).toBe(0);
    expect(recommendedTeams(0)).toBe(0);
    expect(minAgents(0)).toBe(0);
    expect(minTeams(-0)).toBe(0); // -0 is a valid zero, and comes back as +0
  });

  it("one person already needs one team and one ACS", () => {
    expect(minTeams(1)).toBe(1);
    expect(recommendedTeams(1)).toBe(1);
    expect(minAgents(1)).toBe(1);
  });

  it("teams: 4,000 fit in one team, 4,001 need two", () => {
    expect(minTeams(4000)).toBe(1); // 4,000 / 4,000 = 1 exactly
    expect(minTeams(4001)).toBe(2); // 1.00025 → 2
    expect(minTeams(8000)).toBe(2);
    expect(minTeams(8001)).toBe(3);
  });

  it("recommended teams: 3,000 → 1, 3,001 → 2, 4,000 → 2", () => {
    expect(recommendedTeams(3000)).toBe(1);
    expect(recommendedTeams(3001)).toBe(2);
    expect(recommendedTeams(4000)).toBe(2); // 1.33 → 2: the maximum is allowed, the recommendation asks for 2
  });

  it("ACS: 750 people → 1, 751 → 2; a full team of 4,000 → 6 (5.33); 9,000 → 12, the team maximum", () => {
    expect(minAgents(750)).toBe(1);
    expect(minAgents(751)).toBe(2);
    expect(minAgents(4000)).toBe(6);
    expect(minAgents(9000)).toBe(12);
  });

  it("a large municipality: 1,234,567 people → 309 teams, 412 recommended, 1,647 ACS", () => {
    // 1,234,567 / 4,000 = 308.64 → 309; / 3,000 = 411.52 → 412; / 750 = 1,646.09 → 1,647.
    expect(minTeams(1234567)).toBe(309);
    expect(recommendedTeams(1234567)).toBe(412);
    expect(minAgents(1234567)).toBe(1647);
  });
});

describe("invalid populations come back as problems, not exceptions", () => {
  it.each([-1, 1.5, NaN, Infinity, -Infinity])("population %p", (population) => {
    for (const f of [minTeams, recommendedTeams, minAgents]) {
      const out = f(population);
      expect(isProblem(out)).toBe(true);
      if (isProblem(out)) {
        expect(out.code).toBe("invalidArgument");
        expect(out.message).toMatch(/população/);
      }
    }
  });

  it("shows the value the pt-BR way", () => {
    const out = minTeams(1234.5);
    expect(isProblem(out) && out.message).toContain("“1.234,5”");
  });

  it("a value that is not a number at all (from untyped callers)", () => {
    const out = minAgents("3000" as unknown as number);
    expect(isProblem(out) && out.code).toBe("invalidArgument");
  });
});

describe("checkTeam", () => {
  it("a team of 3,500 people with 5 ACS, 1 médico, 1 enfermeiro, 2 técnicos is fine", () => {
    // 3,500 ≤ 4,000; 5 ≤ 12; 3,500 / 750 = 4.67 → 5 ACS needed, 5 present.
    expect(checkTeam({ population: 3500, agents: 5, doctors: 1, nurses: 1, nursingAssistants: 2 })).toEqual({
      ok: true,
      findings: [],
    });
  });

  it("professionals not given are not checked", () => {
    expect(checkTeam({ population: 750, agents: 1 })).toEqual({ ok: true, findings: [] });
  });

  it("population exactly 4,000 is allowed, 4,001 is not", () => {
    expect(checkTeam({ population: 4000, agents: 6 })).toEqual({ ok: true, findings: [] });
    const over = checkTeam({ population: 4001, agents: 6 });
    // 4,001 > 4,000 → finding; 4,001 / 750 = 5.33 → 6 ACS needed, 6 present → no ACS finding.
    expect(over).toEqual({
      ok: false,
      findings: ["A equipe tem 4.001 pessoas cadastradas; o máximo é 4.000 pessoas por equipe de Saúde da Família."],
    });
  });

  it("ACS coverage at 750/751 people", () => {
    expect(checkTeam({ population: 750, agents: 1 })).toEqual({ ok: true, findings: [] });
    // 751 / 750 = 1.001 → 2 ACS needed.
    expect(checkTeam({ population: 751, agents: 1 })).toEqual({
      ok: false,
      findings: [
        "Os ACS não cobrem toda a população cadastrada: para 751 pessoas são necessários ao menos 2 ACS (no máximo 750 pessoas por ACS), e a equipe tem 1.",
      ],
    });
  });

  it("12 ACS is allowed, 13 is not", () => {
    expect(checkTeam({ population: 4000, agents: 12 })).toEqual({ ok: true, findings: [] });
    expect(checkTeam({ population: 4000, agents: 13 })).toEqual({
      ok: false,
      findings: ["A equipe tem 13 ACS; o máximo é 12 ACS por equipe de Saúde da Família."],
    });
  });

  it("several findings at once: 10,001 people with 13 ACS and no médico", () => {
    // 10,001 > 4,000; 13 > 12; 10,001 / 750 = 13.33 → 14 needed, 13 present; doctors 0.
    const out = checkTeam({ population: 10001, agents: 13, doctors: 0, nurses: 1, nursingAssistants: 1 });
    expect(isProblem(out)).toBe(false);
    if (isProblem(out)) return;
    expect(out.ok).toBe(false);
    expect(out.findings).toEqual([
      "A equipe tem 10.001 pessoas cadastradas; o máximo é 4.000 pessoas por equipe de Saúde da Família.",
      "A equipe tem 13 ACS; o máximo é 12 ACS por equipe de Saúde da Família.",
      "Os ACS não cobrem toda a população cadastrada: para 10.001 pessoas são necessários ao menos 14 ACS (no máximo 750 pessoas por ACS), e a equipe tem 13.",
      "A equipe não tem médico. A equipe mínima de Saúde da Família tem médico, enfermeiro, auxiliar ou técnico de enfermagem e ACS.",
    ]);
  });

  it("names each missing professional of the minimum team", () => {
    const out = checkTeam({ population: 3000, agents: 4, doctors: 0, nurses: 0, nursingAssistants: 0 });
    expect(isProblem(out)).toBe(false);
    if (isProblem(out)) return;
    expect(out.ok).toBe(false);
    expect(out.findings).toHaveLength(3);
    expect(out.findings[0]).toMatch(/^A equipe não tem médico\./);
    expect(out.findings[1]).toMatch(/^A equipe não tem enfermeiro\./);
    expect(out.findings[2]).toMatch(/^A equipe não tem auxiliar ou técnico de enfermagem\./);
  });

  it("an empty team with no population is fine (nothing to cover)", () => {
    expect(checkTeam({ population: 0, agents: 0 })).toEqual({ ok: true, findings: [] });
  });

  it.each<[string, TeamComposition, RegExp]>([
    ["negative population", { population: -10, agents: 1 }, /população “-10”/],
    ["fractional population", { population: 10.5, agents: 1 }, /população “10,5”/],
    ["NaN agents", { population: 100, agents: NaN }, /agentes comunitários de saúde \(ACS\) “NaN”/],
    ["negative doctors", { population: 100, agents: 1, doctors: -1 }, /médicos “-1”/],
    ["fractional nurses", { population: 100, agents: 1, nurses: 0.5 }, /enfermeiros “0,5”/],
    [
      "infinite técnicos",
      { population: 100, agents: 1, nursingAssistants: Infinity },
      /auxiliares ou técnicos de enfermagem/,
    ],
  ])("%s is a problem", (_label, team, message) => {
    const out = checkTeam(team);
    expect(isProblem(out)).toBe(true);
    if (!isProblem(out)) return;
    expect(out.code).toBe("invalidArgument");
    expect(out.message).toMatch(message);
  });

  it("a missing team object is a problem", () => {
    const out = checkTeam(null as unknown as TeamComposition);
    expect(isProblem(out) && out.code).toBe("invalidArgument");
  });
});

describe("properties", () => {
  const population = fc.integer({ min: 0, max: 100_000_000 });

  it("minTeams is monotone non-decreasing in population", () => {
    fc.assert(
      fc.property(population, population, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(num(minTeams(lo))).toBeLessThanOrEqual(num(minTeams(hi)));
      }),
    );
  });

  it("minTeams × 4,000 covers the population, and one team fewer would not", () => {
    fc.assert(
      fc.property(population, (p) => {
        const t = num(minTeams(p));
        expect(t * 4000).toBeGreaterThanOrEqual(p);
        if (p > 0) expect((t - 1) * 4000).toBeLessThan(p);
      }),
    );
  });

  it("minAgents × 750 covers the population, and one ACS fewer would not", () => {
    fc.assert(
      fc.property(population, (p) => {
        const n = num(minAgents(p));
        expect(n * 750).toBeGreaterThanOrEqual(p);
        if (p > 0) expect((n - 1) * 750).toBeLessThan(p);
      }),
    );
  });

  it("recommendedTeams is never fewer than minTeams", () => {
    fc.assert(
      fc.property(population, (p) => expect(num(recommendedTeams(p))).toBeGreaterThanOrEqual(num(minTeams(p)))),
    );
  });

  it("a team with exactly the minimum ACS for a population up to 4,000 passes the check", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (p) => {
        expect(
          checkTeam({ population: p, agents: num(minAgents(p)), doctors: 1, nurses: 1, nursingAssistants: 1 }),
        ).toEqual({
          ok: true,
          findings: [],
        });
      }),
    );
  });

  it("no function throws on any number; each returns a number or a Problem", () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(anyNumber, (x) => {
        for (const f of [minTeams, recommendedTeams, minAgents]) {
          const out = f(x);
          expect(typeof out === "number" || isProblem(out)).toBe(true);
        }
      }),
    );
    fc.assert(
      fc.property(anyNumber, anyNumber, fc.option(anyNumber, { nil: undefined }), (p, a, d) => {
        const out = checkTeam({ population: p, agents: a, doctors: d, nurses: d, nursingAssistants: d });
        expect(isProblem(out) || (typeof out.ok === "boolean" && Array.isArray(out.findings))).toBe(true);
      }),
    );
  });
});

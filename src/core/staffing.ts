/**
 * ESF staffing parameters (PNAB; docs/regras.md §10), from Portaria MS/GM nº 2.488/2011: an equipe de Saúde
 * da Família covers at most 4,000 people (3,000 recommended); one community health agent (ACS) covers at
 * most 750 people; a team has at most 12 ACS; the ACS must cover 100% of the registered population; the
 * minimum team is médico, enfermeiro, auxiliar or técnico de enfermagem, and ACS.
 *
 * Pure functions. None throws: an invalid input (negative, fractional, NaN, infinite, not a number) comes
 * back as a `Problem` with code "invalidArgument" — tell it apart with `isProblem`.
 */
import { formatNumber, messages } from "./messages";
import { isProblem } from "./parse";
import type { Problem } from "./types";

export { isProblem };

/** At most this many people per equipe de Saúde da Família. */
export const MAX_POPULATION_PER_TEAM = 4000;
/** The recommended mean number of people per team. */
export const RECOMMENDED_POPULATION_PER_TEAM = 3000;
/** At most this many people per agente comunitário de saúde (ACS). */
export const MAX_POPULATION_PER_AGENT = 750;
/** At most this many ACS per team. */
export const MAX_AGENTS_PER_TEAM = 12;

/** The composition of one team, as counted. The professionals are checked only when given. */
export interface TeamComposition {
  /** Registered population (pessoas cadastradas) of the team. */
  population: number;
  /** Number of agentes comunitários de saúde (ACS). */
  agents: number;
  /** Number of médicos, if known. */
  doctors?: number;
  /** Number of enfermeiros, if known. */
  nurses?: number;
  /** Number of auxiliares or técnicos de enfermagem, if known. */
  nursingAssistants?: number;
}

/** The outcome of checking a team: `ok` when nothing was found; `findings` in pt-BR, one per issue. */
export interface TeamCheck {
  ok: boolean;
  findings: string[];
}

/** How a possibly invalid value is shown in a message: pt-BR number when it is one, else its text. */
function show(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? formatNumber(value, 6) : String(value);
}

/** True for a whole number ≥ 0. */
function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** The population itself, or the problem with it. */
function validPopulation(population: unknown): number | Problem {
  if (isCount(population)) return population + 0; // + 0 turns -0 into 0
  return { code: "invalidArgument", message: messages.staffingInvalidPopulation(show(population)) };
}

/** ceil(population / perUnit), or the problem with the population. */
function unitsFor(population: number, perUnit: number): number | Problem {
  const p = validPopulation(population);
  return isProblem(p) ? p : Math.ceil(p / perUnit);
}

/**
 * The minimum number of teams for a population: ceil(population / 4,000); 0 for nobody.
 * Example: 10,001 people → 3 teams.
 */
export function minTeams(population: number): number | Problem {
  return unitsFor(population, MAX_POPULATION_PER_TEAM);
}

/**
 * The number of teams at the recommended mean of 3,000 people per team: ceil(population / 3,000).
 * Example: 10,001 people → 4 teams.
 */
export function recommendedTeams(population: number): number | Problem {
  return unitsFor(population, RECOMMENDED_POPULATION_PER_TEAM);
}

/**
 * The minimum number of ACS to cover the whole population: ceil(population / 750).
 * Example: 10,001 people → 14 ACS.
 */
export function minAgents(population: number): number | Problem {
  return unitsFor(population, MAX_POPULATION_PER_AGENT);
}

/**
 * Checks one team against the staffing rules: population at most 4,000; at most 12 ACS; enough ACS for
 * the population (at most 750 people each); and, for each of médico, enfermeiro and auxiliar/técnico de
 * enfermagem whose count is given, at least one. The 3,000 recommended is not checked (it is a mean over
 * the municipality's teams, not a limit). Returns a `Problem` when a count is invalid.
 */
export function checkTeam(team: TeamComposition): TeamCheck | Problem {
  if (typeof team !== "object" || team === null)
    return { code: "invalidArgument", message: messages.staffingInvalidTeam };

  const population = validPopulation(team.population);
  if (isProblem(population)) return population;

  const counts: Array<[number | undefined, string, boolean]> = [
    [team.agents, messages.staffingAgentsLabel, true],
    [team.doctors, messages.staffingDoctorsLabel, false],
    [team.nurses, messages.staffingNursesLabel, false],
    [team.nursingAssistants, messages.staffingNursingAssistantsLabel, false],
  ];
  for (const [value, label, required] of counts) {
    if (value === undefined && !required) continue;
    if (!isCount(value)) return { code: "invalidArgument", message: messages.staffingInvalidCount(label, show(value)) };
  }

  const agents = team.agents;
  const findings: string[] = [];
  if (population > MAX_POPULATION_PER_TEAM) {
    findings.push(messages.staffingPopulationAboveMax(population, MAX_POPULATION_PER_TEAM));
  }
  if (agents > MAX_AGENTS_PER_TEAM) {
    findings.push(messages.staffingTooManyAgents(agents, MAX_AGENTS_PER_TEAM));
  }
  const needed = Math.ceil(population / MAX_POPULATION_PER_AGENT);
  if (agents < needed) {
    findings.push(messages.staffingAgentsShort(population, needed, agents, MAX_POPULATION_PER_AGENT));
  }
  const professionals: Array<[number | undefined, string]> = [
    [team.doctors, messages.staffingDoctor],
    [team.nurses, messages.staffingNurse],
    [team.nursingAssistants, messages.staffingNursingAssistant],
  ];
  for (const [count, name] of professionals) {
    if (count === 0) findings.push(messages.staffingMissingProfessional(name));
  }
  return { ok: findings.length === 0, findings };
}

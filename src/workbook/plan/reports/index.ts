/**
 * The reports across time, as summary sheets for the write plan of `avaliar` (both hosts): the synthetic
 * communiqué of every period evaluated (./communique) and the annual evaluation report of each year with
 * two or more periods evaluated (./annual); on request, the final report and the final synthetic communiqué
 * over every period (./finalCommunique), and the proposal of an additive term (./additiveTerm); and, for the
 * co-financing, the per-team sheet of each period (./teamQuality).
 */
import type { PipelineResult } from "../../pipeline";
import type { SummarySheetPlan } from "../types";
import { planAnnual } from "./annual";
import { buildAdditiveTerm } from "./additiveTerm";
import { buildCommunique, communiqueSheet } from "./communique";
import { buildFinalCommunique } from "./finalCommunique";
import { byPeriod, evaluationsOfYear, yearOf } from "./series";
import { planMunicipalities } from "./municipalities";
import { planTeamQuality } from "./teamQuality";

export { buildAnnual, annualSheet, annualName, planAnnual, type AnnualReport, type AnnualScope } from "./annual";
export { buildCommunique, communiqueMarkdown, communiqueName, communiqueSheet, type Communique } from "./communique";
export { buildAdditiveTerm, type AdditiveTerm } from "./additiveTerm";
export { buildFinalCommunique, type FinalCommunique } from "./finalCommunique";
export { isReportSheet } from "../../reportSheets";
export { municipalitiesName, planMunicipalities } from "./municipalities";
export { buildTeamQuality, classCounts, teamQualityName, teamQualitySheet, type TeamQuality } from "./teamQuality";

export interface ReportOptions {
  /** Also the final report (`Avaliação final`) over every period evaluated. The data do not say when a contract ends, so it is made only when asked. */
  final?: boolean;
  /** Also the proposal of an additive term (`Proposta de Termo Aditivo`) over every period evaluated: a draft made only on request. */
  additiveTerm?: boolean;
}

/**
 * The report sheets of a pipeline result, to append to the plan's summaries:
 * - `Comunicado <período>` for every period evaluated, in period order, each one's history being the earlier
 *   periods of the same year in the result (an `avaliar --periodo` run holds that period only: no revision
 *   proposals then); the last period of a year says it closes the year (art. 11 §2);
 * - `Avaliação anual <ano>` for each year with at least two periods evaluated (one period is no year's
 *   comparison yet; and a run for one period must not replace a year's report made from all of them);
 * - `Avaliação final` and `Comunicado final` when `options.final`;
 * - `Proposta de Termo Aditivo` when `options.additiveTerm`;
 * - `Cofinanciamento <período>` for each period evaluated per team (first, in period order), and
 *   `Municípios <período>` for each period whose rows name several municipalities;
 * Nothing when the rows carry no periods.
 */
export function reportSheets(result: PipelineResult, source: string, options: ReportOptions = {}): SummarySheetPlan[] {
  // The co-financing's per-team sheet of each period (rows without periods too: the teams are the point).
  const teams = result.evaluations
    .map((ev) => planTeamQuality(ev, { source }))
    .filter((p): p is SummarySheetPlan => !!p);
  // Each period's municipalities, when its rows name several (the command printed them only on the terminal).
  teams.push(...result.evaluations.map(planMunicipalities).filter((p): p is SummarySheetPlan => !!p));
  const evs = result.evaluations.filter((ev) => ev.period).sort(byPeriod);
  if (evs.length === 0) return teams;
  const out: SummarySheetPlan[] = [...teams];
  for (const ev of evs) out.push(communiqueSheet(buildCommunique(ev, { source, others: evs })));
  const years = [...new Set(evs.map((ev) => yearOf(ev.period)).filter((y): y is number => y !== undefined))].sort(
    (a, b) => a - b,
  );
  for (const year of years) {
    const ofYear = evaluationsOfYear(evs, year);
    if (ofYear.length >= 2) out.push(planAnnual(ofYear, { source, scope: { kind: "year", year } }));
  }
  if (options.final)
    out.push(
      planAnnual(evs, { source, scope: { kind: "final" } }),
      communiqueSheet(buildFinalCommunique(evs, { source })),
    );
  if (options.additiveTerm) out.push(communiqueSheet(buildAdditiveTerm(evs, { source })));
  return out;
}

/**
 * What the command prints: a pt-BR report for people, or the machine-readable JSON of `--json`. Pure
 * functions of a pipeline result.
 */
import type { ContractEvaluation, IndicatorEvaluation, LocatedProblem, RowEvaluation } from "../core/evaluate";
import { formatNumber, formatPercent, methodText } from "../core/messages";
import { nationalStrings, tableLayoutStrings, viewStrings } from "../workbook/messages";
import {
  cliStrings,
  cofinCommandStrings,
  headerCommandStrings,
  nationalCommandStrings,
  previneStrings,
  siapsCommandStrings,
} from "./messages";
import { formatPeriodPtBR } from "../core/periods";
import { presets } from "../core/presets";
import type { Target } from "../core/types";
import { hasDecisions, missingNames, nameOver, overallFigure } from "../workbook/overallFigure";
import type { CatalogUse, MunicipalityEvaluation, PeriodEvaluation, PipelineResult } from "../workbook/pipeline";
import type { DetectedTable } from "../workbook/model";
import { buildTeamQuality, type TeamQuality } from "../workbook/plan/reports";
import { ruleName } from "../workbook/settings";
import {
  bandText,
  conceptReason,
  figureText,
  incompleteText,
  missedTargets,
  noteText,
  pendingItems,
  percentText,
  ruleText,
  situation,
  unitViews,
  type UnitView,
} from "../workbook/view";
import { pushAll, maxOf } from "../core/arrays";

export { situation, type Situation } from "../workbook/view";

/** Municipalities (or teams) listed in the text report per period; the JSON has them all. */
export const MAX_MUNICIPALITIES_IN_TEXT = 20;

/** A target as a number for JSON: its value (percentages as fractions); ranges as their ends. */
function targetJson(target: Target | undefined): number | { minimo?: number; maximo?: number } | null {
  if (!target) return null;
  if (target.direction === "range")
    return { minimo: target.interval?.lower?.value, maximo: target.interval?.upper?.value };
  return target.value;
}

function problemJson(p: LocatedProblem) {
  return { planilha: p.sheet ?? null, celula: p.cell ?? null, mensagem: p.message };
}

/** The indicator's code: the table's own, or the catalogue's when the catalogue recognised it. */
function codeOf(i: IndicatorEvaluation): string | undefined {
  return i.code ?? i.rows.find((r) => r.input.fromCatalog)?.input.fromCatalog?.code;
}

/** Where a target or weight came from: the table, the preset's catalogue, or (weights) the default 1. */
function originOf(i: IndicatorEvaluation, field: "target" | "weight"): "tabela" | "catalogo" | "padrao" {
  if (i.rows.some((r) => r.input.fromCatalog?.fields.includes(field))) return "catalogo";
  if (field === "weight" && !i.rows.some((r) => r.weightGiven)) return "padrao";
  return "tabela";
}

/**
 * The overall value's JSON key on a 0–10 scale: `isf` for Previne Brasil's ISF, `isfParcial` when fewer than
 * its seven indicators have a result (never `isf` then), `notaFinal` otherwise.
 */
function scaleKey(ev: ContractEvaluation): "isf" | "isfParcial" | "notaFinal" {
  const figure = overallFigure(ev);
  return figure.kind === "isf" ? (figure.partial ? "isfParcial" : "isf") : "notaFinal";
}

/**
 * The overall value (0–10 presets) and, under a national preset, what the figure is: `valorGlobal: { nome,
 * parcial, conjunto, indicadoresComResultado, indicadoresDoConjunto, semResultado: [{ codigo, indicador }] }`.
 */
function overallValueJson(ev: ContractEvaluation & { byMunicipality?: readonly unknown[] }) {
  if (ev.preset.scale !== 10) return {};
  const figure = overallFigure(ev);
  return {
    [scaleKey(ev)]: ev.overall.value ?? null,
    valorGlobal: {
      nome: figure.name,
      parcial: figure.partial !== undefined,
      conjunto: figure.pooled,
      indicadoresComResultado: ev.coverage?.present.length ?? null,
      indicadoresDoConjunto: ev.coverage?.total ?? null,
      semResultado: figure.missing.map((m) => ({ codigo: m.code, indicador: m.name })),
    },
  };
}

/**
 * The points of each scored indicator on the 0–10 scale: `nota = 10 × part` (the part the overall sums:
 * the scored attainment for mean attainment — Previne's `min(10; 10 × resultado / meta)` —, the credit for
 * share met), `pontos = nota × peso / Σ peso` and `pontosPerdidos = (10 − nota) × peso / Σ peso`, Σ peso
 * as in the overall (the scored indicators with data; the whole set under the co-financing). So Σ pontos is
 * the ISF. Indicators not scored (monitoring, no data) get none.
 */
function pointsOf(
  ev: ContractEvaluation,
): (i: IndicatorEvaluation) => { nota: number | null; pontos: number | null; pontosPerdidos: number | null } {
  const scored = (i: IndicatorEvaluation) => i.kind === "desempenho" && i.status === "evaluated";
  // The overall's own divisor: the weights with data, or (co-financing) the whole set's.
  const total = ev.overall.weightTotal;
  return (i) => {
    if (!scored(i) || total === 0) return { nota: null, pontos: null, pontosPerdidos: null };
    const nota = 10 * (ev.method === "shareMet" ? (i.credit ?? 0) : (i.score ?? 0));
    return { nota, pontos: (nota * i.weight) / total, pontosPerdidos: ((10 - nota) * i.weight) / total };
  };
}

function municipalityJson(m: MunicipalityEvaluation) {
  const e = m.evaluation;
  const points = e.preset.scale === 10 ? pointsOf(e) : undefined;
  return {
    municipio: m.municipality,
    ibge: m.code ?? null,
    atingimentoGlobal: e.overall.attainment ?? null,
    ...overallValueJson(e),
    avaliacaoIncompleta: e.overall.incomplete,
    faixa: e.band ? { numero: e.band.band.number ?? null, rotulo: e.band.band.label } : null,
    indicadores: e.indicators.map((i) => ({
      codigo: codeOf(i) ?? null,
      indicador: i.indicator,
      meta: targetJson(i.target),
      origemMeta: originOf(i, "target"),
      peso: i.weight,
      resultado: i.result ?? null,
      atingimento: i.attainment?.scored ?? null,
      conceito: i.concept ?? null,
      situacao: situation(i),
      ...(points ? points(i) : {}),
    })),
  };
}

/** One unit's own figures: `unidades` of a period. */
function unitJson(u: UnitView) {
  const e = u.evaluation;
  return {
    unidade: u.name,
    atingimentoGlobal: e.overall.attainment ?? null,
    avaliacaoIncompleta: e.overall.incomplete,
    faixa: e.band
      ? { numero: e.band.band.number ?? null, rotulo: e.band.band.label, provisoria: e.band.provisional }
      : null,
    indicadoresComDado: e.overall.withData,
    metasAtingidas: e.overall.met,
    metasNaoAtingidas: u.missed,
  };
}

/** A month (or unit) that missed the target under the strict rule. */
function failingJson(r: RowEvaluation) {
  return {
    periodo: r.input.period?.label ?? null,
    unidade: r.input.unit ?? null,
    resultado: r.result ?? null,
    planilha: r.input.sheet ?? null,
    celula: r.input.result?.address ?? null,
  };
}

function catalogUseJson(u: CatalogUse) {
  return {
    catalogo: u.catalog,
    codigo: u.code,
    indicador: u.name,
    meta: u.target ?? null,
    peso: u.weight,
    campos: u.fields.map((f) => (f === "target" ? "meta" : "peso")),
    indicadoresNaTabela: u.indicators,
  };
}

/**
 * The `--json` output: `{ arquivo, predefinicaoEscolhida, metasDoCatalogo, tabelas: [...], periodos: [...],
 * problemas: [...] }`. A period whose rows name several municipalities carries `municipios` (one evaluation
 * each, in the tables' order) and `municipiosNoConjunto`; its own figures are then the pooled set's (see
 * `PeriodEvaluation`).
 */
export function toJson(file: string, result: PipelineResult, output: OutputReport = {}) {
  return {
    arquivo: file,
    arquivoAvaliado: output.path ?? null,
    predefinicaoEscolhida: result.presetChoice
      ? { id: result.presetChoice.id, motivo: result.presetChoice.reason }
      : null,
    metasDoCatalogo: (result.catalogUses ?? []).map(catalogUseJson),
    tabelas: result.tables.map((tb) => ({
      planilha: tb.sheet,
      planilhas: tb.sheets,
      intervalo: tb.ref,
      formato: tb.layout,
      linhas: tb.rows.length,
      confianca: tb.confidence,
      periodos: tb.periods.map((p) => p.label),
    })),
    periodos: result.evaluations.map((ev) => periodJson(ev)),
    problemas: result.problems.map(problemJson),
  };
}

function periodJson(ev: PeriodEvaluation) {
  return {
    periodo: ev.period?.label ?? null,
    predefinicao: ev.preset.id,
    ...(ev.byMunicipality && ev.byMunicipality.length > 1 ? { conjunto: true } : {}),
    metodo: ev.method === "shareMet" ? "proporcao" : "media",
    atingimentoGlobal: ev.overall.attainment ?? null,
    ...overallValueJson(ev),
    regra: ruleName(ev.rule),
    avaliacaoIncompleta: ev.overall.incomplete,
    resultadosEsperados: ev.completeness.expected,
    resultadosFaltando: ev.completeness.missing,
    faixa: ev.band
      ? {
          numero: ev.band.band.number ?? null,
          rotulo: ev.band.band.label,
          recomendacao: ev.band.band.recommendation ?? null,
          provisoria: ev.band.provisional,
        }
      : null,
    ...(ev.byMunicipality ? { municipiosNoConjunto: ev.byMunicipality.length } : {}),
    indicadores: ev.indicators.map((i) => ({
      codigo: codeOf(i) ?? null,
      indicador: i.indicator,
      area: i.area ?? null,
      natureza: i.kind,
      meta: targetJson(i.target),
      origemMeta: originOf(i, "target"),
      peso: i.weight,
      origemPeso: originOf(i, "weight"),
      resultado: i.result ?? null,
      atingimento: i.attainment?.scored ?? null,
      conceito: i.concept ?? null,
      situacao: situation(i),
      resultadosCombinados: i.combined,
      motivo: conceptReason(i) ?? null,
      ...(i.failing.length > 0 ? { naoAtingiram: i.failing.map(failingJson) } : {}),
      ...(i.classification ? { classificacao: i.classification.label } : {}),
    })),
    pendencias: pendingItems(ev).map((p) => ({
      codigo: p.code ?? null,
      indicador: p.indicator,
      planilha: p.sheet ?? null,
      celula: p.cell ?? null,
      descricao: p.text,
    })),
    problemas: ev.problems.filter((p) => p.severity !== "note").map(problemJson),
    observacoes: ev.problems.filter((p) => p.severity === "note").map(problemJson),
    ...(ev.byMunicipality ? { municipios: ev.byMunicipality.map(municipalityJson) } : {}),
    ...(ev.byUnit ? { unidades: unitViews(ev).map(unitJson) } : {}),
    ...teamsJson(buildTeamQuality(ev)),
  };
}

/**
 * The co-financing per team: `equipes: [{ equipe, ine, municipio, notaFinal, classificacao, indicadores:
 * [{ codigo, resultado (0–100), classificacao, fator }] }]`, sorted as the report sheet (municipality, team).
 */
function teamsJson(report: TeamQuality | undefined) {
  if (!report) return {};
  return {
    equipes: report.teams.map((team) => ({
      equipe: team.team,
      ine: team.code ?? null,
      municipio: team.municipality ?? null,
      notaFinal: team.note ?? null,
      classificacao: team.noteBand?.label ?? null,
      incompleta: team.missing.length > 0,
      indicadoresSemResultado: team.missing.map((m) => ({ codigo: m.code, indicador: m.name })),
      indicadoresComDado: team.withData,
      indicadores: report.indicators.map((c) => {
        const i = team.indicators.get(c.code);
        return {
          codigo: c.code,
          resultado: i?.points ?? null,
          classificacao: i?.classification?.label ?? null,
          fator: i?.classification?.factor ?? null,
          situacao: i?.status === "invalid" ? "invalido" : i?.points === undefined ? "sem_dado" : "avaliado",
        };
      }),
    })),
  };
}

/** The teams of a period for a terminal: two lines each (nota final; each indicator's result and class). */
function teamLines(report: TeamQuality): string[] {
  const shown = report.teams.slice(0, MAX_MUNICIPALITIES_IN_TEXT);
  const lines = [cofinCommandStrings.byTeamHeading(report.teams.length)];
  for (const team of shown) {
    lines.push(
      cofinCommandStrings.teamLine(
        team.team,
        team.code,
        team.municipality,
        team.note === undefined ? previneStrings.noValue : noteText(team.note),
        team.noteBand?.label,
      ),
    );
    const parts = report.indicators.map((c) => {
      const i = team.indicators.get(c.code);
      if (i?.points === undefined)
        return `${c.code} ${i?.status === "invalid" ? nationalCommandStrings.invalidResult : cofinCommandStrings.noResult}`;
      return `${c.code} ${formatNumber(i.points, 1)} ${i.classification?.label ?? ""}`.trim();
    });
    lines.push(cofinCommandStrings.indicatorsLine(parts));
    if (team.missing.length > 0)
      lines.push(
        cofinCommandStrings.indicatorsLine([
          nationalStrings.incompleteTeam(team.missing.map((m) => nationalStrings.indicatorName(m.code, m.name))),
        ]),
      );
  }
  if (report.teams.length > shown.length) lines.push(cofinCommandStrings.moreTeams(report.teams.length - shown.length));
  return lines;
}

/** Pending results listed in the text report; the JSON has them all. */
export const MAX_PENDING_IN_TEXT = 30;

/** "Saúde da Mulher — 1.4 Proporção de gestantes…" shortened for a terminal line. */
function label(
  i: Pick<IndicatorEvaluation, "code" | "indicator" | "rows"> | { code?: string; indicator: string },
): string {
  const name = i.indicator.length > 70 ? `${i.indicator.slice(0, 67)}...` : i.indicator;
  const code = "rows" in i ? codeOf(i as IndicatorEvaluation) : i.code;
  return code ? `${code} ${name}` : name;
}

function value(ev: ContractEvaluation): string {
  return figureText(ev) ?? cliStrings.noOverall;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("pt-BR") + text.slice(1);
}

function tableLine(tb: DetectedTable): string {
  const periods =
    tb.periods.length === 0
      ? cliStrings.noPeriods
      : tb.periods.length === 1
        ? formatPeriodPtBR(tb.periods[0])
        : `${formatPeriodPtBR(tb.periods[0])} a ${formatPeriodPtBR(tb.periods[tb.periods.length - 1])}`;
  return cliStrings.tableLine(
    tb.sheets.length > 1 ? tb.sheets.join(", ") : `${tb.sheet}!${tb.ref}`,
    tableLayoutStrings.layouts[tb.layout],
    tb.rows.length,
    periods,
    formatPercent(tb.confidence, 0),
  );
}

/**
 * The name of the overall value in the per-municipality table: atingimento, or the name the municipalities'
 * figures share (workbook/overallFigure: ISF, `ISF ou ISF parcial` when some have fewer than the seven
 * indicators, nota final).
 */
function valueLabel(ev: ContractEvaluation, list: MunicipalityEvaluation[]): string {
  if (ev.preset.scale !== 10) return previneStrings.valueLabels.attainment;
  return nameOver(valued(list).map((m) => overallFigure(m.evaluation)));
}

/** The municipalities with a value (those without one name nothing in the column); all when none has. */
function valued(list: MunicipalityEvaluation[]): MunicipalityEvaluation[] {
  const some = list.filter((m) => m.evaluation.overall.value !== undefined);
  return some.length > 0 ? some : list;
}

/**
 * A municipality's overall value for the table: `8,00` on the 0–10 scale, `75,5%` otherwise; a partial ISF
 * says so (`8,00 (parcial, 1 de 7)`) unless the column's name already does for every row (`marked` false).
 */
function municipalityValue(ev: ContractEvaluation, marked = true): string {
  if (ev.overall.value === undefined) return previneStrings.noValue;
  if (ev.preset.scale !== 10) return formatPercent(ev.overall.attainment ?? 0);
  const partial = overallFigure(ev).partial;
  return partial && marked
    ? nationalCommandStrings.partialValue(noteText(ev.overall.value), partial.present, partial.total)
    : noteText(ev.overall.value);
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/**
 * The compact per-municipality table of a period: the first {@link MAX_MUNICIPALITIES_IN_TEXT} by overall
 * value, highest first (no value last; ties by name), then how many more the JSON lists.
 */
function municipalityLines(ev: PeriodEvaluation, list: MunicipalityEvaluation[]): string[] {
  const sorted = [...list].sort((a, b) => {
    const va = a.evaluation.overall.value ?? -Infinity;
    const vb = b.evaluation.overall.value ?? -Infinity;
    return vb - va || a.municipality.localeCompare(b.municipality, "pt-BR");
  });
  const shown = sorted.slice(0, MAX_MUNICIPALITIES_IN_TEXT);
  const label = valueLabel(ev, list);
  // When every municipality's ISF is partial alike, the column's name says it once.
  const coverages = new Set(valued(list).map((m) => JSON.stringify(overallFigure(m.evaluation).partial ?? null)));
  const marked = coverages.size > 1;
  const valueOf = (e: ContractEvaluation) => municipalityValue(e, marked);
  const title = capitalize(label);
  const nameWidth = Math.min(
    32,
    maxOf(
      shown.map((m) => m.municipality.length),
      previneStrings.municipalityColumn.length,
    ),
  );
  const codeWidth = maxOf(
    shown.map((m) => (m.code ?? previneStrings.noValue).length),
    previneStrings.codeColumn.length,
  );
  const valueWidth = maxOf(
    shown.map((m) => valueOf(m.evaluation).length),
    Math.max(title.length, 6),
  );
  const lines = [previneStrings.byMunicipalityHeading(list.length, label)];
  lines.push(
    `    ${fit(previneStrings.municipalityColumn, nameWidth)}  ${previneStrings.codeColumn.padEnd(codeWidth)}  ${title.padStart(valueWidth)}`,
  );
  for (const m of shown) {
    lines.push(
      `    ${fit(m.municipality, nameWidth)}  ${(m.code ?? previneStrings.noValue).padEnd(codeWidth)}  ${valueOf(m.evaluation).padStart(valueWidth)}`,
    );
  }
  if (sorted.length > shown.length) lines.push(previneStrings.moreMunicipalities(sorted.length - shown.length));
  return lines;
}

function catalogLines(uses: CatalogUse[]): string[] {
  if (uses.length === 0) return [];
  const lines = [
    previneStrings.catalogHeading(
      uses[0].catalogName,
      uses.some((u) => u.fields.includes("target")),
    ),
  ];
  for (const u of uses) {
    const target = u.fields.includes("target") && u.target !== undefined ? formatPercent(u.target, 0) : undefined;
    const weight = u.fields.includes("weight") ? formatNumber(u.weight) : undefined;
    lines.push(previneStrings.catalogLine(u.code, u.name, target, weight));
  }
  return lines;
}

function problemLine(p: LocatedProblem): string {
  const where = p.sheet ? `${p.sheet}${p.cell ? `!${p.cell}` : ""}: ` : "";
  return `  • ${where}${p.message}`;
}

/** What the command wrote: the evaluated copy's path (none with --sem-arquivo). */
export interface OutputReport {
  path?: string;
}

/** The pt-BR report for a terminal. */
export function toText(file: string, result: PipelineResult, output: OutputReport = {}): string {
  const lines: string[] = [cliStrings.heading(file), ""];
  // An export recognised but not scored by these rules (SIAPS Vínculo, eSB) is not "no table": its problem says why.
  const notScored = result.tables.length === 0 && result.problems.some((p) => p.code === "notScored");
  lines.push(notScored ? siapsCommandStrings.recognisedNotScored : cliStrings.tablesFound(result.tables.length));
  for (const tb of result.tables) lines.push(tableLine(tb));
  if (result.presetChoice)
    lines.push("", previneStrings.presetChosen(presets[result.presetChoice.id].name, result.presetChoice.reason));
  const uses = catalogLines(result.catalogUses ?? []);
  if (uses.length > 0) lines.push("", ...uses);
  for (const ev of result.evaluations) {
    lines.push(
      "",
      cliStrings.periodHeading(ev.period ? `${formatPeriodPtBR(ev.period)} (${ev.period.label})` : cliStrings.allRows),
    );
    // With several municipalities the period's own figures are the pooled set's: say so before them.
    if (ev.byMunicipality) lines.push(previneStrings.pooled(ev.byMunicipality.length));
    else if (ev.byTeam && ev.byTeam.length > 1) lines.push(cofinCommandStrings.pooledTeams(ev.byTeam.length));
    const o = ev.overall;
    const method = methodText(ev);
    const figure = overallFigure(ev);
    if (ev.preset.scale === 10) {
      // The conjunto of municipalities is named by the figure; of teams, here (the teams are not municipalities).
      const name = nationalStrings.capitalized(
        !figure.pooled && ev.byTeam && ev.byTeam.length > 1 ? nationalStrings.pooled(figure.name) : figure.name,
      );
      lines.push(previneStrings.overallNote(name, value(ev), method, o.withData, o.scored));
    } else lines.push(cliStrings.overall(value(ev), method, o.withData, o.scored));
    if (figure.partial)
      lines.push(
        `  ${nationalStrings.partialNote(
          figure.partial.present,
          figure.partial.total,
          figure.missing.map((m) => m.code),
        )}`,
      );
    if (ev.band) lines.push(cliStrings.band(bandText(ev)!, ev.band.band.recommendation ?? ""));
    if (figure.kind === "finalNote" && figure.missing.length > 0)
      lines.push(`  ${nationalStrings.capitalized(nationalStrings.incompleteTeam(missingNames(figure)))}`);
    const incomplete = incompleteText(ev);
    if (incomplete) lines.push(cliStrings.incompleteWhy(incomplete));
    if (ev.preset.commission === false && hasDecisions(ev))
      lines.push(`  ${nationalStrings.justificationsNotScored(ev.preset.name)}`);
    lines.push(cliStrings.rule(ruleText(ev)));
    const missed = missedTargets(ev);
    if (missed.length > 0) {
      lines.push(cliStrings.missedHeading(missed.length));
      for (const i of missed) {
        const justified =
          i.decision === "total"
            ? cliStrings.justifiedTotal
            : i.decision === "partial"
              ? cliStrings.justifiedPartial
              : "";
        lines.push(`  • ${label(i)}: ${cliStrings.attained(percentText(i.attainment?.scored ?? 0))}${justified}`);
        const why = conceptReason(i);
        if (why) lines.push(`      ${why}`);
      }
    }
    const pending = pendingItems(ev);
    if (pending.length > 0) {
      lines.push(cliStrings.pendingHeading(pending.length));
      for (const p of pending.slice(0, MAX_PENDING_IN_TEXT)) lines.push(`  • ${label(p)}: ${p.text}`);
      if (pending.length > MAX_PENDING_IN_TEXT)
        lines.push(cliStrings.morePending(pending.length - MAX_PENDING_IN_TEXT));
    }
    const problems = ev.problems.filter((p) => p.severity !== "note");
    if (problems.length > 0) {
      lines.push(cliStrings.problemsHeading(problems.length));
      for (const p of problems) lines.push(problemLine(p));
    }
    const notes = ev.problems.filter((p) => p.severity === "note");
    if (notes.length > 0) {
      lines.push(cliStrings.notesHeading(notes.length));
      for (const p of notes) lines.push(problemLine(p));
    }
    const units = unitViews(ev);
    if (units.length > 0) {
      lines.push(`  ${viewStrings.byUnitHeading} (${units.length}):`);
      for (const u of units.slice(0, MAX_MUNICIPALITIES_IN_TEXT))
        lines.push(
          `  • ${viewStrings.unitLine(u.name, u.figure ?? viewStrings.noFigure, u.band ?? "", u.missed.join(", "))}`,
        );
      if (units.length > MAX_MUNICIPALITIES_IN_TEXT)
        lines.push(cliStrings.morePending(units.length - MAX_MUNICIPALITIES_IN_TEXT));
    }
    if (ev.byMunicipality) pushAll(lines, municipalityLines(ev, ev.byMunicipality));
    const teams = buildTeamQuality(ev);
    if (teams) pushAll(lines, teamLines(teams));
  }
  if (result.problems.length > 0) {
    lines.push("", cliStrings.tableProblemsHeading(result.problems.length));
    for (const p of result.problems) lines.push(problemLine(p));
  }
  if (output.path) lines.push("", cliStrings.written(output.path));
  return lines.join("\n");
}

const isDetectionReason = (p: LocatedProblem) => p.code === "noTable" || p.code === "mapping";

/**
 * Detection's own problems, one line each: no table, or tables without rows (each with what was found and
 * a mapping for its sheet), and an unusable mapping — the texts the task pane shows for them.
 */
export function detectionReasons(result: PipelineResult): string[] {
  return result.problems.filter(isDetectionReason).map(problemLine);
}

/**
 * Why a workbook gave nothing to evaluate, for stderr: a first line, then {@link detectionReasons}.
 * `rest` are the other problems, for the report.
 */
export function whyNothingEvaluated(file: string, result: PipelineResult): { text: string; rest: LocatedProblem[] } {
  return {
    text: [headerCommandStrings.nothingEvaluated(file), ...detectionReasons(result)].join("\n"),
    rest: result.problems.filter((p) => !isDetectionReason(p)),
  };
}

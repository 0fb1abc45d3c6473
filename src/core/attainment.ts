/**
 * One indicator in one period: putting result and target on the same scale, attainment (raw and scored),
 * concept A/B, the effect of an accepted justification, and the 0–10 note of Previne Brasil.
 * docs/regras.md §3.
 */
import { formatNumber, messages, targetTextStrings } from "./messages";
import type { Attainment, Concept, Direction, JustificationDecision, Problem, Reading, Target } from "./types";

/** Relative tolerance for comparing floating-point results with targets (docs/regras.md §3). */
export const RELATIVE_TOLERANCE = 1e-9;

/** True when a and b are equal up to the relative tolerance. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * What the table says about the scale of an indicator's numbers, when it says anything: `percent`, they
 * are percentages (plain numbers read as fractions up to 1, points above); `points`, plain numbers are
 * percentage points whatever their size (the national panels write integer percentages: 1 is 1%);
 * `count`, they are counts or means.
 */
export type ScaleHint = "percent" | "points" | "count";

/** The largest end of a target, to judge what scale it was written in. */
function targetMagnitude(target: Target): number {
  if (target.direction !== "range") return Math.abs(target.value);
  return Math.max(Math.abs(target.interval?.lower?.value ?? 0), Math.abs(target.interval?.upper?.value ?? 0));
}

/** The same target with every value multiplied by `factor`, as a percentage. */
function rescaleTarget(target: Target, factor: number): Target {
  if (factor === 1) return { ...target, scale: "percent", unit: "percent" };
  const scaleBound = (b?: { value: number; inclusive: boolean }) => (b ? { ...b, value: b.value * factor } : undefined);
  const interval = target.interval
    ? { lower: scaleBound(target.interval.lower), upper: scaleBound(target.interval.upper) }
    : undefined;
  return {
    ...target,
    value: target.value * factor,
    scale: "percent",
    unit: "percent",
    ...(interval ? { interval } : {}),
  };
}

/** A plain number read as a fraction: up to 1 it already is one (0,8 → 80%), above 1 it is points (80 → 80%). */
function plainAsFraction(value: number): number {
  return Math.abs(value) <= 1 ? value : value / 100;
}

/**
 * Puts a result and a target on the same scale (docs/regras.md §3): a target written `75%` and a result typed
 * `0,8` or `80` compare as 75% vs 80%.
 * - Both percent (a `%` sign or a percentage format): as they are.
 * - One percent, the other plain: the plain one is a fraction up to 1, percentage points above 1 — except a
 *   plain result that is clearly a count against a target in percent (above 100 with nothing saying it is
 *   a percentage, see `countAgainstPercent`), reported as an ambiguous scale.
 * - Both plain: a hint from the table (`percent`, `count`) decides; without one they are compared as they
 *   are, unless one looks like a fraction (between 0 and 1), the other like percentage points (above 1, up
 *   to 100) and they differ more than tenfold — target 75 and result 0,8 — which is reported as an
 *   ambiguous scale rather than guessed. A mean such as target 1,5 and result 0,8 is not ambiguous.
 */
export function reconcileScale(
  result: Reading,
  target: Target,
  hint?: ScaleHint,
): { kind: "ok"; result: number; target: Target } | { kind: "invalid"; problem: Problem } {
  const asFraction = (r: Reading) =>
    r.scale === "percent" ? r.value : hint === "points" ? r.value / 100 : plainAsFraction(r.value);
  const magnitude = targetMagnitude(target);
  if (target.scale === "percent") {
    const count = countAgainstPercent(result, magnitude, hint);
    if (count) {
      const shown = target.direction === "range" ? rangeText(target) : percentText(magnitude);
      const value = formatNumber(result.value, 4);
      const why = count === "aboveHundred" ? targetTextStrings.countAboveHundred(value) : targetTextStrings.countByName;
      return {
        kind: "invalid",
        problem: { code: "ambiguousScale", message: targetTextStrings.countAgainstPercent(shown, value, why) },
      };
    }
    return { kind: "ok", result: asFraction(result), target };
  }
  if (hint === "points") return { kind: "ok", result: asFraction(result), target: rescaleTarget(target, 0.01) };
  if (result.scale === "percent" || hint === "percent") {
    return { kind: "ok", result: asFraction(result), target: rescaleTarget(target, magnitude <= 1 ? 1 : 0.01) };
  }
  if (hint !== "count" && looksAmbiguous(result.value, magnitude)) {
    return {
      kind: "invalid",
      problem: {
        code: "ambiguousScale",
        message: messages.ambiguousScale(formatNumber(magnitude, 4), formatNumber(result.value, 4)),
      },
    };
  }
  return { kind: "ok", result: result.value, target };
}

/**
 * When a plain result against a target written in percent is clearly a count, and why. A plain number is
 * read as percentage points against a percent target (80 → 80%), which turns a count of 280 consultations
 * against "Cumprir 100%" into 280%, an A. So:
 * - above 100: a percentage above 100% is legal only for a coverage or a count ratio, and the table says so
 *   by a `%` sign or a percentage format on the result, by the indicator's name (Proporção, Cobertura…) or
 *   by a `(%)` header — any of which gives the result a percent scale or the `percent` hint, and then the
 *   number is read as points. Without such a sign, a plain number above 100 is more likely a count than a
 *   percentage, and reading it either way could turn a B into an A: it is reported, not guessed. 100 itself
 *   is 100%, the commonest percentage there is;
 * - above 1 under the `count` hint (Média, Número, Razão): the table says its numbers are counts, and a
 *   count cannot be compared with a percentage (up to 1 it may still be a fraction: a ratio of 0,8).
 * A target of 0 is left alone: 0% and zero cases are the same target, met by 0 and missed by anything else,
 * whatever the scale.
 */
function countAgainstPercent(
  result: Reading,
  magnitude: number,
  hint?: ScaleHint,
): "aboveHundred" | "countName" | undefined {
  if (result.scale !== "plain" || hint === "percent" || hint === "points" || !(magnitude > 0)) return undefined;
  if (result.value > 100) return "aboveHundred";
  if (hint === "count" && result.value > 1) return "countName";
  return undefined;
}

/** A fraction as a percentage for a message: `1` → `100%`, `0.755` → `75,5%`. */
function percentText(fraction: number): string {
  return `${formatNumber(fraction * 100, 2)}%`;
}

/** A range target's ends for a message: `50% a 70%`. */
function rangeText(target: Target): string {
  const { lower, upper } = target.interval ?? {};
  return [lower, upper]
    .filter((b) => b !== undefined)
    .map((b) => percentText(b.value))
    .join(" a ");
}

function looksAmbiguous(result: number, target: number): boolean {
  if (!(result > 0 && target > 0)) return false;
  const fraction = (v: number) => v < 1;
  const points = (v: number) => v > 1 && v <= 100;
  const mixed = (fraction(result) && points(target)) || (fraction(target) && points(result));
  return mixed && Math.max(result, target) / Math.min(result, target) > 10;
}

/**
 * Applies a "Sentido" (maior melhor / menor melhor) over the direction the target text gave. A range target
 * told "menor melhor" keeps its upper end as a ceiling, "maior melhor" its lower end as a floor.
 */
export function overrideDirection(target: Target, direction: Direction | undefined): Target {
  if (!direction || direction === target.direction) return target;
  if (target.direction === "range") {
    const bound = direction === "atMost" ? target.interval?.upper : target.interval?.lower;
    if (!bound) return target;
    return { ...target, direction, value: bound.value, interval: undefined };
  }
  if (direction === "range") return target;
  return { ...target, direction };
}

/** True when `value` satisfies `value ≥ bound` (or `>` when strict), with the tolerance. */
function atLeast(value: number, bound: number, strict: boolean): boolean {
  return strict ? value > bound && !nearlyEqual(value, bound) : value >= bound || nearlyEqual(value, bound);
}

/** True when `value` satisfies `value ≤ bound` (or `<` when strict), with the tolerance. */
function atMost(value: number, bound: number, strict: boolean): boolean {
  return strict ? value < bound && !nearlyEqual(value, bound) : value <= bound || nearlyEqual(value, bound);
}

/** True when a result meets the target in its direction (tolerance 1e-9 relative). */
export function meets(result: number, target: Target): boolean {
  const strict = target.strict === true;
  switch (target.direction) {
    case "atLeast":
      return atLeast(result, target.value, strict);
    case "atMost":
      return atMost(result, target.value, strict);
    case "exactly":
      return nearlyEqual(result, target.value);
    case "range": {
      const { lower, upper } = target.interval ?? {};
      return (
        (!lower || atLeast(result, lower.value, !lower.inclusive)) &&
        (!upper || atMost(result, upper.value, !upper.inclusive))
      );
    }
  }
}

/** Concept A (Suficiente) when the result meets the target, else B (Insuficiente). */
export function concept(result: number, target: Target): Concept {
  return meets(result, target) ? "A" : "B";
}

/**
 * Raw attainment, as a fraction that may pass 1 (docs/regras.md §3):
 * - at least: result / target; a target of 0 is met by any result ≥ 0 (1), else 0;
 * - at most: target / result; a result of 0 (or less) is 1; a target of 0 is met only by 0 (1, else 0);
 * - exactly: 1 when equal, else the smaller of result/target and target/result;
 * - range: 1 inside; below it result / lower end; above it upper end / result.
 * A value within the tolerance of 1 is 1, so a result equal to its target shows exactly 100%.
 */
export function rawAttainment(result: number, target: Target): number {
  const raw = rawUnsnapped(result, target);
  return nearlyEqual(raw, 1) ? 1 : raw;
}

function ratioUp(result: number, bound: number): number {
  if (bound === 0) return result >= 0 ? 1 : 0;
  return result / bound;
}

function ratioDown(result: number, bound: number): number {
  if (result <= 0 || nearlyEqual(result, 0)) return 1;
  if (bound === 0) return 0;
  return bound / result;
}

function rawUnsnapped(result: number, target: Target): number {
  switch (target.direction) {
    case "atLeast":
      return ratioUp(result, target.value);
    case "atMost":
      return ratioDown(result, target.value);
    case "exactly":
      if (nearlyEqual(result, target.value)) return 1;
      if (target.value === 0 || result <= 0) return 0;
      return Math.min(result / target.value, target.value / result);
    case "range": {
      const { lower, upper } = target.interval ?? {};
      if (lower && result < lower.value) return ratioUp(result, lower.value);
      if (upper && result > upper.value) return ratioDown(result, upper.value);
      return 1;
    }
  }
}

/** Clamps to [0, 1]: the scored attainment never passes 100% nor goes below 0%. */
export function clampScore(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** Raw and scored attainment of a result against a target. */
export function attainment(result: number, target: Target): Attainment {
  const raw = rawAttainment(result, target);
  return { raw, scored: clampScore(raw) };
}

/** Share of the missing attainment a partially accepted justification earns, by default (docs/regras.md §3). */
export const DEFAULT_PARTIAL_SHARE = 0.5;

/**
 * The credit an indicator earns towards the "share of targets met" (docs/regras.md §3, §6): A is 1; a B whose
 * justification the commission accepted totally counts as met (1); partially, it earns `partialShare` of
 * the weight it missed; otherwise 0.
 */
export function credit(
  c: Concept,
  decision: JustificationDecision | undefined,
  partialShare = DEFAULT_PARTIAL_SHARE,
): number {
  if (c === "A" || decision === "total") return 1;
  if (decision === "partial") return partialShare;
  return 0;
}

/**
 * The scored attainment after the commission's decision: a total acceptance counts as met (1), a partial
 * one earns `partialShare` of what is missing (0,6 → 0,6 + 0,5 × 0,4 = 0,8), otherwise unchanged.
 */
export function adjustedScore(
  scored: number,
  c: Concept,
  decision: JustificationDecision | undefined,
  partialShare = DEFAULT_PARTIAL_SHARE,
): number {
  if (c === "A") return scored;
  if (decision === "total") return 1;
  if (decision === "partial") return scored + partialShare * (1 - scored);
  return scored;
}

/**
 * The note of an indicator on a scale (Previne Brasil: `nota = min(10; 10 × resultado / meta)`), i.e.
 * `scale ×` the scored attainment: 30% against 60% gives 5; 40% against 50% gives 8.
 */
export function note(result: number, target: Target, scale = 10): number {
  return scale * attainment(result, target).scored;
}

/** Strength of a decision, to take the weakest of several months: none or rejected < partial < total. */
export function weakestDecision(decisions: (JustificationDecision | undefined)[]): JustificationDecision | undefined {
  const rank = (d: JustificationDecision | undefined) => (d === "total" ? 2 : d === "partial" ? 1 : 0);
  if (decisions.length === 0) return undefined;
  return decisions.reduce((weakest, d) => (rank(d) < rank(weakest) ? d : weakest));
}

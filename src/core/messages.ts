/**
 * Every pt-BR text the core shows a person, in one place so wording is reviewed in one file and another
 * language can be added later. Messages say what was found and what was expected.
 */

/** Formats a number the pt-BR way (`1.234,5`), at most `decimals` decimals. */
export function formatNumber(value: number, decimals = 2): string {
  return value.toLocaleString("pt-BR", { maximumFractionDigits: decimals, useGrouping: true });
}

/** Formats a fraction as a pt-BR percentage (`0.755` → `75,5%`). */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/** Quotes what the user wrote, shortened so a message stays readable. */
export function quote(value: unknown): string {
  const text = String(value);
  return `“${text.length > 60 ? `${text.slice(0, 57)}...` : text}”`;
}

export const messages = {
  // --- parse (numbers, cells, targets) ---
  PARSE_SECTION: "",

  // --- attainment and concept ---
  ATTAINMENT_SECTION: "",

  // --- periods ---
  PERIODS_SECTION: "",

  // --- bands ---
  BANDS_SECTION: "",

  // --- evaluation ---
  EVALUATE_SECTION: "",

  // --- ESF staffing ---
  STAFFING_SECTION: "",
};

/* Custom functions of the META namespace: thin wrappers over src/core. (Stub: replaced by the real set.) */

/**
 * Proporção entre numerador e denominador.
 * @customfunction PROPORCAO
 * @param numerador Numerador.
 * @param denominador Denominador.
 * @returns A proporção.
 */
export function proporcao(numerador: number, denominador: number): number {
  return numerador / denominador;
}

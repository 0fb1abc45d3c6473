/**
 * Cells read by the grid (`GridInput`, workbook/detect/grid) work out their address when asked instead of
 * keeping it, so jest's structural equality would see their row and column where a test expects
 * `address`. This tester compares such a cell as the core reads it: value, number format (when it has
 * one) and address, with the matcher's own rules (`toMatchObject` still compares a subset).
 */
import { GridInput } from "../../src/workbook/detect/grid";
import type { CellInput } from "../../src/core/evaluate";

function asRead(x: unknown): unknown {
  if (!(x instanceof GridInput)) return x;
  const cell: CellInput = { value: x.value };
  if (x.numberFormat !== undefined) cell.numberFormat = x.numberFormat;
  cell.address = x.address;
  return cell;
}

/** Jest's custom equality testers (jest ≥ 29.4), which @types/jest does not declare. */
interface TesterContext {
  equals(a: unknown, b: unknown, testers?: Tester[]): boolean;
}
type Tester = (this: TesterContext, a: unknown, b: unknown, testers: Tester[]) => boolean | undefined;

function gridCells(this: TesterContext, a: unknown, b: unknown, testers: Tester[]): boolean | undefined {
  if (!(a instanceof GridInput) && !(b instanceof GridInput)) return undefined;
  return this.equals(asRead(a), asRead(b), testers);
}

(expect as unknown as { addEqualityTesters(testers: Tester[]): void }).addEqualityTesters([gridCells]);

/**
 * The grid's cells (`GridInput`) work out their address when asked: read through a vertical merge they
 * name the merge's first cell, and the test-suite's equality sees them as the core reads them, so a
 * wrong value, format or address still fails.
 */
import { Grid, GridInput } from "../../src/workbook/detect/grid";
import { fmt, sheet } from "./fixtures";

// A1:C3 from B2 (origin), with B3:B4 merged: the value shows in B3 and B4 reads it from there.
const grid = new Grid(
  sheet(
    "Dados",
    [
      ["Meta", "Resultado"],
      [fmt(0.8, "0%"), fmt(0.75, "0%")],
      [null, 0.9],
    ],
    { origin: { row: 2, col: 2 }, merges: ["B3:B4"] },
  ),
);

test("a cell names itself when asked; through a merge it names the merge's first cell", () => {
  const target = grid.resolvedInput(3, 2);
  expect(target).toBeInstanceOf(GridInput);
  expect(target.address).toBe("B3");
  expect(target.value).toBe(0.8);
  expect(target.numberFormat).toBe("0%");
  // B4 is covered by B3:B4: it reads B3.
  const below = grid.resolvedInput(4, 2);
  expect(below.address).toBe("B3");
  expect(below.value).toBe(0.8);
  expect(grid.resolvedInput(4, 3).address).toBe("C4");
});

test("equality sees value, format and address: a wrong one of them fails", () => {
  const cell = grid.resolvedInput(3, 3);
  expect(cell).toEqual({ value: 0.75, numberFormat: "0%", address: "C3" });
  expect(cell).not.toEqual({ value: 0.75, numberFormat: "0%", address: "C4" });
  expect(cell).not.toEqual({ value: 0.75, address: "C3" });
  expect(cell).not.toEqual({ value: 0.7, numberFormat: "0%", address: "C3" });
  expect(cell).toMatchObject({ address: "C3" });
  expect(cell).not.toMatchObject({ address: "B3" });
  // A spread keeps the cell's own fields only: the address lives on its prototype (copies go key by key).
  expect({ ...cell }.address).toBeUndefined();
});

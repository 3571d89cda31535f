import { describe, expect, it } from "vitest";
import { typescriptBarrelReader } from "../../src/adapters/typescript/barrel-reader.js";

const exportsOf = (text: string) => typescriptBarrelReader.exportsOf("index.ts", text);
const importsOf = (text: string) => typescriptBarrelReader.importsOf("controller.ts", text);

describe("what a barrel is", () => {
  it("a module of re-exports only: export *, export * as, export { a, b as c } from, and imports it exports", () => {
    const found = exportsOf(
      [
        "// the data-access library",
        'export * from "./users.js";',
        'export type * from "./types.js";',
        'export * as audit from "./audit.js";',
        'export { a, b as c, type T } from "./letters.js";',
        'import Orders, { load as loadOrders } from "./orders.js";',
        'import * as invoices from "./invoices.js";',
        "export { Orders, loadOrders as load, invoices };",
        "export { Orders as default };",
      ].join("\n"),
    );
    expect(found).toEqual({
      barrel: true,
      exportsStar: true,
      names: ["audit", "a", "c", "T", "Orders", "load", "invoices", "default"],
      reExports: [
        { specifier: "./users.js", star: true, typeOnly: false, names: [] },
        { specifier: "./types.js", star: true, typeOnly: true, names: [] },
        {
          specifier: "./audit.js",
          star: false,
          typeOnly: false,
          names: [{ exported: "audit", imported: "*", typeOnly: false }],
        },
        {
          specifier: "./letters.js",
          star: false,
          typeOnly: false,
          names: [
            { exported: "a", imported: "a", typeOnly: false },
            { exported: "c", imported: "b", typeOnly: false },
            { exported: "T", imported: "T", typeOnly: true },
          ],
        },
        {
          specifier: "./orders.js",
          star: false,
          typeOnly: false,
          names: [{ exported: "Orders", imported: "default", typeOnly: false }],
        },
        {
          specifier: "./orders.js",
          star: false,
          typeOnly: false,
          names: [{ exported: "load", imported: "load", typeOnly: false }],
        },
        {
          specifier: "./invoices.js",
          star: false,
          typeOnly: false,
          names: [{ exported: "invoices", imported: "*", typeOnly: false }],
        },
        {
          specifier: "./orders.js",
          star: false,
          typeOnly: false,
          names: [{ exported: "default", imported: "default", typeOnly: false }],
        },
      ],
    });
  });

  it.each([
    ["a declaration", 'export * from "./a.js";\nexport const version = 1;'],
    ["export default of an expression", 'export * from "./a.js";\nexport default 42;'],
    ["a side-effect import", 'import "./polyfill.js";\nexport * from "./a.js";'],
    ["an export of a name it does not import", 'export * from "./a.js";\nexport { undeclared };'],
    ["nothing at all", "// empty"],
  ])("is not a barrel with %s", (_, text) => {
    expect(exportsOf(text).barrel).toBe(false);
  });

  it("names what a defining module exports by name, and whether it also has export *", () => {
    const found = exportsOf(
      [
        "export class Repository {}",
        "export interface User {}",
        "export type Id = string;",
        "export enum Role { Admin }",
        "export function load() {}",
        "export const { a, b: [c] } = { a: 1, b: [2] };",
        "export default class {}",
        "const hidden = 1;",
        "export { hidden as shown };",
        'export * from "./more.js";',
      ].join("\n"),
    );
    expect(found.barrel).toBe(false);
    expect(found.names).toEqual(["Repository", "User", "Id", "Role", "load", "a", "c", "default", "shown"]);
    expect(found.exportsStar).toBe(true);
  });
});

describe("what a file takes from each specifier", () => {
  it("names for named imports and export-from; whole for namespace, side effect, export *, require and import()", () => {
    const found = importsOf(
      [
        'import Default, { a, b as renamed, type T } from "@dal";',
        'import type { U } from "@dal";',
        'export { v } from "@dal";',
        'import * as ns from "./ns.js";',
        'import "./side.js";',
        'export * from "./all.js";',
        'const required = require("./required.js");',
        'const lazy = import("./lazy.js");',
        'type Lazy = import("./type.js").T;',
      ].join("\n"),
    );
    expect(found).toEqual([
      {
        specifier: "@dal",
        names: [
          { name: "default", typeOnly: false },
          { name: "a", typeOnly: false },
          { name: "b", typeOnly: false },
          { name: "T", typeOnly: true },
          { name: "U", typeOnly: true },
          { name: "v", typeOnly: false },
        ],
        whole: false,
      },
      { specifier: "./ns.js", names: [], whole: true },
      { specifier: "./side.js", names: [], whole: true },
      { specifier: "./all.js", names: [], whole: true },
      { specifier: "./required.js", names: [], whole: true },
      { specifier: "./lazy.js", names: [], whole: true },
      { specifier: "./type.js", names: [], whole: true },
    ]);
  });
});

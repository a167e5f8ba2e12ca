import { parse } from "pgsql-ast-parser";
import type { Expr } from "pgsql-ast-parser";
import { CodegenError } from "@/lib/codegen/codegen-error";
import type { ResolvedColumn, Scope } from "@/lib/codegen/scope";

export type ArithmeticOp = "+" | "-" | "*" | "/" | "%";
export type CastType = "numeric" | "integer" | "bigint" | "text" | "date";
export type AllowedFunction = (typeof ALLOWED_FUNCTIONS)[number];

/** An expression that passed the allowlist, with every column resolved against the catalog. */
export type SafeExpr =
  | { kind: "column"; ref: ResolvedColumn }
  | { kind: "number"; text: string }
  | { kind: "string"; value: string }
  | { kind: "null" }
  | { kind: "binary"; op: ArithmeticOp; left: SafeExpr; right: SafeExpr }
  | { kind: "negate"; operand: SafeExpr }
  | { kind: "cast"; operand: SafeExpr; to: CastType }
  | { kind: "call"; fn: AllowedFunction; args: SafeExpr[] }
  | { kind: "extract"; field: ExtractField; from: SafeExpr };

export const ALLOWED_FUNCTIONS = [
  "round",
  "coalesce",
  "nullif",
  "abs",
  "lower",
  "upper",
  "date_trunc",
  "ceil",
  "floor",
  "greatest",
  "least",
] as const;
const ARITY: Record<AllowedFunction, [number, number]> = {
  round: [1, 2],
  coalesce: [2, 8],
  nullif: [2, 2],
  abs: [1, 1],
  lower: [1, 1],
  upper: [1, 1],
  date_trunc: [2, 2],
  ceil: [1, 1],
  floor: [1, 1],
  greatest: [2, 8],
  least: [2, 8],
};
const EXTRACT_FIELDS = ["year", "quarter", "month", "week", "day", "dow", "hour", "minute", "epoch"] as const;
export type ExtractField = (typeof EXTRACT_FIELDS)[number];
export const TRUNC_UNITS = ["day", "week", "month", "quarter", "year"];
const CASTS: Record<string, CastType> = {
  numeric: "numeric",
  decimal: "numeric",
  integer: "integer",
  int: "integer",
  int4: "integer",
  bigint: "bigint",
  int8: "bigint",
  text: "text",
  date: "date",
};

const reject = (what: string): never => {
  throw new CodegenError("invalid_expression", `expression not allowed: ${what}`);
};

/**
 * Parses a free expression with a real Postgres parser and keeps it only if every node is
 * arithmetic, a constant, a cast, an allowed function or a column of the spec's sources.
 */
export function parseSafeExpression(sql: string, scope: Scope): SafeExpr {
  let ast: Expr;
  try {
    ast = parse(sql, "expr");
  } catch {
    return reject(`"${sql}" is not a valid expression`);
  }
  return check(ast, scope);
}

function check(node: Expr, scope: Scope): SafeExpr {
  switch (node.type) {
    case "ref":
      if (node.name === "*") return reject("* in an expression");
      if (node.table?.schema)
        return reject(`schema-qualified column ${node.table.schema}.${node.table.name}.${node.name}`);
      return {
        kind: "column",
        ref: node.table ? scope.column({ source: node.table.name, column: node.name }) : scope.bareColumn(node.name),
      };
    case "integer":
    case "numeric":
      return { kind: "number", text: String(node.value) };
    case "string":
      return { kind: "string", value: node.value };
    case "null":
      return { kind: "null" };
    case "unary":
      if (node.op === "-") return { kind: "negate", operand: check(node.operand, scope) };
      if (node.op === "+") return check(node.operand, scope);
      return reject(`operator ${node.op}`);
    case "binary":
      if (!["+", "-", "*", "/", "%"].includes(node.op)) return reject(`operator ${node.op}`);
      return {
        kind: "binary",
        op: node.op as ArithmeticOp,
        left: check(node.left, scope),
        right: check(node.right, scope),
      };
    case "cast": {
      const to = "name" in node.to ? CASTS[node.to.name.toLowerCase()] : undefined;
      if (!to) return reject(`cast to ${"name" in node.to ? node.to.name : "an array"}`);
      return { kind: "cast", operand: check(node.operand, scope), to };
    }
    case "extract": {
      const field = node.field.name.toLowerCase() as ExtractField;
      if (!EXTRACT_FIELDS.includes(field)) return reject(`extract of ${node.field.name}`);
      return { kind: "extract", field, from: check(node.from, scope) };
    }
    case "call":
      return checkCall(node, scope);
    default:
      return reject(`${node.type} expressions`);
  }
}

function checkCall(node: Extract<Expr, { type: "call" }>, scope: Scope): SafeExpr {
  const name = node.function.name.toLowerCase();
  if (node.function.schema) return reject(`function ${node.function.schema}.${name}`);
  if (!(ALLOWED_FUNCTIONS as readonly string[]).includes(name)) return reject(`function ${name}()`);
  if (node.distinct || node.orderBy || node.filter || node.over || node.withinGroup)
    return reject(`modifiers on ${name}()`);
  const fn = name as AllowedFunction;
  const [min, max] = ARITY[fn];
  if (node.args.length < min || node.args.length > max) return reject(`${name}() with ${node.args.length} arguments`);
  const args = node.args.map((a) => check(a, scope));
  if (fn === "date_trunc" && !(args[0].kind === "string" && TRUNC_UNITS.includes(args[0].value)))
    return reject(`date_trunc unit; use one of ${TRUNC_UNITS.join(", ")}`);
  if (fn === "round" && args[1] && !(args[1].kind === "number" && /^\d+$/.test(args[1].text)))
    return reject("round() digits must be a whole number");
  return { kind: "call", fn, args };
}

/** Every catalog column an expression reads, for lineage and tests. */
export function expressionColumns(expr: SafeExpr): ResolvedColumn[] {
  switch (expr.kind) {
    case "column":
      return [expr.ref];
    case "binary":
      return [...expressionColumns(expr.left), ...expressionColumns(expr.right)];
    case "negate":
    case "cast":
      return expressionColumns(expr.operand);
    case "call":
      return expr.args.flatMap(expressionColumns);
    case "extract":
      return expressionColumns(expr.from);
    default:
      return [];
  }
}

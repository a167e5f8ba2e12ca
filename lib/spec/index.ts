export { EtlSpecSchema, type EtlSpec } from "@/lib/spec/etl-spec";
export * from "@/lib/spec/clauses";
export * from "@/lib/spec/output-column";
export { isSnakeIdentifier, toSnakeIdentifier } from "@/lib/spec/identifier";

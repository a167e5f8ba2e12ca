// DataMorph's own tables (schema `datamorph`), one file per domain; drizzle.config.ts reads this index.
export * from "./common";
export * from "./users";
export * from "./runs";
export * from "./uploads";
export * from "./pipelines";
export * from "./settings";
export * from "./evals";
export * from "./semantic-models";
export * from "./knowledge";
export * from "./verified-examples";

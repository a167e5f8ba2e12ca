export type CodegenErrorCode =
  | "unknown_table"
  | "unknown_column"
  | "invalid_expression"
  | "invalid_literal"
  | "invalid_spec";

/** Raised when a spec cannot be compiled safely; `message` names the offending part. */
export class CodegenError extends Error {
  readonly code: CodegenErrorCode;

  constructor(code: CodegenErrorCode, message: string) {
    super(message);
    this.name = "CodegenError";
    this.code = code;
  }
}

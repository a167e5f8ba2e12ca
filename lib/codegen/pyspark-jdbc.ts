import { CodegenError } from "@/lib/codegen/codegen-error";
import { py } from "@/lib/codegen/pyspark-expression";

/**
 * Where a Glue script finds its database and target. By default url, user and password come
 * from a Glue JDBC connection named by a job argument: job arguments show in the Glue console
 * and in every run's details, so a password must never travel as one. `credentials: "arguments"`
 * reads all three from job arguments instead, for a Spark without Glue connections.
 */
export type GlueJdbcArgs = {
  credentials?: "connection" | "arguments";
  connectionVar?: string;
  databaseVar?: string;
  urlVar?: string;
  userVar?: string;
  passwordVar?: string;
  targetVar?: string;
  driver?: string;
};

/** The job arguments a script compiled with the default `GlueJdbcArgs` reads. */
export const GLUE_SCRIPT_ARGS = {
  connection: "CONNECTION_NAME",
  database: "DATABASE",
  target: "TARGET_TABLE",
} as const;

const ARG = /^[A-Z][A-Z0-9_]*$/;
const arg = (name: string) => `args[${py(name)}]`;

/** The job arguments the credentials come from, and the lines that open `jdbc_options` with them. */
function credentials(jdbc: GlueJdbcArgs): { names: string[]; lines: string[] } {
  if ((jdbc.credentials ?? "connection") === "connection") {
    const connection = jdbc.connectionVar ?? GLUE_SCRIPT_ARGS.connection;
    const database = jdbc.databaseVar ?? GLUE_SCRIPT_ARGS.database;
    return {
      names: [connection, database],
      lines: [
        "# The credentials stay in the Glue connection; its url ends at host:port, without the database.",
        `connection = glue_context.extract_jdbc_conf(${arg(connection)})`,
        "jdbc_options = {",
        `    "url": connection["url"].rstrip("/") + "/" + ${arg(database)},`,
        '    "user": connection["user"],',
        '    "password": connection["password"],',
      ],
    };
  }
  const [url, user, password] = [
    jdbc.urlVar ?? "JDBC_URL",
    jdbc.userVar ?? "JDBC_USER",
    jdbc.passwordVar ?? "JDBC_PASSWORD",
  ];
  return {
    names: [url, user, password],
    lines: [
      "jdbc_options = {",
      `    "url": ${arg(url)},`,
      `    "user": ${arg(user)},`,
      `    "password": ${arg(password)},`,
    ],
  };
}

/**
 * The script's opening lines, from `args = getResolvedOptions(...)` to `jdbc_options`; the rest
 * of the script reads `spark`, `jdbc_options` and `args[targetVar]`.
 */
export function jdbcPreamble(jdbc: GlueJdbcArgs): { lines: string[]; targetVar: string } {
  const targetVar = jdbc.targetVar ?? GLUE_SCRIPT_ARGS.target;
  const { names, lines } = credentials(jdbc);
  const all = [...names, targetVar];
  for (const name of all)
    if (!ARG.test(name)) throw new CodegenError("invalid_spec", `job argument name ${name} must be UPPER_SNAKE_CASE`);
  if (new Set(all).size !== all.length)
    throw new CodegenError("invalid_spec", `job argument names must differ: ${all.join(", ")}`);
  return {
    targetVar,
    lines: [
      `args = getResolvedOptions(sys.argv, [${["JOB_NAME", ...all].map(py).join(", ")}])`,
      "glue_context = GlueContext(SparkContext.getOrCreate())",
      "spark = glue_context.spark_session",
      ...lines,
      `    "driver": ${py(jdbc.driver ?? "org.postgresql.Driver")},`,
      "}",
    ],
  };
}

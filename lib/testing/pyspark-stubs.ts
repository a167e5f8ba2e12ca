import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Stand-ins for the awsglue and pyspark modules that only record calls, so the script itself
// runs under plain python3 and the test sees what it would ask of Glue and Spark.
const STUBS = `
import json, runpy, sys, types
calls = []
class Fake:
    def __init__(self, name): self._name = name
    def __getattr__(self, name): return Fake(name)
    def __call__(self, *args, **kwargs):
        plain = lambda v: v if isinstance(v, (str, int, float)) else repr(v)
        calls.append({"method": self._name, "args": [plain(a) for a in args], "kwargs": {k: plain(v) for k, v in kwargs.items()}})
        return Fake(self._name + "()")
    def __repr__(self): return "<" + self._name + ">"
for op in ["eq", "ne", "lt", "le", "gt", "ge", "and", "or", "invert", "add", "sub", "mul", "truediv", "mod", "neg", "radd", "rsub", "rmul", "rtruediv", "rmod", "rand", "ror"]:
    setattr(Fake, "__%s__" % op, lambda self, *other, _op=op: Fake(_op))
class GlueContext:
    def __init__(self, sc): self.spark_session = Fake("spark")
    def extract_jdbc_conf(self, connection_name, catalog_id=None):
        calls.append({"method": "extract_jdbc_conf", "args": [connection_name], "kwargs": {}})
        return {"url": "jdbc:postgresql://warehouse.internal:5432", "user": "etl", "password": "from-the-connection", "vendor": "postgresql"}
def getResolvedOptions(argv, names):
    given = dict(zip([a[2:] for a in argv[1::2]], argv[2::2]))
    return {n: given[n] for n in names}
modules = {name: types.ModuleType(name) for name in ["awsglue", "awsglue.context", "awsglue.utils", "pyspark", "pyspark.context", "pyspark.sql"]}
modules["awsglue.context"].GlueContext = GlueContext
modules["awsglue.utils"].getResolvedOptions = getResolvedOptions
modules["pyspark.context"].SparkContext = type("SparkContext", (), {"getOrCreate": staticmethod(lambda: None)})
modules["pyspark.sql"].functions = Fake("F")
modules["pyspark.sql"].Window = Fake("Window")
sys.modules.update(modules)
script, sys.argv = sys.argv[1], sys.argv[1:]
runpy.run_path(script, run_name="__main__")
print(json.dumps(calls))
`;

/** One call the script made on Glue or Spark, its arguments as text where they are not plain. */
export type GlueScriptCall = { method: string; args: string[]; kwargs: Record<string, string> };

/**
 * Checks `source` compiles, then runs it under python3 with `args` as its job arguments and
 * returns the calls it made, in order.
 */
export function runGlueScriptWithStubs(source: string, args: Record<string, string>): GlueScriptCall[] {
  const dir = mkdtempSync(path.join(tmpdir(), "datamorph-py-"));
  writeFileSync(path.join(dir, "job.py"), source);
  writeFileSync(path.join(dir, "stubs.py"), STUBS);
  execFileSync("python3", ["-m", "py_compile", path.join(dir, "job.py")]);
  const argv = Object.entries(args).flatMap(([k, v]) => [`--${k}`, v]);
  return JSON.parse(
    execFileSync("python3", [path.join(dir, "stubs.py"), path.join(dir, "job.py"), ...argv], { encoding: "utf8" }),
  );
}

import { vpc } from "./network";

// RDS Postgres is both the warehouse and the app database (schema `datamorph`), as the embedded
// cluster is locally. SST's defaults: a t4g.micro instance, 20 GB gp3 that grows on demand,
// 7 days of backups, a generated password. Raise `instance` for warehouses past a few GB.
export const database = new sst.aws.Postgres("Database", { vpc });

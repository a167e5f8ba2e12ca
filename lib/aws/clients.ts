import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GlueClient } from "@aws-sdk/client-glue";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { getEnv } from "@/lib/env";

type Clients = {
  bedrock?: BedrockRuntimeClient;
  lambda?: LambdaClient;
  dynamoDb?: DynamoDBClient;
  s3?: S3Client;
  glue?: GlueClient;
  scheduler?: SchedulerClient;
};

const cache = ((globalThis as unknown as { datamorphAwsClients?: Clients }).datamorphAwsClients ??= {});

// One client of each service per process: each keeps its connections and credentials between
// requests. Region and credentials come from the AWS environment (the Lambda role on AWS).

export const getBedrockClient = () => (cache.bedrock ??= new BedrockRuntimeClient({ maxAttempts: 4 }));
export const getLambdaClient = () => (cache.lambda ??= new LambdaClient({}));
export const getDynamoDbClient = () => (cache.dynamoDb ??= new DynamoDBClient({}));
// An S3-compatible endpoint set by hand (a local server, MinIO) seldom resolves bucket subdomains.
export const getS3Client = () => (cache.s3 ??= new S3Client({ forcePathStyle: getEnv().customS3Endpoint }));
// More attempts: a run polls Glue for minutes, and Glue throttles its control plane hard.
export const getGlueClient = () => (cache.glue ??= new GlueClient({ maxAttempts: 6 }));
export const getSchedulerClient = () => (cache.scheduler ??= new SchedulerClient({}));

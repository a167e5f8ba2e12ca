/** The administrator created by the first-run setup, shared by every spec. */
export const admin = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };
